import Access
import Domain
import Hummingbird
import Service

/// Rosters and attendance of sessions (bookings), self check-in, no-shows and hours delivered: each
/// route decodes, calls one use case with the caller, and encodes what it returns.
struct AttendanceController: Sendable {
    let attendance: AttendanceService
    /// Whether the client's address comes from `X-Forwarded-For` (behind a trusted proxy), for the
    /// self check-in's limits.
    var trustForwardedFor = false

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("sessions/:bookingId/roster") { _, context in
            let roster = try await attendance.roster(
                of: try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: roster, version: roster.record.version)
        }
        router.post("sessions/:bookingId/attendance") { request, context in
            let input = try await request.decodeJSON(as: AttendanceMarks.self, context: context)
            let roster = try await attendance.mark(
                input, session: try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: roster, version: roster.record.version)
        }
        router.post("sessions/:bookingId/corrections") { request, context in
            let input = try await request.decodeJSON(as: AttendanceCorrection.self, context: context)
            let roster = try await attendance.correct(
                input, session: try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: roster, version: roster.record.version)
        }
        router.put("sessions/:bookingId/record") { request, context in
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: SessionReport.self, context: context)
            let roster = try await attendance.report(
                input, session: try context.uuidParameter("bookingId"), version: version,
                as: try context.requirePrincipal())
            return JSONResponse(value: roster, version: roster.record.version)
        }
        router.post("sessions/:bookingId/check-in-code") { _, context in
            let roster = try await attendance.showCode(
                session: try context.uuidParameter("bookingId"), as: try context.requirePrincipal())
            return JSONResponse(value: roster, version: roster.record.version)
        }
        router.get("centers/:centerId/no-shows") { request, context in
            let range = try request.queryRange()
            let items = try await attendance.noShows(
                at: try context.uuidParameter("centerId"), from: range.from, to: range.to,
                as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: items))
        }
        router.get("requests/:requestId/hours") { _, context in
            JSONResponse(
                value: try await attendance.hoursDelivered(
                    for: try context.uuidParameter("requestId"), as: try context.requirePrincipal()))
        }
    }

    /// `POST /check-in`: a participant's self check-in, without an account: the code shown at the
    /// station is the credential. Answers the name and mark only; 429 (rule `checkInAttempts`)
    /// after too many failures from the client's address or with the code.
    func addPublicRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("check-in") { request, context in
            let input = try await request.decodeJSON(as: SelfCheckIn.self, context: context)
            let entry = try await attendance.checkIn(
                input, client: request.clientAddress(context: context, trustForwardedFor: trustForwardedFor))
            return JSONResponse(value: CheckedIn(name: entry.participant.name, mark: entry.mark ?? .present))
        }
    }
}

/// What a self check-in answers: no more than the person already knows.
struct CheckedIn: Codable, Sendable {
    let name: String
    let mark: AttendanceMark
}
