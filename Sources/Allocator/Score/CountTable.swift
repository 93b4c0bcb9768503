/// A fixed-size table of counters in one allocation, read and written without bounds or exclusivity checks
/// in the hot loop. Indices are computed by the caller (`entity * slotCount + slot` and the like).
final class CountTable<Element: FixedWidthInteger> {
    /// The first counter.
    let base: UnsafeMutablePointer<Element>
    /// Number of counters.
    let count: Int

    /// A table of `count` counters, all set to `value`.
    init(count: Int, value: Element = 0) {
        self.count = count
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }

    deinit {
        base.deallocate()
    }

    /// Sets every counter to `value`.
    func reset(to value: Element = 0) {
        base.update(repeating: value, count: max(count, 1))
    }

    @inline(__always) subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }
}
