public import Domain

extension Work {
    /// A booking as the policy sees it.
    public init(_ booking: Booking) {
        self.init(
            centerId: booking.centerId, organizationId: booking.organizationId, category: booking.category,
            instructorId: booking.instructorId)
    }

    /// A request as the policy sees it.
    public init(_ request: Request) {
        self.init(centerId: request.centerId, organizationId: request.organizationId, category: request.category)
    }
}
