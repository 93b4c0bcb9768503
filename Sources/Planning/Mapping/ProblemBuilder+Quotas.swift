import Allocator
import Domain
import Foundation

extension ProblemBuilder {
    /// The center's quotas as hard caps (docs/quotas.md): per quota, the sessions of its organization
    /// (and category) this run places, the resources it covers, and per window meeting the horizon
    /// the slots left after the bookings the run does not place again.
    mutating func addQuotas() {
        let grid = snapshot.grid
        let requestSessions = planning.requestSessions
        for uses in Dictionary(grouping: snapshot.quotas, by: \.quota.id).values {
            let quota = uses[0].quota
            let sessions = requestSessions.compactMap { index, key -> Int? in
                guard let request = planning.requests[key.requestId], request.organizationId == quota.organizationId,
                    quota.category.map({ $0 == request.category }) ?? true
                else { return nil }
                return index
            }
            guard !sessions.isEmpty else { continue }
            let windows = uses.sorted { ($0.windowStart ?? .distantPast) < ($1.windowStart ?? .distantPast) }
                .compactMap { use -> QuotaCap.Window? in
                    guard let start = use.windowStart, let end = use.windowEnd else { return nil }
                    let (first, last) = (slot(atOrAfter: start), slot(atOrAfter: end))
                    guard first < last else { return nil }
                    let left = use.hoursLeft * 60 / Double(grid.slotMinutes)
                    return QuotaCap.Window(start: first, end: last, limit: Int(left.rounded(.down)))
                }
            planning.problem.quotas.append(
                QuotaCap(name: name(of: quota), sessions: sessions, resources: covered(by: quota), windows: windows))
        }
        planning.problem.quotas.sort { $0.name < $1.name }
    }

    /// The first slot starting at or after `instant`: 0 before the grid, the slot count after it.
    private func slot(atOrAfter instant: Date) -> Int {
        let grid = snapshot.grid
        guard instant > grid.instant(ofSlot: 0) else { return 0 }
        guard let slot = grid.slot(of: instant) else { return grid.horizon.slotCount }
        return grid.instant(ofSlot: slot) < instant ? slot + 1 : slot
    }

    /// The resources whose use the quota counts: its resource and what it contains, or those with its
    /// capability; `nil` for the whole center.
    private func covered(by quota: Quota) -> [Int]? {
        let resources = snapshot.resources
        if let capability = quota.capability {
            return resources.indices.filter { resources[$0].capabilities.contains(capability) }
        }
        guard let root = quota.resourceId else { return nil }
        let parents = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0.parentId) })
        return resources.indices.filter { index in
            var current: UUID? = resources[index].id
            var steps = 0
            while let id = current, steps <= resources.count {
                if id == root { return true }
                current = parents[id] ?? nil
                steps += 1
            }
            return false
        }
    }

    /// How explanations name a quota: "20 h/month, student_training on 5-axis CNC".
    private func name(of quota: Quota) -> String {
        var scope = [quota.category?.rawValue].compactMap { $0 }
        if let capability = quota.capability { scope.append(capability) }
        if let id = quota.resourceId, let resource = snapshot.resources.first(where: { $0.id == id }) {
            scope.append(resource.name)
        }
        let of = scope.isEmpty ? "" : ", " + scope.joined(separator: ", ")
        return "\(quota.hours) h/\(quota.period.rawValue)\(of)"
    }
}
