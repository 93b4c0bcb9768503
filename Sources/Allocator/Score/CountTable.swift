/// A fixed-size table of counters in one allocation, read and written without bounds or exclusivity checks
/// in the hot loop. Indices are computed by the caller (`entity * slotCount + slot` and the like).
final class CountTable<Element: FixedWidthInteger> {
    /// The first counter.
    let base: UnsafeMutablePointer<Element>
    /// Number of counters.
    let count: Int
    /// Readable cells of value 0 on either side of the counters, so that a hot loop may read a neighbour
    /// before deciding whether it counts.
    let margin: Int

    /// A table of `count` counters, all set to `value`, with `margin` zeros on either side.
    init(count: Int, value: Element = 0, margin: Int = 0) {
        self.count = count
        self.margin = margin
        let allocation = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1) + 2 * margin)
        allocation.initialize(repeating: 0, count: max(count, 1) + 2 * margin)
        base = allocation + margin
        base.update(repeating: value, count: max(count, 1))
    }

    deinit {
        (base - margin).deallocate()
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
