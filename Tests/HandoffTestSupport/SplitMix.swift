/// A small seeded generator (SplitMix64) for the randomised tests: the same seed gives the same
/// sequence on every machine, so a failure can be replayed from its seed.
public struct SplitMix: Sendable {
    private var state: UInt64

    /// A generator whose first state is derived from `seed` (seeds 0, 1, 2… give unrelated streams).
    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    /// A generator whose first state is `rawState` itself.
    public init(rawState: UInt64) { state = rawState }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// One of `values` (not empty).
    public mutating func pick<T>(_ values: [T]) -> T { values[int(in: 0...(values.count - 1))] }
}
