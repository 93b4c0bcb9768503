import Access
import Domain
import Hummingbird
import Service

/// Named people: class rosters, a request's participants and their outcomes.
struct ParticipantsController: Sendable {
    let participants: ParticipantService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("cohorts/:cohortId/students") { _, context in
            JSONResponse(
                value: Items(
                    items: try await participants.students(
                        of: try context.uuidParameter("cohortId"), as: try context.requirePrincipal())))
        }
        router.post("cohorts/:cohortId/students") { request, context in
            let input = try await request.decodeJSON(as: NewParticipant.self, context: context)
            let added = try await participants.addStudent(
                input, to: try context.uuidParameter("cohortId"), as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: added, location: "/participants/\(added.id)")
        }
        router.get("requests/:requestId/participants") { _, context in
            JSONResponse(
                value: Items(
                    items: try await participants.participants(
                        of: try context.uuidParameter("requestId"), as: try context.requirePrincipal())))
        }
        router.post("requests/:requestId/participants") { request, context in
            let input = try await request.decodeJSON(as: NewParticipant.self, context: context)
            let added = try await participants.addParticipant(
                input, to: try context.uuidParameter("requestId"), as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: added, location: "/participants/\(added.id)")
        }
        router.delete("participants/:participantId") { _, context -> HTTPResponse.Status in
            try await participants.withdraw(
                try context.uuidParameter("participantId"), as: try context.requirePrincipal())
            return .noContent
        }
        router.post("participants/:participantId/replacement") { request, context in
            let input = try await request.decodeJSON(as: NewParticipant.self, context: context)
            let added = try await participants.replace(
                try context.uuidParameter("participantId"), with: input, as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: added, location: "/participants/\(added.id)")
        }
        router.put("participants/:participantId/outcome") { request, context in
            let input = try await request.decodeJSON(as: Outcome.self, context: context)
            return JSONResponse(
                value: try await participants.recordOutcome(
                    input, for: try context.uuidParameter("participantId"), as: try context.requirePrincipal()))
        }
    }
}
