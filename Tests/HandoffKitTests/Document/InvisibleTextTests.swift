import Foundation
import Testing

@testable import HandoffKit

/// Direction overrides, isolates and zero-width characters never pass raw: JSON and YAML escape
/// them (and read back the same), CSV and Markdown show them as `[U+XXXX]`, the terminal as
/// `<U+XXXX>`. A joiner inside an emoji is part of the emoji and stays.
@Suite("invisible characters in every output")
struct InvisibleTextTests {
    static let invisibles: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200B}", "\u{200C}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{061C}", "\u{E0041}",
    ]

    static func text(_ scalar: Unicode.Scalar) -> String { "pay" + String(Character(scalar)) + "load" }

    @Test("JSON escapes each one (a surrogate pair above U+FFFF) and a JSON parser reads the text back", arguments: invisibles)
    func json(_ scalar: Unicode.Scalar) throws {
        let written = JSONWriter.compact(.list([.string(Self.text(scalar))]))
        #expect(!written.unicodeScalars.contains(scalar), "\(written)")
        #expect(written.unicodeScalars.allSatisfy { $0.isASCII })
        let parsed = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String]
        #expect(parsed == [Self.text(scalar)])
    }

    @Test("YAML double-quotes and escapes each one, and reads it back", arguments: invisibles)
    func yaml(_ scalar: Unicode.Scalar) throws {
        var draft = Draft()
        draft.title = Self.text(scalar)
        draft.idea = Self.text(scalar) + "\nsecond line"
        let written = YAMLWriter.document(draft.encoded)
        #expect(!written.unicodeScalars.contains(scalar), "\(written)")
        let results = DraftLoader.load(text: written, source: "t.yaml", requireFormat: false)
        guard case .success(let loaded)? = results.first else {
            Issue.record("\(results)")
            return
        }
        #expect(loaded.draft.title == draft.title)
        #expect(loaded.draft.idea == draft.idea)
    }

    @Test("CSV cells and Markdown show each one as [U+XXXX]; the terminal shows <U+XXXX>", arguments: invisibles)
    func shown(_ scalar: Unicode.Scalar) {
        let code = String(format: "%04X", scalar.value)
        #expect(CSVExporter.cell(Self.text(scalar), guard: .jira) == "pay[U+\(code)]load")
        #expect(MarkdownRenderer.escape(Self.text(scalar), multiline: false) == "pay\\[U+\(code)\\]load")
        #expect(TerminalText.sanitize(Self.text(scalar)) == "pay<U+\(code)>load")
    }

    @Test("A joiner inside an emoji stays in every output; a joiner between letters does not")
    func emojiJoiner() {
        let emoji = "👩\u{200D}💻"
        #expect(TerminalText.sanitize(emoji) == emoji)
        #expect(CSVExporter.cell(emoji, guard: .jira) == emoji)
        #expect(JSONWriter.compact(.string(emoji)) == "\"\(emoji)\"")
        #expect(TerminalText.sanitize("pay\u{200D}pal") == "pay<U+200D>pal")
    }
}
