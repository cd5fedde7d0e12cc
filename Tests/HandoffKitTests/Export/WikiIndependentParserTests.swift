import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The wiki markup handoff writes, read by parsers that share no code with it: pandoc's Jira reader
/// (Debian's pandoc) and jira2markdown (PyPI) followed by pandoc's GFM reader. Every table keeps
/// its columns whatever its cells hold (`|`, `[x|y]`, `||`), link-like text never becomes a
/// labelled link, no formatting appears that the draft did not ask for, and the text reads as typed.
///
/// Neither parser knows all of Jira's backslash escapes (atlassian-renderer's escape list is
/// `- # * _ + ? ^ ~ | % { } [ ] ( ) ! @`): pandoc 2.17 does not take `\+ \^ \~` and lets a bare URL
/// swallow the backslash after it; jira2markdown ignores backslashes before effect markers and
/// `{code}`. Text only those gaps would misread is left out of that parser's exact reading (but
/// kept in the table-shape checks); `|`, which neither needs a backslash for, is in every check.
@Suite("Wiki markup read by independent parsers")
struct WikiIndependentParserTests {
    /// A block as the parsers give it back: a table's cell texts, or any other block's text.
    struct ParsedBlock: Equatable, CustomStringConvertible {
        var rows: [[String]]?
        var text: String?
        var description: String { rows.map { "table \($0)" } ?? "text \(text ?? "")" }
    }

    struct Parsed {
        var blocks: [ParsedBlock]
        /// Every link as (text, target).
        var links: [[String]]
        /// Formatting and images found anywhere.
        var marks: [String]
    }

    // MARK: - The independent parsers

    static let pandoc = "/usr/bin/pandoc"

    /// Reads pandoc's JSON document from stdin and prints its blocks: a table's cells as text, any
    /// other block's text; and its links and formatting. Whitespace runs are one space.
    static let walker = #"""
        import json, re, sys
        def inlines(xs):
            out = []
            for x in xs:
                t, c = x["t"], x.get("c")
                if t == "Str": out.append(c)
                elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
                elif t in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "Underline", "SmallCaps"): out.append(inlines(c))
                elif t in ("Quoted", "Link", "Image", "Span"): out.append(inlines(c[1]))
                elif t == "RawInline": out.append(" " if re.fullmatch(r"<br\s*/?>", c[1]) else c[1])
                elif t == "Code": out.append(c[1])
                else: out.append("<%s>" % t)
            return "".join(out)
        def blocks(bs): return " ".join(block(b) for b in bs)
        def block(b):
            t, c = b["t"], b.get("c")
            if t in ("Para", "Plain"): return inlines(c)
            if t == "Header": return inlines(c[2])
            if t == "BulletList": return " ".join(blocks(item) for item in c)
            if t == "OrderedList": return " ".join(blocks(item) for item in c[1])
            if t == "BlockQuote": return blocks(c)
            if t == "CodeBlock": return c[1]
            return "<%s>" % t
        def rows(table):
            head, bodies = table["c"][3], table["c"][4]
            out = [[squash(blocks(cell[4])) for cell in row[1]] for row in head[1]]
            for body in bodies:
                out += [[squash(blocks(cell[4])) for cell in row[1]] for row in body[2] + body[3]]
            return out
        def squash(text): return re.sub(r"\s+", " ", text).strip()
        links, marks = [], []
        def scan(x):
            if isinstance(x, dict):
                if x.get("t") == "Link": links.append([inlines(x["c"][1]), x["c"][2][0]])
                if x.get("t") in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "Underline", "Image"): marks.append(x["t"])
                for v in x.values(): scan(v)
            elif isinstance(x, list):
                for v in x: scan(v)
        document = json.load(sys.stdin)
        scan(document["blocks"])
        out = [{"rows": rows(b)} if b["t"] == "Table" else {"text": squash(block(b))} for b in document["blocks"]]
        print(json.dumps({"blocks": out, "links": links, "marks": marks}, ensure_ascii=False))
        """#

    /// Fails the test (never skips: CI installs both) when a parser is missing, saying what to install.
    private func requireParsers() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.pandoc),
            "pandoc is missing: apt-get install pandoc (.ci/run installs it)")
        try #require(
            ExternalTool.pythonHas("jira2markdown"),
            "jira2markdown is missing: python3 -m venv --system-site-packages .build-venv && .build-venv/bin/pip install -r Tests/requirements.txt")
    }

    private func run(_ command: [String], stdin: String) throws -> String {
        let result = ExternalTool.run(command, stdin: stdin)
        try #require(result.status == 0, "\(command.joined(separator: " ")) failed: \(result)")
        return result.output
    }

    private func parsed(pandocJSON: String) throws -> Parsed {
        let output = try run(ExternalTool.python + ["-c", Self.walker], stdin: pandocJSON)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let blocks = (object["blocks"] as? [[String: Any]] ?? []).map {
            ParsedBlock(rows: $0["rows"] as? [[String]], text: $0["text"] as? String)
        }
        return Parsed(blocks: blocks, links: object["links"] as? [[String]] ?? [], marks: object["marks"] as? [String] ?? [])
    }

    /// pandoc's Jira reader. pandoc 2.17 (Debian's) keeps decimal character references as text,
    /// where Jira hands them to the browser, which decodes them; that last step is done here.
    /// (It decodes named ones, `&amp;`, itself.)
    private func readByPandoc(_ wiki: String) throws -> Parsed {
        var result = try parsed(pandocJSON: try run([Self.pandoc, "-f", "jira", "-t", "json"], stdin: wiki))
        func decode(_ text: String) -> String {
            var out = ""
            var rest = Substring(text)
            while let range = rest.range(of: "&#") {
                out += rest[..<range.lowerBound]
                let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
                let end = rest.index(range.upperBound, offsetBy: digits.count)
                if !digits.isEmpty, end < rest.endIndex, rest[end] == ";", let code = UInt32(digits),
                    let scalar = Unicode.Scalar(code)
                {
                    out.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: end)...]
                } else {
                    out += "&#"
                    rest = rest[range.upperBound...]
                }
            }
            return out + rest
        }
        result.blocks = result.blocks.map { block in
            ParsedBlock(rows: block.rows?.map { $0.map(decode) }, text: block.text.map(decode))
        }
        result.links = result.links.map { $0.map(decode) }
        // A bare URL's autolink takes the escaping backslash of a `]` or `)` after it.
        for link in result.links where link.count == 2 && link[1].hasSuffix("\\") {
            let swallowed = link[1]
            func undo(_ text: String) -> String { text.replacingOccurrences(of: swallowed, with: String(swallowed.dropLast())) }
            result.blocks = result.blocks.map { ParsedBlock(rows: $0.rows?.map { $0.map(undo) }, text: $0.text.map(undo)) }
        }
        return result
    }

    /// jira2markdown, then pandoc's GFM reader (which decodes character references as a browser does).
    private func readByJira2Markdown(_ wiki: String) throws -> Parsed {
        let convert = "import sys; from jira2markdown import convert; sys.stdout.write(convert(sys.stdin.read()))"
        let markdown = try run(ExternalTool.python + ["-c", convert], stdin: wiki)
        return try parsed(pandocJSON: try run([Self.pandoc, "-f", "gfm", "-t", "json"], stdin: markdown))
    }

    // MARK: - Expectations

    /// Whitespace runs as one space, as the walker gives them.
    private func squash(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// What a reader should see of `document`: its blocks' text, and its tables cell by cell.
    private func expected(_ document: TicketDocument) -> [ParsedBlock] {
        func text(_ inlines: [TicketDocument.Inline]) -> String {
            inlines.map { part in
                switch part {
                case .text(let text), .strong(let text), .code(let text): return text
                }
            }.joined()
        }
        return document.blocks.map { block in
            switch block {
            case .heading(_, let value): return ParsedBlock(text: squash(value))
            case .paragraph(let inlines): return ParsedBlock(text: squash(text(inlines)))
            case .bullets(let items): return ParsedBlock(text: squash(items.map(text).joined(separator: " ")))
            case .checklist(let items): return ParsedBlock(text: squash(items.map { "☐ " + $0 }.joined(separator: " ")))
            case .quote(let value): return ParsedBlock(text: squash(value))
            case .code(_, _, let value): return ParsedBlock(text: squash(value))
            case .table(let header, let rows):
                // Wiki markup has no empty cell: the renderer writes a space, read back as nothing.
                return ParsedBlock(rows: ([header] + rows).map { $0.map(squash) })
            }
        }
    }

    /// Text a user could type into any field, every table-splitting and link-making one first.
    static let pipeTexts = [
        "CMS | Web", "GA4 | Looker", "[Owner|http://owner.example] x", "[Owner|http://owner.example]", "a||b",
        "|leading", "trailing|", "x \\| y", "||header||", "a|)b", "日本語 | テキスト", "[label|mailto:a@example.com]",
    ]
    static let otherTexts = [
        ":) ;) :( :P :D (x) (y) (!) (flag)", "AT&amp;T", "back\\slash", "h1. not a heading", "# not numbered",
        "(i) (/) :-)",
    ]
    /// What pandoc 2.17 misreads though Jira does not (see above).
    static let pandocGaps = ["x^2^ and H~2~O", "[~someone]"]
    /// What both misread: `\\+` `\\^` `\\~` at a word's edge.
    static let sharedGaps = ["+u+ ^s^ ~b~"]
    /// What jira2markdown misreads though Jira does not (see above).
    static let jira2markdownGaps = [
        "{code} {color:red}x{color}", "*bold* _em_ -strike-", "50% off -- now!", "!img.png! and (i)",
    ]

    /// A heading, paragraph and list per text, and a table holding every text.
    static func document(_ texts: [String]) -> TicketDocument {
        var blocks: [TicketDocument.Block] = []
        for text in texts {
            blocks += [.heading(level: 2, text: text), .paragraph([.text(text)]), .bullets([[.text(text)], [.text("next")]])]
        }
        let columns = 5
        let cells = texts + Array(repeating: "", count: (columns - texts.count % columns) % columns)
        let rows = stride(from: 0, to: cells.count, by: columns).map { Array(cells[$0..<$0 + columns]) }
        blocks.append(.table(header: ["System | name", "Change", "Owner", "Data", "PII"], rows: rows))
        return TicketDocument(blocks: blocks)
    }

    /// The ready draft with a `|` (and link-like text) in every field that becomes a table cell.
    static var pipeDraft: Draft {
        var draft = TestDrafts.ready
        var system = AffectedSystem(name: "CMS | Web", change: "form | embed\nsecond | line")
        system.data = ["name | email", "[x|y]"]
        system.personalData = true
        system.owner = "[Owner|http://owner.example]"
        draft.systems = [system, AffectedSystem(name: "GA4 | Looker")]
        var milestone = Milestone()
        milestone.name = "Copy | final"
        milestone.date = CivilDate(year: 2026, month: 12, day: 20)
        draft.timeline.milestones = [milestone]
        var metric = Metric()
        metric.name = "Sign-ups ||"
        metric.baseline = .text("0 | none")
        metric.target = .number("300")
        metric.source = "GA4 | Looker"
        metric.tracking = "event|utm"
        metric.reviewOn = CivilDate(year: 2027, month: 2, day: 1)
        metric.owner = "Ken | Ops"
        draft.success.metrics = [metric]
        draft.stakeholders += [Stakeholder(.approver, "A | B")]
        var risk = Risk()
        risk.text = "Spam | bots"
        risk.mitigation = "[CAPTCHA|http://captcha.example]"
        draft.risks = [risk]
        return draft
    }

    /// The parsed blocks are the document's, block by block (each difference reported on its own).
    private func expectBlocks(_ parsed: Parsed, _ document: TicketDocument, _ parser: String) {
        let wanted = expected(document)
        #expect(parsed.blocks.count == wanted.count, "\(parser) read \(parsed.blocks.count) blocks, not \(wanted.count)")
        for (got, want) in zip(parsed.blocks, wanted) where got != want {
            Issue.record("\(parser) read \(got), not \(want)")
        }
    }

    /// A link is only ever a bare URL or e-mail address of the user's text made clickable, never
    /// text with a target.
    private func expectOnlyBareLinks(_ parsed: Parsed, _ parser: String) {
        for link in parsed.links {
            #expect(link.count == 2 && (link[0] == link[1] || "mailto:" + link[0] == link[1]), "\(parser) made a labelled link \(link)")
        }
    }

    // MARK: - Tests

    @Test("pandoc's Jira reader: every block and every cell reads as typed, tables keep their columns")
    func pandocReadsAsTyped() throws {
        try requireParsers()
        let document = Self.document(Self.pipeTexts + Self.otherTexts + Self.jira2markdownGaps)
        let parsed = try readByPandoc(WikiMarkupRenderer.render(document))
        expectBlocks(parsed, document, "pandoc")
        #expect(parsed.marks.isEmpty, "formatting the draft did not ask for: \(parsed.marks)")
        expectOnlyBareLinks(parsed, "pandoc")
    }

    @Test("jira2markdown: every block and every cell reads as typed, tables keep their columns")
    func jira2markdownReadsAsTyped() throws {
        try requireParsers()
        let document = Self.document(Self.pipeTexts + Self.otherTexts + Self.pandocGaps)
        let parsed = try readByJira2Markdown(WikiMarkupRenderer.render(document))
        expectBlocks(parsed, document, "jira2markdown")
        #expect(parsed.marks.isEmpty, "formatting the draft did not ask for: \(parsed.marks)")
        expectOnlyBareLinks(parsed, "jira2markdown")
    }

    @Test("Both parsers: a table holding every hostile text keeps its shape", arguments: [0, 1])
    func tableShape(_ parser: Int) throws {
        try requireParsers()
        let texts = Self.pipeTexts + Self.otherTexts + Self.pandocGaps + Self.jira2markdownGaps + Self.sharedGaps
        let document = TicketDocument(blocks: Self.document(texts).blocks.suffix(1))
        let wiki = WikiMarkupRenderer.render(document)
        let parsed = parser == 0 ? try readByPandoc(wiki) : try readByJira2Markdown(wiki)
        let shape = { (rows: [[String]]) in rows.map(\.count) }
        #expect(parsed.blocks.compactMap(\.rows).map(shape) == expected(document).compactMap(\.rows).map(shape), "\(parsed.blocks)")
        expectOnlyBareLinks(parsed, parser == 0 ? "pandoc" : "jira2markdown")
    }

    @Test(
        "Character references typed by the user read as typed (jira2markdown and GFM decode like a browser)",
        arguments: ["AT&amp;T", "&#124; typed", "&lt;b&gt;", "&nbsp;", "x &#x7C; y", "Q&A and R & D"])
    func typedReferences(_ text: String) throws {
        try requireParsers()
        let document = TicketDocument(blocks: [.paragraph([.text(text)]), .table(header: ["H"], rows: [[text]])])
        let parsed = try readByJira2Markdown(WikiMarkupRenderer.render(document))
        #expect(parsed.blocks == expected(document))
    }

    @Test("A whole ticket with a | in every table field: both parsers read every table cell by cell", arguments: [0, 1])
    func pipeTicketTables(_ parser: Int) throws {
        try requireParsers()
        let document = TicketDocumentBuilder(options: ExportFixtures.options()).document(for: ExportFixtures.item(Self.pipeDraft))
        let wiki = WikiMarkupRenderer.render(document)
        let parsed = parser == 0 ? try readByPandoc(wiki) : try readByJira2Markdown(wiki)
        let tables = expected(document).compactMap(\.rows)
        #expect(tables.count >= 4)
        #expect(tables.joined().joined().contains { $0.contains("|") })
        #expect(parsed.blocks.compactMap(\.rows) == tables)
        expectOnlyBareLinks(parsed, parser == 0 ? "pandoc" : "jira2markdown")
    }

    @Test("The hostile draft's whole ticket: pandoc reads every table with its columns")
    func hostileTicketTables() throws {
        try requireParsers()
        let document = TicketDocumentBuilder(options: ExportFixtures.options()).document(for: ExportFixtures.item(ExportFixtures.hostile))
        let parsed = try readByPandoc(WikiMarkupRenderer.render(document))
        let shape = { (rows: [[String]]) in rows.map(\.count) }
        let tables = expected(document).compactMap(\.rows)
        #expect(tables.count >= 4)
        #expect(parsed.blocks.compactMap(\.rows).map(shape) == tables.map(shape))
    }
}
