import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Whether a first line is one JSON object decides how a whole stream is split. The byte scan
/// must judge every line as the character-by-character reference does, including where a
/// combining mark, a joiner or a prepended mark makes a quote or a brace part of a larger character.
@Suite("JSON Lines detection: bytes as characters")
struct JSONLineDetectionTests {
    static let pieces = [
        "{", "}", "[", "]", "\"", "\\", " ", "\t", "\r", ":", ",", "a", "title", "12", "申し込み", "ＦＵＬＬ", "（", "—",
        "\u{301}", "\u{200D}", "\u{200B}", "\u{FEFF}", "\u{600}", "\u{FE0F}", "\u{1F600}", "\u{FF9E}", "e\u{301}", "\u{0D4E}",
    ]

    @Test("generated lines, hostile characters around every syntax byte")
    func generatedLines() {
        var random = SplitMix(seed: 99)
        var objects = 0
        for index in 0..<3000 {
            var line = index % 2 == 0 ? "{\"k\":\"" : ""
            for _ in 0..<random.int(in: 0...14) { line += random.pick(Self.pieces) }
            if index % 3 == 0 { line += "\"}" }
            if index % 5 == 0 { line += random.pick([" ", "\t", "\u{301}", "x", "\r"]) }
            let substring = Substring(line)
            let expected = DocumentSplitter.isSingleLineJSONObjectByCharacters(substring)
            #expect(DocumentSplitter.isSingleLineJSONObject(substring) == expected, "\(line.debugDescription)")
            // Cut from a longer line, as after a byte-order mark: boundaries are the substring's own.
            let cut = ("\u{FEFF}" + line).dropFirst()
            #expect(DocumentSplitter.isSingleLineJSONObject(cut) == DocumentSplitter.isSingleLineJSONObjectByCharacters(cut))
            if expected { objects += 1 }
        }
        #expect(objects > 100)
    }

    @Test("drafts as JSON Lines are objects; YAML and broken JSON are not")
    func plainCases() {
        let lines = [
            #"{"title":"申し込みフォーム","kind":"form"}"#, #"  {"a":[1,{"b":"}"}]}  "#, #"{"a":"\"}"}"#, "format: handoff/1",
            #"{"a":1} x"#, #"{"a":"b""#, "{\"a\u{301}\":1}", "{\"\u{301}a\":1}", "\u{600}{\"a\":1}",
        ]
        for line in lines {
            #expect(
                DocumentSplitter.isSingleLineJSONObject(Substring(line))
                    == DocumentSplitter.isSingleLineJSONObjectByCharacters(Substring(line)), "\(line.debugDescription)")
        }
        #expect(DocumentSplitter.isSingleLineJSONObject(Substring(lines[0])))
        #expect(!DocumentSplitter.isSingleLineJSONObject(Substring(lines[3])))
    }
}
