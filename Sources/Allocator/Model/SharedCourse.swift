/// A shared-employee course: a ``Series`` whose seats SMEs buy; it runs only when enough seats are sold.
public struct SharedCourse: Sendable, Hashable, Codable {
    /// One SME's request for seats.
    public struct SeatRequest: Sendable, Hashable, Codable {
        /// Index of the organization asking.
        public var organization: Int
        /// Seats asked for.
        public var seats: Int

        /// Creates a request.
        public init(organization: Int, seats: Int) {
            self.organization = organization
            self.seats = seats
        }
    }

    /// Index of the series holding the course's sessions.
    public var series: Int
    /// Seats on offer; the seats of the smallest resource the sessions were given also limit it.
    public var seats: Int
    /// Fewest seats that must be granted for the course to run.
    public var minimumEnrolment: Int
    /// Requests in the order they were made (earlier requests are wait-listed first).
    public var requests: [SeatRequest]

    /// Creates a shared-employee course.
    public init(series: Int, seats: Int, minimumEnrolment: Int, requests: [SeatRequest]) {
        self.series = series
        self.seats = seats
        self.minimumEnrolment = minimumEnrolment
        self.requests = requests
    }
}
