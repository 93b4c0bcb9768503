import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/check-in`: a participant's self check-in on their own phone, without an account:
/// the six-digit code shown at the station and their student or employee number.
struct CheckInPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer
    let options: WebUI.Options

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("check-in") { request, context in
            renderer.page(
                "checkin", PageFrame(request, context: context),
                ["code": Form(encoded: request.uri.query ?? "").text("code")])
        }
        router.post("check-in") { request, context in
            let frame = PageFrame(request, context: context)
            // no session to carry a CSRF token: the code is the credential and the answer reveals nothing new
            let form = try await Form.read(request, context: context, checkingCSRF: false)
            do {
                let entry = try await services.attendance.checkIn(
                    SelfCheckIn(code: form.text("code"), number: form.text("number")),
                    client: options.client(of: request, context))
                let mark = renderer.strings.text("attendance_\((entry.mark ?? .present).rawValue)", frame.language)
                return renderer.page("checkin", frame, ["done": "\(entry.participant.name) · \(mark)"])
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: frame.language) {
                    $0 == "code" || $0 == "number" ? $0 : nil
                }
                return renderer.page(
                    "checkin", frame,
                    ["code": form.text("code"), "number": form.text("number"), "errors": errors.values],
                    status: .unprocessableContent)
            } catch ServiceError.throttled(_, let rule?) {
                let message =
                    renderer.strings.rule(rule, frame.language)
                    ?? renderer.strings.text("problem_429", frame.language)
                return renderer.page(
                    "checkin", frame,
                    [
                        "code": form.text("code"), "number": form.text("number"),
                        "errors": ["general": ["text": message]],
                    ],
                    status: .tooManyRequests)
            }
        }
    }
}
