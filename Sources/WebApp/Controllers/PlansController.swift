import Access
import Foundation
import Hummingbird
import NIOCore
public import Planning
import Service

/// Planner runs: queue, read, follow (Server-Sent Events), publish.
struct PlansController: Sendable {
    let plans: PlanService
    /// How often the event stream looks at a running plan.
    var pollInterval: Duration = .milliseconds(500)

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/plans") { request, context in
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.create, .plans(centerId: centerId), entity: "plan")
            let plan = try await plans.create(
                try await request.decodeJSON(as: NewPlan.self, context: context), in: centerId, by: try context.actor())
            return JSONResponse(status: .accepted, value: plan, version: plan.version, location: "/plans/\(plan.id)")
        }
        router.get("centers/:centerId/plans") { request, context in
            let page = try request.queryPage()
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.read, .plans(centerId: centerId), entity: "plan")
            let items = try await plans.plans(in: centerId, page: page)
            return JSONResponse(
                value: Listing(items: items.map(PlanSummary.init), limit: page.limit, offset: page.offset))
        }
        router.get("plans/:planId") { _, context in
            let plan = try await plans.plan(try context.uuidParameter("planId"))
            try context.authorize(.read, .plans(centerId: plan.centerId), entity: "plan")
            return JSONResponse(value: plan, version: plan.version)
        }
        router.get("plans/:planId/events") { _, context in
            let id = try context.uuidParameter("planId")
            try context.authorize(.read, .plans(centerId: try await plans.plan(id).centerId), entity: "plan")
            return try await events(of: id)
        }
        router.post("plans/:planId/publish") { _, context in
            let id = try context.uuidParameter("planId")
            try context.authorize(.change, .plans(centerId: try await plans.plan(id).centerId), entity: "plan")
            let plan = try await plans.publish(id, by: try context.actor())
            return JSONResponse(value: plan, version: plan.version)
        }
    }

    /// `text/event-stream`: a `progress` event whenever the status or progress changes, then one
    /// event named after the final status (`succeeded`, `failed`, `published`), and the stream ends.
    private func events(of planId: UUID) async throws -> Response {
        let first = try await plans.plan(planId)  // 404 before the stream starts
        let (plans, interval) = (plans, pollInterval)
        let body = ResponseBody { writer in
            var plan = first
            var sent: PlanSummary?
            while true {
                let summary = PlanSummary(plan)
                if plan.status.isSettled {
                    try await writer.write(Self.event(plan.status.rawValue, summary))
                    break
                }
                if summary != sent {
                    try await writer.write(Self.event("progress", summary))
                    sent = summary
                }
                try await Task.sleep(for: interval)
                plan = try await plans.plan(planId)
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    private static func event(_ name: String, _ summary: PlanSummary) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = String(decoding: try encoder.encode(summary), as: UTF8.self)
        return ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n")
    }
}

/// A plan without its proposal: what listings and events carry.
struct PlanSummary: Encodable, Equatable, Sendable {
    let id: UUID
    let centerId: UUID
    let status: PlanStatus
    let horizon: PlanHorizon
    let progress: PlanProgress?
    let failure: String?
    let createdAt: Date
    let finishedAt: Date?

    init(_ plan: Plan) {
        id = plan.id
        centerId = plan.centerId
        status = plan.status
        horizon = plan.horizon
        progress = plan.progress
        failure = plan.failure
        createdAt = plan.createdAt
        finishedAt = plan.finishedAt
    }
}

extension PlanConflict: ProblemConvertible {
    /// 409 listing every assignment that no longer holds.
    public var problem: ProblemDetails? {
        var problem = ProblemDetails(
            status: .conflict, type: "/problems/plan-stale", title: "The plan is out of date",
            detail:
                "\(items.count) assignment(s) no longer hold since the run; nothing was written. Run the plan again.")
        problem.stale = items
        return problem
    }
}
