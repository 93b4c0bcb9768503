// The weeks of a student-training request:
//
//   a term and a pattern   one week per chosen teaching week (weeks off already left out), its
//                          seven dates from the term (week n: firstDay + 7(n-1) …)
//   start date + N weeks   week i (1…N) from the Monday of the start date's week, dates before the
//                          start date left out (the older form)
//
// Holidays and closures are not removed here: they have no open spans, so a session's allowed
// starts are the other open days of its week. A week whose days are all shut is explained by
// name (清明节, a closure's reason) instead of being lost.

import Dates
import Domain

/// One week a training request wants sessions in: the number people call it by (the teaching
/// week, or the count from the start date) and its dates.
struct TrainingWeek: Equatable {
    var number: Int
    var dates: [CalendarDate]
}

extension ProblemBuilder {
    /// The weeks `details` asks for, in order.
    func trainingWeeks(_ details: StudentTrainingDetails) -> [TrainingWeek] {
        if let termId = details.termId, let term = snapshot.terms[termId],
            let chosen = try? details.teachingWeekNumbers(in: term)
        {
            return chosen.map { TrainingWeek(number: $0, dates: term.dates(ofWeek: $0)) }
        }
        let (start, monday) = (details.startDate, details.startDate.monday)
        return (0..<details.weeks).map { week in
            TrainingWeek(
                number: week + 1, dates: (0..<7).map { monday.adding(days: 7 * week + $0) }.filter { $0 >= start })
        }
    }

    /// Why a week of a training request within the horizon has no start: every open time of it
    /// shut by holidays and closures (named), or too short for the session. (A week wholly outside
    /// the horizon is no failure: ``PlanningProblem/outsideWeeks`` lists it apart.)
    func emptyWeekReason(_ week: TrainingWeek, length: LocalizedText) -> LocalizedText {
        let span = "\(week.dates.first!)–\(week.dates.last!)"
        let (label, chinese) = ("week \(week.number) (\(span))", "第\(week.number)周（\(span)）")
        var reasons: [String] = []
        for date in week.dates {
            if let reason = snapshot.calendar.closedReason(on: date), !reasons.contains(reason) {
                reasons.append(reason)
            }
        }
        guard !reasons.isEmpty else {
            return LocalizedText(
                en: "the center has no open \(length.en) in \(label)",
                zh: "\(chinese)中心没有\(length.zh)的开放时间")
        }
        return LocalizedText(
            en: "\(label): closed for \(reasons.joined(separator: ", ")), with no open \(length.en) left",
            zh: "\(chinese)因\(reasons.joined(separator: "、"))闭馆，没有\(length.zh)的开放时间")
    }
}
