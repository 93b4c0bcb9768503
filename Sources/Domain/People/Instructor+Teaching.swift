public import Dates

extension Instructor {
    /// Whether the instructor holds every skill in `skills` with a certificate valid on `date` (one
    /// that does not lapse always is): the planner's rule for who may teach a session, and a direct
    /// booking's.
    public func holds(_ skills: [String], validOn date: CalendarDate) -> Bool {
        skills.allSatisfy { skill in
            self.skills.contains { $0.skill == skill && ($0.expiresOn.map { $0 >= date } ?? true) }
        }
    }

    /// Whether the availability of `weekday` covers the minutes `span` of the day, windows that
    /// touch joining up (as the planner's free slots do); no availability that day: not available.
    public func isAvailable(weekday: Int, span: Range<Int>) -> Bool {
        let windows = availability.filter { $0.weekday == weekday && $0.from < $0.to }
        var covered = span.lowerBound
        while covered < span.upperBound {
            guard let window = windows.first(where: { $0.from.minutes <= covered && covered < $0.to.minutes }) else {
                return false
            }
            covered = window.to.minutes
        }
        return true
    }

    /// The planner's rules for the instructor teaching a direct booking: the skills it needs, with
    /// certificates valid on its day; inside their availability; under their weekly cap.
    /// - Parameters:
    ///   - field: the booking's field naming the instructor (`instructorId`, `secondInstructorId`).
    ///   - day: the booking's local day; `weekday` the timetable weekday that runs then (a make-up
    ///     day's assigned one); `span` its local minutes of the day.
    ///   - hours: the booking's length; `hoursThatWeek` what the instructor already teaches in its ISO week.
    /// - Throws: ``DomainError`` naming `field`, rule `instructorSkills`, `instructorAvailability` or
    ///   `weeklyCap`.
    public func checkTeaching(
        field: String, skills: [String], day: CalendarDate, weekday: Int, span: Range<Int>, hours: Double,
        hoursThatWeek: Double
    ) throws(DomainError) {
        guard holds(skills, validOn: day) else {
            throw DomainError(
                field: field, rule: "instructorSkills",
                message:
                    "\(name) lacks a certificate valid on \(day) for \(skills.joined(separator: ", ")); choose a qualified instructor."
            )
        }
        guard isAvailable(weekday: weekday, span: span) else {
            throw DomainError(
                field: field, rule: "instructorAvailability",
                message: "\(name) is not available at that time of the week; choose a time inside their availability.")
        }
        guard hoursThatWeek + hours <= Double(weeklyHourCap) else {
            throw DomainError(
                field: field, rule: "weeklyCap",
                message:
                    "\(name) teaches \(Int(hoursThatWeek.rounded())) h that week; \(Int(hours.rounded(.up))) h more passes their cap of \(weeklyHourCap) h."
            )
        }
    }
}
