import Access
import Database
import Domain
import Foundation
import Repositories

extension RequestService {
    /// The cohort, equipment line or course a request names must be the asker's and the center's.
    func checkReferences(
        of details: RequestDetails, by organization: Organization, centerId: UUID, on connection: Connection
    ) throws {
        switch details {
        case .studentTraining(let details):
            guard let cohort = try people.cohort(id: details.cohortId, on: connection),
                cohort.organizationId == organization.id
            else {
                throw Self.invalid(
                    "details/cohortId", "exists", "\(organization.name) has no class \(details.cohortId).")
            }
            let largestPool = try Paging.all {
                try resources.list(centerId: centerId, limit: $0, offset: $1, on: connection)
            }.filter {
                $0.kind == .workstationPool && $0.status == .active && $0.capabilities.contains(details.capability)
            }.map(\.seats).max()
            do { try details.validate(classSize: cohort.size, largestPool: largestPool) } catch {
                throw ServiceError.invalid(error)
            }
            try checkPeriods(details, centerId: centerId, on: connection)
        case .pilotProduction(let details):
            try checkResources(of: details, centerId: centerId, on: connection)
        case .sharedEmployee(let details):
            if let courseId = details.courseRequestId {
                guard let course = try requests.find(id: courseId, on: connection), course.centerId == centerId,
                    case .sharedEmployee(let offering) = course.details, offering.isOffering, !course.state.isFinal
                else {
                    throw Self.invalid(
                        "details/courseRequestId", "openCourse",
                        "The center offers no open shared-employee course \(courseId).")
                }
                // seats are sold against a dated timetable: the course's sessions are planned first
                guard try BookingRepository().firstStart(ofRequest: courseId, on: connection) != nil else {
                    throw Self.invalid(
                        "details/courseRequestId", "dated",
                        "\(course.title) has no dates yet: its seats go on sale once its sessions are planned.")
                }
            }
        case .employeeUpskilling(let details):
            try checkCourse(details, by: organization, centerId: centerId, on: connection)
        }
    }

    /// Schools ask for student training and their teachers' upskilling (its training type then says
    /// so: ``checkCourse(_:by:centerId:on:)``); enterprises for upskilling and pilot runs; the center's
    /// operator or a college (a school of any level) offers shared-employee courses and SMEs buy
    /// seats in them.
    static func checkAsker(_ organization: Organization, of details: RequestDetails, center: Center) throws {
        let allowed: Bool
        switch details {
        case .studentTraining: allowed = organization.kind.isSchool
        case .employeeUpskilling: allowed = organization.kind.isEnterprise || organization.kind.isSchool
        case .pilotProduction: allowed = organization.kind.isEnterprise
        case .sharedEmployee(let shared):
            allowed =
                shared.isOffering
                ? organization.id == center.operatorId || organization.kind.isSchool : organization.kind == .sme
        }
        guard allowed else {
            throw invalid(
                "organizationId", "category",
                "\(organization.name) (\(organization.kind.rawValue)) cannot make a \(details.category.rawValue) request of this kind."
            )
        }
    }

    static func invalid(_ field: String, _ rule: String, _ message: String) -> ServiceError {
        .invalid(DomainError(field: field, rule: rule, message: message))
    }
}
