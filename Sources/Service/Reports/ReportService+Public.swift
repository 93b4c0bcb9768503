public import Access
import Database
public import Domain
public import Foundation

extension ReportService {
    /// The annex's indicators Praxis computes, in the annex's order: each one cell of a report.
    static let indicatorSources: [(key: String, source: IndicatorSource)] = [
        (
            "studentsTrained",
            .init(
                report: .people, category: .studentTraining, section: "categories", row: "student_training",
                column: "people")
        ),
        (
            "studentPersonHours",
            .init(
                report: .people, category: .studentTraining, section: "categories", row: "student_training",
                column: "personHours")
        ),
        (
            "teachersPractising",
            .init(report: .teaching, section: "summary", row: "schoolTeachers", column: "instructors")
        ),
        ("teacherPracticeHours", .init(report: .teaching, section: "summary", row: "schoolTeachers", column: "hours")),
        (
            "employeesUpskilled",
            .init(
                report: .people, category: .employeeUpskilling, section: "categories", row: "employee_upskilling",
                column: "people")
        ),
        (
            "upskillingTrainees",
            .init(
                report: .people, category: .employeeUpskilling, section: "categories", row: "employee_upskilling",
                column: "trainees")
        ),
        (
            "sharedEmployeesTrained",
            .init(
                report: .people, category: .sharedEmployee, section: "categories", row: "shared_employee",
                column: "people")
        ),
        (
            "sharedEmployeeTrainees",
            .init(
                report: .people, category: .sharedEmployee, section: "categories", row: "shared_employee",
                column: "trainees")
        ),
        ("smesServed", .init(report: .people, section: "smes", row: "total", column: "smesServed")),
        ("smePercent", .init(report: .people, section: "smes", row: "total", column: "smePercent")),
        ("equipmentUsedHours", .init(report: .utilisation, section: "resources", row: "total", column: "usedHours")),
        (
            "contributedEquipmentUsedHours",
            .init(report: .utilisation, section: "owners", row: "contributed", column: "usedHours")
        ),
        (
            "enterpriseStaffTeaching",
            .init(report: .teaching, section: "summary", row: "enterpriseStaff", column: "instructors")
        ),
        (
            "enterpriseStaffTeachingHours",
            .init(report: .teaching, section: "summary", row: "enterpriseStaff", column: "hours")
        ),
        (
            "twoTeacherSessions",
            .init(report: .teaching, section: "summary", row: "total", column: "twoTeacherSessions")
        ),
        ("pilotDays", .init(report: .pilot, section: "enterprises", row: "total", column: "days")),
    ]

    /// Indicators of the annex Praxis's data does not hold: listed, never estimated.
    static let uncomputedIndicators = [
        "graduatesEmployed", "orderClasses", "jointCourses", "jointTextbooks", "technicalServiceIncome",
        "enterpriseInvestment", "patents",
    ]

    /// The consortium's public report of a center for a period (any organization; the category
    /// filter is ignored: each indicator names its own).
    /// - Throws: `.notFound` (center); `.forbidden` for the full edition to anyone but the center's
    ///   managers, auditors and admins (any signed-in reader gets the public edition).
    public func publicReport(
        at centerId: UUID, filter: ReportFilter, edition: PublicReport.Edition, as caller: Principal
    ) async throws -> PublicReport {
        var period = filter.allOrganizations
        period.category = nil
        let filter = period
        return try await database.reading(isolation: .repeatableRead) { connection in
            try connection.planForParameterValues()
            // the public edition holds totals only: computed as a center's auditor reads them
            let reader = edition == .public ? Self.publicReader : caller
            if edition == .full, try Policy(caller).reportReach(centerId: centerId) != .all {
                throw ServiceError.forbidden(
                    "The full edition is read by the center's managers and auditors.", rule: "fullEdition")
            }
            var reports: [ReportKind: Report] = [:]
            for kind in Set(Self.indicatorSources.map(\.source.report)) {
                reports[kind] = try Self.report(
                    kind, at: centerId, filter: filter, as: reader, brief: true, on: connection)
            }
            let indicators =
                Self.indicatorSources.map { key, source in
                    PublicIndicator(
                        key: key,
                        value: reports[source.report]?.section(source.section)?.value(source.column, of: source.row)
                            ?? 0,
                        source: source)
                } + Self.uncomputedIndicators.map { PublicIndicator(key: $0, value: nil, source: nil) }
            let pilot = reports[.pilot]?.section("enterprises")?.rows.filter { $0.key != ReportRow.totalKey } ?? []
            return PublicReport(
                filter: filter, edition: edition, indicators: indicators,
                pilotEnterprises: edition == .public ? [] : pilot)
        }
    }

    /// The reader the public edition is computed as: an auditor, who reads every total and no
    /// enterprise's pilot production.
    static let publicReader = Principal(
        userId: Principal.system.userId, username: "public", organizationId: Principal.system.organizationId,
        grants: [RoleGrant(role: .auditor)])
}
