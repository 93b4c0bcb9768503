import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Planning
import Service

/// Why publishing or cancelling a run was refused.
enum PlanRefusal {
    /// The center changed since the run: the service's reasons.
    case stale([String])
    /// A rule of the service (`rule_<rule>`), with its sentence.
    case conflict(rule: String, detail: String)
}

extension PlannerPages {
    /// One run: its status and progress, and once it succeeded the proposal as a diff against
    /// the published timetable, the unplaced sessions with their reasons, and the publish button; with a
    /// refusal, why publishing or cancelling was refused: a heading in the reader's language over the
    /// service's own sentences.
    func planPage(
        _ request: Request, _ context: some PageContext, center: Center, plan: Plan, refusal: PlanRefusal? = nil
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        var values: [String: Any] = [
            "id": plan.id.uuidString.lowercased(), "status": text("plan_\(plan.status.rawValue)"),
            "statusKey": plan.status.rawValue,
            "running": !plan.status.isSettled, "events": "/plans/\(plan.id.uuidString.lowercased())/events",
            "horizon":
                "\(dates.day(plan.horizon.from)) – \(dates.day(plan.horizon.to))",
            "centerName": center.name,
            "statusTexts": PlanStatus.allCases.map { ["key": $0.rawValue, "text": text("plan_\($0.rawValue)")] },
        ]
        if let progress = plan.progress {
            values["best"] = Self.score(progress.bestScore)
            values["unplaced"] = progress.unplacedSessions
            values["elapsed"] = String(format: "%.1f", progress.elapsedSeconds)
        }
        if let failure = plan.failure { values["failure"] = failure }
        switch refusal {
        case .stale(let reasons): values["refusal"] = ["heading": text("plan_refused"), "items": reasons]
        case .conflict(let rule, let detail):
            let heading = renderer.strings.rule(rule, frame.language) ?? text("problem_409")
            values["refusal"] = ["heading": heading, "items": [detail]]
        case nil: break
        }
        if let result = plan.result {
            values["result"] = try await review(
                result, center: center, dates: dates, text: text, reader: try context.reader())
            values["publishable"] = plan.status == .succeeded && result.score.feasible
        }
        values["cancellable"] = !plan.status.isSettled && plan.cancelRequestedAt == nil
        values["cancelRequested"] = !plan.status.isSettled && plan.cancelRequestedAt != nil
        return renderer.page("plan", frame, values, status: refusal == nil ? .ok : .conflict)
    }

    /// How long each part of the run took, in the page's words.
    private func timings(_ template: String, _ timings: PlanTimings) -> String {
        let seconds = [
            ("read", timings.read), ("map", timings.map), ("solve", timings.solve), ("explain", timings.explain),
            ("propose", timings.propose),
        ]
        return seconds.reduce(template.replacingOccurrences(of: "{searches}", with: "\(timings.searches)")) {
            $0.replacingOccurrences(of: "{\($1.0)}", with: String(format: "%.2f", $1.1))
        }
    }

    /// `0hard/-3medium/-120soft` as the API's score reads.
    static func score(_ score: PlanScore) -> String { "\(score.hard) / \(score.medium) / \(score.soft)" }

    private func review(
        _ result: PlanResult, center: Center, dates: DateText, text: (String) -> String, reader: Principal
    ) async throws -> [String: Any] {
        let resources = Dictionary(
            try await services.centers.resources(of: center.id, page: Page(limit: 500), as: reader).map {
                ($0.id, $0.name)
            },
            uniquingKeysWith: { a, _ in a })
        let requests = Dictionary(
            try await services.requests.requests(
                in: center.id, state: nil, category: nil, page: Page(limit: 500), as: reader
            ).map {
                ($0.id, $0.title)
            },
            uniquingKeysWith: { a, _ in a })
        let proposed = Dictionary(result.assignments.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ key: SessionKey) -> String {
            proposed[key].map { SessionTitle.text($0.title, in: dates.language) }
                ?? "\(requests[key.requestId] ?? key.requestId.uuidString) #\(key.session + 1)"
        }
        func place(_ placement: Placement) -> String {
            "\(dates.span(placement.start, placement.end)) · \(resources[placement.resourceId] ?? "?")"
        }
        var rows: [[String: String]] = []
        for key in result.diff.added.sorted() {
            rows.append([
                "kind": "added", "mark": text("diff_added"), "what": name(key),
                "to": proposed[key].map { place($0.placement) } ?? "",
            ])
        }
        for move in result.diff.moved {
            rows.append([
                "kind": "moved", "mark": text("diff_moved"),
                "what": name(SessionKey(requestId: move.requestId, session: move.session)),
                "from": place(move.from), "to": place(move.to),
            ])
        }
        for key in result.diff.removed.sorted() {
            rows.append(["kind": "removed", "mark": text("diff_removed"), "what": name(key)])
        }
        var review: [String: Any] = [
            "summary": PlanSummaryText(strings: renderer.strings, language: dates.language).sentence(result),
            "score": Self.score(result.score), "feasible": result.score.feasible,
            "constraints": result.constraints.map {
                ["name": $0.constraint, "level": $0.level, "penalty": "\($0.penalty)"]
            },
            "unchanged": result.diff.unchanged, "diff": rows,
            "added": result.diff.added.count, "moved": result.diff.moved.count, "removed": result.diff.removed.count,
            "unplaced": result.unplaced.map {
                [
                    "name": SessionTitle.text($0.name, in: dates.language),
                    "reasons": $0.reasons.map { $0.text(in: dates.language.rawValue) },
                ]
            },
            "hasDisplaced": !(result.displacements ?? []).isEmpty,
            "displaced": (result.displacements ?? []).map {
                [
                    "name": SessionTitle.text($0.title, in: dates.language), "was": place($0.was),
                    "makeUp": place($0.makeUp),
                    "by": $0.by.map { text("category_\($0.rawValue)") }.joined(separator: ", "),
                ]
            },
            "hasOutside": !(result.outsideHorizon ?? []).isEmpty,
            "outside": (result.outsideHorizon ?? []).map {
                [
                    "name": SessionTitle.text($0.name, in: dates.language),
                    "week": text("plan_week").replacingOccurrences(of: "{n}", with: "\($0.week)"),
                    "dates": "\(dates.day($0.first)) – \(dates.day($0.last))",
                ]
            },
        ]
        // runs made before timings were kept have none
        if let timings = result.timings { review["timings"] = self.timings(text("plan_timings"), timings) }
        return review
    }
}
