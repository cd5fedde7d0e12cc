import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Markdown for people: draft text is escaped so it cannot become markup or raw HTML, tables keep
/// their columns, the source draft's code fence cannot be closed from inside, and blank lines stay
/// paragraph breaks.
@Suite("Markdown renderer")
struct MarkdownRendererTests {
    // MARK: - Helpers

    private func escape(_ text: String) -> String { MarkdownRenderer.escape(text, multiline: false) }

    /// What CommonMark shows for backslash-escaped text (a backslash before a line break reads as
    /// the line break).
    private func unescape(_ text: String) -> String { BackslashEscapes.removed(from: text) }

    private func unescapedCharacters(_ text: Substring) -> [Character] { BackslashEscapes.unescapedCharacters(text) }

    // MARK: - Special characters

    @Test(
        "Markdown specials are escaped wherever they stand",
        arguments: ["*", "_", "`", "[", "]", "<", ">", "|", "#", "!", "&", "~", "\\"])
    func special(_ character: String) {
        #expect(escape("a\(character)b") == "a\\\(character)b")
        #expect(escape("a \(character) b") == "a \\\(character) b")
    }

    @Test(
        "Line-start markers are escaped",
        arguments: [
            ("- item", "\\- item"), ("+ item", "\\+ item"), ("1. item", "1\\. item"), ("12) item", "12\\) item"),
            ("* item", "\\* item"), ("# heading", "\\# heading"), ("> quote", "\\> quote"), ("---", "\\---"),
            ("===", "\\==="), ("  - indented", "  \\- indented"), ("   3. indented", "   3\\. indented"),
            ("\t+ tabbed", "\t\\+ tabbed"),
        ])
    func lineStart(_ text: String, _ expected: String) {
        #expect(escape(text) == expected)
        // On a later line too.
        #expect(MarkdownRenderer.escape("intro\n" + text, multiline: true) == "intro\\\n" + expected)
        #expect(unescape(escape(text)) == text)
    }

    @Test("Numbers and dashes inside a line stay as they are")
    func notMarkers() {
        #expect(escape("sign-up on 2026-12-04") == "sign-up on 2026-12-04")
        #expect(escape("version 1.2 and 3) done") == "version 1.2 and 3) done")
        #expect(escape("a + b = c") == "a + b = c")
    }

    @Test(
        "Raw HTML stays inert",
        arguments: [
            "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "<!-- hidden -->", "<b>bold</b>",
            "<https://example.com>", "&amp; &#x3C; &lt;",
        ])
    func rawHTML(_ html: String) {
        let escaped = escape(html)
        let bare = unescapedCharacters(Substring(escaped))
        #expect(!bare.contains("<") && !bare.contains(">") && !bare.contains("&"), "\(escaped)")
        #expect(unescape(escaped) == html)
    }

    @Test("A rendered document has no raw HTML except its own <br> in table cells")
    func documentHTML() {
        let hostile = "<script>alert(1)</script>\n<br>\n<!-- x -->"
        let document = TicketDocument(blocks: [
            .heading(level: 2, text: hostile), .paragraph([.text(hostile), .strong(hostile)]),
            .bullets([[.text(hostile)]]),
            .checklist([hostile]), .table(header: [hostile], rows: [[hostile]]), .quote(hostile),
        ])
        let rendered = MarkdownRenderer.render(document, title: hostile)
        #expect(!rendered.replacingOccurrences(of: "\\<", with: "").contains("<script"))
        for line in rendered.split(separator: "\n") {
            let bare = String(unescapedCharacters(line))
            #expect(!bare.replacingOccurrences(of: "<br>", with: "").contains("<"), "raw < in \(line)")
        }
    }

    @Test("Control characters are dropped; emoji and Japanese pass unchanged")
    func characters() {
        #expect(escape("a\u{1}b\u{1B}c\u{7F}d\u{9B}e") == "abcde")
        let unicode = "🎉 👩‍💻 🇯🇵 日本語「かぎ括弧」（全角）"
        #expect(escape(unicode) == unicode)
        #expect(MarkdownRenderer.cell(unicode) == unicode)
    }

    @Test("Escaping loses nothing")
    func intact() {
        for text in [ExportFixtures.markupText, "C:\\path", "a\\\\b", "1. first\n- second\n\n> third", "end\\"] {
            #expect(unescape(MarkdownRenderer.escape(text, multiline: true)) == text, "\(text)")
        }
    }

    // MARK: - Tables

    @Test(
        "Table cells escape pipes and turn line breaks into <br>",
        arguments: [
            ("a|b", "a\\|b"), ("a\nb", "a<br>b"), ("a\r\nb\n\nc", "a<br>b<br>c"), ("<br>", "\\<br\\>"), ("", ""),
            ("- x", "\\- x"),
        ])
    func cell(_ text: String, _ expected: String) {
        #expect(MarkdownRenderer.cell(text) == expected)
    }

    @Test("A table keeps its columns whatever the cells hold")
    func tableColumns() {
        let row = ["a|b", "", "multi\nline", "||", "x\\"]
        let rendered = MarkdownRenderer.block(.table(header: ["H|1", "H2", "H3", "H4", "H5"], rows: [row, row]))
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1] == "| --- | --- | --- | --- | --- |")
        for line in lines {
            #expect(unescapedCharacters(line).filter { $0 == "|" }.count == 6, "\(line)")
        }
    }

    // MARK: - Code fence

    @Test(
        "The code fence is longer than any backtick run inside",
        arguments: [("plain", 3), ("one ` tick", 3), ("a ``` b", 4), ("`````", 6), ("x\n````\ny", 5), ("``\n```", 4)])
    func fence(_ text: String, _ length: Int) {
        let rendered = MarkdownRenderer.block(.code(language: "yaml", title: TicketDocument.sourceTitle, text: text))
        let fence = String(repeating: "`", count: length)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == Substring(fence + "yaml " + TicketDocument.sourceTitle))
        #expect(lines.last == Substring(fence))
        // No line inside could close it.
        for line in lines.dropFirst().dropLast() {
            #expect(!line.drop { $0 == " " }.hasPrefix(fence), "\(line)")
        }
        #expect(ExportReader.sources(inMarkdown: "```\nformat: handoff/1\n```\n" + rendered).isEmpty)
    }

    @Test("The source draft of a hostile draft comes back out of its fence")
    func sourceFence() {
        let draft = ExportFixtures.hostile
        let yaml = SourceBlock.yaml(for: draft)
        #expect(yaml.contains("```"), "the hostile draft should hold backtick runs")
        let rendered = MarkdownRenderer.block(.code(language: "yaml", title: TicketDocument.sourceTitle, text: yaml))
        #expect(rendered.hasPrefix("````"))
        #expect(ExportReader.sources(inMarkdown: rendered) == [yaml + "\n"])
    }

    @Test("Inline code cannot be closed by a backtick inside")
    func inlineCode() {
        #expect(MarkdownRenderer.inline([.code("a`b")], multiline: false) == "`aˋb`")
        #expect(MarkdownRenderer.inline([.strong("*x*:"), .text(" y")], multiline: false) == "**\\*x\\*:** y")
    }

    // MARK: - Paragraphs

    @Test("Blank lines in the idea stay paragraph breaks; single line breaks are hard breaks")
    func paragraphs() {
        #expect(
            MarkdownRenderer.block(.quote("para one\n\npara two\nline three\n\n"))
                == "> para one\n>\n> para two\\\n> line three")
        #expect(MarkdownRenderer.block(.paragraph([.text("a\n\nb\nc")])) == "a\n\nb\\\nc")
        #expect(escape("one\ntwo") == "one two")
    }

    @Test("Headings, bullets and checklists")
    func blocks() {
        #expect(MarkdownRenderer.block(.heading(level: 3, text: "# Scope *now*")) == "### \\# Scope \\*now\\*")
        #expect(MarkdownRenderer.block(.bullets([[.text("- a")], [.text("b\nc")]])) == "- \\- a\n- b c")
        #expect(MarkdownRenderer.block(.checklist(["[x] done"])) == "- [ ] \\[x\\] done")
        let rendered = MarkdownRenderer.render(TicketDocument(blocks: [.paragraph([.text("x")])]), title: "T_1")
        #expect(rendered == "# T\\_1\n\nx\n")
    }

    @Test(
        "pandoc's CommonMark reader shows references and pipes as typed, in text and in table cells",
        arguments: ["AT&amp;T", "&#124; and &lt;b&gt;", "&nbsp;", "CMS | Web", "[Owner|http://owner.example]", "a||b"])
    func readByPandoc(_ text: String) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc"), "pandoc is missing: apt-get install pandoc (.ci/run installs it)")
        let document = TicketDocument(blocks: [.paragraph([.text(text)]), .table(header: ["H", "I"], rows: [[text, "x"]])])
        let markdown = MarkdownRenderer.render(document)
        // The text of every paragraph and table cell, one a line.
        let lua = """
            function Pandoc(doc)
              local out = {}
              doc:walk({ Para = function(p) table.insert(out, pandoc.utils.stringify(p)) end,
                         Plain = function(p) table.insert(out, pandoc.utils.stringify(p)) end })
              return pandoc.Pandoc({ pandoc.CodeBlock(table.concat(out, "\\n")) })
            end
            """
        let scratch = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let filter = scratch.appendingPathComponent("cells.lua")
        try lua.write(to: filter, atomically: true, encoding: .utf8)
        let result = ExternalTool.run(["/usr/bin/pandoc", "-f", "gfm", "-t", "plain", "--lua-filter", filter.path], stdin: markdown)
        try #require(result.status == 0, "pandoc failed: \(result)")
        let lines = result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines == [text, "H", "I", text, "x"], "\(markdown)")
    }

    @Test("A whole hostile ticket renders its idea as a quote with escaped text")
    func wholeTicket() {
        let item = ExportFixtures.item(ExportFixtures.hostile)
        let document = TicketDocumentBuilder(options: ExportFixtures.options()).document(for: item)
        let rendered = MarkdownRenderer.render(document, title: "yes")
        #expect(
            rendered.contains("> h1. Not a heading\\\n> bq. not a quote\\\n> \\* not a bullet\\\n> \\# not numbered"))
        #expect(rendered.contains("> \\- not a dash\\\n> \\----\n>\n> \\*bold\\*"))
        #expect(ExportReader.sources(inMarkdown: rendered) == [SourceBlock.yaml(for: item.draft) + "\n"])
    }
}
