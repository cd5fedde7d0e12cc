import Testing

@testable import HandoffKit

/// The word-at-a-time counts the writers use, against the byte-wise rules they stand for, and
/// the JSON writer's runs with special characters at every offset of a word.
@Suite("Byte words against the byte-wise rules")
struct ByteWordTests {
    /// Eight bytes as the little-endian word `loadUnaligned` reads.
    private static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { word, byte in word | UInt64(byte.element) << (8 * UInt64(byte.offset)) }
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

    @Test("a short copy writes exactly its bytes, at every length around the word sizes, and appends them")
    func shortCopies() {
        let source = (0..<48).map { UInt8($0 + 1) }
        for count in 0...40 {
            var target = [UInt8](repeating: 0, count: 48)
            source.withUnsafeBufferPointer { from in
                target.withUnsafeMutableBufferPointer { to in ByteTables.copy(from.baseAddress!, to: to.baseAddress!, count: count) }
            }
            #expect(Array(target[..<count]) == Array(source[..<count]), "count \(count)")
            #expect(target[count...].allSatisfy { $0 == 0 }, "count \(count)")
            var appended: [UInt8] = [0xFF]
            source.withUnsafeBufferPointer { appended.append(bytes: UnsafeBufferPointer(rebasing: $0[..<count])) }
            #expect(appended == [0xFF] + source[..<count], "count \(count)")
        }
    }

    /// Text of multi-byte scalars around `special`, which falls at every byte offset of a word
    /// and inside a word of Japanese: the scans that skip such words must stop where it is.
    private static func wideTexts() -> [String] {
        let specials = [
            "\"", "\\", "\n", "\t", "\u{7F}", "\u{1}", "\u{85}", "\u{2028}", "\u{202E}", "\u{FEFF}", "\u{FF9E}",
            "\u{E0041}", "é", "*", "-", "(x)", "|", "&amp;", "h1.", " ",
        ]
        var texts: [String] = []
        for special in specials {
            for before in 0..<10 {
                for filler in ["日本語", "ｶﾀｶﾅ", "aé"] {
                    let lead = String(repeating: "x", count: before % 3) + String(repeating: filler, count: before)
                    texts.append(lead + special + String(repeating: "申込", count: 5))
                }
            }
        }
        return texts
    }

    @Test("multi-byte text with a special character at every offset matches the scalar-wise JSON, wiki and ADF writers")
    func wideTextAcrossWords() {
        for text in Self.wideTexts() {
            var json: [UInt8] = []
            JSONWriter.writeString(text, into: &json)
            #expect(json.utf8String == ReferenceJSONWriter.compact(.string(text)), "\(text.debugDescription)")
            for multiline in [false, true] {
                let wiki = WikiMarkupRenderer.escape(text, multiline: multiline)
                #expect(wiki == ReferenceWiki.escape(text, multiline: multiline), "\(text.debugDescription)")
                var expected: [UInt8] = []
                JSONWriter.writeString(wiki, into: &expected)
                var written: [UInt8] = [0x22]
                if WikiMarkupEscaper.escapeJSON(text, multiline: multiline, into: &written) {
                    written.append(0x22)
                    #expect(written == expected, "\(text.debugDescription)")
                } else {
                    #expect(wiki.unicodeScalars.contains(where: UnsafeScalar.isInvisible), "\(text.debugDescription)")
                }
            }
            #expect(ADFRenderer.strip(text) == ReferenceADF.strip(text), "\(text.debugDescription)")
            #expect(ADFRenderer.text(text, marks: []) == ReferenceADF.text(text, marks: []), "\(text.debugDescription)")
        }
    }
}
