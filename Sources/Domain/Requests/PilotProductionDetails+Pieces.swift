import Dates

extension PilotProductionDetails {
    /// One calendar day of a run in shifts: the day (0 is the start date) and the minutes after its
    /// midnight from the first worked minute to the last; the line is held between a day's shifts.
    public struct Piece: Sendable, Equatable {
        public var day: Int
        public var minutes: Range<Int>

        public init(day: Int, minutes: Range<Int>) {
            self.day = day
            self.minutes = minutes
        }
    }

    /// The calendar days a run in shifts covers, in order, when it starts on day 0: its shifts of
    /// `days` days cut at every midnight (a night shift's end falls on the next day); `nil` for a
    /// run in the center's day hours.
    public var pieces: [Piece]? {
        guard let shifts = shifts?.shifts, !shifts.isEmpty else { return nil }
        var byDay: [Int: Range<Int>] = [:]
        for day in 0..<max(days, 1) {
            for shift in shifts {
                var start = day * 1440 + shift.start.minutes
                let end = start + shift.minutes
                while start < end {
                    let midnight = (start / 1440 + 1) * 1440
                    let piece = (start % 1440)..<(min(end, midnight) - midnight + 1440)
                    let hull = byDay[start / 1440].map {
                        min($0.lowerBound, piece.lowerBound)..<max($0.upperBound, piece.upperBound)
                    }
                    byDay[start / 1440] = hull ?? piece
                    start = min(end, midnight)
                }
            }
        }
        return byDay.keys.sorted().map { Piece(day: $0, minutes: byDay[$0]!) }
    }
}
