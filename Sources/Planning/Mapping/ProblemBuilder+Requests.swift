// Requests become sessions and series:
//
//   student training   sessionsPerWeek sessions per week of ProblemBuilder+Weeks.swift (teaching weeks
//                      of a term, or weeks from startDate); session (w, k) may start at any open time of
//                      week w (a holiday's session moves to another open day of its week, a week with
//                      none is explained); one weekly series per k (same weekday, time, place
//                      preferred); preferred days = the preferred weekdays' dates of TermCalendar.weeklyDates
//                      (a 调休 Saturday running Monday's timetable counts as a Monday); stations of a pool,
//                      else the workshop holding the machines; the class is a cohort; groups and a second
//                      instructor per ProblemBuilder+Groups.swift
//   employee upskilling per part (theory / practice / assessment; a course without parts is one practice
//                      part) its sessions, numbered on across parts, inside the window and the allowed
//                      times (of the day's timetable weekday), spread over as many days as there are
//                      sessions, each in a resource of the part's capability (theory without one: any
//                      classroom) with an instructor of the part's skill, among the named trainers when
//                      the course names any; the parts of a course without a group share a cohort of
//                      their own (the course's participants are in one place at a time)
//   shared employee    the course's sessions after its decision date, spread, sized for the seats asked
//                      (at least its minimum enrolment) and placed first (priority offeringPriority): a
//                      course is dated before its seats are sold; its SME seat requests become a
//                      SharedCourse (fair shares; no minimum: the go/no-go belongs to the decision date)
//   pilot production   see ProblemBuilder+PilotRuns.swift
// Instructors must hold every skill with a certificate valid through the session's last possible date.

import Allocator
import Dates
import Domain
import Foundation

extension ProblemBuilder {
    /// Adds the sessions of one request.
    mutating func add(_ request: Request) {
        switch request.details {
        case .studentTraining(let details): addTraining(request, details)
        case .employeeUpskilling(let details): addUpskilling(request, details)
        case .sharedEmployee(let details): addCourse(request, details)
        case .pilotProduction(let details): addPilotRun(request, details)
        }
    }

    private mutating func addTraining(_ request: Request, _ details: StudentTrainingDetails) {
        let start = details.startDate
        let people = snapshot.cohorts[details.cohortId]?.size ?? 1
        let need = resourceNeed(
            capability: details.capability, people: people, perStation: details.studentsPerStation, sharesMachine: false
        )
        let preferred = Set(
            (details.preferredWeekdays ?? []).flatMap {
                snapshot.calendar.weeklyDates(weekday: $0, from: start, weeks: details.weeks)
            })
        let perWeek = details.sessionsPerWeek
        let firstSeries = planning.problem.series.count
        for meeting in 0..<perWeek {
            planning.problem.series.append(
                Series(name: "\(request.title) (\(meeting + 1)/week)", kind: .weekly, sessions: []))
        }
        for (week, teaching) in trainingWeeks(details).enumerated() {
            let dates = teaching.dates
            let days = dates.compactMap { snapshot.grid.day(of: $0) }
            let (duration, starts, durations) = trainingStarts(days: days, details)
            for meeting in 0..<perWeek {
                let name = "\(request.title) · week \(teaching.number)" + (perWeek > 1 ? " #\(meeting + 1)" : "")
                var whole = Session(
                    name: name, duration: duration, allowedStarts: starts, participants: people,
                    category: .studentTraining,
                    organization: organization(request.organizationId),
                    cohorts: cohort(details.cohortId).map { [$0] } ?? [],
                    resourceNeed: need, needsInstructor: !details.instructorSkills.isEmpty,
                    requiredSkills: details.instructorSkills,
                    eligibleInstructors: instructors(
                        skills: details.instructorSkills, validThrough: lastDate(of: starts, or: dates)),
                    preferredDays: zip(dates, dates.map(snapshot.grid.day(of:))).compactMap {
                        preferred.contains($0) ? $1 : nil
                    },
                    series: firstSeries + meeting, durations: durations)
                // a week outside the horizon is listed apart, and counts neither as unplaced nor against fairness
                if days.isEmpty { whole.priority = 0 }
                for index in addMeeting(whole, request, details, number: perWeek * week + meeting) where starts.isEmpty
                {
                    if days.isEmpty {
                        planning.outsideWeeks[index] = teaching
                    } else {
                        planning.emptyReasons[index] = emptyWeekReason(teaching, length: sessionLength(details))
                    }
                }
            }
        }
    }

    private mutating func addUpskilling(_ request: Request, _ details: EmployeeUpskillingDetails) {
        let (first, last) = (details.earliest, details.latest)
        let dates = stride(from: 0, through: last.daysSinceEpoch - first.daysSinceEpoch, by: 1).map {
            first.adding(days: $0)
        }
        let parts = details.effectiveParts
        // the participants of a course of several parts are in one place at a time
        var cohorts = details.cohortId.flatMap { cohort($0) }.map { [$0] } ?? []
        if parts.count > 1, cohorts.isEmpty { cohorts = [courseCohort(request)] }
        let trainers = Set(details.trainerIds ?? [])
        var number = 0
        for part in parts {
            let duration = slots(minutes: part.sessionMinutes)
            let starts = upskillingStarts(details, dates: dates, duration: duration)
            let need =
                part.capability.map {
                    resourceNeed(capability: $0, people: details.participants, perStation: 1, sharesMachine: true)
                } ?? classroomNeed(people: details.participants)
            let eligible = instructors(skills: [part.skill], validThrough: lastDate(of: starts, or: dates)).filter {
                trainers.isEmpty || trainers.contains(snapshot.instructors[$0].id)
            }
            let template = Session(
                name: request.title, duration: duration, allowedStarts: starts, participants: details.participants,
                category: .employeeUpskilling, organization: organization(request.organizationId),
                cohorts: cohorts, resourceNeed: need, needsInstructor: true, requiredSkills: [part.skill],
                eligibleInstructors: eligible)
            addSpread(
                request, template, count: part.sessions, firstNumber: number,
                label: parts.count > 1 ? part.kind.rawValue : nil,
                reason: LocalizedText(
                    en: "no allowed time between \(first) and \(last) lies inside the horizon and the opening hours",
                    zh: "\(first)至\(last)之间没有既在规划范围内又在开放时间内的允许时间"))
            number += part.sessions
        }
    }

    /// The start slots of a course's sessions of `duration` slots: inside its window, its allowed
    /// times (of each day's timetable weekday) and the opening hours.
    private func upskillingStarts(_ details: EmployeeUpskillingDetails, dates: [CalendarDate], duration: Int) -> [Int] {
        var starts: [Int] = []
        for date in dates {
            guard let day = snapshot.grid.day(of: date) else { continue }
            let weekday = snapshot.calendar.timetableWeekday(on: date) ?? date.isoWeekday
            let allowed = details.allowedTimes.map { times in
                times.filter { $0.weekdays.contains(weekday) && $0.from < $0.to }.map {
                    $0.from.minutes..<$0.to.minutes
                }
            }
            let spans = openSpans(day: day).flatMap { open in
                (allowed ?? [open]).compactMap { time -> Range<Int>? in
                    let lower = max(open.lowerBound, time.lowerBound)
                    let upper = min(open.upperBound, time.upperBound)
                    return lower < upper ? lower..<upper : nil
                }
            }
            starts += self.starts(day: day, duration: duration, spans: spans)
        }
        return starts
    }

    /// How much more leaving a shared-employee course's session unplaced weighs than any other session:
    /// SMEs buy seats against the course's dates, so the planner places them first.
    static let offeringPriority = 10

    private mutating func addCourse(_ request: Request, _ details: SharedEmployeeDetails) {
        guard details.isOffering, let decision = details.decisionDate else { return }
        let seatRequests = snapshot.seatRequests.filter { $0.courseRequestId == request.id }
        let asked = seatRequests.compactMap(\.seatsAsked).reduce(0, +)
        // sized for the seats asked, and at least for the minimum enrolment before any are
        let participants = max(1, details.minEnrolment ?? 1, min(details.capacity ?? asked, asked))
        let weekdays = Set(seatRequests.flatMap { $0.preferredWeekdays })
        let duration = slots(minutes: details.sessionMinutes ?? 60)
        var starts: [Int] = []
        var preferredDays: [Int] = []
        for day in snapshot.grid.horizonDays where snapshot.grid.date(ofDay: day) > decision {
            let dayStarts = self.starts(day: day, duration: duration, spans: openSpans(day: day))
            starts += dayStarts
            let date = snapshot.grid.date(ofDay: day)
            if !dayStarts.isEmpty, let weekday = snapshot.calendar.timetableWeekday(on: date),
                weekdays.contains(weekday)
            {
                preferredDays.append(day)
            }
        }
        let skill = details.skill ?? ""
        let template = Session(
            name: request.title, duration: duration, allowedStarts: starts, participants: participants,
            category: .sharedEmployee, priority: Self.offeringPriority,
            organization: organization(request.organizationId),
            resourceNeed: resourceNeed(capability: skill, people: participants, perStation: 1, sharesMachine: true),
            needsInstructor: true, requiredSkills: [skill],
            eligibleInstructors: instructors(
                skills: [skill], validThrough: lastDate(of: starts, or: [snapshot.grid.last])),
            preferredDays: preferredDays)
        let series = addSpread(
            request, template, count: details.sessions ?? 0,
            reason: LocalizedText(
                en: "the horizon has no open time after the decision date \(decision)",
                zh: "开班决定日\(decision)之后规划范围内没有开放时间"))
        planning.problem.sharedCourses.append(
            SharedCourse(
                series: series, seats: details.capacity ?? asked, minimumEnrolment: 0,
                requests: seatRequests.map {
                    SharedCourse.SeatRequest(organization: organization($0.organizationId), seats: $0.seatsAsked ?? 0)
                }))
        planning.sharedCourses.append((request.id, seatRequests.map(\.id)))
    }

    /// Adds `count` copies of `template` as a spread series; returns the series' index.
    /// The sessions are numbered from `firstNumber` within the request; `label` (a course part's
    /// kind) goes into their names.
    @discardableResult
    private mutating func addSpread(
        _ request: Request, _ template: Session, count: Int, firstNumber: Int = 0, label: String? = nil,
        reason: LocalizedText
    ) -> Int {
        let series = planning.problem.series.count
        let days = Set((template.allowedStarts ?? []).map(snapshot.grid.horizon.day(of:))).count
        let name = label.map { "\(request.title) · \($0)" } ?? request.title
        planning.problem.series.append(Series(name: name, kind: .spread, sessions: [], minimumDays: min(count, days)))
        for number in 0..<count {
            var session = template
            session.name = "\(name) · \(number + 1)/\(count)"
            session.series = series
            let index = add(session, request, firstNumber + number)
            if template.allowedStarts?.isEmpty ?? true { planning.emptyReasons[index] = reason }
        }
        return series
    }

    /// Adds a request's session and puts it in its series.
    mutating func add(_ session: Session, _ request: Request, _ number: Int) -> Int {
        let (kept, classReason) = insideClassFreeTimes(session)
        let index = planning.add(kept, origin: .request(SessionKey(requestId: request.id, session: number)))
        if let classReason { planning.emptyReasons[index] = classReason }
        if let series = kept.series { planning.problem.series[series].sessions.append(index) }
        return index
    }

    /// The last date a session may fall on: that of its last start, else the last of `dates`.
    private func lastDate(of starts: [Int], or dates: [CalendarDate]) -> CalendarDate {
        starts.max().map { snapshot.grid.date(ofDay: $0 / snapshot.grid.slotsPerDay) } ?? dates.last
            ?? snapshot.grid.last
    }
}

extension Request {
    /// Seats an SME's seat request asks for.
    var seatsAsked: Int? {
        if case .sharedEmployee(let shared) = details, !shared.isOffering { return shared.seats }
        return nil
    }

    /// Weekdays an SME's seat request prefers.
    var preferredWeekdays: [Int] {
        if case .sharedEmployee(let shared) = details { return shared.preferredWeekdays ?? [] }
        return []
    }
}
