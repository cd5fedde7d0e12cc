/// Eight bytes of a JSON string at a time: which of them a string reader can pass over without
/// a closer look. Shared by `JSONReader` (which also counts columns) and `JSONScanner`, so both
/// stop at exactly the same bytes. A word test for each kind, rather than a table lookup and a
/// branch per byte, makes texts cheap to scan.
enum JSONPlainBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `start`, the first in the lowest byte.
    @inline(__always)
    static func word(at start: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of every byte of `word` that is not ASCII.
    @inline(__always)
    static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }

    /// The high bit set in the byte of `word` that needs a closer look: a quote, a backslash, a
    /// control, DEL, or a lead byte 0xC2, 0xE2 or 0xEF (the starts of C1 controls, U+2028/2029 and
    /// the BOM or noncharacters). Exact for the lowest flagged byte; the bits above it may be
    /// spurious (a borrow only runs upwards), so only the lowest is to be used.
    @inline(__always)
    static func closerLook(_ word: UInt64) -> UInt64 {
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        // Bytes below 0x20 (controls): subtracting 0x20 borrows through their high bit.
        var flagged = (word &- ones &* 0x20) & ~word & highs
        flagged |= zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C)) | zeroBytes(word ^ (ones &* 0x7F))
        if word & highs != 0 {
            flagged |= zeroBytes(word ^ (ones &* 0xC2)) | zeroBytes(word ^ (ones &* 0xE2)) | zeroBytes(word ^ (ones &* 0xEF))
        }
        return flagged
    }

    /// How many of the eight bytes come before the first that `closerLook` flags.
    @inline(__always)
    static func plainCount(_ flagged: UInt64) -> Int { flagged == 0 ? 8 : flagged.trailingZeroBitCount >> 3 }

    /// How many scalars start in the first `count` bytes of `word` (continuation bytes, 10xxxxxx,
    /// start none).
    @inline(__always)
    static func scalarStarts(in word: UInt64, count: Int) -> Int {
        let high = word & highs
        if high == 0 { return count }
        let taken: UInt64 = count == 8 ? ~0 : (1 << UInt64(count << 3)) &- 1
        // A continuation byte has its high bit set and the next clear. Their flags, one a byte, are
        // summed into the top byte by the multiplication.
        let continuation = (high & ~(word << 1) & taken) >> 7
        return count - Int((continuation &* ones) >> 56)
    }
}
