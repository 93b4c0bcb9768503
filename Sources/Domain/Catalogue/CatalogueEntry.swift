public import Foundation

/// What a catalogue entry names: something a machine, room or pool offers, or a qualification
/// only people hold. One catalogue serves both (the planner matches the same tag on a resource
/// and on an instructor); the kind groups the pickers, it refuses nothing.
public enum CapabilityKind: String, Sendable, Codable, CaseIterable {
    case equipment
    case skill
}

/// Whether new input may still name an entry; a retired one keeps its labels for what uses it.
public enum CatalogueStatus: String, Sendable, Codable, CaseIterable {
    case active
    case retired
}

/// One capability or skill of a center's catalogue: the stable tag (`cnc.lathe`) and the labels
/// people read (数控车床 / CNC lathe).
public struct CatalogueEntry: Sendable, Equatable, Codable {
    public var centerId: UUID
    /// The stable identifier resources, instructors and requests carry; never changes.
    public var tag: String
    public var labelZh: String
    public var labelEn: String
    public var kind: CapabilityKind
    public var description: String
    public var status: CatalogueStatus
    public var version: Int

    public init(
        centerId: UUID, tag: String, labelZh: String, labelEn: String, kind: CapabilityKind, description: String,
        status: CatalogueStatus, version: Int
    ) {
        self.centerId = centerId
        self.tag = tag
        self.labelZh = labelZh
        self.labelEn = labelEn
        self.kind = kind
        self.description = description
        self.status = status
        self.version = version
    }

    /// The label in Chinese when `chinese`, else in English.
    public func label(chinese: Bool) -> String { chinese ? labelZh : labelEn }
}
