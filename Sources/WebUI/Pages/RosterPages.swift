import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Named people on pages: `/ui/school/classes/:cohortId/roster` (a class's students, kept by its
/// school) and `/ui/requests/:requestId/evidence` (a request's hours delivered against planned, its
/// named participants and their outcomes), with the forms that add, replace (a course's, until it
/// starts), take off and assess people.
struct RosterPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("school/classes/:cohortId/roster") { request, context in
            try await classPage(request, context, id: try Self.uuid(context, "cohortId"))
        }
        router.post("school/classes/:cohortId/roster") { request, context in
            let id = try Self.uuid(context, "cohortId")
            return try await submit(request, context, back: "/ui/school/classes/\(id.uuidString.lowercased())/roster") {
                form, principal in
                let group = form["group"].flatMap { Int($0) }
                _ = try await services.participants.addStudent(
                    NewParticipant(name: form.text("name"), number: form["number"], phone: form["phone"], group: group),
                    to: id, as: principal)
            } page: { errors in
                try await classPage(request, context, id: id, errors: errors)
            }
        }
        router.get("requests/:requestId/evidence") { request, context in
            try await evidencePage(request, context, id: try Self.uuid(context, "requestId"))
        }
        router.post("requests/:requestId/evidence") { request, context in
            let id = try Self.uuid(context, "requestId")
            return try await submit(request, context, back: "/ui/requests/\(id.uuidString.lowercased())/evidence") {
                form, principal in
                if let pid = form["outcomeFor"].flatMap(UUID.init(uuidString:)) {
                    _ = try await services.participants.recordOutcome(
                        Outcome(
                            completed: form["completed"] == "yes", achievement: form["achievement"], tag: form["tag"],
                            certificateNumber: form["certificateNumber"]),
                        for: pid, as: principal)
                } else {
                    let person = NewParticipant(
                        name: form.text("name"), number: form["number"], phone: form["phone"],
                        position: form["position"])
                    if let replaced = form["replaces"].flatMap(UUID.init(uuidString:)) {
                        _ = try await services.participants.replace(replaced, with: person, as: principal)
                    } else {
                        _ = try await services.participants.addParticipant(person, to: id, as: principal)
                    }
                }
            } page: { errors in
                try await evidencePage(request, context, id: id, errors: errors)
            }
        }
        router.post("participants/:participantId/withdraw") { request, context in
            let form = try await Form.read(request, context: context)
            try await services.participants.withdraw(try Self.uuid(context, "participantId"), as: try context.reader())
            let back = form.text("back")
            return Response.redirect(to: back.hasPrefix("/ui/") ? back : "/ui/")
        }
    }

    /// Reads the form, runs `action` and returns to `back`; a refused input shows on `page` (422).
    private func submit(
        _ request: Request, _ context: some PageContext, back: String,
        _ action: (Form, Principal) async throws -> Void, page: (FieldErrors) async throws -> Response
    ) async throws -> Response {
        let principal = try context.reader()
        let form = try await Form.read(request, context: context)
        do {
            try await action(form, principal)
            return Response.redirect(to: back + "?notice=rosterSaved")
        } catch ServiceError.invalid(let error) {
            var errors = FieldErrors()
            errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                ["name", "number", "phone", "group", "position"].contains($0)
                    ? $0 : $0 == "participantId" ? "replaces" : nil
            }
            return try await page(errors)
        } catch ServiceError.conflict(let detail, let rule) {
            var errors = FieldErrors()
            errors.add(
                DomainError(field: "number", rule: rule, message: detail), strings: renderer.strings,
                language: PageFrame(request, context: context).language
            ) { $0 }
            return try await page(errors)
        }
    }

    static func uuid(_ context: some PageContext, _ name: String) throws -> UUID {
        guard let id = context.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw PageError.notFound }
        return id
    }

    private func classPage(
        _ request: Request, _ context: some PageContext, id: UUID, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let students = try await services.participants.students(of: id, as: principal)
        let frame = PageFrame(request, context: context)
        let path = "/ui/school/classes/\(id.uuidString.lowercased())/roster"
        return renderer.page(
            "roster", frame,
            [
                "heading": renderer.strings.text("roster_classTitle", frame.language), "action": path, "back": path,
                "people": Self.rows(students), "isClass": true, "canAdd": true, "errors": errors.values,
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func evidencePage(
        _ request: Request, _ context: some PageContext, id: UUID, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader()
        let found = try await services.requests.request(id, as: principal)
        let hours = try await services.attendance.hoursDelivered(for: id, as: principal)
        let isCourse = found.category == .employeeUpskilling || found.category == .sharedEmployee
        let people = isCourse ? try await services.participants.participants(of: id, as: principal) : []
        let frame = PageFrame(request, context: context)
        let path = "/ui/requests/\(id.uuidString.lowercased())/evidence"
        return renderer.page(
            "roster", frame,
            [
                "heading": "\(renderer.strings.text("roster_requestTitle", frame.language)) · \(found.title)",
                "action": path, "back": path, "people": Self.rows(people), "isCourse": isCourse, "canAdd": isCourse,
                "errors": errors.values, "requestId": isCourse ? id.uuidString.lowercased() : "",
                "hours": [
                    "planned": String(format: "%.1f", hours.plannedHours),
                    "delivered": String(format: "%.1f", hours.deliveredHours), "sessions": hours.sessions,
                    "held": hours.sessionsHeld, "notHeld": hours.sessionsNotHeld,
                ],
            ], status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private static func rows(_ people: [Participant]) -> [[String: Any]] {
        people.map {
            [
                "pid": $0.id.uuidString.lowercased(), "name": $0.name, "number": $0.number ?? "",
                "phone": $0.phone ?? "", "group": $0.group.map { "\($0)" } ?? "", "position": $0.position ?? "",
                "completed": $0.outcome?.completed == true, "hasOutcome": $0.outcome != nil,
                "achievement": $0.outcome?.achievement ?? "", "tag": $0.outcome?.tag ?? "",
                "certificate": $0.outcome?.certificateNumber ?? "",
            ]
        }
    }
}
