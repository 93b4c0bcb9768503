public import Access
public import Database
import Dates
import Domain
public import Foundation

/// Spreadsheets of what a caller may read, through the listing use cases (so each export is
/// authorized and redacted exactly as the page or API answer it mirrors). The resources,
/// instructors and classes exports have their import's columns: exporting and importing again
/// changes nothing.
public struct ExportService: Sendable {
    let database: Database

    /// The kinds of export, as the API, the pages and the CLI name them.
    public static let kinds = [
        "resources", "instructors", "classes", "requests", "timetable", "bookings", "roster", "attendance",
        "participants",
    ]

    /// At most this many rows in one export.
    static let maxRows = 20_000

    public init(database: Database) {
        self.database = database
    }

    /// The center's resources, in the resources import's columns.
    public func resources(of centerId: UUID, as caller: Principal) async throws -> CSVFile {
        let service = CenterService(database: database)
        let resources = try await Self.all { try await service.resources(of: centerId, page: $0, as: caller) }
        let names = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0.name) })
        return CSVFile(
            header: ImportKind.resources.columns.map(\.key),
            rows: resources.map {
                [
                    $0.name, $0.kind.rawValue, String($0.seats), $0.capabilities.joined(separator: ";"),
                    $0.parentId.flatMap { names[$0] } ?? "",
                ]
            })
    }

    /// The center's instructors the caller may list, in the instructors import's columns.
    public func instructors(of centerId: UUID, as caller: Principal) async throws -> CSVFile {
        let service = OrganizationService(database: database)
        let instructors = try await Self.all { try await service.instructors(of: centerId, page: $0, as: caller) }
        var organizations: [UUID: String] = [:]
        for id in Set(instructors.map(\.organizationId)) {
            organizations[id] = try await service.organization(id, as: caller).name
        }
        return CSVFile(
            header: ImportKind.instructors.columns.map(\.key),
            rows: instructors.map { instructor in
                [
                    instructor.name, organizations[instructor.organizationId] ?? "", instructor.postType.rawValue,
                    String(instructor.weeklyHourCap),
                    instructor.skills.sorted { $0.skill < $1.skill }.map { skill in
                        skill.expiresOn.map { "\(skill.skill):\($0)" } ?? skill.skill
                    }.joined(separator: ";"),
                    WeeklyTimes.format(instructor.availability.map { ($0.weekday, $0.from, $0.to) }),
                ]
            })
    }

    /// A school's classes, in the classes import's columns.
    public func classes(of schoolId: UUID, as caller: Principal) async throws -> CSVFile {
        let service = OrganizationService(database: database)
        let school = try await service.organization(schoolId, as: caller)
        let cohorts = try await Self.all { try await service.cohorts(of: schoolId, page: $0, as: caller) }
        return CSVFile(
            header: ImportKind.classes.columns.map(\.key),
            rows: cohorts.map {
                [
                    school.name, $0.name, String($0.size),
                    WeeklyTimes.format($0.availability.freeTimes.map { ($0.weekday, $0.from, $0.to) }),
                    String($0.availability.travelMinutes),
                ]
            })
    }

    /// Every page of a listing use case, up to ``maxRows``.
    static func all<T>(_ page: (Page) async throws -> [T]) async throws -> [T] {
        var items: [T] = []
        while items.count < maxRows {
            let next = try await page(try Page(limit: Page.maximumLimit, offset: items.count))
            items += next
            if next.count < Page.maximumLimit { break }
        }
        return items
    }
}
