import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Jira wiki markup: whatever a draft holds is rendered as the same, inert text: special
/// characters escaped, effect markers escaped only where they could act, line-start markers and
/// emoticons broken, control characters dropped, and no `{code}`/`{quote}`/`{noformat}` of the
/// user's can open or close a block. Only what Jira's renderer undoes is used: a backslash before
/// a character it escapes, or a decimal character reference.
@Suite("Wiki markup escaping")
struct WikiMarkupEscapingTests {
    // MARK: - Helpers

    private func escape(_ text: String) -> String { WikiMarkupRenderer.escape(text, multiline: false) }

    /// The characters Jira's renderer (atlassian-renderer's BackslashEscapeRendererComponent)
    /// takes a backslash off; before anything else the backslash shows.
    private static let jiraEscapable = Set("-#*_+?^~|%{}[]()!@")

    /// What Jira shows for escaped text: backslash escapes of the characters it escapes removed,
    /// then character references decoded (Jira hands them to the browser). A backslash before any
    /// other character stays, as it does in Jira.
    private func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            if escaped && !Self.jiraEscapable.contains(character) { out.append("\\") }
            escaped = false
            out.append(character)
        }
        if escaped { out.append("\\") }
        return decodeReferences(out)
    }

    /// Decodes `&#NNN;` and `&amp;`, the references the renderer writes, in one pass.
    private func decodeReferences(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            rest = rest[ampersand...]
            if let semicolon = rest.firstIndex(of: ";") {
                let name = rest[rest.index(after: rest.startIndex)..<semicolon]
                if name == "amp" {
                    out += "&"
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
                if name.first == "#", let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = rest.dropFirst()
        }
        return out + rest
    }

    private func unescapedCharacters(_ text: String) -> [Character] { BackslashEscapes.unescapedCharacters(text) }

    // MARK: - Special characters

    @Test("A backslash is the entity &#92;: `\\\\` would be wiki's forced line break")
    func backslash() {
        #expect(escape("C:\\temp\\new") == "C:&#92;temp&#92;new")
        #expect(!escape("a\\\\b").contains("\\\\"))
    }

    @Test("A pipe is the reference &#124; wherever it stands: no parser splits a cell or a link at it")
    func pipe() {
        #expect(escape("CMS | Web") == "CMS &#124; Web")
        #expect(escape("a|b||c") == "a&#124;b&#124;&#124;c")
        #expect(!escape("GA4 | Looker \\| x").contains("|"))
    }

    @Test("Every backslash escape is one Jira's renderer knows")
    func onlyJiraEscapes() {
        let rendered = WikiMarkupRenderer.escape(ExportFixtures.markupText + "\nh1. x\nbq. y\n:) ;) :( :P :D a:b", multiline: true)
        var previous: Character = " "
        for character in rendered {
            if previous == "\\" { #expect(Self.jiraEscapable.contains(character), "\\\(character) in \(rendered)") }
            previous = character
        }
    }

    @Test(
        "Character references typed by the user come out as typed",
        arguments: ["AT&amp;T", "&#124;", "&#x7C;", "&lt;b&gt;", "&nbsp;", "&copy; 2026"])
    func typedReferences(_ text: String) {
        #expect(!escape(text).contains(text))
        #expect(unescape(escape(text)) == text)
    }

    @Test("An ampersand that starts no reference stays as it is", arguments: ["Q&A", "R & D", "AT&T", "a&b c;", "&;", "& ;"])
    func plainAmpersand(_ text: String) {
        #expect(escape(text) == text)
    }

    @Test("Every wiki special character is escaped", arguments: ["{", "}", "[", "]", "#", "!"])
    func specialCharacter(_ special: String) {
        #expect(escape("a \(special) b") == "a \\\(special) b")
        #expect(escape("word\(special)word") == "word\\\(special)word")
        #expect(escape(special) == "\\" + special)
    }

    @Test("Links, images, macros and tables stay text")
    func markupConstructs() {
        #expect(escape("[Click|http://evil.example]") == "\\[Click&#124;http://evil.example\\]")
        #expect(escape("!http://evil.example/x.png!") == "\\!http://evil.example/x.png\\!")
        #expect(escape("{color:red}alert{color}") == "\\{color:red\\}alert\\{color\\}")
        #expect(escape("||head||") == "&#124;&#124;head&#124;&#124;")
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
            ("h1. Title", "h1&#46; Title"), ("h2. Title", "h2&#46; Title"), ("h3. Title", "h3&#46; Title"),
            ("h4. Title", "h4&#46; Title"), ("h5. Title", "h5&#46; Title"), ("h6. Title", "h6&#46; Title"),
            ("bq. Quote", "bq&#46; Quote"), ("* item", "\\* item"), ("** nested", "\\*\\* nested"),
            ("# item", "\\# item"), ("- item", "\\- item"), ("----", "\\-\\-\\-\\-"),
            ("  h3. indented", "  h3&#46; indented"),
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
            ("(x)", "\\(x\\)"), ("(/)", "\\(/\\)"), ("(!)", "\\(\\!\\)"), ("(i)", "\\(i\\)"), (":)", ":\\)"),
            (";)", ";\\)"), (":P", "&#58;P"), (":D", "&#58;D"), (":p", "&#58;p"), (":(", ":\\("), ("(y)", "\\(y\\)"), ("(on)", "\\(on\\)"),
            ("(off)", "\\(off\\)"), ("(flag)", "\\(flag\\)"), ("(flagoff)", "\\(flagoff\\)"),
        ])
    func emoticon(_ text: String, _ expected: String) {
        #expect(escape(text) == expected)
        #expect(escape("ok " + text + " ok") == "ok " + expected + " ok")
        #expect(unescape(escape(text)) == text)
    }

    @Test("A reference's own semicolon cannot make a wink with a parenthesis after it", arguments: ["|)", "\\)", "AT&amp;)", "|("])
    func referenceBeforeParenthesis(_ text: String) {
        let rendered = escape(text)
        #expect(!rendered.contains(";)") && !rendered.contains(";("), "\(rendered)")
        #expect(unescape(rendered) == text)
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
            ("a\nb", "a \\\\ b"), ("a\r\nb\n\nc", "a \\\\ b \\\\ c"), ("a|b", "a&#124;b"), ("", " "), ("\n\n", " "),
            ("|", "&#124;"), ("*x*", "\\*x\\*"),
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
        #expect(lines[0].filter { $0 == "|" }.count == 2 * 7)
        #expect(lines[1].filter { $0 == "|" }.count == 7)
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
        #expect(ExportReader.sources(inWiki: rendered).isEmpty)

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
            "h1. x\n* y\n- z", "q?? a??", "~user ^caret^ +plus+", "AT&amp;T &#124; &lt;", "a|)b :) :P",
        ]
        for text in texts {
            #expect(unescape(WikiMarkupRenderer.escape(text, multiline: true)) == text, "\(text)")
        }
    }
}
