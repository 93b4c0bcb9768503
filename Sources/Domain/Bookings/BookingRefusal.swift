/// Why PostgreSQL refused to write a booking, whoever asked for it (a direct booking, a plan
/// being published). Produced by the repository layer from the database's error codes, matched
/// by kind, worded once here; the words name no constraint and no table.
public enum BookingRefusal: Error, Sendable, Equatable, CaseIterable {
    /// A resource, what contains it or what it contains is booked then (changeover buffers included).
    case resourcesTaken
    /// The instructor teaches elsewhere then.
    case instructorTaken
    /// A cohort of the booking is booked elsewhere then.
    case cohortAlreadyBooked
    /// A resource, what contains it or what it contains is under maintenance then.
    case underMaintenance
    /// A pilot run keeps its resources free for its changeover before or after it then.
    case pilotRunChangeover
    /// A pilot run has its whole workshop to its own organization then.
    case hallOfPilotRun
    /// A resource of the booking is retired.
    case resourceRetired
    /// The organization named does not exist.
    case missingOrganization
    /// The instructor named does not exist.
    case missingInstructor
    /// A cohort named does not exist.
    case missingCohort
    /// A resource named does not exist.
    case missingResource

    /// The refusal in one sentence for a person.
    public var sentence: String {
        switch self {
        case .resourcesTaken:
            "The resources are taken at that time (changeover buffers and containing workshops included)."
        case .instructorTaken: "The instructor is already booked at that time."
        case .cohortAlreadyBooked: "A cohort is already booked at that time."
        case .underMaintenance:
            "A resource, or what contains it or what it contains, is under maintenance at that time."
        case .pilotRunChangeover: "A pilot run keeps the line free for its changeover at that time."
        case .hallOfPilotRun: "A pilot run has the whole workshop at that time; it is occupied."
        case .resourceRetired: "A resource of the booking is retired."
        case .missingOrganization: "The organization of the booking does not exist."
        case .missingInstructor: "The instructor of the booking does not exist."
        case .missingCohort: "A cohort of the booking does not exist."
        case .missingResource: "A resource of the booking does not exist."
        }
    }

    /// Whether other bookings (or a maintenance window) stand in the way: a clash (409) rather
    /// than a bad field (422).
    public var isClash: Bool {
        switch self {
        case .resourcesTaken, .instructorTaken, .cohortAlreadyBooked, .underMaintenance, .pilotRunChangeover,
            .hallOfPilotRun:
            true
        case .resourceRetired, .missingOrganization, .missingInstructor, .missingCohort, .missingResource: false
        }
    }

    /// The request field a refusal that is not a clash is about (`resources`, `organizationId`…).
    public var field: String? {
        switch self {
        case .resourceRetired, .missingResource: "resources"
        case .missingOrganization: "organizationId"
        case .missingInstructor: "instructorId"
        case .missingCohort: "cohortIds"
        case .resourcesTaken, .instructorTaken, .cohortAlreadyBooked, .underMaintenance, .pilotRunChangeover,
            .hallOfPilotRun:
            nil
        }
    }
}
