import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Planning
import Service

/// The manager's planner: `GET|POST /ui/planner` starts a run over a horizon and lists the runs;
/// `GET /ui/plans/{id}` follows one (the API's Server-Sent Events with JavaScript, a refresh
/// without) and reviews its proposal against the published timetable; `GET /ui/plans/{id}/publish`
/// says what publishing changes for whom, `GET /ui/plans/{id}/timetable` shows the proposal as a
/// week's timetable, `POST /ui/plans/{id}/publish` publishes it and `POST
/// /ui/plans/{id}/cancel` cancels it. The plan use cases authorize the reader; these pages only
/// decode, call and render.
struct PlannerPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("planner") { request, context in
            let center = try await services.managedCenter(for: try context.reader())
            let monday = center.today().monday.adding(days: 7)
            let form = Form(encoded: request.uri.query ?? "")
            return try await plannerPage(
                request, context, center: center,
                values: [
                    "from": form["from"] ?? monday.description, "to": form["to"] ?? monday.adding(days: 6).description,
                    "seconds": form["seconds"] ?? "10",
                ])
        }
        router.post("planner") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            var errors = FieldErrors()
            do {
                guard let seconds = Double(form.text("seconds")) else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "timeLimitSeconds", rule: "type",
                            message: "The time limit must be a number of seconds."))
                }
                let plan = try await services.plans.create(
                    NewPlan(
                        horizon: PlanHorizon(
                            from: try form.date("from", field: "horizon/from"),
                            to: try form.date("to", field: "horizon/to")),
                        timeLimitSeconds: seconds),
                    in: center.id, as: principal)
                return Response.redirect(to: "/ui/plans/\(plan.id.uuidString.lowercased())?notice=planQueued")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language) { field in
                    ["horizon/from": "from", "horizon/to": "to", "timeLimitSeconds": "seconds"][field]
                }
            } catch ServiceError.throttled {
                errors.add(
                    DomainError(
                        field: "plans", rule: "planLimit",
                        message:
                            "The center already has as many runs queued or running as it may; wait for one to end or cancel one."
                    ), strings: renderer.strings, language: frame.language
                ) { _ in nil }
            }
            return try await plannerPage(
                request, context, center: center,
                values: ["from": form.text("from"), "to": form.text("to"), "seconds": form.text("seconds")],
                errors: errors, status: .unprocessableContent)
        }
        router.get("plans/:planId") { request, context in
            let (center, plan) = try await plan(context)
            return try await planPage(request, context, center: center, plan: plan)
        }
        router.get("plans/:planId/publish") { request, context in try await publishPage(request, context) }
        router.get("plans/:planId/timetable") { request, context in try await timetablePage(request, context) }
        router.post("plans/:planId/publish") { request, context in
            try await act(request, context, notice: "published") { try await services.plans.publish($0, as: $1) }
        }
        router.post("plans/:planId/cancel") { request, context in
            try await act(request, context, notice: "planCancelled") { try await services.plans.cancel($0, as: $1) }
        }
    }

    /// Runs a use case on the plan of the path; back to the plan page with `notice`, or with the
    /// refusal when the use case answered a conflict.
    private func act(
        _ request: Request, _ context: some PageContext, notice: String,
        _ useCase: (UUID, Principal) async throws -> Plan
    ) async throws -> Response {
        _ = try await Form.read(request, context: context)
        let id = try planId(context)
        do {
            _ = try await useCase(id, try context.reader())
            return Response.redirect(to: "/ui/plans/\(id.uuidString.lowercased())?notice=\(notice)")
        } catch ServiceError.planStale(let items) {
            let (center, plan) = try await plan(context)
            return try await planPage(
                request, context, center: center, plan: plan, refusal: .stale(items.map(\.reason)))
        } catch ServiceError.conflict(let detail, let rule) {
            let (center, plan) = try await plan(context)
            return try await planPage(
                request, context, center: center, plan: plan, refusal: .conflict(rule: rule, detail: detail))
        }
    }

    /// The plan of the path as the reader may read it (the plan use case authorizes), and its center.
    func plan(_ context: some PageContext) async throws -> (Center, Plan) {
        let reader = try context.reader()
        let plan = try await services.plans.plan(try planId(context), as: reader)
        return (try await services.centers.center(plan.centerId, as: reader), plan)
    }

    private func planId(_ context: some PageContext) throws -> UUID {
        guard let id = context.parameters.get("planId").flatMap(UUID.init(uuidString:)) else {
            throw PageError.notFound
        }
        return id
    }

    private func plannerPage(
        _ request: Request, _ context: some PageContext, center: Center, values: [String: String],
        errors: FieldErrors = FieldErrors(),
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let plans = try await services.plans.plans(in: center.id, page: Page(limit: 20), as: try context.reader())
        let rows = plans.map { plan -> [String: Any] in
            [
                "href": "/ui/plans/\(plan.id.uuidString.lowercased())",
                "status": renderer.strings.text("plan_\(plan.status.rawValue)", frame.language),
                "statusKey": plan.status.rawValue,
                "horizon":
                    "\(dates.day(plan.horizon.from)) – \(dates.day(plan.horizon.to))",
                "created": "\(dates.day(plan.createdAt)) \(dates.time(plan.createdAt))",
                "unplaced": plan.progress.map { "\($0.unplacedSessions)" } ?? "–",
            ]
        }
        return renderer.page(
            "planner", frame, ["form": values, "plans": rows, "errors": errors.values, "centerName": center.name],
            status: status)
    }
}
