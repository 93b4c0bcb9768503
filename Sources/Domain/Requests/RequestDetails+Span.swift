public import Dates
import Foundation

extension RequestDetails {
    /// The first and last dates the request's work may fall on: a class's weeks from its start
    /// date, an upskilling course's window, a pilot run's start window plus its days (a night shift's morning included). `nil` for a
    /// shared-employee request, whose dates are its course's.
    public var span: ClosedRange<CalendarDate>? {
        switch self {
        case .studentTraining(let details):
            details.startDate...details.startDate.adding(days: max(details.weeks, 1) * 7 - 1)
        case .employeeUpskilling(let details):
            details.earliest...max(details.earliest, details.latest)
        case .pilotProduction(let details):
            details
                .earliestStart...max(details.earliestStart, details.latestStart).adding(
                    days: details.pieces?.last?.day ?? max(details.days, 1) - 1)
        case .sharedEmployee:
            nil
        }
    }

    /// The dates a planner run may place the request's work on, kept beside its details so that a
    /// run reads only the requests meeting its horizon: ``span``; a shared-employee course from the
    /// day after its decision date, with no end; `nil` for an SME's seats (they come with their
    /// course) and a course without a decision date.
    public var plannedDates: (first: CalendarDate, last: CalendarDate?)? {
        if case .sharedEmployee(let details) = self {
            return details.isOffering ? details.decisionDate.map { ($0.adding(days: 1), nil) } : nil
        }
        return span.map { ($0.lowerBound, $0.upperBound) }
    }

    /// What the request competes for: the pilot line it names, else its capability tag (a course's:
    /// that of its first practice part).
    public var contestedResource: String? {
        switch self {
        case .studentTraining(let details): details.capability
        case .employeeUpskilling(let details):
            details.effectiveParts.first { $0.kind == .practice }?.capability ?? details.skill
        case .pilotProduction(let details): details.resourceId.map { $0.uuidString.lowercased() } ?? details.capability
        case .sharedEmployee(let details): details.skill
        }
    }
}

extension Request {
    /// Whether both requests are still open (neither decided nor over), and ask for the same
    /// resource or capability in overlapping weeks: granting one may leave the other without room.
    public func competes(with other: Request) -> Bool {
        guard other.id != id, state.isOpen, other.state.isOpen,
            let mine = details.contestedResource, mine == other.details.contestedResource,
            let span = details.span, let theirs = other.details.span
        else { return false }
        return span.lowerBound.monday <= theirs.upperBound && theirs.lowerBound.monday <= span.upperBound
    }
}

extension RequestState {
    /// Whether the center still has to decide the request: submitted, wait-listed or planned (in part).
    public var isOpen: Bool { [.submitted, .waitListed, .planned, .partlyPlanned].contains(self) }
}
