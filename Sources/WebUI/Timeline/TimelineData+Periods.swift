import Dates
import Domain
import Foundation

extension TimelineData {
    /// The bell periods a booking of the week coincides with at the center (its day's timetable
    /// weekday's periods, a 调休 make-up day's included); `nil` when it does not.
    func periodSpan(from start: Date, to end: Date) -> PeriodSpan? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = center.zone
        let (first, last) = (
            calendar.dateComponents([.year, .month, .day, .hour, .minute], from: start),
            calendar.dateComponents([.year, .month, .day, .hour, .minute], from: end)
        )
        guard let date = CalendarDate(year: first.year!, month: first.month!, day: first.day!),
            (first.year, first.month, first.day) == (last.year, last.month, last.day),
            let weekday = self.calendar.timetableWeekday(on: date)
        else { return nil }
        let minutes = (first.hour! * 60 + first.minute!)..<(last.hour! * 60 + last.minute!)
        return periods.periodRange(weekday: weekday, minutes: minutes).map {
            PeriodSpan(from: $0.lowerBound, to: $0.upperBound)
        }
    }
}
