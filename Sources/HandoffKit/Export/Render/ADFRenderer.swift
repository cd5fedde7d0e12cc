/// Renders a ticket description as Atlassian Document Format (REST v3): headings, paragraphs with
/// `strong` and `code` marks, bullet lists, tables with header cells, a blockquote and a code
/// block. ADF's rules are kept: no empty text nodes, line breaks as `hardBreak`, list items and
/// table cells holding paragraphs, `code` marks never combined with other marks.
public enum ADFRenderer {
    /// The description as an ADF `doc` node (version 1), to put under `fields.description`.
    public static func render(_ document: TicketDocument) -> Value {
        .object([
            ("type", .string("doc")),
            ("version", .int(1)),
            ("content", .list(document.blocks.map(block))),
        ])
    }

    static func block(_ block: TicketDocument.Block) -> Value {
        switch block {
        case .heading(let level, let text):
            return node("heading", attrs: [("level", .int(level))], content: Self.text(text, marks: []))
        case .paragraph(let inlines):
            return paragraph(inlines)
        case .bullets(let items):
            return node("bulletList", content: items.map { node("listItem", content: [paragraph($0)]) })
        case .checklist(let items):
            return node("bulletList", content: items.map { node("listItem", content: [paragraph([.text("☐ " + $0)])]) })
        case .table(let header, let rows):
            let head = node("tableRow", content: header.map { node("tableHeader", content: [paragraph([.text($0)])]) })
            let body = rows.map { row in node("tableRow", content: row.map { node("tableCell", content: [paragraph([.text($0)])]) }) }
            return node("table", content: [head] + body)
        case .quote(let text):
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            return node("blockquote", content: [paragraph([.text(body)])])
        case .code(let language, _, let source):
            let clean = strip(source)
            return node("codeBlock", attrs: [("language", .string(language))], content: clean.isEmpty ? [] : [
                .object([("type", .string("text")), ("text", .string(clean))])
            ])
        }
    }

    static func paragraph(_ inlines: [TicketDocument.Inline]) -> Value {
        var content: [Value] = []
        for part in inlines {
            switch part {
            case .text(let value): content += text(value, marks: [])
            case .strong(let value): content += text(value, marks: ["strong"])
            case .code(let value): content += text(value, marks: ["code"])
            }
        }
        return node("paragraph", content: content)
    }

    /// Text nodes for `value`: line breaks become `hardBreak` nodes, empty pieces are dropped
    /// (ADF refuses empty text), control characters are removed.
    static func text(_ value: String, marks: [String]) -> [Value] {
        var nodes: [Value] = []
        let markList: Value? = marks.isEmpty ? nil : .list(marks.map { .object([("type", .string($0))]) })
        // A line feed is a character of its own (only CR LF joins it, and CRs are stripped), so
        // the bytes split where the characters do.
        let lines = strip(value).utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { nodes.append(hardBreak) }
            guard !line.isEmpty else { continue }
            var entries: [Value.Entry] = [Value.Entry("type", .string("text")), Value.Entry("text", .string(String(Substring(line))))]
            if let markList { entries.append(Value.Entry("marks", markList)) }
            nodes.append(.map(entries))
        }
        // A hard break with nothing after it is noise.
        while case .map(let last)? = nodes.last, last.first?.value == .string("hardBreak") { nodes.removeLast() }
        return nodes
    }

    private static let hardBreak = Value.object([("type", .string("hardBreak"))])

    /// Removes control characters (keeping line breaks and tabs) and normalises CR LF.
    static func strip(_ value: String) -> String { stripNotingLineBreak(value).text }

    /// `strip(value)`, and whether it holds a line break, found in the same pass over the bytes.
    static func stripNotingLineBreak(_ value: String) -> (text: String, hasLineBreak: Bool) {
        var bytes = value
        let (clean, hasLineBreak) = bytes.withUTF8(scan)
        if clean { return (value, hasLineBreak) }
        var out = ""
        for scalar in value.unicodeScalars {
            if scalar == "\r" { continue }
            if scalar == "\n" || scalar == "\t" || !UnsafeScalar.needsEscape(scalar) { out.unicodeScalars.append(scalar) }
        }
        return (out, out.unicodeScalars.contains("\n"))
    }

    /// Whether the text whose UTF-8 is `utf8` is clean (nothing for `strip` to remove), and
    /// whether it holds a line feed; eight bytes at a time where they are plain ASCII.
    static func scan(_ utf8: UnsafeBufferPointer<UInt8>) -> (clean: Bool, hasLineBreak: Bool) {
        var hasLineBreak = false
        var index = 0
        let count = utf8.count
        let lookUp = TextBytes.lookUp
        while index < count {
            let end = min(index + 8, count)
            if end - index == 8 {
                let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)
                // Multi-byte text (Japanese) is looked up a word at a time too: its bytes are
                // flagged only where a scalar may be one `strip` removes.
                if word & 0x8080_8080_8080_8080 == 0 ? !TextBytes.mayNeedLook(word) : lookUp.flags(of: word) == 0 {
                    index = end
                    continue
                }
            }
            while index < end {
                let byte = utf8[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return (false, hasLineBreak) }
                    if byte == 0x0A { hasLineBreak = true }
                    index += 1
                } else if ByteTables.leadMayNeedEscape(byte) {
                    let (scalar, length) = UnsafeScalar.decode(utf8, at: index)
                    if UnsafeScalar.needsEscape(scalar) { return (false, hasLineBreak) }
                    index += length
                } else {
                    // A word skipped may end inside a scalar: its continuation bytes come one by one.
                    index += byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                }
            }
        }
        return (true, hasLineBreak)
    }

    private static func node(_ type: String, attrs: [(String, Value?)] = [], content: [Value]? = nil) -> Value {
        var entries: [(String, Value?)] = [("type", .string(type))]
        if !attrs.isEmpty { entries.append(("attrs", .object(attrs))) }
        if let content, !content.isEmpty { entries.append(("content", .list(content))) }
        return .object(entries)
    }
}

/// `render` written straight into JSON bytes, for the exports: the same document node for node,
/// without building the `Value` tree that was most of a REST v3 export's cost. The members every
/// node starts with go out as recorded fragments (`TreeBytes.Fragment`).
extension ADFRenderer {
    /// `render(document)` written into `tree`.
    static func write(_ document: TicketDocument, into tree: inout TreeBytes) {
        tree.append(Fragments.doc)
        for block in document.blocks { write(block, into: &tree) }
        tree.endList()
        tree.endMap()
    }

    static func write(_ block: TicketDocument.Block, into tree: inout TreeBytes) {
        switch block {
        case .heading(let level, let text):
            tree.append(Fragments.heading)
            tree.int(level)
            tree.endMap()
            content(&tree) { writeText(text, mark: .none, into: &$0) }
            tree.endMap()
        case .paragraph(let inlines):
            writeParagraph(inlines, into: &tree)
        case .bullets(let items):
            node(Fragments.bulletList, &tree) { tree in
                for item in items { node(Fragments.listItem, &tree) { writeParagraph(item, into: &$0) } }
            }
        case .checklist(let items):
            node(Fragments.bulletList, &tree) { tree in
                for item in items { node(Fragments.listItem, &tree) { writeParagraph(text: "☐ " + item, into: &$0) } }
            }
        case .table(let header, let rows):
            node(Fragments.table, &tree) { tree in
                node(Fragments.tableRow, &tree) { tree in
                    for cell in header { writeCell(cell, header: true, into: &tree) }
                }
                for row in rows {
                    node(Fragments.tableRow, &tree) { tree in
                        for cell in row { writeCell(cell, header: false, into: &tree) }
                    }
                }
            }
        case .quote(let text):
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            node(Fragments.blockquote, &tree) { writeParagraph(text: body, into: &$0) }
        case .code(let language, _, let source):
            let clean = strip(source)
            tree.append(Fragments.codeBlock)
            tree.string(language)
            tree.endMap()
            content(&tree) { tree in
                guard !clean.isEmpty else { return }
                tree.append(Fragments.textOpen)
                tree.string(clean)
                tree.endMap()
            }
            tree.endMap()
        }
    }

    private static func writeParagraph(_ inlines: [TicketDocument.Inline], into tree: inout TreeBytes) {
        node(Fragments.paragraph, &tree) { tree in
            for part in inlines {
                switch part {
                case .text(let value): writeText(value, mark: .none, into: &tree)
                case .strong(let value): writeText(value, mark: .strong, into: &tree)
                case .code(let value): writeText(value, mark: .code, into: &tree)
                }
            }
        }
    }

    /// `writeParagraph([.text(text)])`, without the array.
    static func writeParagraph(text: String, into tree: inout TreeBytes) {
        node(Fragments.paragraph, &tree) { writeText(text, mark: .none, into: &$0) }
    }

    /// A table cell holding a paragraph of `text`. A cell of one clean line, most of them, is
    /// opened down to its text's value by one recorded fragment, where the nodes one by one
    /// cost five fragments and two looks back at whether their content stayed empty.
    static func writeCell(_ text: String, header: Bool, into tree: inout TreeBytes) {
        var text = text
        let written = text.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return false }
            let (clean, hasLineBreak) = scan(utf8)
            guard clean, !hasLineBreak else { return false }
            let opening = header ? Fragments.tableHeaderText : Fragments.tableCellText
            guard !tree.isCompactJSON else {
                tree.node(opening, string: utf8, closing: Fragments.cellTextClosing)
                return true
            }
            tree.append(opening)
            tree.string(utf8: utf8)
            tree.endMap()
            tree.endList()
            tree.endMap()
            tree.endList()
            tree.endMap()
            return true
        }
        guard !written else { return }
        node(header ? Fragments.tableHeader : Fragments.tableCell, &tree) { writeParagraph(text: text, into: &$0) }
    }

    /// The mark a run of text carries, if any.
    enum TextMark {
        case none, strong, code

        /// The mark a run of `style` carries.
        init(_ style: TicketDocument.RunStyle) {
            switch style {
            case .text: self = .none
            case .strong: self = .strong
            case .code: self = .code
            }
        }

        var names: [String] {
            switch self {
            case .none: []
            case .strong: ["strong"]
            case .code: ["code"]
            }
        }
    }

    /// `text(value, marks: mark.names)` written: a hard break is held until a text node follows
    /// it in the same value, which drops the trailing ones as `text` does.
    static func writeText(_ value: String, mark: TextMark, into tree: inout TreeBytes) {
        var text = value
        // Most texts have nothing to strip: written from their own bytes, scanned once.
        let written = text.withUTF8 { utf8 in
            let (clean, hasLineBreak) = scan(utf8)
            if clean { writeLines(utf8, hasLineBreak: hasLineBreak, mark: mark, into: &tree) }
            return clean
        }
        guard !written else { return }
        var stripped = strip(value)
        stripped.withUTF8 { writeLines($0, hasLineBreak: true, mark: mark, into: &tree) }
    }

    /// `writeText` of the text whose UTF-8 is `utf8`.
    static func writeText(utf8: UnsafeBufferPointer<UInt8>, mark: TextMark, into tree: inout TreeBytes) {
        let (clean, hasLineBreak) = scan(utf8)
        guard clean else { return writeText(String(decoding: utf8, as: UTF8.self), mark: mark, into: &tree) }
        writeLines(utf8, hasLineBreak: hasLineBreak, mark: mark, into: &tree)
    }

    /// The text nodes of clean text; `hasLineBreak` false says it is one line, which needs no split.
    private static func writeLines(
        _ utf8: UnsafeBufferPointer<UInt8>, hasLineBreak: Bool, mark: TextMark, into tree: inout TreeBytes
    ) {
        guard hasLineBreak else {
            guard !utf8.isEmpty else { return }
            return writeTextNode(utf8, mark: mark, into: &tree)
        }
        var pendingBreaks = 0
        var lineStart = 0
        let count = utf8.count
        for index in 0...count where index == count || utf8[index] == 0x0A {
            if index > lineStart {
                for _ in 0..<pendingBreaks { tree.append(Fragments.hardBreak) }
                pendingBreaks = 0
                writeTextNode(UnsafeBufferPointer(rebasing: utf8[lineStart..<index]), mark: mark, into: &tree)
            }
            if index < count { pendingBreaks += 1 }
            lineStart = index + 1
        }
    }

    /// One text node of `text`, its marks and closing brace.
    static func writeTextNode(_ text: UnsafeBufferPointer<UInt8>, mark: TextMark, into tree: inout TreeBytes) {
        guard !tree.isCompactJSON else {
            let closing =
                switch mark {
                case .none: Fragments.textClosing
                case .strong: Fragments.strongTextClosing
                case .code: Fragments.codeTextClosing
                }
            return tree.node(Fragments.textOpen, string: text, closing: closing)
        }
        tree.append(Fragments.textOpen)
        tree.string(utf8: text)
        writeMark(mark, into: &tree)
    }

    /// The end of a text node: its marks and closing brace.
    private static func writeMark(_ mark: TextMark, into tree: inout TreeBytes) {
        switch mark {
        case .none: break
        case .strong: tree.append(Fragments.strongMarks)
        case .code: tree.append(Fragments.codeMarks)
        }
        tree.endMap()
    }

    /// A node opened by `opening` (its map and type); the `content` key only when `content`
    /// writes a member (ADF refuses empty content).
    private static func node(_ opening: TreeBytes.Fragment, _ tree: inout TreeBytes, content: (inout TreeBytes) -> Void) {
        tree.append(opening)
        Self.content(&tree, content)
        tree.endMap()
    }

    /// The `content` member of the open node, taken back when `write` writes nothing.
    private static func content(_ tree: inout TreeBytes, _ write: (inout TreeBytes) -> Void) {
        let start = tree.mark
        tree.append(Fragments.contentOpen)
        let opened = tree.bytes.count
        write(&tree)
        if tree.bytes.count == opened {
            tree.rollback(to: start)
        } else {
            tree.endList()
        }
    }

    /// The members nodes start with, recorded once.
    enum Fragments {
        static func opening(_ type: StaticString) -> TreeBytes.Fragment {
            TreeBytes.Fragment { tree in
                tree.beginMap()
                tree.literalKey("type")
                tree.literalString(type)
            }
        }
        static func marks(_ type: StaticString) -> TreeBytes.Fragment {
            TreeBytes.Fragment { tree in
                tree.literalKey("marks")
                tree.beginList()
                tree.beginMap()
                tree.literalKey("type")
                tree.literalString(type)
                tree.endMap()
                tree.endList()
            }
        }
        /// A node with attributes, up to the opening of its `attrs` map and the key inside it.
        static func withAttribute(_ type: StaticString, _ key: StaticString) -> TreeBytes.Fragment {
            TreeBytes.Fragment { tree in
                tree.beginMap()
                tree.literalKey("type")
                tree.literalString(type)
                tree.literalKey("attrs")
                tree.beginMap()
                tree.literalKey(key)
            }
        }

        static let doc = TreeBytes.Fragment { tree in
            tree.beginMap()
            tree.literalKey("type")
            tree.literalString("doc")
            tree.literalKey("version")
            tree.number("1")
            tree.literalKey("content")
            tree.beginList()
        }
        static let contentOpen = TreeBytes.Fragment { tree in
            tree.literalKey("content")
            tree.beginList()
        }
        static let textOpen = TreeBytes.Fragment { tree in
            tree.beginMap()
            tree.literalKey("type")
            tree.literalString("text")
            tree.literalKey("text")
        }
        static let hardBreak = TreeBytes.Fragment { tree in
            tree.beginMap()
            tree.literalKey("type")
            tree.literalString("hardBreak")
            tree.endMap()
        }
        static let strongMarks = marks("strong")
        static let codeMarks = marks("code")
        /// What follows a text node's text: its marks and closing brace, as `writeMark` writes them.
        /// Never written to after they are made.
        nonisolated(unsafe) static let textClosing = TreeBytes.recordedClosing(depth: 1) { writeMark(.none, into: &$0) }
        nonisolated(unsafe) static let strongTextClosing = TreeBytes.recordedClosing(depth: 1) { writeMark(.strong, into: &$0) }
        nonisolated(unsafe) static let codeTextClosing = TreeBytes.recordedClosing(depth: 1) { writeMark(.code, into: &$0) }
        /// What closes a `cellText` after its text: the text node, the paragraph, the cell.
        nonisolated(unsafe) static let cellTextClosing = TreeBytes.recordedClosing(depth: 5) { tree in
            tree.endMap()
            tree.endList()
            tree.endMap()
            tree.endList()
            tree.endMap()
        }
        static let heading = withAttribute("heading", "level")
        static let codeBlock = withAttribute("codeBlock", "language")
        static let paragraph = opening("paragraph")
        static let bulletList = opening("bulletList")
        static let listItem = opening("listItem")
        static let table = opening("table")
        static let tableRow = opening("tableRow")
        static let tableHeader = opening("tableHeader")
        static let tableCell = opening("tableCell")
        /// A cell, its paragraph and its text node, open down to the text's value.
        static func cellText(_ type: StaticString) -> TreeBytes.Fragment {
            TreeBytes.Fragment { tree in
                for type in [type, "paragraph"] as [StaticString] {
                    tree.beginMap()
                    tree.literalKey("type")
                    tree.literalString(type)
                    tree.literalKey("content")
                    tree.beginList()
                }
                tree.beginMap()
                tree.literalKey("type")
                tree.literalString("text")
                tree.literalKey("text")
            }
        }
        static let tableHeaderText = cellText("tableHeader")
        static let tableCellText = cellText("tableCell")
        static let blockquote = opening("blockquote")
    }
}

/// Word-at-a-time look at text bytes: most text holds nothing for `strip` to remove.
private enum TextBytes {
    /// The bytes `scan` looks at: controls (line feeds and tabs too), DEL, and the lead bytes of
    /// the scalars `UnsafeScalar.needsEscape` may be true for.
    static let lookUp = ByteFlagTable { byte in byte < 0x20 || byte == 0x7F || ByteTables.leadMayNeedEscape(byte) ? 1 : 0 }

    /// Whether any of the eight bytes in `word` is a control (line feeds and tabs too), DEL or a
    /// byte of a multi-byte scalar. Exact for whether one exists.
    @inline(__always)
    static func mayNeedLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Adding one sets bit 7 of a DEL; a carry out of a byte only comes from one with bit 7 set.
        let control = (word &- 0x20 &* ones) & ~word
        return (word | control | (word &+ ones)) & high != 0
    }
}
