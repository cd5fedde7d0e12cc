import HandoffTestSupport
import Testing

@testable import HandoffKit

/// `ADFCompactStream` writes REST v3 descriptions without `TreeBytes`; `ADFStream` over a compact
/// tree stays its reference, byte for byte, for every kind of block and hostile text in each.
@Suite("ADF written compact straight into bytes against the tree's")
struct ADFCompactStreamTests {
    /// What the reference stream writes after `prefix` for the blocks `write` hands it.
    static func reference(_ write: (inout ADFStream) -> Void) -> (text: String, bound: Int) {
        var stream = ADFStream()
        stream.tree = TreeBytes(.json(indent: nil))
        stream.start()
        write(&stream)
        stream.finish()
        return (stream.tree.text, stream.lengthBound)
    }

    /// What the compact stream writes, appended to bytes already there (as a body's fields are).
    static func compact(_ write: (inout ADFCompactStream) -> Void) -> (text: String, bound: Int) {
        var stream = ADFCompactStream()
        stream.bytes = Array(#"{"description":"#.utf8)
        stream.start()
        write(&stream)
        stream.finish()
        let text = stream.bytes.utf8String
        #expect(text.hasPrefix(#"{"description":"#))
        return (String(text.dropFirst(#"{"description":"#.count)), stream.lengthBound)
    }

    /// Every kind of block the builder hands over, each holding `text`.
    static func blocks<Sink: TicketDocumentSink>(_ text: String, into sink: inout Sink) {
        sink.heading(level: 2, text)
        sink.paragraph(.text, TicketText(text))
        sink.beginParagraph()
        sink.run(.strong, TicketText(text, ":"))
        sink.run(.text, TicketText(" ", text, "\n", text))
        sink.run(.code, TicketText(text))
        sink.endParagraph()
        sink.beginBullets()
        sink.beginItem()
        sink.run(.text, TicketText(text))
        sink.endItem()
        sink.beginItem()
        sink.run(.strong, TicketText(text, text, text, text))
        sink.run(.text, TicketText(""))
        sink.endItem()
        sink.endBullets()
        sink.checklist([text, "", text + "\n"])
        sink.beginTable()
        sink.beginRow(header: true)
        sink.cell(text)
        sink.cell("")
        sink.endRow()
        sink.beginRow(header: false)
        sink.cell(text)
        sink.cell(text + text)
        sink.endRow()
        sink.endTable()
        sink.quote(text)
        sink.quote(text + "\n")
        sink.code(language: "yaml", title: TicketDocument.sourceTitle, utf8: Array(text.utf8))
    }

    static let hostile: [String] = [
        "", "plain", "say \"hi\"", "back\\slash", "tab\there", "a\nb", "\n", "\n\nlead", "trail\n\n", "a\r\nb",
        "bell\u{7}", "del\u{7F}", "esc\u{1B}[31m", "c1\u{85}", "c1\u{9B}x", "line\u{2028}sep", "para\u{2029}",
        "申込フォーム（第2弾）", "日本語\n二行目", "emoji 👍🏽 and 👩\u{200D}💻", "zero\u{200B}width", "bidi\u{202E}x",
        "bom\u{FEFF}", "\u{FFFE}\u{FFFF}", "soft\u{AD}hyphen", "tag\u{E0041}", "combining e\u{301}", "→ · ☐ —",
        "a\u{0B}b\u{0C}", "\"\\\"\\\t\n", String(repeating: "long text, ", count: 80),
        String(repeating: "\n", count: 700) + "after", String(repeating: "a\n", count: 900),
        String(repeating: "\"", count: 600), String(repeating: "日本\n", count: 300),
    ]

    @Test("each kind of block, with hostile text, gives the tree's bytes and the same length bound")
    func blocksOfHostileText() {
        for text in Self.hostile + WriterEquivalenceTests.texts(seed: 0xC0DE, count: 300) {
            let expected = Self.reference { Self.blocks(text, into: &$0) }
            let written = Self.compact { Self.blocks(text, into: &$0) }
            #expect(written.text == expected.text, "\(text.debugDescription)")
            #expect(written.bound == expected.bound)
        }
    }

    @Test("every run mark, alone in a paragraph, for every hostile piece")
    func runs() {
        for text in Self.hostile + WriterEquivalenceTests.pieces {
            for style in [TicketDocument.RunStyle.text, .strong, .code] {
                func write<Sink: TicketDocumentSink>(_ sink: inout Sink) {
                    sink.paragraph(style, TicketText(text))
                    // A line that runs across the pieces, and pieces that are only line breaks.
                    sink.paragraph(style, TicketText("x", text, "\n", text))
                    sink.paragraph(style, TicketText(text, "", text))
                }
                #expect(Self.compact { write(&$0) }.text == Self.reference { write(&$0) }.text, "\(text.debugDescription)")
            }
        }
    }

    @Test("nodes that get no content leave their content list out, as ADF requires")
    func emptyNodes() {
        func write<Sink: TicketDocumentSink>(_ sink: inout Sink) {
            sink.beginBullets()
            sink.endBullets()
            sink.paragraph(.text, TicketText("\n\u{1}\n"))
            sink.beginTable()
            sink.beginRow(header: false)
            sink.cell("")
            sink.endRow()
            sink.endTable()
            sink.heading(level: 3, "")
            sink.quote("\n")
            sink.code(language: "yaml", title: "", utf8: [])
            sink.code(language: "yaml", title: "", utf8: Array("\r\u{7}".utf8))
        }
        let written = Self.compact { write(&$0) }.text
        #expect(written == Self.reference { write(&$0) }.text)
        #expect(
            written == #"{"type":"doc","version":1,"content":[{"type":"bulletList"},{"type":"paragraph"},"#
                + #"{"type":"table","content":[{"type":"tableRow","content":[{"type":"tableCell","content":"#
                + #"[{"type":"paragraph"}]}]}]},{"type":"heading","attrs":{"level":3}},{"type":"blockquote","#
                + #""content":[{"type":"paragraph"}]},{"type":"codeBlock","attrs":{"language":"yaml"}},"#
                + #"{"type":"codeBlock","attrs":{"language":"yaml"}}]}"#)
        #expect(Self.compact { _ in }.text == #"{"type":"doc","version":1,"content":[]}"#)
    }

    @Test("the literal bytes are the renderer's recorded fragments")
    func literals() {
        func fragment(_ fragment: TreeBytes.Fragment) -> String {
            var tree = TreeBytes(.json(indent: nil))
            tree.append(fragment)
            return tree.text
        }
        typealias Bytes = ADFCompactStream.Bytes
        let pairs: [(StaticString, TreeBytes.Fragment)] = [
            (Bytes.doc, ADFRenderer.Fragments.doc), (Bytes.heading, ADFRenderer.Fragments.heading),
            (Bytes.codeBlock, ADFRenderer.Fragments.codeBlock), (Bytes.paragraph, ADFRenderer.Fragments.paragraph),
            (Bytes.bulletList, ADFRenderer.Fragments.bulletList), (Bytes.listItem, ADFRenderer.Fragments.listItem),
            (Bytes.table, ADFRenderer.Fragments.table), (Bytes.tableRow, ADFRenderer.Fragments.tableRow),
            (Bytes.tableHeader, ADFRenderer.Fragments.tableHeader), (Bytes.tableCell, ADFRenderer.Fragments.tableCell),
            (Bytes.blockquote, ADFRenderer.Fragments.blockquote), (Bytes.hardBreak, ADFRenderer.Fragments.hardBreak),
            (Bytes.textOpen, ADFRenderer.Fragments.textOpen),
        ]
        for (literal, recorded) in pairs { #expect(literal.description == fragment(recorded)) }
        #expect(Bytes.contentOpen.description == "," + fragment(ADFRenderer.Fragments.contentOpen))
        #expect(Bytes.strongClosing.description == "\"," + fragment(ADFRenderer.Fragments.strongMarks) + "}")
        #expect(Bytes.codeClosing.description == "\"," + fragment(ADFRenderer.Fragments.codeMarks) + "}")
        #expect(Bytes.plainClosing.description == "\"}")
    }

    @Test("whole generated descriptions give the tree's bytes and length bound")
    func drafts() throws {
        for options in DocumentStreamTests.optionSets {
            for draft in try DocumentStreamTests.drafts().prefix(200) {
                let item = ExportFixtures.item(draft)
                let builder = TicketDocumentBuilder(options: options)
                let expected = Self.reference { builder.write(item, into: &$0) }
                let written = Self.compact { builder.write(item, into: &$0) }
                #expect(written.text == expected.text)
                #expect(written.bound == expected.bound)
            }
        }
    }

    @Test("a member written by another writer takes the separator and counts as written")
    func treeMember() {
        var tree = TreeBytes(.json(indent: nil))
        tree.beginMap()
        tree.literalKey("a")
        func member(_ text: String) {
            var bytes: [UInt8] = []
            tree.lendBytes(to: &bytes)
            bytes.append(contentsOf: Array(text.utf8))
            tree.takeBackBytes(from: &bytes)
            #expect(bytes.isEmpty)
        }
        member("[1]")
        tree.literalKey("b")
        tree.beginList()
        member("2")
        member("3")
        tree.string("x")
        tree.endList()
        tree.endMap()
        #expect(tree.text == #"{"a":[1],"b":[2,3,"x"]}"#)
    }
}
