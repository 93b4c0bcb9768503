import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `/ui/sessions/:bookingId`: a session's roster on the instructor's phone (tap per person, or
/// everyone present then the exceptions), its check-in code, its actual times or "did not take
/// place", and a manager's corrections with a reason. Every form posts back here; a refusal shows
/// on the page (422).
struct AttendancePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("sessions/:bookingId") { request, context in
            let roster = try await services.attendance.roster(of: try Self.sessionId(context), as: try context.reader())
            return try await sessionPage(request, context, roster: roster)
        }
        router.post("sessions/:bookingId/marks") { request, context in
            try await submit(request, context) { id, form, principal in
                let marks = form.values.compactMap { key, values -> AttendanceMarks.Item? in
                    guard key.hasPrefix("mark_"), let pid = UUID(uuidString: String(key.dropFirst(5))),
                        let mark = values.first.flatMap(AttendanceMark.init(rawValue:))
                    else { return nil }
                    return AttendanceMarks.Item(participantId: pid, mark: mark)
                }
                let all = form["all"] == "present"
                _ = try await services.attendance.mark(
                    AttendanceMarks(allPresent: all, marks: all ? [] : marks), session: id, as: principal)
            }
        }
        router.post("sessions/:bookingId/code") { request, context in
            try await submit(request, context) { id, _, principal in
                _ = try await services.attendance.showCode(session: id, as: principal)
            }
        }
        router.post("sessions/:bookingId/correct") { request, context in
            try await submit(request, context) { id, form, principal in
                let pid = UUID(uuidString: form.text("participant")) ?? UUID()
                let mark = AttendanceMark(rawValue: form.text("fix_\(pid.uuidString.lowercased())")) ?? .present
                _ = try await services.attendance.correct(
                    AttendanceCorrection(participantId: pid, mark: mark, reason: form.text("reason")), session: id,
                    as: principal)
            }
        }
        router.post("sessions/:bookingId/record") { request, context in
            try await submit(request, context) { id, form, principal in
                let roster = try await services.attendance.roster(of: id, as: principal)
                let dates = DateText(language: .en, timeZone: try await services.center(for: principal).zone)
                let day = dates.date(of: roster.start)
                let instant = { (name: String) in ClockTime(text: form.text(name)).map { dates.instant(day, $0) } }
                let reason = NotHeldReason(rawValue: form.text("notHeld"))
                let report =
                    reason.map { SessionReport(notHeld: .init(reason: $0, note: form["note"])) }
                    ?? SessionReport(actualStart: instant("start"), actualEnd: instant("end"))
                _ = try await services.attendance.report(
                    report, session: id, version: Int(form.text("version")) ?? 0, as: principal)
            }
        }
    }

    /// Reads the form, runs `action`, and returns to the session page: with a notice when it worked,
    /// with the refusal on the page (422) when the service refused the input.
    private func submit(
        _ request: Request, _ context: some PageContext,
        _ action: (UUID, Form, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.reader()
        let id = try Self.sessionId(context)
        let form = try await Form.read(request, context: context)
        do {
            try await action(id, form, principal)
            return Response.redirect(to: "/ui/sessions/\(id.uuidString.lowercased())?notice=attendanceSaved")
        } catch ServiceError.invalid(let error) {
            var errors = FieldErrors()
            errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) { _ in
                nil
            }
            let roster = try await services.attendance.roster(of: id, as: principal)
            return try await sessionPage(request, context, roster: roster, errors: errors)
        }
    }

    static func sessionId(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("bookingId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func sessionPage(
        _ request: Request, _ context: some PageContext, roster: SessionRoster, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let dates = DateText(language: frame.language, timeZone: try await services.center(for: principal).zone)
        let options = { (current: AttendanceMark?) in
            AttendanceMark.allCases.map {
                ["value": $0.rawValue, "label": text("attendance_\($0.rawValue)"), "checked": $0 == current]
            }
        }
        let entries: [[String: Any]] = roster.entries.map { entry in
            var row: [String: Any] = [
                "pid": entry.participant.id.uuidString.lowercased(), "name": entry.participant.name,
                "number": entry.participant.number ?? "", "options": options(entry.mark),
            ]
            // absent keys, not empty texts: an empty string opens a Mustache section
            if let mark = entry.mark { row["markText"] = text("attendance_\(mark.rawValue)") }
            if let reason = entry.reason { row["reason"] = reason }
            return row
        }
        let record = roster.record
        var values: [String: Any] = [
            "id": roster.bookingId.uuidString.lowercased(), "sessionTitle": roster.title,
            "when": dates.span(roster.start, roster.end), "entries": entries,
            "count": roster.entries.count, "canMark": roster.canMark, "canCorrect": roster.canCorrect,
            "version": record.version, "errors": errors.values,
            "actualStart": record.actualStart.map(dates.time) ?? "",
            "actualEnd": record.actualEnd.map(dates.time) ?? "",
            "note": record.notHeld?.note ?? "",
            "reasons": NotHeldReason.allCases.map {
                [
                    "value": $0.rawValue, "label": text("attendance_notHeld_\($0.rawValue)"),
                    "selected": $0 == record.notHeld?.reason,
                ]
            },
        ]
        if let code = record.checkInCode, SessionRoster.isInWindow(Date(), start: roster.start, end: roster.end) {
            values["code"] = code
            values["codeQR"] = CheckInQR.svg(code: code, from: request, label: text("attendance_codeQR"))
        }
        if let notHeld = record.notHeld {
            values["recordText"] =
                "\(text("attendance_notHeld")): \(text("attendance_notHeld_\(notHeld.reason.rawValue)"))"
        } else if let start = record.actualStart, let end = record.actualEnd {
            values["recordText"] = "\(text("attendance_actual")) \(dates.span(start, end))"
        }
        return renderer.page("session", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
