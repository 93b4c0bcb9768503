import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// The resource kinds as a file may write them: the API value or a Chinese word.
    static let resourceKinds: [String: ResourceKind] = [
        "room": .room, "房间": .room, "教室": .room, "workshop": .workshop, "车间": .workshop, "实训室": .workshop,
        "equipment_line": .equipmentLine, "设备线": .equipmentLine, "产线": .equipmentLine,
        "workstation_pool": .workstationPool, "工位池": .workstationPool,
    ]

    /// A resource row, keyed by its name in the center: added through
    /// ``CenterService/addResource(_:to:on:as:)`` or changed through the resource edit use case.
    func importResource(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let name = try row.required("name")
        let kindText = try row.required("kind")
        guard let kind = Self.resourceKinds[kindText.lowercased()] else {
            throw ImportRowFailure(
                column: "kind", rule: "enum",
                message: "'\(kindText)' is not room, workshop, equipment_line or workstation_pool.")
        }
        let seats = try row.number("seats") ?? 0
        let parentId = try parent(row, center: centerId, on: connection)
        let capabilities = row.list("capabilities")
        let service = CenterService(database: database)
        guard let stored = try ResourceRepository().find(named: name, centerId: centerId, on: connection) else {
            let input = NewResource(
                kind: kind, name: name, capabilities: capabilities, seats: seats, parentId: parentId)
            _ = try service.addResource(input, to: centerId, on: connection, as: caller)
            return .created
        }
        guard stored.kind == kind else {
            throw ImportRowFailure(
                column: "kind", rule: "immutable",
                message: "\(name) is a \(stored.kind.rawValue); a resource's kind never changes.")
        }
        let change = ResourceChange(seats: seats, capabilities: capabilities, parentId: .some(parentId))
        let wanted: Resource
        do throws(DomainError) { wanted = try change.applied(to: stored) } catch { throw ServiceError.invalid(error) }
        guard wanted != stored else { return .unchanged }
        _ = try service.change(
            resource: stored.id, change, version: stored.version, now: Date(), on: connection, as: caller)
        return .updated
    }

    /// The parent named in the row, a resource of the same center.
    private func parent(_ row: ImportRow, center centerId: UUID, on connection: Connection) throws -> UUID? {
        let name = row["parent"]
        guard !name.isEmpty else { return nil }
        guard let parent = try ResourceRepository().find(named: name, centerId: centerId, on: connection) else {
            throw ImportRowFailure(
                column: "parent", rule: "exists",
                message: "The center has no resource named \(name) (list a parent before what it contains).")
        }
        return parent.id
    }
}
