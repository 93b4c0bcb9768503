import Domain
import Foundation

extension DateText {
    /// A shared-employee course's placed sessions as pages list them: day, from, to and place.
    func meetings(_ timetable: [CourseOffering.Meeting]) -> [[String: String]] {
        timetable.map { ["day": day($0.start), "from": time($0.start), "to": time($0.end), "place": $0.place] }
    }
}
