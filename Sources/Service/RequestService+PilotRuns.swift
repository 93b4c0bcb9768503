import Access
import Database
import Domain
import Foundation
import Repositories

extension RequestService {
    /// The line a pilot run names must be an active equipment line of the center, the resources it
    /// takes beside it active resources of the center other than the line, each named once.
    func checkResources(of details: PilotProductionDetails, centerId: UUID, on connection: Connection) throws {
        if let resourceId = details.resourceId {
            guard let line = try resources.find(id: resourceId, on: connection), line.centerId == centerId,
                line.kind == .equipmentLine, line.status == .active
            else {
                throw Self.invalid(
                    "details/resourceId", "equipmentLine", "The center has no active equipment line \(resourceId).")
            }
        }
        var named: Set<UUID> = Set([details.resourceId].compactMap { $0 })
        for (index, extra) in (details.extraResources ?? []).enumerated() {
            guard let resourceId = extra.resourceId else { continue }
            let field = "details/extraResources/\(index)/resourceId"
            guard let resource = try resources.find(id: resourceId, on: connection), resource.centerId == centerId,
                resource.status == .active
            else {
                throw Self.invalid(field, "exists", "The center has no active resource \(resourceId).")
            }
            guard named.insert(resourceId).inserted else {
                throw Self.invalid(field, "unique", "The run already takes \(resource.name).")
            }
        }
    }
}
