import Access
import Domain
import Foundation
import Hummingbird
import NIOCore
import Planning
import Service

/// Planner runs: queue, read, follow (Server-Sent Events), cancel, publish. Each route decodes,
/// calls one ``PlanService`` use case with the caller, and encodes.
struct PlansController: Sendable {
    let plans: PlanService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/plans") { request, context in
            let input = try await request.decodeJSON(as: NewPlan.self, context: context)
            let plan = try await plans.create(
                input, in: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(status: .accepted, value: plan, version: plan.version, location: "/plans/\(plan.id)")
        }
        router.get("centers/:centerId/plans") { request, context in
            let page = try request.queryPage()
            let items = try await plans.plans(
                in: try context.uuidParameter("centerId"), page: page, as: try context.requirePrincipal())
            return JSONResponse(
                value: Listing(items: items.map(PlanSummary.init), limit: page.limit, offset: page.offset))
        }
        router.get("plans/:planId") { _, context in
            let plan = try await plans.plan(try context.uuidParameter("planId"), as: try context.requirePrincipal())
            return JSONResponse(value: plan, version: plan.version)
        }
        router.get("plans/:planId/events") { _, context in
            let caller = try context.requirePrincipal()
            let stream = try await plans.openEvents(of: try context.uuidParameter("planId"), as: caller)
            return events(stream, as: caller)
        }
        router.post("plans/:planId/cancel") { _, context in
            let plan = try await plans.cancel(try context.uuidParameter("planId"), as: try context.requirePrincipal())
            return JSONResponse(status: plan.status == .cancelled ? .ok : .accepted, value: plan, version: plan.version)
        }
        router.post("plans/:planId/publish") { _, context in
            let plan = try await plans.publish(try context.uuidParameter("planId"), as: try context.requirePrincipal())
            return JSONResponse(value: plan, version: plan.version)
        }
    }

    /// `text/event-stream`: a `progress` event whenever the status or progress changes, a comment
    /// line as keep-alive otherwise, then one event named after the final status (`succeeded`,
    /// `failed`, `published`, `cancelled`) — or `revoked` when the caller lost access — and the
    /// stream ends. A client that goes away ends it too.
    private func events(_ stream: PlanEventStream, as caller: Principal) -> Response {
        let plans = plans
        let body = ResponseBody { writer in
            try await plans.follow(stream, as: caller) { event in
                try await writer.write(Self.frame(event))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"], body: body)
    }

    /// One event as the stream sends it.
    static func frame(_ event: PlanEvent) throws -> ByteBuffer {
        switch event {
        case .progress(let plan): try frame("progress", PlanSummary(plan))
        case .settled(let plan): try frame(plan.status.rawValue, PlanSummary(plan))
        case .unchanged: ByteBuffer(string: ": waiting\n\n")
        case .accessLost: ByteBuffer(string: "event: revoked\ndata: {}\n\n")
        }
    }

    private static func frame(_ name: String, _ summary: PlanSummary) throws -> ByteBuffer {
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
    let cancelRequestedAt: Date?

    init(_ plan: Plan) {
        id = plan.id
        centerId = plan.centerId
        status = plan.status
        horizon = plan.horizon
        progress = plan.progress
        failure = plan.failure
        createdAt = plan.createdAt
        finishedAt = plan.finishedAt
        cancelRequestedAt = plan.cancelRequestedAt
    }
}
