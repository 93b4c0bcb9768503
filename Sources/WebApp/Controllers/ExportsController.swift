import Access
import Domain
import Foundation
import Hummingbird
import Service
import WebUI

/// Spreadsheet exports: `GET /centers/{id}/exports/{kind}.csv`, each through one use case of
/// ``ExportService``, which reads through the listing use cases (authorized and redacted as they are).
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
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".csv") else {
                throw ProblemDetails.validation(
                    field: "format", rule: "enum", detail: "Exports come as .csv (UTF-8 with BOM, for Excel).")
            }
            let kind = String(file.dropLast(4))
            let caller = try context.requirePrincipal()
            let csv: CSVFile
            switch kind {
            case "resources": csv = try await exports.resources(of: centerId, as: caller)
            case "instructors": csv = try await exports.instructors(of: centerId, as: caller)
            case "classes": csv = try await exports.classes(of: try request.requiredUUID("school"), as: caller)
            case "requests":
                csv = try await exports.requests(
                    in: centerId, state: try request.queryEnum("state", as: RequestState.self), as: caller)
            case "timetable":
                let subjectName = request.queryString("subject") ?? ""
                guard let subject = Self.subjects[subjectName] else {
                    throw ProblemDetails.validation(
                        field: "subject", rule: "enum",
                        detail: "subject ('\(subjectName)') is resource, instructor, cohort or organization.")
                }
                let (from, to) = try request.queryRange()
                csv = try await exports.timetable(
                    of: subject(try request.requiredUUID("id")), from: from, to: to, at: centerId, as: caller)
            default: throw ProblemDetails.notFound()
            }
            return CSVResponse(file: csv, name: "praxis-\(kind).csv")
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
