// Seat allocation for shared-employee courses, after placement:
//
//   offered ← course seats, limited by the seats of every resource its sessions were given
//   if a session of the course is unplaced: the course does not run
//   if the requests fit: everyone gets what they asked
//   else max-min fair (water filling): repeatedly give every unsatisfied SME an equal share of what is left,
//        capped by its request; the last indivisible seats go one each in order of asking
//   if the seats granted are under the minimum enrolment: the course does not run and its sessions are unplaced

/// Shares out the seats of shared-employee courses (see the algorithm above).
public enum SeatAllocator {
    /// Allocates the seats of every shared course of `problem`, unplacing the sessions of courses that do not run.
    /// - Returns: one allocation per course, in order.
    static func allocate(_ problem: Problem, solution: inout Solution) -> [SeatAllocation] {
        problem.sharedCourses.enumerated().map { index, course in
            let members = problem.series[course.series].sessions
            let placed = members.compactMap { solution.assignments[$0] }
            let roomSeats = placed.map { problem.resources[$0.resource].seats }.filter { $0 > 0 }
            let offered = min(course.seats, roomSeats.min() ?? course.seats)
            var allocation = SeatAllocation(course: index, seatsOffered: offered, runs: true, grants: [], reason: nil)
            let fair = maxMinFair(capacity: offered, demands: course.requests.map(\.seats))
            allocation.grants = zip(course.requests, fair).map {
                SeatAllocation.Grant(organization: $0.organization, asked: $0.seats, granted: $1)
            }
            let granted = fair.reduce(0, +)
            if placed.count < members.count {
                let missing = members.count - placed.count
                allocation.reason = Reason(
                    english: "\(missing) of its \(members.count) sessions could not be placed",
                    chinese: "\(members.count)次课中有\(missing)次无法排入")
            } else if granted < course.minimumEnrolment {
                allocation.reason = Reason(
                    english:
                        "only \(granted) seats were taken, under its minimum enrolment of \(course.minimumEnrolment)",
                    chinese: "仅售出\(granted)个名额，低于最低开班人数\(course.minimumEnrolment)")
            }
            if allocation.reason != nil {
                allocation.runs = false
                for grant in allocation.grants.indices { allocation.grants[grant].granted = 0 }
                for session in members { solution.assignments[session] = nil }
            }
            return allocation
        }
    }

    /// Max-min fair shares of `capacity` among `demands`; nobody gets more than its demand, and leftover
    /// single seats go in order of asking.
    public static func maxMinFair(capacity: Int, demands: [Int]) -> [Int] {
        var shares = Array(repeating: 0, count: demands.count)
        var left = max(0, capacity)
        var open = demands.indices.filter { demands[$0] > 0 }
        while left > 0 && !open.isEmpty {
            let even = left / open.count
            if even == 0 {
                for index in open.prefix(left) { shares[index] += 1 }
                break
            }
            for index in open {
                let given = min(even, demands[index] - shares[index])
                shares[index] += given
                left -= given
            }
            open.removeAll { shares[$0] == demands[$0] }
        }
        return shares
    }
}
