import Foundation
import Testing

@testable import HandoffKit

/// Atlassian Document Format: the whole rendered description keeps ADF's rules (no empty text,
/// line breaks as hardBreak, list items and cells holding paragraphs, `code` marks alone) and
/// passes Atlassian's published JSON Schema.
@Suite("ADF renderer")
struct ADFRendererTests {
    // MARK: - Helpers

    enum Sample: String, CaseIterable, CustomTestStringConvertible {
        case ready, japanese, hostile, halfFormed
        var testDescription: String { rawValue }

        var draft: Draft {
            switch self {
            case .ready: return TestDrafts.ready
            case .japanese: return TestDrafts.japanese
            case .hostile: return ExportFixtures.hostile
            case .halfFormed: return TestDrafts.load(TestDrafts.exampleText("half-formed-idea.yaml"))
            }
        }

        var document: TicketDocument {
            TicketDocumentBuilder(options: ExportFixtures.options()).document(for: ExportFixtures.item(draft))
        }
    }

    /// A node of the tree with the types of its ancestors, outermost first.
    struct Visit {
        var node: Value
        var ancestors: [String]
        var type: String? { Self.string(node["type"]) }

        static func string(_ value: Value?) -> String? {
            if case .string(let text)? = value { return text }
            return nil
        }
    }

    /// Every mapping with a `type` in `root`, depth first.
    private func nodes(_ root: Value) -> [Visit] {
        var out: [Visit] = []
        func walk(_ value: Value, _ ancestors: [String]) {
            guard case .map = value, let type = Visit.string(value["type"]) else { return }
            out.append(Visit(node: value, ancestors: ancestors))
            if case .list(let children)? = value["content"] {
                for child in children { walk(child, ancestors + [type]) }
            }
        }
        walk(root, [])
        return out
    }

    private func content(_ node: Value) -> [Value] {
        if case .list(let items)? = node["content"] { return items }
        return []
    }

    private func keys(_ node: Value) -> [String] {
        if case .map(let entries) = node { return entries.map(\.key) }
        return []
    }

    /// The text of inline nodes, hard breaks read as line breaks.
    private func plainText(_ inlines: [Value]) -> String {
        inlines.map { node in
            Visit.string(node["type"]) == "hardBreak" ? "\n" : Visit.string(node["text"]) ?? ""
        }.joined()
    }

    // MARK: - Structure of whole documents

    @Test("The root is {type: doc, version: 1, content}", arguments: Sample.allCases)
    func root(_ sample: Sample) {
        let rendered = ADFRenderer.render(sample.document)
        #expect(keys(rendered) == ["type", "version", "content"])
        #expect(rendered["type"] == .string("doc"))
        #expect(rendered["version"] == .number("1"))
        #expect(!content(rendered).isEmpty)
    }

    @Test("No text node is empty, and none holds a line break outside a code block", arguments: Sample.allCases)
    func textNodes(_ sample: Sample) {
        let visits = nodes(ADFRenderer.render(sample.document)).filter { $0.type == "text" }
        #expect(!visits.isEmpty)
        for visit in visits {
            let text = Visit.string(visit.node["text"])
            #expect(text != nil && text != "", "empty text node under \(visit.ancestors)")
            guard let text else { continue }
            // A code block's text is verbatim and multi-line by nature: ADF allows no hardBreak there.
            if visit.ancestors.last != "codeBlock" {
                #expect(!text.contains("\n"), "line break in a text node under \(visit.ancestors): \(text)")
            }
            #expect(!text.contains("\r"))
            let controls = text.unicodeScalars.filter {
                $0 != "\n" && $0 != "\t" && ($0.value < 0x20 || (0x7F..<0xA0).contains($0.value))
            }
            #expect(controls.isEmpty, "control characters \(controls.map(\.value)) in \(text)")
        }
    }

    @Test("List items and table cells start with a paragraph", arguments: Sample.allCases)
    func containers(_ sample: Sample) {
        let visits = nodes(ADFRenderer.render(sample.document))
        let containers = visits.filter { ["listItem", "tableCell", "tableHeader"].contains($0.type ?? "") }
        #expect(!containers.isEmpty)
        for visit in containers {
            let first = content(visit.node).first
            #expect(
                Visit.string(first?["type"]) == "paragraph",
                "\(visit.type ?? "?") starts with \(String(describing: first))")
        }
        for visit in visits where visit.type == "bulletList" {
            let items = content(visit.node)
            #expect(!items.isEmpty && items.allSatisfy { Visit.string($0["type"]) == "listItem" })
        }
        for visit in visits where visit.type == "table" {
            let widths = content(visit.node).map { content($0).count }
            #expect(Set(widths).count == 1, "rows of different widths: \(widths)")
        }
    }

    @Test("code marks are never combined with other marks", arguments: Sample.allCases)
    func codeMarks(_ sample: Sample) {
        var codeSeen = false
        for visit in nodes(ADFRenderer.render(sample.document)) {
            guard case .list(let marks)? = visit.node["marks"] else { continue }
            let types = marks.compactMap { Visit.string($0["type"]) }
            #expect(types.count == marks.count)
            if types.contains("code") {
                codeSeen = true
                #expect(types == ["code"], "code combined with \(types)")
            }
        }
        if sample != .ready { #expect(codeSeen, "findings render field names as code") }
    }

    @Test("Paragraphs neither start nor end with a hard break", arguments: Sample.allCases)
    func hardBreakEdges(_ sample: Sample) {
        for visit in nodes(ADFRenderer.render(sample.document))
        where visit.type == "paragraph" || visit.type == "heading" {
            let inlines = content(visit.node)
            #expect(Visit.string(inlines.last?["type"]) != "hardBreak")
        }
    }

    @Test("The hostile idea keeps its line breaks as hardBreak nodes and its text intact")
    func hostileQuote() throws {
        let draft = ExportFixtures.hostile
        let rendered = ADFRenderer.render(Sample.hostile.document)
        let quote = try #require(nodes(rendered).first { $0.type == "blockquote" })
        let paragraph = try #require(content(quote.node).first)
        let inlines = content(paragraph)
        #expect(inlines.contains { Visit.string($0["type"]) == "hardBreak" })
        #expect(plainText(inlines) == ADFRenderer.strip(draft.idea ?? ""))
    }

    @Test("The source draft travels in one code block, verbatim")
    func sourceCodeBlock() throws {
        let draft = ExportFixtures.hostile
        let blocks = nodes(ADFRenderer.render(Sample.hostile.document)).filter { $0.type == "codeBlock" }
        #expect(blocks.count == 1)
        let block = try #require(blocks.first)
        #expect(block.node["attrs"]?["language"] == .string("yaml"))
        let texts = content(block.node)
        #expect(texts.count == 1)
        #expect(texts.first?["marks"] == nil)
        #expect(Visit.string(texts.first?["text"]) == SourceBlock.yaml(for: draft))
    }

    // MARK: - Inline text

    @Test(
        "Text becomes text and hardBreak nodes",
        arguments: [
            ("one", ["one"]), ("a\nb", ["a", "<br>", "b"]), ("a\n\nb", ["a", "<br>", "<br>", "b"]), ("", []),
            ("\n", []), ("a\n", ["a"]), ("\na", ["<br>", "a"]), ("a\r\nb", ["a", "<br>", "b"]),
            ("x\u{1}y\u{1B}z", ["xyz"]),
            ("\u{7}", []), ("tab\there", ["tab\there"]),
        ])
    func inlineText(_ input: String, _ expected: [String]) {
        let nodes = ADFRenderer.text(input, marks: ["strong"])
        let shape = nodes.map { Visit.string($0["type"]) == "hardBreak" ? "<br>" : Visit.string($0["text"]) ?? "?" }
        #expect(shape == expected)
        for node in nodes where Visit.string(node["type"]) == "text" {
            #expect(node["marks"] == .list([.object([("type", .string("strong"))])]))
        }
        for node in nodes where Visit.string(node["type"]) == "hardBreak" {
            #expect(keys(node) == ["type"])
        }
    }

    @Test(
        "ADF text is literal: references, pipes and markup are written as typed",
        arguments: ["AT&amp;T", "&#124; and &lt;b&gt;", "CMS | Web", "[Owner|http://owner.example]", ":) (x) h1. x"])
    func literalText(_ text: String) {
        let document = TicketDocument(blocks: [.paragraph([.text(text)]), .table(header: ["H"], rows: [[text]])])
        let texts = nodes(ADFRenderer.render(document)).compactMap { $0.type == "text" ? Visit.string($0.node["text"]) : nil }
        #expect(texts == [text, "H", text])
    }

    @Test("Empty pieces make empty containers, not empty text")
    func emptyPieces() {
        let document = TicketDocument(blocks: [
            .paragraph([.text(""), .strong(""), .code("")]), .bullets([[.text("")]]),
            .table(header: ["", "\n"], rows: [["", "\n"]]), .quote("\n\n"),
        ])
        let visits = nodes(ADFRenderer.render(document))
        #expect(!visits.contains { $0.type == "text" })
        #expect(visits.filter { $0.type == "paragraph" }.allSatisfy { $0.node["content"] == nil })
        #expect(visits.filter { $0.type == "tableCell" || $0.type == "tableHeader" }.count == 4)
    }

    // MARK: - Atlassian's schema

    @Test("Whole documents pass Atlassian's ADF JSON Schema (jira-validate adf)", arguments: Sample.allCases)
    func schema(_ sample: Sample) throws {
        let json = JSONWriter.pretty(ADFRenderer.render(sample.document))
        let result = try ExportFixtures.validate(json, format: "adf")
        #expect(result.status == 0, "jira-validate adf failed (\(result.status)):\n\(result.output)")
    }

    @Test("Edge documents pass the schema too: empty cells, empty texts, every block kind")
    func schemaEdges() throws {
        let document = TicketDocument(blocks: [
            .heading(level: 1, text: "Title\nsecond line"), .heading(level: 6, text: "h6"),
            .paragraph([.text(""), .strong("bold:"), .text(" x\ny"), .code("field[0]")]), .paragraph([]),
            .bullets([[.text("")], [.strong("a"), .code("b")]]), .checklist(["☐ c", "d\ne"]),
            .table(header: ["", "H"], rows: [["", "\n"], ["a\nb", "|"]]), .quote("\n\nq\n\n"), .quote(""),
            .code(language: "yaml", title: "t", text: ""), .code(language: "yaml", title: "t", text: "a\u{1}\n\tb"),
        ])
        let json = JSONWriter.pretty(ADFRenderer.render(document))
        let result = try ExportFixtures.validate(json, format: "adf")
        #expect(result.status == 0, "jira-validate adf failed (\(result.status)):\n\(result.output)\n\(json)")
    }

    @Test("The validator is real: it rejects an empty text node")
    func validatorRejects() throws {
        let broken = JSONWriter.pretty(
            .object([
                ("type", .string("doc")), ("version", .int(1)),
                (
                    "content",
                    .list([
                        .object([
                            ("type", .string("paragraph")),
                            ("content", .list([.object([("type", .string("text")), ("text", .string(""))])])),
                        ])
                    ])
                ),
            ]))
        let result = try ExportFixtures.validate(broken, format: "adf")
        #expect(result.status == 1, "\(result.output)")
    }
}
