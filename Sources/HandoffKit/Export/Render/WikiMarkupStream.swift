/// `WikiMarkupRenderer.renderBytes` of the document `TicketDocumentBuilder` would build, written
/// as the builder hands over each block: the same bytes, without the tree. Blocks that come whole
/// (headings, checklists, quotes, code) go through the renderer's own `write`.
struct WikiMarkupStream: TicketDocumentSink {
    private(set) var bytes: [UInt8] = []
    /// Where runs of several pieces are joined before they are escaped as one text.
    private var scratch: [UInt8] = []
    private var blocks = 0
    /// Items written in the open bullet list.
    private var items = 0
    /// Runs inside an item are one line; a paragraph's keep their line breaks.
    private var inItem = false
    private var inHeader = false

    init(capacity: Int = 8192) {
        bytes.reserveCapacity(capacity)
        scratch.reserveCapacity(256)
    }

    /// The description, ending in a line break as `renderBytes` ends it.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    /// The blank line between blocks.
    private mutating func beginBlock() {
        if blocks > 0 {
            bytes.append(0x0A)
            bytes.append(0x0A)
        }
        blocks += 1
    }

    mutating func heading(level: Int, _ text: String) {
        beginBlock()
        WikiMarkupRenderer.write(.heading(level: level, text: text), into: &bytes)
    }

    mutating func beginParagraph() { beginBlock() }
    mutating func endParagraph() {}

    mutating func beginBullets() {
        beginBlock()
        items = 0
        inItem = true
    }

    mutating func beginItem() {
        if items > 0 { bytes.append(0x0A) }
        items += 1
        bytes.append(UInt8(ascii: "*"))
        bytes.append(0x20)
    }

    mutating func endItem() {}
    mutating func endBullets() { inItem = false }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: TicketText) {
        switch style {
        case .text: write(text, multiline: !inItem)
        case .strong:
            bytes.append(UInt8(ascii: "*"))
            write(text, multiline: false)
            bytes.append(UInt8(ascii: "*"))
        case .code:
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "{"))
            write(text, multiline: false)
            bytes.append(UInt8(ascii: "}"))
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `text` joined, escaped: the escaper looks around each character, so the pieces are
    /// escaped as the one text they make.
    private mutating func write(_ text: TicketText, multiline: Bool) {
        if text.third.isEmpty && text.fourth.isEmpty {
            if text.second.isEmpty { return WikiMarkupEscaper.escape(text.first, multiline: multiline, into: &bytes) }
            // The two joins most lines are, written without joining: the escaper treats a space
            // at the start as it treats the start (no word, no emoticon, a line's start kept), and
            // a colon at the end is written as it is and changes nothing it looks at before it.
            if text.first == " " {
                bytes.append(0x20)
                return WikiMarkupEscaper.escape(text.second, multiline: multiline, into: &bytes)
            }
            if text.second == ":" {
                WikiMarkupEscaper.escape(text.first, multiline: multiline, into: &bytes)
                return bytes.append(UInt8(ascii: ":"))
            }
        }
        var scratch = self.scratch
        self.scratch = []
        text.withUTF8(scratch: &scratch) { WikiMarkupEscaper.escape(utf8: $0, multiline: multiline, into: &bytes) }
        self.scratch = scratch
    }

    mutating func checklist(_ items: [String]) {
        beginBlock()
        WikiMarkupRenderer.write(.checklist(items), into: &bytes)
    }

    mutating func beginTable() { beginBlock() }

    mutating func beginRow(header: Bool) {
        inHeader = header
        if header {
            bytes.append(UInt8(ascii: "|"))
            bytes.append(UInt8(ascii: "|"))
        } else {
            bytes.append(0x0A)
            bytes.append(UInt8(ascii: "|"))
        }
    }

    mutating func cell(_ text: String) {
        WikiMarkupRenderer.cell(text, into: &bytes)
        bytes.append(UInt8(ascii: "|"))
        if inHeader { bytes.append(UInt8(ascii: "|")) }
    }

    mutating func endRow() {}
    mutating func endTable() {}

    mutating func quote(_ text: String) {
        beginBlock()
        WikiMarkupRenderer.write(.quote(text), into: &bytes)
    }

    /// `WikiMarkupRenderer.write` of the `.code` block, from the text's bytes.
    mutating func code(language: String, title: String, utf8 text: [UInt8]) {
        beginBlock()
        text.withUnsafeBufferPointer { WikiMarkupRenderer.writeCode(language: language, title: title, utf8: $0, into: &bytes) }
    }
}
