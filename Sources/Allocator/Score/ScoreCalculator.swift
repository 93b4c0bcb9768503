/// Keeps the score of a solution up to date as sessions are retracted and inserted, touching only the
/// table cells a session covers (OptaPlanner's incremental score calculator).
///
/// ```
/// insert(session, assignment):              retract(session):
///   update counters for every covered cell    subtract linked penalties (pilot runs, changeovers)
///   (resource, instructor, cohort, series,    clear the placement
///    category), adding after − before         update counters with the opposite sign
///   store the placement
///   add linked penalties
/// ```
/// Running totals live in ``totals``: hard, medium and weighted soft penalties (all ≥ 0).
final class ScoreCalculator {
    let facts: CompiledProblem
    /// Hard, medium and weighted soft penalties.
    let totals = CountTable<Int64>(count: 3)
    /// Current placement by session; -1 when unplaced.
    let start: CountTable<Int32>
    let resource: CountTable<Int32>
    let instructor: CountTable<Int32>
    let secondInstructor: CountTable<Int32>

    let resourceLoad: CountTable<Int32>
    let resourceInside: CountTable<Int32>
    let instructorBusy: CountTable<Int32>
    let instructorWeekLoad: CountTable<Int32>
    /// Slots taken in each window of each quota (``QuotaTables``).
    let quotaLoad: CountTable<Int32>
    let cohortBusy: CountTable<Int32>
    /// Scratch of the clash check: sessions of a move leaving each cohort cell (all 0 between checks).
    let cohortLeft: CountTable<Int32>
    let seriesDay: CountTable<Int32>
    let seriesResource: CountTable<Int32>
    let seriesTime: CountTable<Int32>
    /// Distinct days, resources and weekly times per series: `3 * series + 0, 1, 2`.
    let seriesDistinct: CountTable<Int32>
    /// Placed members per series (kept for pilot runs, which count as unplaced until whole).
    let seriesPlaced: CountTable<Int32>
    let categoryUsed: CountTable<Int32>
    let organizationUnplaced: CountTable<Int32>
    /// Sessions placed on each resource, kept only when the problem has changeover buffers or exclusive halls.
    var sessionsOnResource: [[Int]]
    /// Placed exclusive-hall sessions.
    var placedExclusive: [Int] = []

    /// A calculator for an empty solution (every session unplaced).
    init(_ facts: CompiledProblem) {
        self.facts = facts
        let flags = facts.flags
        let slots = facts.slotCount
        let categories = SessionCategory.allCases.count
        start = CountTable(count: facts.sessionCount, value: -1)
        resource = CountTable(count: facts.sessionCount, value: -1)
        instructor = CountTable(count: facts.sessionCount, value: -1)
        secondInstructor = CountTable(count: facts.sessionCount, value: -1)
        resourceLoad = CountTable(count: facts.resourceCount * slots)
        resourceInside = CountTable(count: flags.hierarchy ? facts.resourceCount * slots : 0)
        instructorBusy = CountTable(count: facts.instructorCount * slots)
        instructorWeekLoad = CountTable(count: facts.instructorCount * facts.weekCount)
        quotaLoad = CountTable(count: facts.quotas.limit.count)
        cohortBusy = CountTable(count: facts.cohortCount * slots, margin: 2)  // for isolationDelta
        cohortLeft = CountTable(count: facts.cohortCount * slots)
        seriesDay = CountTable(count: flags.minimumDays ? facts.seriesCount * facts.days : 0)
        seriesResource = CountTable(count: flags.roomStability ? facts.seriesCount * facts.resourceCount : 0)
        seriesTime = CountTable(count: flags.seriesTimeStability ? facts.seriesCount * facts.slotsPerWeek : 0)
        seriesDistinct = CountTable(count: facts.seriesCount * 3)
        seriesPlaced = CountTable(count: flags.contiguousSeries ? facts.seriesCount : 0)
        categoryUsed = CountTable(count: categories)
        organizationUnplaced = CountTable(count: categories * facts.organizationCount)
        sessionsOnResource = Array(
            repeating: [], count: flags.changeover || flags.exclusiveHall ? facts.resourceCount : 0)
        reset()
    }

    /// Unplaces every session and sets the totals to those of the empty solution.
    func reset() {
        for table in [start, resource, instructor, secondInstructor] { table.reset(to: -1) }
        for table in [
            resourceLoad, resourceInside, instructorBusy, instructorWeekLoad, quotaLoad, cohortBusy, seriesDay,
            seriesResource, seriesTime, seriesDistinct, seriesPlaced, categoryUsed, organizationUnplaced,
        ] {
            table.reset()
        }
        for index in sessionsOnResource.indices { sessionsOnResource[index].removeAll(keepingCapacity: true) }
        placedExclusive.removeAll(keepingCapacity: true)
        totals.reset()
        for session in 0..<facts.sessionCount where facts.priority[session] > 0 {
            totals[1] += Int64(facts.priority[session])
            organizationUnplaced[facts.category[session] * facts.organizationCount + facts.organization[session]] += 1
        }
        let fairness = Int64(facts.weights.organizationFairness)
        for index in 0..<organizationUnplaced.count {
            let count = Int64(organizationUnplaced[index])
            totals[2] += fairness * count * count
        }
        if facts.flags.categoryShare {
            for category in 0..<SessionCategory.allCases.count { totals[2] += sharePenalty(category) }
        }
        if facts.flags.minimumDays {
            for series in 0..<facts.seriesCount where facts.seriesKind[series] == .spread {
                totals[2] += Int64(facts.weights.minimumDays * facts.seriesMinimumDays[series])
            }
        }
    }

    /// The current score.
    var score: Score {
        Score(hard: -totals[0], medium: -totals[1], soft: -totals[2])
    }

    /// The assignment of `session`, or `nil` when unplaced.
    @inline(__always) func assignment(of session: Int) -> Assignment? {
        let slot = Int(start[session])
        guard slot >= 0 else { return nil }
        let teacher = Int(instructor[session])
        let second = Int(secondInstructor[session])
        return Assignment(
            start: slot, resource: Int(resource[session]), instructor: teacher >= 0 ? teacher : nil,
            secondInstructor: second >= 0 ? second : nil)
    }

    /// Places an unplaced session and updates the totals; `scored: false` leaves the cohorts' share of the totals
    /// stale, for taking back a change whose totals ``restore(_:)`` then sets back.
    func insert(_ session: Int, _ assignment: Assignment, scored: Bool = true) {
        update(session, assignment, sign: 1, scored: scored)
        start[session] = Int32(assignment.start)
        resource[session] = Int32(assignment.resource)
        instructor[session] = Int32(assignment.instructor ?? -1)
        secondInstructor[session] = Int32(assignment.secondInstructor ?? -1)
        updateLinked(session, sign: 1)
    }

    /// Unplaces a placed session and updates the totals (`scored` as for ``insert(_:_:scored:)``); does nothing
    /// for an unplaced one.
    func retract(_ session: Int, scored: Bool = true) {
        guard let assignment = assignment(of: session) else { return }
        updateLinked(session, sign: -1)
        start[session] = -1
        resource[session] = -1
        instructor[session] = -1
        secondInstructor[session] = -1
        update(session, assignment, sign: -1, scored: scored)
    }

    /// The running totals at one moment, to set back with ``restore(_:)``.
    struct SavedTotals {
        fileprivate let hard, medium, soft: Int64
    }

    /// The running totals now.
    var savedTotals: SavedTotals { SavedTotals(hard: totals[0], medium: totals[1], soft: totals[2]) }

    /// Sets the running totals back to `saved`, once every table is as it was when they were saved.
    func restore(_ saved: SavedTotals) {
        (totals[0], totals[1], totals[2]) = (saved.hard, saved.medium, saved.soft)
    }
}
