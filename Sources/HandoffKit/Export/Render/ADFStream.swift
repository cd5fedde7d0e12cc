/// `ADFRenderer.write` of the document `TicketDocumentBuilder` would build, written as the
/// builder hands over each block: the same nodes, without the tree. Blocks that come whole
/// (headings, checklists, quotes, code) go through the renderer's own `write`.
struct ADFStream: TicketDocumentSink {
    var tree: TreeBytes
    /// At least `TicketDocument.textLength` of the document, counted in UTF-8 (never less than
    /// UTF-16), so that only a description near Jira's limit needs the exact count.
    private(set) var lengthBound = 0
    private var scratch: [UInt8] = []
    /// The `content` lists open, each with where it may be taken back from: ADF refuses an
    /// empty one, and whether it stays empty is known only at its end.
    private var open: [(start: TreeBytes.Mark, opened: Int)] = []
    private var inHeader = false

    /// A stream with nothing to write into yet: `tree` is swapped for the writer's own (a copy
    /// would share its bytes, and the first write would copy them), then `start` opens the document.
    init() {
        tree = TreeBytes(.json(indent: nil), capacity: 0)
        open.reserveCapacity(4)
    }

    /// Opens the document where `tree` stands.
    mutating func start() { tree.append(ADFRenderer.Fragments.doc) }

    /// Closes the document.
    mutating func finish() {
        tree.endList()
        tree.endMap()
    }

    /// A node opened by `opening`, its `content` list open.
    private mutating func openNode(_ opening: TreeBytes.Fragment) {
        tree.append(opening)
        let start = tree.mark
        tree.append(ADFRenderer.Fragments.contentOpen)
        open.append((start, tree.bytes.count))
    }

    /// Closes the innermost node opened by `openNode`, leaving out its `content` when it got nothing.
    private mutating func closeNode() {
        let (start, opened) = open.removeLast()
        if tree.bytes.count == opened {
            tree.rollback(to: start)
        } else {
            tree.endList()
        }
        tree.endMap()
    }

    mutating func heading(level: Int, _ text: String) {
        lengthBound += text.utf8.count + 8
        ADFRenderer.write(.heading(level: level, text: text), into: &tree)
    }

    mutating func beginParagraph() {
        lengthBound += 2
        openNode(ADFRenderer.Fragments.paragraph)
    }

    mutating func endParagraph() { closeNode() }
    mutating func beginBullets() { openNode(ADFRenderer.Fragments.bulletList) }

    mutating func beginItem() {
        lengthBound += 3
        openNode(ADFRenderer.Fragments.listItem)
        openNode(ADFRenderer.Fragments.paragraph)
    }

    mutating func endItem() {
        closeNode()
        closeNode()
    }

    mutating func endBullets() { closeNode() }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: TicketText) {
        lengthBound += text.utf8Count
        let mark = ADFRenderer.TextMark(style)
        var scratch = self.scratch
        self.scratch = []
        text.withUTF8(scratch: &scratch) { ADFRenderer.writeText(utf8: $0, mark: mark, into: &tree) }
        self.scratch = scratch
    }

    mutating func checklist(_ items: [String]) {
        for item in items { lengthBound += item.utf8.count + 5 }
        ADFRenderer.write(.checklist(items), into: &tree)
    }

    mutating func beginTable() { openNode(ADFRenderer.Fragments.table) }

    mutating func beginRow(header: Bool) {
        inHeader = header
        lengthBound += 2
        openNode(ADFRenderer.Fragments.tableRow)
    }

    mutating func cell(_ text: String) {
        lengthBound += text.utf8.count + 2
        ADFRenderer.writeCell(text, header: inHeader, into: &tree)
    }

    mutating func endRow() { closeNode() }
    mutating func endTable() { closeNode() }

    mutating func quote(_ text: String) {
        lengthBound += text.utf8.count + 8
        ADFRenderer.write(.quote(text), into: &tree)
    }

    mutating func code(language: String, title: String, utf8 text: [UInt8]) {
        lengthBound += text.count + language.utf8.count + title.utf8.count + 30
        // The renderer's `.code`, from the bytes when there is nothing for `strip` to take out.
        let clean = text.withUnsafeBufferPointer { ADFRenderer.scan($0).clean }
        guard clean else { return ADFRenderer.write(.code(language: language, title: title, text: text.utf8String), into: &tree) }
        tree.append(ADFRenderer.Fragments.codeBlock)
        tree.string(language)
        tree.endMap()
        guard !text.isEmpty else { return tree.endMap() }
        tree.append(ADFRenderer.Fragments.contentOpen)
        text.withUnsafeBufferPointer { ADFRenderer.writeTextNode($0, mark: .none, into: &tree) }
        tree.endList()
        tree.endMap()
    }
}
