import Dates
import Domain
import Foundation
import Service

/// The rows of the manager's inbox: each request with its organization, dates, the details a
/// decision needs, its placement, and the open requests it competes with (same resource or
/// capability, overlapping weeks); and the counts per state of the very list shown.
struct InboxView {
    let strings: Strings
    let language: Language
    let dates: DateText
    let organizations: [UUID: String]
    /// The center's catalogue, so capabilities and skills read as their labels (数控车床, not cnc.lathe).
    let tags: TagPicker

    /// One row per request of `shown`; competitors are looked for among `all`.
    func rows(_ shown: [Request], among all: [Request], filter: String) -> [[String: Any]] {
        shown.map { item in
            var row: [String: Any] = [
                "id": item.id.uuidString.lowercased(), "title": item.title,
                "organization": organizations[item.organizationId] ?? "",
                "category": text("category_\(item.category.rawValue)"), "state": text("state_\(item.state.rawValue)"),
                "stateKey": item.state.rawValue, "version": item.version, "filter": filter,
                "canApprove": item.state.successors.contains(.confirmed),
                "canReject": item.state.successors.contains(.rejected),
                "canWaitList": item.state.successors.contains(.waitListed),
                "canWithdraw": item.state.successors.contains(.cancelled),
                "facts": facts(item.details),
            ]
            if let span = item.details.span {
                row["dates"] = "\(dates.day(span.lowerBound)) – \(dates.day(span.upperBound))"
            }
            if let reason = item.reason { row["reason"] = reason }
            row["placement"] = PlacementView.values(item.placement, language: language)
            let rivals = all.filter { item.competes(with: $0) }
            if !rivals.isEmpty {
                row["hasCompeting"] = true
                row["competing"] = rivals.map {
                    [
                        "title": $0.title, "organization": organizations[$0.organizationId] ?? "",
                        "state": text("state_\($0.state.rawValue)"),
                    ]
                }
            }
            return row
        }
    }

    /// The number of requests in each state of `all`, in life-cycle order, each a filter link.
    func counts(_ all: [Request], chosen: RequestState?, category: Domain.Category?) -> [[String: Any]] {
        RequestState.allCases.compactMap { state in
            let count = all.filter { $0.state == state }.count
            guard count > 0 else { return nil }
            let query = [category.map { "category=\($0.rawValue)" }, "state=\(state.rawValue)"].compactMap { $0 }
            return [
                "label": text("state_\(state.rawValue)"), "count": count, "current": state == chosen,
                "href": "/ui/requests?" + query.joined(separator: "&"),
            ]
        }
    }

    /// The details a decision needs, as label and value.
    private func facts(_ details: RequestDetails) -> [[String: String]] {
        let pairs: [(String, String)]
        switch details {
        case .studentTraining(let d):
            pairs = [
                ("inbox_sessions", "\(d.sessionsPerWeek) × \(length(d))"),
                ("inbox_weeks", d.teachingWeeks?.text ?? "\(d.weeks)"),
                ("inbox_capability", tags.label(d.capability)), ("inbox_perStation", "\(d.studentsPerStation)"),
            ]
        case .employeeUpskilling(let d):
            var list = [("inbox_participants", "\(d.participants)"), ("inbox_hours", "\(d.totalHours)")]
            if let type = d.trainingType { list.append(("course_trainingType", text("course_type_\(type.rawValue)"))) }
            if d.parts == nil {
                list += [("inbox_sessionLength", minutes(d.sessionMinutes)), ("inbox_capability", tags.label(d.skill))]
            }
            for part in d.parts ?? [] {
                let place = part.capability.map(tags.label) ?? text("course_anyClassroom")
                list.append(
                    (
                        "course_part_\(part.kind.rawValue)",
                        "\(part.sessions) × \(minutes(part.sessionMinutes)) · \(place)"
                    ))
            }
            if let trainers = d.trainerIds, !trainers.isEmpty {
                list.append(("inbox_ownTrainers", "\(trainers.count)"))
            }
            pairs = list
        case .pilotProduction(let d):
            pairs = [("inbox_days", "\(d.days)")] + (d.capability.map { [("inbox_capability", tags.label($0))] } ?? [])
        case .sharedEmployee(let d):
            pairs = [
                d.seats.map { ("inbox_seats", "\($0)") }, d.capacity.map { ("inbox_capacity", "\($0)") },
                d.skill.map { ("inbox_capability", tags.label($0)) },
            ].compactMap { $0 }
        }
        return pairs.map { ["label": text($0.0), "value": $0.1] }
    }

    /// A training session's length: "2 节" / "2 periods", or its minutes.
    private func length(_ details: StudentTrainingDetails) -> String {
        guard let periods = details.sessionPeriods else { return minutes(details.sessionMinutes ?? 0) }
        return text("ui_periods").replacingOccurrences(of: "{n}", with: "\(periods)")
    }

    private func minutes(_ count: Int) -> String {
        text("ui_minutes").replacingOccurrences(of: "{n}", with: "\(count)")
    }

    private func text(_ key: String) -> String { strings.text(key, language) }
}
