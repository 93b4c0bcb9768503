import Domain

extension SlotGrid {
    /// The slot length of a center's planning grid: its own slot length, refined when it has bell
    /// periods to the greatest common divisor of that length and every period boundary (minutes
    /// after midnight), so that every period starts and ends on a slot boundary. Periods of 45
    /// minutes with 5-, 10- and 20-minute breaks make a 5-minute grid; periods on the half hour
    /// keep a 30-minute one.
    static func slotMinutes(centerSlotMinutes: Int, periods: PeriodSchedule) -> Int {
        periods.boundaries.reduce(centerSlotMinutes) { gcd($0, $1) }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
