/// `WikiMarkupRenderer.renderBytes` of the document `TicketDocumentBuilder` would build, written
/// as the builder hands over each block: the same bytes, without the tree. Blocks that come whole
/// (headings, checklists, quotes, code) go through the renderer's own `write`.
///
/// The same text may be written escaped for where it goes, as it goes: as `JSONWriter` writes it
/// inside a string, or as `CSVExporter` writes it inside a quoted cell. A description bound for
/// JSON or CSV is walked once, not written and then escaped into the document.
struct WikiMarkupStream: TicketDocumentSink {
    /// How the wiki text is written.
    enum Encoding {
        case wiki
        /// Escaped for a JSON string, without the quotes.
        case json
        /// Quotes doubled, for a quoted CSV cell, without the quotes.
        case csv
    }

    private(set) var bytes: [UInt8] = []
    private let encoding: Encoding
    /// A scalar that may be invisible came (or, in CSV, one a cell drops): JSON and CSV write those
    /// only from the whole text, which this stream never holds, so what it wrote is not to be used.
    private(set) var gaveUp = false
    /// Where runs of several pieces are joined before they are escaped as one text.
    private var scratch: [UInt8] = []
    private var blocks = 0
    /// Items written in the open bullet list.
    private var items = 0
    /// Runs inside an item are one line; a paragraph's keep their line breaks.
    private var inItem = false
    private var inHeader = false

    init(capacity: Int = 8192) {
        encoding = .wiki
        bytes.reserveCapacity(capacity)
        scratch.reserveCapacity(256)
    }

    /// A stream that appends the text escaped as `encoding` says (without quotes) to `bytes`.
    init(_ encoding: Encoding, appendingTo bytes: consuming [UInt8]) {
        self.encoding = encoding
        self.bytes = bytes
        scratch.reserveCapacity(256)
    }

    /// The description, ending in a line break as `renderBytes` ends it.
    mutating func finish() -> [UInt8] {
        newline()
        return bytes
    }

    /// The buffer given to `init(_:appendingTo:)` with the description appended, and whether it
    /// is to be used (see `gaveUp`).
    consuming func finishEscaped() -> (bytes: [UInt8], complete: Bool) {
        newline()
        return (bytes, !gaveUp)
    }

    @inline(__always)
    private mutating func newline() {
        if encoding == .json {
            bytes.append(0x5C)
            bytes.append(UInt8(ascii: "n"))
        } else {
            bytes.append(0x0A)
        }
    }

    /// `WikiMarkupEscaper.escape` of `text`, escaped as `encoding` says.
    private mutating func escape(_ text: String, multiline: Bool) {
        if !Self.escape(text, multiline: multiline, as: encoding, into: &bytes) { gaveUp = true }
    }

    /// `escape` of `text` appended to `out`; false, having appended part of it, where a stream
    /// would give up.
    private static func escape(_ text: String, multiline: Bool, as encoding: Encoding, into out: inout [UInt8]) -> Bool {
        switch encoding {
        case .wiki:
            WikiMarkupEscaper.escape(text, multiline: multiline, into: &out)
            return true
        case .json: return WikiMarkupEscaper.escapeJSON(text, multiline: multiline, into: &out)
        case .csv: return WikiMarkupEscaper.escapeCSV(text, multiline: multiline, into: &out)
        }
    }

    /// What a stream in `encoding` writes of a text of one line (a `Label`'s) as a heading, a run
    /// or a cell (a cell's `" "` for empty text aside); nil where it would give up.
    static func escaped(_ text: String, as encoding: Encoding) -> [UInt8]? {
        var out: [UInt8] = []
        return escape(text, multiline: false, as: encoding, into: &out) ? out : nil
    }

    /// `escape` of the label's text, from the bytes the label keeps.
    private mutating func escape(_ label: Label, in language: Language) {
        let written = label.withEscaped(language, as: encoding) { escaped in
            guard let escaped else { return false }
            bytes.append(bytes: escaped)
            return true
        }
        if !written { escape(label(language), multiline: false) }
    }

    private mutating func escape(utf8 text: UnsafeBufferPointer<UInt8>, multiline: Bool) {
        let complete: Bool
        switch encoding {
        case .wiki:
            WikiMarkupEscaper.escape(utf8: text, multiline: multiline, into: &bytes)
            complete = true
        case .json: complete = WikiMarkupEscaper.escapeJSON(utf8: text, multiline: multiline, into: &bytes)
        case .csv: complete = WikiMarkupEscaper.escapeCSV(utf8: text, multiline: multiline, into: &bytes)
        }
        if !complete { gaveUp = true }
    }

    /// Text written as it is (escaped as `encoding` says).
    private mutating func verbatim(utf8 text: UnsafeBufferPointer<UInt8>) {
        let complete: Bool
        switch encoding {
        case .wiki:
            bytes.append(bytes: text)
            complete = true
        case .json: complete = JSONWriter.writeEscaped(utf8: text, into: &bytes)
        case .csv: complete = Self.writeCSVQuoted(text, into: &bytes)
        }
        if !complete { gaveUp = true }
    }

    /// `text` with its quotes doubled; false at a control but a line feed or tab, at a scalar
    /// that needs an escape or may be invisible (a cell drops or shows them, from the whole text).
    private static func writeCSVQuoted(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        let count = text.count
        var runStart = 0
        var index = 0
        let flagged = csvQuotedLook
        while index < count {
            if index + 8 <= count {
                // Eight bytes at a time while none is to be looked at: line breaks and tabs, and
                // the multi-byte scalars no cell drops or shows (Japanese), are not.
                let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if flagged.flags(of: word) == 0 {
                    index += 8
                    continue
                }
                index += flagged.unflaggedPrefix(of: word)
            }
            let byte = text[index]
            if byte >= 0x20 && byte < 0x7F && byte != 0x22 {
                index += 1
                continue
            }
            if byte == 0x22 {
                // The run and this quote, then the quote again.
                out.append(bytes: UnsafeBufferPointer(rebasing: text[runStart...index]))
                runStart = index
                index += 1
                continue
            }
            if byte < 0x80 {
                guard byte == 0x0A || byte == 0x09 else { return false }
                index += 1
                continue
            }
            if ByteTables.leadMayNeedEscape(byte) || ByteTables.leadMayBeInvisible(byte) {
                let (scalar, length) = UnsafeScalar.decode(text, at: index)
                if UnsafeScalar.needsEscape(scalar) || UnsafeScalar.isInvisible(scalar) { return false }
                index += length
            } else {
                // Japanese and the like: no scalar of these lead bytes is dropped or shown.
                index += 1
                while index < count, text[index] >= 0x80, !ByteTables.leadMayNeedEscape(text[index]),
                    !ByteTables.leadMayBeInvisible(text[index])
                {
                    index += 1
                }
            }
        }
        out.append(bytes: UnsafeBufferPointer(rebasing: text[runStart..<count]))
        return true
    }

    /// The bytes `writeCSVQuoted` looks at one by one: a quote, controls but a line feed or tab,
    /// DEL, and the lead bytes of scalars that may need an escape or be invisible.
    private static let csvQuotedLook = ByteFlagTable { byte in
        let control = (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
        return control || byte == 0x22 || ByteTables.leadMayNeedEscape(byte) || ByteTables.leadMayBeInvisible(byte) ? 1 : 0
    }

    private mutating func verbatim(_ text: String) {
        var text = text
        text.withUTF8 { verbatim(utf8: $0) }
    }

    /// The blank line between blocks.
    private mutating func beginBlock() {
        if blocks > 0 {
            newline()
            newline()
        }
        blocks += 1
    }

    mutating func heading(level: Int, _ text: String) {
        beginBlock()
        guard encoding != .wiki else { return WikiMarkupRenderer.write(.heading(level: level, text: text), into: &bytes) }
        bytes.append(UInt8(ascii: "h"))
        if (0...9).contains(level) { bytes.append(0x30 + UInt8(level)) } else { bytes.append(utf8: String(level)) }
        bytes.append(UInt8(ascii: "."))
        bytes.append(0x20)
        escape(text, multiline: false)
    }

    mutating func heading(level: Int, _ label: Label, in language: Language) {
        beginBlock()
        bytes.append(UInt8(ascii: "h"))
        if (0...9).contains(level) { bytes.append(0x30 + UInt8(level)) } else { bytes.append(utf8: String(level)) }
        bytes.append(UInt8(ascii: "."))
        bytes.append(0x20)
        escape(label, in: language)
    }

    mutating func beginParagraph() { beginBlock() }
    mutating func endParagraph() {}

    mutating func beginBullets() {
        beginBlock()
        items = 0
        inItem = true
    }

    mutating func beginItem() {
        if items > 0 { newline() }
        items += 1
        bytes.append(UInt8(ascii: "*"))
        bytes.append(0x20)
    }

    mutating func endItem() {}
    mutating func endBullets() { inItem = false }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: TicketText) {
        open(style)
        write(text, multiline: style == .text && !inItem)
        close(style)
    }

    /// `run(style, TicketText(text))`, as `write` writes a text in one piece.
    mutating func run(_ style: TicketDocument.RunStyle, _ text: String) {
        open(style)
        escape(text, multiline: style == .text && !inItem)
        close(style)
    }

    /// `run(style, TicketText(" ", text))`, as `write` writes a space and a text.
    mutating func run(_ style: TicketDocument.RunStyle, afterSpace text: String) {
        open(style)
        if text.isEmpty {
            escape(" ", multiline: style == .text && !inItem)
        } else {
            bytes.append(0x20)
            escape(text, multiline: style == .text && !inItem)
        }
        close(style)
    }

    /// What a run of `style` starts with.
    private mutating func open(_ style: TicketDocument.RunStyle) {
        switch style {
        case .text: break
        case .strong: bytes.append(UInt8(ascii: "*"))
        case .code:
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "{"))
        }
    }

    /// What a run of `style` ends with.
    private mutating func close(_ style: TicketDocument.RunStyle) {
        switch style {
        case .text: break
        case .strong: bytes.append(UInt8(ascii: "*"))
        case .code:
            bytes.append(UInt8(ascii: "}"))
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The label written as `write` writes its text, with a colon after it (a colon at the end
    /// changes nothing the escaper looks at before it).
    mutating func run(_ style: TicketDocument.RunStyle, _ label: Label, in language: Language, colon: Bool) {
        switch style {
        case .text: escape(label, in: language)
        case .strong:
            bytes.append(UInt8(ascii: "*"))
            escape(label, in: language)
        case .code:
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "{"))
            escape(label, in: language)
        }
        if colon { bytes.append(UInt8(ascii: ":")) }
        switch style {
        case .text: break
        case .strong: bytes.append(UInt8(ascii: "*"))
        case .code:
            bytes.append(UInt8(ascii: "}"))
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `text` joined, escaped: the escaper looks around each character, so the pieces are
    /// escaped as the one text they make.
    private mutating func write(_ text: TicketText, multiline: Bool) {
        if text.third.isEmpty && text.fourth.isEmpty {
            if text.second.isEmpty { return escape(text.first, multiline: multiline) }
            // The two joins most lines are, written without joining: the escaper treats a space
            // at the start as it treats the start (no word, no emoticon, a line's start kept), and
            // a colon at the end is written as it is and changes nothing it looks at before it.
            if text.first == " " {
                bytes.append(0x20)
                return escape(text.second, multiline: multiline)
            }
            if text.second == ":" {
                escape(text.first, multiline: multiline)
                return bytes.append(UInt8(ascii: ":"))
            }
        }
        var scratch = self.scratch
        self.scratch = []
        text.withUTF8(scratch: &scratch) { escape(utf8: $0, multiline: multiline) }
        self.scratch = scratch
    }

    mutating func checklist(_ items: [String]) {
        beginBlock()
        guard encoding != .wiki else { return WikiMarkupRenderer.write(.checklist(items), into: &bytes) }
        for (index, item) in items.enumerated() {
            if index > 0 { newline() }
            bytes.append(utf8: "* ☐ ")
            escape(item, multiline: false)
        }
    }

    mutating func beginTable() { beginBlock() }

    mutating func beginRow(header: Bool) {
        inHeader = header
        if header {
            bytes.append(UInt8(ascii: "|"))
            bytes.append(UInt8(ascii: "|"))
        } else {
            newline()
            bytes.append(UInt8(ascii: "|"))
        }
    }

    mutating func cell(_ text: String) {
        if encoding == .wiki {
            WikiMarkupRenderer.cell(text, into: &bytes)
        } else {
            escapedCell(text)
        }
        bytes.append(UInt8(ascii: "|"))
        if inHeader { bytes.append(UInt8(ascii: "|")) }
    }

    /// `cell` of the label's text: one line, so escaped as it is.
    mutating func cell(_ label: Label, in language: Language) {
        let start = bytes.count
        escape(label, in: language)
        if bytes.count == start { bytes.append(0x20) }
        bytes.append(UInt8(ascii: "|"))
        if inHeader { bytes.append(UInt8(ascii: "|")) }
    }

    mutating func endRow() {}
    mutating func endTable() {}

    /// `WikiMarkupRenderer.cell`, escaped as `encoding` says.
    private mutating func escapedCell(_ text: String) {
        let start = bytes.count
        if !WikiMarkupEscaper.holdsLineBreak(text) {
            escape(text, multiline: false)
        } else {
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                // Wiki's ` \\ `, its backslashes escaped in JSON.
                if index > 0 { bytes.append(utf8: encoding == .json ? #" \\\\ "# : #" \\ "#) }
                escape(String(line), multiline: false)
            }
        }
        if bytes.count == start { bytes.append(0x20) }
    }

    mutating func quote(_ text: String) {
        beginBlock()
        guard encoding != .wiki else { return WikiMarkupRenderer.write(.quote(text), into: &bytes) }
        var body = text
        while body.last?.isNewline == true { body.removeLast() }
        bytes.append(utf8: "{quote}")
        newline()
        escape(body, multiline: true)
        newline()
        bytes.append(utf8: "{quote}")
    }

    /// `WikiMarkupRenderer.write` of the `.code` block, from the text's bytes.
    mutating func code(language: String, title: String, utf8 text: [UInt8]) {
        beginBlock()
        guard encoding != .wiki else {
            return text.withUnsafeBufferPointer {
                WikiMarkupRenderer.writeCode(language: language, title: title, utf8: $0, into: &bytes)
            }
        }
        openCode(language: language, title: title)
        text.withUnsafeBufferPointer { verbatim(utf8: $0) }
        newline()
        bytes.append(utf8: "{code}")
    }

    /// For `.json`, the code block of text the item holds JSON-escaped (the source block): the
    /// escape copied in, where `verbatim` would escape the text again.
    mutating func code(language: String, title: String, escapedForJSON escaped: [UInt8], utf8Count: Int) -> Bool {
        guard encoding == .json else { return false }
        beginBlock()
        openCode(language: language, title: title)
        bytes.append(contentsOf: escaped)
        newline()
        bytes.append(utf8: "{code}")
        return true
    }

    /// The code block's first line, with its line break.
    private mutating func openCode(language: String, title: String) {
        bytes.append(utf8: "{code:title=")
        verbatim(title)
        bytes.append(utf8: "|language=")
        verbatim(language)
        bytes.append(UInt8(ascii: "}"))
        newline()
    }
}
