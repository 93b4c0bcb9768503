/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64):
/// the same seed always gives the same sequence, on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0), by multiply-shift (bias below 2⁻³² for small bounds).
    @inline(__always) public mutating func below(_ bound: Int) -> Int {
        Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A uniform double in `[0, 1)`.
    @inline(__always) public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
