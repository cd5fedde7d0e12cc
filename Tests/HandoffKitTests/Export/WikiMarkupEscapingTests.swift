import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Jira wiki markup: whatever a draft holds is rendered as the same, inert text: special
/// characters escaped, effect markers escaped only where they could act, line-start markers and
/// emoticons broken, control characters dropped, and no `{code}`/`{quote}`/`{noformat}` of the
/// user's can open or close a block.
@Suite("Wiki markup escaping")
struct WikiMarkupEscapingTests {
    // MARK: - Helpers

    private func escape(_ text: String) -> String { WikiMarkupRenderer.escape(text, multiline: false) }

    /// Removes wiki's backslash escapes and the backslash entity: what Jira shows for escaped text.
    private func unescape(_ text: String) -> String {
        BackslashEscapes.removed(from: text.replacingOccurrences(of: "&#92;", with: "\u{E000}"))
            .replacingOccurrences(of: "\u{E000}", with: "\\")
    }

    private func unescapedCharacters(_ text: String) -> [Character] { BackslashEscapes.unescapedCharacters(text) }

    // MARK: - Special characters

    @Test("A backslash is the entity &#92;: `\\\\` would be wiki's forced line break")
    func backslash() {
        #expect(escape("C:\\temp\\new") == "C:&#92;temp&#92;new")
        #expect(!escape("a\\\\b").contains("\\\\"))
    }

    @Test("Every wiki special character is escaped", arguments: ["{", "}", "[", "]", "|", "#", "!"])
    func specialCharacter(_ special: String) {
        #expect(escape("a \(special) b") == "a \\\(special) b")
        #expect(escape("word\(special)word") == "word\\\(special)word")
        #expect(escape(special) == "\\" + special)
    }

    @Test("Links, images, macros and tables stay text")
    func markupConstructs() {
        #expect(escape("[Click|http://evil.example]") == "\\[Click\\|http://evil.example\\]")
        #expect(escape("!http://evil.example/x.png!") == "\\!http://evil.example/x.png\\!")
        #expect(escape("{color:red}alert{color}") == "\\{color:red\\}alert\\{color\\}")
        #expect(escape("||head||") == "\\|\\|head\\|\\|")
        #expect(escape("[~accountid:123]") == "\\[\\~accountid:123\\]")
    }

    // MARK: - Effect markers

    @Test(
        "Effect markers inside a word stay as they are",
        arguments: ["sign-up", "2026-12-04", "snake_case_name", "a+b", "x^y", "a~b", "a*b", "e-mail", "1-2-3"])
    func inWordMarkers(_ text: String) {
        #expect(escape(text) == text)
    }

    @Test(
        "Effect markers at a word edge are escaped",
        arguments: [
            ("-strike-", "\\-strike\\-"), ("*bold*", "\\*bold\\*"), ("_em_", "\\_em\\_"), ("+u+", "\\+u\\+"),
            ("^s^", "\\^s\\^"), ("~40", "\\~40"), ("??cite??", "\\?\\?cite\\?\\?"),
            ("say *this* now", "say \\*this\\* now"), ("\"*bold*\",", "\"\\*bold\\*\","),
        ])
    func edgeMarkers(_ text: String, _ expected: String) {
        #expect(escape(text) == expected)
        #expect(unescape(escape(text)) == text)
    }

    // MARK: - Line-start markers

    @Test(
        "Line-start markers cannot trigger",
        arguments: [
            ("h1. Title", "h1\\. Title"), ("h2. Title", "h2\\. Title"), ("h3. Title", "h3\\. Title"),
            ("h4. Title", "h4\\. Title"), ("h5. Title", "h5\\. Title"), ("h6. Title", "h6\\. Title"),
            ("bq. Quote", "bq\\. Quote"), ("* item", "\\* item"), ("** nested", "\\*\\* nested"),
            ("# item", "\\# item"), ("- item", "\\- item"), ("----", "\\-\\-\\-\\-"),
            ("  h3. indented", "  h3\\. indented"),
        ])
    func lineStartMarker(_ text: String, _ expected: String) {
        #expect(escape(text) == expected)
        // The same on a later line of a multi-line text.
        #expect(WikiMarkupRenderer.escape("intro\n" + text, multiline: true) == "intro\n" + expected)
        #expect(unescape(escape(text)) == text)
    }

    @Test("Text that only looks like a marker is left alone")
    func notMarkers() {
        #expect(escape("h7. not a heading") == "h7. not a heading")
        #expect(escape("the h1. in the middle") == "the h1. in the middle")
        #expect(escape("bq without a dot") == "bq without a dot")
    }

    @Test("No rendered line of hostile text starts a heading, quote, list or rule")
    func noLineStartsMarkup() {
        let hostile = "h1. a\nbq. b\n* c\n# d\n- e\n----\n  h2. f\n\tbq. g"
        let rendered = WikiMarkupRenderer.escape(hostile, multiline: true)
        for line in rendered.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for marker in ["h1.", "h2.", "bq.", "* ", "# ", "- ", "----"] {
                #expect(!trimmed.hasPrefix(marker), "line \(line) starts with \(marker)")
            }
        }
        #expect(unescape(rendered) == hostile)
    }

    // MARK: - Emoticons

    @Test(
        "Emoticons are escaped",
        arguments: [
            ("(x)", "\\(x\\)"), ("(/)", "\\(/\\)"), ("(!)", "\\(\\!\\)"), ("(i)", "\\(i\\)"), (":)", "\\:)"),
            (";)", "\\;)"), (":P", "\\:P"), (":D", "\\:D"), (":(", "\\:("), ("(y)", "\\(y\\)"), ("(on)", "\\(on\\)"),
            ("(off)", "\\(off\\)"), ("(flag)", "\\(flag\\)"), ("(flagoff)", "\\(flagoff\\)"),
        ])
    func emoticon(_ text: String, _ expected: String) {
        #expect(escape(text) == expected)
        #expect(escape("ok " + text + " ok") == "ok " + expected + " ok")
        #expect(unescape(escape(text)) == text)
    }

    @Test("Ordinary parentheses and colons stay as they are")
    func ordinaryPunctuation() {
        #expect(escape("(see the appendix)") == "(see the appendix)")
        #expect(escape("Time: 12:30") == "Time: 12:30")
        #expect(escape("ratio 3:1") == "ratio 3:1")
        #expect(escape("2026-12-04 (hard)") == "2026-12-04 (hard)")
        #expect(escape("鈴木 (情報システム部)") == "鈴木 (情報システム部)")
        #expect(escape("(flags)") == "(flags)")
    }

    // MARK: - Control characters

    @Test("Control characters are dropped, tabs kept")
    func controlCharacters() {
        #expect(escape("a\u{1}b\u{7}c\u{1B}d\u{7F}e\u{9B}f\u{FEFF}g") == "abcdefg")
        #expect(escape("tab\there") == "tab\there")
        let separators = WikiMarkupRenderer.escape("line\u{2028}sep\u{2029}para\u{85}nel", multiline: true)
        #expect(!separators.unicodeScalars.contains { [0x2028, 0x2029, 0x85].contains($0.value) })
    }

    @Test("Line breaks: kept in multi-line text, spaces in one-line text")
    func lineBreaks() {
        #expect(WikiMarkupRenderer.escape("one\ntwo\n\nthree", multiline: true) == "one\ntwo\n\nthree")
        #expect(escape("one\ntwo") == "one two")
        #expect(WikiMarkupRenderer.escape("crlf\r\nline", multiline: true) == "crlf\nline")
    }

    // MARK: - Table cells

    @Test(
        "Table cells are one line, pipes escaped, never empty",
        arguments: [
            ("a\nb", "a \\\\ b"), ("a\r\nb\n\nc", "a \\\\ b \\\\ c"), ("a|b", "a\\|b"), ("", " "), ("\n\n", " "),
            ("|", "\\|"), ("*x*", "\\*x\\*"),
        ])
    func tableCell(_ text: String, _ expected: String) {
        #expect(WikiMarkupRenderer.cell(text) == expected)
    }

    @Test("A table row keeps its columns whatever the cells hold")
    func tableColumns() {
        let cells = ["a|b", "", "multi\nline", "||", "x\\", "{code}"]
        let rendered = WikiMarkupRenderer.render(
            TicketDocument(blocks: [.table(header: ["H|1", "", "H3", "H4", "H5", "H6"], rows: [cells])]))
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("||"))
        #expect(unescapedCharacters(String(lines[0])).filter { $0 == "|" }.count == 2 * 7)
        #expect(unescapedCharacters(String(lines[1])).filter { $0 == "|" }.count == 7)
    }

    // MARK: - Blocks typed by the user

    @Test(
        "{code}, {quote} and {noformat} typed by a user are escaped",
        arguments: ["code", "quote", "noformat", "CODE:java", "panel"])
    func userMacro(_ name: String) {
        #expect(escape("{\(name)}") == "\\{\(name)\\}")
    }

    @Test("A user's block macros cannot open or close a block in a rendered document")
    func userMacrosInDocument() {
        let hostile = "before\n{code}\nmiddle\n{quote}\n{noformat}\n{CODE:title=handoff-source.yaml}\nafter {code} end"
        let document = TicketDocument(blocks: [
            .quote(hostile), .paragraph([.text(hostile), .strong(hostile)]), .bullets([[.text(hostile)]]),
            .checklist([hostile]), .table(header: [hostile], rows: [[hostile]]), .heading(level: 2, text: hostile),
        ])
        let rendered = WikiMarkupRenderer.render(document)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        // The quote's own markers, and nothing else, open or close a block.
        #expect(lines.filter { $0 == "{quote}" }.count == 2)
        let body = lines.filter { $0 != "{quote}" }.joined(separator: "\n")
        let bare = unescapedCharacters(body)
        #expect(!bare.contains("{") && !bare.contains("}"), "an unescaped brace in:\n\(rendered)")
        #expect(SourceBlock.extract(fromWiki: rendered).isEmpty)

        // Inline code: the renderer's own {{ }} around escaped text.
        let code = WikiMarkupRenderer.inline([.code(hostile)], multiline: false)
        #expect(code.hasPrefix("{{") && code.hasSuffix("}}"))
        let inside = unescapedCharacters(String(code.dropFirst(2).dropLast(2)))
        #expect(!inside.contains("{") && !inside.contains("}"), "\(code)")
    }

    @Test("The idea quote keeps exactly one opening and one closing marker")
    func quoteMarkers() {
        let rendered = WikiMarkupRenderer.block(.quote("{quote}\ninside\n{quote}\n\n"))
        #expect(rendered == "{quote}\n\\{quote\\}\ninside\n\\{quote\\}\n{quote}")
    }

    // MARK: - Text passes through intact

    @Test(
        "Emoji and Japanese pass through unchanged",
        arguments: ["🎉 👩‍💻 🇯🇵 👍🏽", "日本語のテキスト「引用」（全角括弧）：です。", "café naïve Ω", "한국어 中文"])
    func unicodeUnchanged(_ text: String) {
        #expect(escape(text) == text)
        #expect(WikiMarkupRenderer.cell(text) == text)
    }

    @Test("Escaping loses nothing: unescaped, the text is the original")
    func intact() {
        let texts = [
            ExportFixtures.markupText, "C:\\path\\to\\file", "50% off -- now!", "a\\\\b", "{{monospace}}", "end\\",
            "h1. x\n* y\n- z", "q?? a??", "~user ^caret^ +plus+",
        ]
        for text in texts {
            #expect(unescape(WikiMarkupRenderer.escape(text, multiline: true)) == text, "\(text)")
        }
    }
}
