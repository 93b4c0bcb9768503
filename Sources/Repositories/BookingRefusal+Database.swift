public import Database
public import Domain

extension BookingRefusal {
    /// What PostgreSQL's refusal of `insert_booking` (see `sql/0008_bookings.sql` and
    /// `sql/0013_booking_in_one_statement.sql`) and of `check_pilot_runs` (`sql/0038_pilot_runs.sql`) means, recognised by SQLSTATE and constraint;
    /// `nil` for any other error, which the caller rethrows.
    public init?(_ error: DatabaseError) {
        switch error.sqlState {
        case .exclusionViolation?:
            let instructors = ["bookings_instructor_overlap", "booking_instructors_overlap"]
            self = instructors.contains(error.constraint ?? "") ? .instructorTaken : .resourcesTaken
        case .cohortBooked?: self = .cohortAlreadyBooked
        case .underMaintenance?: self = .underMaintenance
        case .resourceRetired?: self = .resourceRetired
        case .pilotRunGuard?:
            self = error.detail?.hasPrefix("exclusiveHall") == true ? .hallOfPilotRun : .pilotRunChangeover
        case .foreignKeyViolation?:
            switch error.constraint {
            case "bookings_organization_id_fkey": self = .missingOrganization
            case "bookings_instructor_id_fkey", "bookings_second_instructor_id_fkey": self = .missingInstructor
            case "booking_cohorts_cohort_id_fkey": self = .missingCohort
            case "booking_resources_resource_id_fkey", "booking_blocks_resource_id_fkey": self = .missingResource
            default: return nil
            }
        default: return nil
        }
    }
}
