import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The writers' fast paths work eight bytes at a time and through a scratch buffer that is
/// flushed every kilobyte or so: texts long enough to cross both, with every kind of byte at
/// every offset in a word, must give what the scalar-wise references give.
@Suite("Byte-level writers on long texts")
struct LongTextWriterTests {
    /// Long texts: runs of plain ASCII of every length between the pieces, so that each piece
    /// falls at each offset of an eight-byte word, and enough of them to fill the scratch.
    static func longTexts(seed: UInt64, count: Int = 200) -> [String] {
        var random = SplitMix(seed: seed)
        let fillers = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "key: value here", "日本語の文"]
        return (0..<count).map { _ in
            var out = ""
            for _ in 0..<random.int(in: 1...400) {
                out += random.pick(fillers)
                out += random.pick(WriterEquivalenceTests.pieces)
            }
            return out
        }
    }

    @Test("JSON strings of long texts match the scalar-wise writer, from a String and from bytes")
    func jsonStrings() {
        for text in Self.longTexts(seed: 11) + [String(repeating: "x", count: 5000), String(repeating: "\n", count: 3000)] {
            var reference = ""
            ReferenceJSONWriter.writeString(text, into: &reference)
            var fast: [UInt8] = [0x41]
            JSONWriter.writeString(text, into: &fast)
            #expect(fast.utf8String == "A" + reference, "\(text.debugDescription)")
            var fromBytes: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { JSONWriter.writeString(utf8: $0, into: &fromBytes) }
            #expect(fromBytes.utf8String == reference)
        }
    }

    @Test("CSV cells of long texts match the character-wise cell, in both guard modes")
    func csvCells() {
        for text in Self.longTexts(seed: 12, count: 120) + [String(repeating: "\"", count: 40) + String(repeating: "y", count: 90)] {
            for mode in [ExportOptions.CSVGuard.jira, .spreadsheet] {
                #expect(CSVExporter.cell(text, guard: mode) == ReferenceCSV.cell(text, guard: mode), "\(text.debugDescription) \(mode)")
            }
        }
    }

    @Test("wiki escaping and cells of long texts match the scalar-wise escaper")
    func wiki() {
        for text in Self.longTexts(seed: 13, count: 120) {
            for multiline in [false, true] {
                #expect(
                    WikiMarkupRenderer.escape(text, multiline: multiline) == ReferenceWiki.escape(text, multiline: multiline),
                    "\(text.debugDescription) multiline: \(multiline)")
            }
            #expect(WikiMarkupRenderer.cell(text) == ReferenceWiki.cell(text), "\(text.debugDescription)")
        }
    }

    @Test("ADF text nodes of long texts written as bytes match the scalar-wise nodes")
    func adfText() {
        for text in Self.longTexts(seed: 14, count: 120) {
            for mark: ADFRenderer.TextMark in [.none, .strong] {
                var tree = TreeBytes(.json(indent: nil))
                tree.beginList()
                ADFRenderer.writeText(text, mark: mark, into: &tree)
                tree.endList()
                let expected = ReferenceJSONWriter.compact(.list(ReferenceADF.text(text, marks: mark.names)))
                #expect(tree.text == expected, "\(text.debugDescription)")
            }
        }
    }
}
