/// What `TicketDocumentBuilder` hands its blocks to, one call at a time: a `TicketDocument` to
/// keep (`TicketDocument.Collector`), or a renderer that writes each block as it comes
/// (`WikiMarkupStream`, `ADFStream`), so that an export never builds the tree of strings, enums and
/// arrays only to walk it once and free it.
///
/// A paragraph is `beginParagraph`, its runs (`run`), `endParagraph`; a bullet list is
/// `beginBullets`, then per item `beginItem`, its runs, `endItem`, and `endBullets`; a table is
/// `beginTable`, then per row `beginRow` (the first one the header), its cells, `endRow`, and
/// `endTable`. Each call stands for the block or the `TicketDocument.Inline` the builder used to
/// make, so that a sink writes what its renderer writes of the document.
protocol TicketDocumentSink {
    mutating func heading(level: Int, _ text: String)
    mutating func beginParagraph()
    mutating func endParagraph()
    mutating func beginBullets()
    mutating func beginItem()
    mutating func endItem()
    mutating func endBullets()
    /// One run of text in the open paragraph or item: `TicketDocument.Inline` of `text` joined.
    mutating func run(_ style: TicketDocument.RunStyle, _ text: TicketText)
    /// `run(style, TicketText(text))`. The draft's texts come this way and the next, borrowed: a
    /// `TicketText` made of them would retain each and release it after, a few hundred times a draft.
    mutating func run(_ style: TicketDocument.RunStyle, _ text: String)
    /// `run(style, TicketText(" ", text))`: a labelled line's value.
    mutating func run(_ style: TicketDocument.RunStyle, afterSpace text: String)
    mutating func checklist(_ items: [String])
    mutating func beginTable()
    mutating func beginRow(header: Bool)
    mutating func cell(_ text: String)
    mutating func endRow()
    mutating func endTable()
    mutating func quote(_ text: String)
    /// Verbatim text given as its UTF-8 (the source draft's YAML, written as bytes).
    mutating func code(language: String, title: String, utf8 text: [UInt8])
    /// `code(language:title:utf8:)` of the text whose JSON escape (as `JSONWriter.writeEscaped`
    /// escapes it, complete) is `escaped` and whose UTF-8 is `utf8Count` bytes long, for a sink
    /// that would write the text JSON-escaped: it copies the escape in. False, having written
    /// nothing, for any other sink (the default): the caller then gives it the text.
    mutating func code(language: String, title: String, escapedForJSON escaped: [UInt8], utf8Count: Int) -> Bool
    /// `heading(level:_:)` of `label` in `language`. The labels are the same for every draft, so
    /// a stream may write bytes it escaped once; the others take the text (the default).
    mutating func heading(level: Int, _ label: Label, in language: Language)
    /// `run(style, TicketText(label(language), ":"))` with `colon`, else of the label alone.
    mutating func run(_ style: TicketDocument.RunStyle, _ label: Label, in language: Language, colon: Bool)
    /// `cell(label(language))`.
    mutating func cell(_ label: Label, in language: Language)
}

extension TicketDocument {
    /// Which `Inline` a run is.
    enum RunStyle {
        case text, strong, code
    }
}

/// A text given as up to four pieces (`label` and `":"`, `" "` and a value): joined only by the
/// sinks that keep it as one string, where the others write the pieces' bytes one after another.
struct TicketText {
    let first: String
    let second: String
    let third: String
    let fourth: String

    init(_ first: String, _ second: String = "", _ third: String = "", _ fourth: String = "") {
        self.first = first
        self.second = second
        self.third = third
        self.fourth = fourth
    }

    /// The text as one string.
    var joined: String {
        if second.isEmpty && third.isEmpty && fourth.isEmpty { return first }
        var out = ""
        out.reserveCapacity(utf8Count)
        out += first
        out += second
        out += third
        out += fourth
        return out
    }

    /// Its length in UTF-8, which is never less than its length in UTF-16.
    var utf8Count: Int { first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count }

    /// Calls `body` with the text's UTF-8: a piece's own bytes when it is in one piece, else the
    /// pieces copied one after another into `scratch`.
    func withUTF8<Result>(scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if second.isEmpty && third.isEmpty && fourth.isEmpty { return withUTF8InPlace(first, body) }
        scratch.removeAll(keepingCapacity: true)
        // Each piece's bytes in place: `append(utf8:)` copies the string into a var first.
        withUTF8InPlace(first) { scratch.append(bytes: $0) }
        withUTF8InPlace(second) { scratch.append(bytes: $0) }
        withUTF8InPlace(third) { scratch.append(bytes: $0) }
        withUTF8InPlace(fourth) { scratch.append(bytes: $0) }
        return scratch.withUnsafeBufferPointer(body)
    }
}

extension TicketDocumentSink {
    mutating func heading(level: Int, _ label: Label, in language: Language) { heading(level: level, label(language)) }

    mutating func code(language: String, title: String, escapedForJSON escaped: [UInt8], utf8Count: Int) -> Bool { false }

    mutating func run(_ style: TicketDocument.RunStyle, _ label: Label, in language: Language, colon: Bool) {
        run(style, TicketText(label(language), colon ? ":" : ""))
    }

    mutating func cell(_ label: Label, in language: Language) { cell(label(language)) }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: String) { run(style, TicketText(text)) }

    mutating func run(_ style: TicketDocument.RunStyle, afterSpace text: String) { run(style, TicketText(" ", text)) }

    /// A paragraph of one run of `text`.
    mutating func paragraph(_ style: TicketDocument.RunStyle, _ text: String) {
        beginParagraph()
        run(style, text)
        endParagraph()
    }

    /// A paragraph of one run.
    mutating func paragraph(_ style: TicketDocument.RunStyle, _ text: TicketText) {
        beginParagraph()
        run(style, text)
        endParagraph()
    }

    /// A paragraph of one run, the label.
    mutating func paragraph(_ style: TicketDocument.RunStyle, _ label: Label, in language: Language) {
        beginParagraph()
        run(style, label, in: language, colon: false)
        endParagraph()
    }

    /// A paragraph `label:` in bold, then `value` after a space.
    mutating func labelled(_ label: Label, in language: Language, afterSpace value: String) {
        beginParagraph()
        run(.strong, label, in: language, colon: true)
        run(.text, afterSpace: value)
        endParagraph()
    }

    /// A paragraph `label:` in bold, then `value`.
    mutating func labelled(_ label: Label, in language: Language, _ value: TicketText) {
        beginParagraph()
        run(.strong, label, in: language, colon: true)
        run(.text, value)
        endParagraph()
    }
}

extension TicketDocument {
    /// The sink that keeps what it is handed as a `TicketDocument`.
    struct Collector: TicketDocumentSink {
        private(set) var document = TicketDocument(blocks: [])
        private var inlines: [Inline] = []
        private var items: [[Inline]] = []
        private var header: [String] = []
        private var rows: [[String]] = []
        private var row: [String] = []
        private var inHeader = false

        mutating func heading(level: Int, _ text: String) { document.blocks.append(.heading(level: level, text: text)) }
        mutating func beginParagraph() { inlines = [] }
        mutating func endParagraph() { document.blocks.append(.paragraph(inlines)) }
        mutating func beginBullets() { items = [] }
        mutating func beginItem() { inlines = [] }
        mutating func endItem() { items.append(inlines) }
        mutating func endBullets() { document.blocks.append(.bullets(items)) }

        mutating func run(_ style: RunStyle, _ text: TicketText) {
            switch style {
            case .text: inlines.append(.text(text.joined))
            case .strong: inlines.append(.strong(text.joined))
            case .code: inlines.append(.code(text.joined))
            }
        }

        mutating func checklist(_ items: [String]) { document.blocks.append(.checklist(items)) }

        mutating func beginTable() {
            header = []
            rows = []
        }

        mutating func beginRow(header: Bool) {
            inHeader = header
            row = []
        }

        mutating func cell(_ text: String) { row.append(text) }

        mutating func endRow() {
            if inHeader { header = row } else { rows.append(row) }
        }

        mutating func endTable() { document.blocks.append(.table(header: header, rows: rows)) }
        mutating func quote(_ text: String) { document.blocks.append(.quote(text)) }

        mutating func code(language: String, title: String, utf8 text: [UInt8]) {
            document.blocks.append(.code(language: language, title: title, text: text.utf8String))
        }
    }
}
