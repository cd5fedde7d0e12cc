import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The byte-level writers give the same bytes as the scalar-wise ones they replaced (kept in
/// `WriterReferences.swift`), over generated text made of what each fast path skips or stops at.
@Suite("Byte-level writers against the scalar-wise references")
struct WriterEquivalenceTests {
    /// Pieces text is generated from: markup of every writer, Japanese and full-width text,
    /// invisible and control characters, every line break Swift knows, emoji with joiners.
    static let pieces: [String] = [
        "a", "Z", "0", "7", " ", "  ", "\t", "word", "sign-up", "2026-12-04", "12:30", "1_000", "0x1F", ".inf",
        "申込フォーム", "日本語", "ｶﾀｶﾅ", "ＡＳＡＰ", "＝", "＋", "－", "＠", "﹦", "、", "。", "é", "ß", "İ", "K", "ǅ",
        "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "\n\u{301}",
        "\u{1}", "\u{1B}[31m", "\u{7F}", "\u{9B}", "\u{A0}", "\u{AD}", "\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}",
        "\u{2060}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFF9}", "\u{600}", "\u{180E}", "\u{E0041}", "\u{1D173}",
        "👩\u{200D}💻", "👍🏽", "❤\u{FE0F}", "\u{1F600}", "\u{301}", "\u{3099}", "\u{FF9E}", "\u{D4E}", "\u{E33}", "\u{1F3FB}",
        "*", "_", "-", "+", "^", "~", "?", "??", "{", "}", "[", "]", "#", "!", "|", "\\", "&", "(", ")", ":", ";", ".",
        ",", "\"", "'", "`", "%", "@", "<", ">", "=", "$", "/", "…", "→", "\u{600}\"", "\u{D4E},",
        "h1.", "h6.", "h7.", "bq.", "(x)", "(on)", "(off)", "(flag)", "(flagoff)", "(日本)", ":)", ";)", ":(", ":P",
        ":D", "&amp;", "&#124;", "&#x7B;", "&nbsp", "AT&T", "{code}", "{CODE:x}", "{Code", "{{x}}",
        "yes", "No", "TRUE", "null", "~", "y", "- item", "? q", ": v", "a: b", "a #c", "#c", "@x", "%x", "!x",
    ]

    static func text(_ random: inout SplitMix, maxPieces: Int = 12) -> String {
        var out = ""
        for _ in 0..<random.int(in: 0...maxPieces) { out += random.pick(pieces) }
        return out
    }

    static func texts(seed: UInt64, count: Int = 600) -> [String] {
        var random = SplitMix(seed: seed)
        return pieces + (0..<count).map { _ in text(&random) }
    }

    @Test("wiki escaping matches the scalar-wise escaper, one line and several")
    func wikiEscape() {
        for text in Self.texts(seed: 1) {
            for multiline in [false, true] {
                #expect(
                    WikiMarkupRenderer.escape(text, multiline: multiline) == ReferenceWiki.escape(text, multiline: multiline),
                    "\(text.debugDescription) multiline: \(multiline)")
            }
        }
    }

    @Test("wiki escaping written JSON-escaped is the escaped text's JSON string, or gives up at an invisible")
    func wikiEscapeJSON() {
        var complete = 0
        for text in Self.texts(seed: 4) {
            for multiline in [false, true] {
                let wiki = WikiMarkupRenderer.escape(text, multiline: multiline)
                var expected: [UInt8] = []
                JSONWriter.writeString(wiki, into: &expected)
                var written: [UInt8] = [0x22]
                if WikiMarkupEscaper.escapeJSON(text, multiline: multiline, into: &written) {
                    written.append(0x22)
                    #expect(written == expected, "\(text.debugDescription) multiline: \(multiline)")
                    complete += 1
                } else {
                    #expect(wiki.unicodeScalars.contains(where: UnsafeScalar.isInvisible), "\(text.debugDescription)")
                }
            }
        }
        #expect(complete > 300)
    }

    @Test("wiki table cells match: line breaks, empty lines and empty cells")
    func wikiCells() {
        for text in Self.texts(seed: 2) {
            #expect(WikiMarkupRenderer.cell(text) == ReferenceWiki.cell(text), "\(text.debugDescription)")
        }
    }

    @Test("JSON strings, compact and indented documents match the scalar-wise writer")
    func json() {
        var random = SplitMix(seed: 3)
        func value(_ depth: Int) -> Value {
            switch random.int(in: 0...(depth > 2 ? 3 : 5)) {
            case 0: return .null
            case 1: return .bool(random.int(in: 0...1) == 1)
            case 2: return .number(String(random.int(in: -5...500)))
            case 3: return .string(Self.text(&random))
            case 4: return .list((0..<random.int(in: 0...3)).map { _ in value(depth + 1) })
            default: return .map((0..<random.int(in: 0...3)).map { _ in Value.Entry(Self.text(&random, maxPieces: 3), value(depth + 1)) })
            }
        }
        for text in Self.texts(seed: 4) {
            var fast = ""
            var reference = ""
            JSONWriter.writeString(text, into: &fast)
            ReferenceJSONWriter.writeString(text, into: &reference)
            #expect(fast == reference, "\(text.debugDescription)")
        }
        for _ in 0..<300 {
            let tree = value(0)
            #expect(JSONWriter.compact(tree) == ReferenceJSONWriter.compact(tree))
            #expect(JSONWriter.pretty(tree, level: 2) == ReferenceJSONWriter.pretty(tree, level: 2))
        }
    }

    /// Values of drafts' shapes, texts from the pieces: maps, lists, multi-line text.
    static func tree(_ random: inout SplitMix, depth: Int = 0) -> Value {
        switch random.int(in: 0...(depth > 2 ? 4 : 6)) {
        case 0: return .null
        case 1: return .plain(random.pick(["must", "2026-12-04", "yes", "en"]))
        case 2: return .number(String(random.int(in: -5...500)))
        case 3: return .string(text(&random))
        case 4: return .string(text(&random) + "\n" + text(&random) + random.pick(["", "\n", "\n\n", " ", "\t"]))
        case 5: return .list((0..<random.int(in: 0...3)).map { _ in tree(&random, depth: depth + 1) })
        default:
            return .map((0..<random.int(in: 0...4)).map { _ in Value.Entry(text(&random, maxPieces: 2), tree(&random, depth: depth + 1)) })
        }
    }

    @Test("YAML documents match the scalar-wise writer, with and without a guarded sequence")
    func yaml() {
        var random = SplitMix(seed: 5)
        for _ in 0..<400 {
            let value = Self.tree(&random)
            #expect(YAMLWriter.document(value) == ReferenceYAMLWriter.document(value), "\(value)")
            #expect(YAMLWriter.document(value, guarded: ["{code"]) == ReferenceYAMLWriter.document(value, guarded: ["{code"]), "\(value)")
            #expect(YAMLWriter.document(value, guarded: ["Kit"]) == ReferenceYAMLWriter.document(value, guarded: ["Kit"]), "\(value)")
        }
        for text in Self.texts(seed: 6) {
            #expect(YAMLWriter.scalarText(text) == ReferenceYAMLWriter.scalarText(text), "\(text.debugDescription)")
            #expect(YAMLWriter.literalBlockAllowed(text) == ReferenceYAMLWriter.literalBlockAllowed(text), "\(text.debugDescription)")
        }
    }

    @Test("CSV cells match the character-wise cell, in both guard modes")
    func csv() {
        for text in Self.texts(seed: 7) {
            for mode in [ExportOptions.CSVGuard.jira, .spreadsheet] {
                #expect(CSVExporter.cell(text, guard: mode) == ReferenceCSV.cell(text, guard: mode), "\(text.debugDescription) \(mode)")
            }
        }
    }

    @Test("ADF text nodes match: control characters stripped, line breaks as hard breaks")
    func adf() {
        for text in Self.texts(seed: 8) {
            for marks in [[], ["strong"]] {
                #expect(ADFRenderer.text(text, marks: marks) == ReferenceADF.text(text, marks: marks), "\(text.debugDescription)")
            }
        }
    }
}
