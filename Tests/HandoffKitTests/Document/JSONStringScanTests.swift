import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The JSON reader scans strings eight bytes at a time; these pin that scan to a byte-at-a-time
/// reference (Yams, through `JSONReaderEquivalenceTests.expectSame`) over texts built to put every
/// kind of byte at every offset of a word.
@Suite("JSON reader's word-at-a-time string scan")
struct JSONStringScanTests {
    /// Pieces of text the fast path takes: ASCII, Japanese, full-width forms (EF lead bytes),
    /// punctuation behind E2 (dashes, quotes), a no-break space (C2), invisible and emoji
    /// scalars, and JSON escapes.
    static let plain: [String] = [
        "a", "Sign-up form ", "0123456789", "~", " ", "の", "申し込みフォーム", "。", "、", "（", "）", "ＦＵＬＬ", "！",
        "—", "“", "”", "…", "\u{A0}", "\u{200B}", "\u{1F600}", "é", "\\n", "\\\"", "\\\\", "\\u3042", "\\t", "/",
    ]
    /// Pieces libyaml must judge: line separators, C1 controls, a byte-order mark, a noncharacter, DEL, a control.
    static let hostile: [String] = ["\u{2028}", "\u{2029}", "\u{85}", "\u{9B}", "\u{FEFF}", "\u{FFFE}", "\u{7F}", "\u{1}"]

    static func text(_ random: inout SplitMix, from pieces: [String]) -> String {
        (0..<random.int(in: 0...12)).map { _ in random.pick(pieces) }.joined()
    }

    @Test("strings of every mix, at every alignment, read as Yams reads them; plain ones on the fast path")
    func mixedStrings() {
        var random = SplitMix(seed: 12)
        for index in 0..<600 {
            let pieces = index % 2 == 0 ? Self.plain : Self.plain + Self.hostile
            // The padding key moves the string's first byte across the eight offsets of a word.
            let padding = String(repeating: "p", count: index % 8)
            let value = Self.text(&random, from: pieces)
            let json = "{\"\(padding)k\":\"\(value)\",\"next\":[\"\(Self.text(&random, from: pieces))\",1]}"
            JSONReaderEquivalenceTests.expectSame(json, firstLine: 1 + index % 5)
            if index % 2 == 0 {
                #expect(JSONReader.parse(json, lineOffset: 0, limits: .standard) != nil, "\(json.debugDescription)")
            }
        }
    }

    @Test("a long Japanese and full-width text keeps its columns past many words")
    func longColumns() throws {
        let value = String(repeating: "申し込み（ＦＵＬＬ）— form ", count: 40)
        let json = "{\"idea\":\"\(value)\",\"after\":\"x\"}"
        JSONReaderEquivalenceTests.expectSame(json)
        let root = try #require(JSONReader.parse(json, lineOffset: 0, limits: .standard))
        guard case .mapping(let pairs) = root.kind else { Issue.record("not a mapping"); return }
        // The column of the key after the text counts the text's scalars, not its bytes.
        #expect(pairs[1].key.column == 1 + "{\"idea\":\"".count + value.unicodeScalars.count + "\",".count)
    }

    @Test("keys alike in length and first letter are told apart; a repeated key is still left to libyaml")
    func keyFilter() {
        let alike = "{\"ab\":1,\"ac\":2,\"ad\":{\"ab\":3},\"ae\":4}"
        #expect(JSONReader.parse(alike, lineOffset: 0, limits: .standard) != nil)
        JSONReaderEquivalenceTests.expectSame(alike)
        let repeated = "{\"ab\":1,\"ac\":2,\"zz\":[1,2],\"ab\":5}"
        #expect(JSONReader.parse(repeated, lineOffset: 0, limits: .standard) == nil)
        JSONReaderEquivalenceTests.expectSame(repeated)
    }

    /// The byte-at-a-time reading of what `JSONPlainBytes` computes a word at a time.
    static func referenceRun(_ bytes: [UInt8]) -> (count: Int, columns: Int) {
        let stops: Set<UInt8> = [0x22, 0x5C, 0x7F, 0xC2, 0xE2, 0xEF]
        let count = bytes.firstIndex { $0 < 0x20 || stops.contains($0) } ?? 8
        return (count, bytes[..<count].filter { $0 & 0xC0 != 0x80 }.count)
    }

    @Test("the shared word test stops where a byte-at-a-time scan stops, and counts the same scalars")
    func wordTestMatchesByteScan() {
        var random = SplitMix(seed: 2026)
        // Bytes near every boundary the word test draws, and plain ones, so that every stop
        // meets every other byte before and after it in the word.
        let interesting: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0x81,
            0xA0, 0xBF, 0xC1, 0xC2, 0xC3, 0xE1, 0xE2, 0xE3, 0xEE, 0xEF, 0xF0, 0xFF, 0x61, 0x41]
        for round in 0..<20_000 {
            let bytes: [UInt8] = (0..<8).map { _ in
                round % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : random.pick(interesting)
            }
            let expected = Self.referenceRun(bytes)
            bytes.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                #expect(JSONScanner.plainCount(at: base) == expected.count, "\(bytes)")
                let word = JSONPlainBytes.word(at: base)
                let count = JSONPlainBytes.plainCount(JSONPlainBytes.closerLook(word))
                #expect(count == expected.count, "\(bytes)")
                #expect(JSONPlainBytes.scalarStarts(in: word, count: count) == expected.columns, "\(bytes)")
            }
        }
    }
}
