public import Dates
public import Foundation

/// A session of a request whose week lies wholly outside the run's horizon. Not a failure of the
/// run, so the result lists it apart from the sessions that did not fit; publishing never cancels
/// a booking of it; a run whose horizon covers the week places it.
public struct OutsideHorizonSession: Sendable, Codable, Equatable {
    public var requestId: UUID
    public var session: Int
    public var name: String
    /// The week people call it by (the teaching week, or counted from the start date).
    public var week: Int
    /// The week's first and last date.
    public var first: CalendarDate
    public var last: CalendarDate

    public init(requestId: UUID, session: Int, name: String, week: Int, first: CalendarDate, last: CalendarDate) {
        self.requestId = requestId
        self.session = session
        self.name = name
        self.week = week
        self.first = first
        self.last = last
    }

    public var key: SessionKey { SessionKey(requestId: requestId, session: session) }

    /// The session as the request's placement records it: left out, because of the horizon.
    public var unplaced: UnplacedSession {
        UnplacedSession(
            requestId: requestId, session: session, name: name,
            reasons: [
                LocalizedText(
                    en: "week \(week) (\(first)–\(last)) lies outside the horizon",
                    zh: "第\(week)周（\(first)–\(last)）不在规划范围内")
            ])
    }
}
