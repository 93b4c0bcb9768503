public import Foundation

/// What a center's timeline of a span of days is drawn from, as one reader may see it: the
/// bookings already shown to them (another organization's as occupied blocks that cover their
/// changeover buffers), the instructors they may list, the center's calendar.
public struct CenterWeek: Sendable {
    /// The center's active resources.
    public var resources: [Resource]
    /// The instructors the reader may list.
    public var instructors: [Instructor]
    /// The confirmed bookings overlapping the span, as the reader may see them.
    public var bookings: [ShownBooking]
    /// Maintenance windows overlapping the span, by resource.
    public var maintenance: [UUID: [MaintenanceWindow]]
    public var openingHours: [OpeningHours]
    public var closures: [Closure]
    /// The public holidays and make-up working days of the span's years.
    public var calendarDays: [CalendarDay]
    /// The center's changeover rules: the buffers drawn after bookings shown in full.
    public var changeovers: [ChangeoverRule]
    /// The center's bell periods, to name the periods a booking coincides with.
    public var periods = PeriodSchedule()

    public init(
        resources: [Resource], instructors: [Instructor], bookings: [ShownBooking],
        maintenance: [UUID: [MaintenanceWindow]], openingHours: [OpeningHours], closures: [Closure],
        calendarDays: [CalendarDay], changeovers: [ChangeoverRule]
    ) {
        self.resources = resources
        self.instructors = instructors
        self.bookings = bookings
        self.maintenance = maintenance
        self.openingHours = openingHours
        self.closures = closures
        self.calendarDays = calendarDays
        self.changeovers = changeovers
    }
}
