import Domain

extension TimelineData {
    /// The week with only the rows that offer `tag`: resources with the capability, instructors
    /// with the skill (a booking stays on the rows it uses). An empty tag keeps every row.
    func keeping(capability tag: String) -> TimelineData {
        guard !tag.isEmpty else { return self }
        return TimelineData(
            center: center, monday: monday, resources: resources.filter { $0.capabilities.contains(tag) },
            instructors: instructors.filter { $0.skills.contains { $0.skill == tag } }, bookings: bookings,
            maintenance: maintenance, calendar: calendar, openingHours: openingHours, changeovers: changeovers)
    }
}
