import Access
import Domain
import Foundation
import Hummingbird
import Service
import WebUI

/// Spreadsheet exports: `GET /centers/{id}/exports/{kind}.csv` (or `.xlsx`), each through one use
/// case of ``ExportService``, which reads through the listing use cases (authorized and redacted as they are).
struct ExportsController: Sendable {
    let exports: ExportService

    /// The timetable subjects a `subject` query parameter names.
    private static let subjects: [String: @Sendable (UUID) -> TimetableSubject] = [
        "resource": TimetableSubject.resource, "instructor": TimetableSubject.instructor,
        "cohort": TimetableSubject.cohort, "organization": TimetableSubject.organization,
    ]

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/exports/:file") { request, context in
            let centerId = try context.uuidParameter("centerId")
            guard let asked = ExportFormat.split(context.parameters.get("file") ?? "") else {
                throw ProblemDetails.validation(
                    field: "format", rule: "enum",
                    detail: "Exports come as .csv (UTF-8 with BOM, for Excel) or .xlsx (an Excel workbook).")
            }
            let file = try await export(asked.kind, at: centerId, request, as: try context.requirePrincipal())
            return SpreadsheetResponse(file: file, kind: asked.kind, format: asked.format)
        }
    }

    /// The export of `kind`, its query parameters read from the request.
    private func export(
        _ kind: String, at centerId: UUID, _ request: Request, as caller: Principal
    ) async throws
        -> CSVFile
    {
        switch kind {
        case "resources": return try await exports.resources(of: centerId, as: caller)
        case "instructors": return try await exports.instructors(of: centerId, as: caller)
        case "classes": return try await exports.classes(of: try request.requiredUUID("school"), as: caller)
        case "requests":
            return try await exports.requests(
                in: centerId, state: try request.queryEnum("state", as: RequestState.self), as: caller)
        case "timetable":
            let subjectName = request.queryString("subject") ?? ""
            guard let subject = Self.subjects[subjectName] else {
                throw ProblemDetails.validation(
                    field: "subject", rule: "enum",
                    detail: "subject ('\(subjectName)') is resource, instructor, cohort or organization.")
            }
            let (from, to) = try request.queryRange()
            return try await exports.timetable(
                of: subject(try request.requiredUUID("id")), from: from, to: to, at: centerId, as: caller)
        case "bookings":
            let (from, to) = try request.queryRange()
            let filter = ExportService.BookingFilter(
                resourceId: try request.queryUUID("resource"), organizationId: try request.queryUUID("organization"),
                category: try request.queryEnum("category", as: Domain.Category.self))
            return try await exports.bookings(in: centerId, from: from, to: to, filter: filter, as: caller)
        case "roster": return try await exports.roster(of: try request.requiredUUID("session"), as: caller)
        case "participants": return try await exports.participants(of: try request.requiredUUID("request"), as: caller)
        case "attendance":
            let (from, to) = try request.queryRange()
            return try await exports.attendance(in: centerId, from: from, to: to, as: caller)
        default:
            throw ProblemDetails.validation(
                field: "file", rule: "enum",
                detail: "'\(kind)' is not an export: \(ExportService.kinds.joined(separator: ", ")) (.csv or .xlsx).")
        }
    }
}

extension Request {
    /// A required UUID query parameter (422 when missing or unreadable).
    func requiredUUID(_ name: String) throws -> UUID {
        guard let id = try queryUUID(name) else {
            throw ProblemDetails.validation(
                field: name, rule: "required", detail: "The query parameter \(name) (an id) is required.")
        }
        return id
    }
}
