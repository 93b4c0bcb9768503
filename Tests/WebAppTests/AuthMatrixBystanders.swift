import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What the access matrix adds around its school and enterprise so that leaks show: a second
/// school and a second enterprise (an SME) with a class, a request and a booking each at the
/// center, the enterprise's confidential pilot run on the shared machine with two hours of
/// cleaning before student training, and the school's session at the other center.
struct AuthMatrixBystanders: Sendable {
    /// Ids of organizations, classes, requests and bookings no matrix caller but consortium readers
    /// and the center's managers may read.
    let ids: [UUID]
    /// Their names and titles.
    let names: [String]
    /// The enterprise's pilot run (its booking id and title), readable by the enterprise and the
    /// center's managers only.
    let pilotBooking: UUID
    let pilotTitle: String
    /// The school's booking at the other center, which the center's manager may not read.
    let schoolAwayBooking: UUID
    let schoolAwayTitle: String
    /// The machine it takes there.
    let awayMachine: UUID
    let awayMachineName: String

    /// Creates them through the API as the admin.
    static func add(
        tag: String, center: UUID, otherCenter: UUID, operatorId: UUID, machine: UUID, school: UUID, enterprise: UUID,
        schoolCohort: UUID, admin: AdminClient
    ) async throws -> AuthMatrixBystanders {
        let post = admin.created
        let policy = try await admin.execute(uri: "/centers/\(center)/policy", method: .get)
        let version = try #require(policy.headers[.eTag])
        let replaced = try await admin.execute(
            uri: "/centers/\(center)/policy", method: .put, headers: [.ifMatch: version],
            body: ByteBuffer(string: cleaningPolicy))
        #expect(replaced.status == .ok, "policy: \(String(buffer: replaced.body))")
        // the center's shared-employee course, open to every SME
        let course = try await post(
            "/centers/\(center)/requests",
            """
            {"organizationId": "\(operatorId)", "category": "shared_employee", "title": "共享焊接课-\(tag)", "submit": true,
             "details": {"capacity": 10, "minEnrolment": 2, "decisionDate": "2031-02-20", "sessions": 2, "sessionMinutes": 120,
                         "skill": "welding.robot"}}
            """)
        // dated by one session, as a published plan dates it: seats are sold only then
        _ = try await post(
            "/centers/\(center)/bookings",
            """
            {"organizationId": "\(operatorId)", "requestId": "\(course)", "category": "shared_employee",
             "title": "共享焊接课-\(tag)", "start": "2031-02-24T09:00:00+08:00", "end": "2031-02-24T11:00:00+08:00",
             "resources": [{"resourceId": "\(machine)"}]}
            """)
        var ids: [UUID] = []
        var names: [String] = []
        for (index, kind, prefix) in [(0, "secondary_vocational_school", "S2"), (1, "sme", "E2")] {
            let organizationName = index == 0 ? "学校二-\(tag)" : "企业二-\(tag)"
            let organization = try await post(
                "/organizations", #"{"name": "\#(organizationName)", "kind": "\#(kind)"}"#)
            let cohortName = "\(prefix)班-\(tag)"
            let cohort = try await post(
                "/organizations/\(organization)/cohorts", #"{"name": "\#(cohortName)", "size": 20}"#)
            let requestTitle = "\(prefix)申请-\(tag)"
            let request = try await post(
                "/centers/\(center)/requests",
                index == 0
                    ? """
                    {"organizationId": "\(organization)", "category": "student_training", "title": "\(requestTitle)",
                     "details": {"cohortId": "\(cohort)", "courseName": "焊接", "sessionsPerWeek": 1, "weeks": 2, "startDate": "2031-03-10",
                                 "sessionMinutes": 120, "capability": "welding.robot", "studentsPerStation": 2, "instructorSkills": []}}
                    """
                    : """
                    {"organizationId": "\(organization)", "category": "employee_upskilling", "title": "\(requestTitle)",
                     "details": {"participants": 5, "course": "焊接", "skill": "welding.robot", "totalHours": 4,
                                 "sessionMinutes": 120, "earliest": "2031-03-10", "latest": "2031-03-20"}}
                    """)
            let bookingTitle = "\(prefix)课-\(tag)"
            let category = index == 0 ? "student_training" : "employee_upskilling"
            let booking = try await post(
                "/centers/\(center)/bookings",
                """
                {"organizationId": "\(organization)", "category": "\(category)", "title": "\(bookingTitle)",
                 "cohortIds": ["\(cohort)"], "start": "2031-03-07T\(14 + 2 * index):00:00+08:00",
                 "end": "2031-03-07T\(15 + 2 * index):00:00+08:00", "resources": [{"resourceId": "\(machine)"}]}
                """)
            ids += [organization, cohort, request, booking]
            names += [organizationName, cohortName, requestTitle, bookingTitle]
            if index == 1 {
                let seatsTitle = "E2座位-\(tag)"
                ids.append(
                    try await post(
                        "/centers/\(center)/requests",
                        """
                        {"organizationId": "\(organization)", "category": "shared_employee", "title": "\(seatsTitle)", "submit": true,
                         "details": {"courseRequestId": "\(course)", "seats": 3}}
                        """))
                names.append(seatsTitle)
            }
        }
        let pilotTitle = "E中试线-\(tag)"
        let pilot = try await post(
            "/centers/\(center)/bookings",
            """
            {"organizationId": "\(enterprise)", "category": "pilot_production", "title": "\(pilotTitle)",
             "start": "2031-03-06T09:00:00+08:00", "end": "2031-03-06T12:00:00+08:00", "resources": [{"resourceId": "\(machine)"}]}
            """)
        let awayMachineName = "别处车床-\(tag)"
        let awayMachine = try await post(
            "/centers/\(otherCenter)/resources",
            #"{"kind": "equipment_line", "name": "\#(awayMachineName)", "seats": 1, "capabilities": ["cnc.lathe"]}"#)
        let awayTitle = "S外场-\(tag)"
        let away = try await post(
            "/centers/\(otherCenter)/bookings",
            """
            {"organizationId": "\(school)", "category": "student_training", "title": "\(awayTitle)",
             "cohortIds": ["\(schoolCohort)"], "start": "2031-03-12T09:00:00+08:00", "end": "2031-03-12T11:00:00+08:00",
             "resources": [{"resourceId": "\(awayMachine)"}]}
            """)
        return AuthMatrixBystanders(
            ids: ids, names: names, pilotBooking: pilot, pilotTitle: pilotTitle, schoolAwayBooking: away,
            schoolAwayTitle: awayTitle, awayMachine: awayMachine, awayMachineName: awayMachineName)
    }

    /// Two hours of cleaning on an equipment line between pilot production and student training.
    static let cleaningPolicy = """
        {"shares": [],
         "changeovers": [{"resourceKind": "equipment_line", "fromCategory": "pilot_production", "toCategory": "student_training", "minutes": 120}],
         "weights": {"preferredTime": 1, "seriesTimeStability": 2, "roomStability": 1, "minimumDays": 1, "categoryShare": 5,
                     "organizationFairness": 10, "roomSize": 1, "isolatedSlot": 1, "leastChange": 3}}
        """
}
