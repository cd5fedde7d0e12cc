import Testing

@testable import HandoffKit

/// The eight-bytes-at-a-time tests the writers skip plain text with, against the byte-wise rules
/// they stand for, for every byte value at every position of a word.
@Suite("Byte words against the byte-wise rules")
struct ByteWordTests {
    /// Eight bytes as the little-endian word `loadUnaligned` reads.
    private static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { word, byte in word | UInt64(byte.element) << (8 * UInt64(byte.offset)) }
    }

    @Test("a word is plain JSON exactly when each of its bytes is written as it is")
    func plainJSONWord() {
        let fillers: [UInt8] = [UInt8(ascii: "a"), 0x20, 0x7E, 0x21]
        for filler in fillers {
            for position in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = UInt8(value)
                    let expected = value >= 0x20 && value < 0x7F && value != 0x22 && value != 0x5C
                    #expect(ByteTables.plainJSONWord(Self.word(bytes)) == expected, "byte \(value) at \(position)")
                }
            }
        }
    }

    @Test("the JSON of texts whose special bytes fall at every offset of a word is the scalar-wise writer's")
    func jsonAcrossWords() {
        for special in ["\"", "\\", "\n", "\u{7F}", "\u{1}", "é", "日本", "\u{202E}", "\u{2028}", "\u{FEFF}"] {
            for before in 0..<17 {
                let text = String(repeating: "x", count: before) + special + String(repeating: "y", count: 9)
                var bytes: [UInt8] = []
                JSONWriter.writeString(text, into: &bytes)
                #expect(bytes.utf8String == ReferenceJSONWriter.compact(.string(text)), "\(text.debugDescription)")
            }
        }
    }

    @Test("flagged bytes counts the bytes with bit 7 set, for every pattern of them")
    func flaggedBytes() {
        for pattern in 0..<256 {
            let bytes = (0..<8).map { bit in pattern & (1 << bit) != 0 ? UInt8(0x80) : 0 }
            #expect(ByteTables.flaggedBytes(Self.word(bytes)) == pattern.nonzeroBitCount)
        }
    }
}
