/// `ADFStream` for compact JSON, the form every REST v3 body takes but a lone draft's: the same
/// bytes, written straight into one `[UInt8]` (the body's own) with no tree bookkeeping per node.
/// A text is read once: the bytes that need nothing are copied a run at a time, a quote, backslash,
/// tab (or, in a code block, line feed) is escaped, and a line feed ends a text node. What only the
/// general path writes (text `ADFRenderer.strip` would change, an invisible character, which only
/// the whole line tells apart) is taken back and written by `JSONWriter` as `ADFStream` writes it.
struct ADFCompactStream: TicketDocumentSink {
    /// The bytes written: what came before the description, then the description as it is built.
    var bytes: [UInt8] = []
    /// `ADFStream.lengthBound`, counted alike.
    private(set) var lengthBound = 0
    private var state = State()
    private var inHeader = false

    /// Where the innermost open node stands. Its `content` list is opened by its first member, so
    /// that a node that gets none has none (ADF refuses an empty one) without taking bytes back.
    struct State {
        /// The innermost node is open and its `content` list not yet.
        var contentPending = false
        /// The innermost open list has a member: the next one follows a comma.
        var hasMember = false
    }

    /// Opens the document at the end of `bytes`.
    mutating func start() {
        write(room: Bytes.doc.utf8CodeUnitCount) { Self.copy(Bytes.doc, to: $0) }
        state = State()
    }

    /// Closes the document.
    mutating func finish() {
        write(room: 2) { out in
            out[0] = UInt8(ascii: "]")
            out[1] = UInt8(ascii: "}")
            return 2
        }
    }

    // MARK: The sink

    mutating func heading(level: Int, _ text: String) {
        lengthBound += text.utf8.count + 8
        var state = self.state
        // Sections are levels 2 and 3: a digit, written with the opening; a string only for what is not one.
        let digit: UInt8? = (0...9).contains(level) ? UInt8(ascii: "0") + UInt8(level) : nil
        write(room: 13 + Bytes.heading.utf8CodeUnitCount + 2) { out in
            var fill = Self.separate(out, &state)
            fill += Self.copy(Bytes.heading, to: out + fill)
            guard let digit else { return fill }
            out[fill] = digit
            out[fill + 1] = UInt8(ascii: "}")
            return fill + 2
        }
        if digit == nil {
            bytes.append(utf8: String(level))
            bytes.append(UInt8(ascii: "}"))
        }
        state.contentPending = true
        self.state = state
        run(.none, text)
        closeNode()
    }

    mutating func beginParagraph() {
        lengthBound += 2
        openNode(Bytes.paragraph)
    }

    mutating func endParagraph() { closeNode() }
    mutating func beginBullets() { openNode(Bytes.bulletList) }

    mutating func beginItem() {
        lengthBound += 3
        openNode(Bytes.listItem, Bytes.paragraph)
    }

    mutating func endItem() { closeTwoNodes() }

    mutating func endBullets() { closeNode() }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: TicketText) {
        lengthBound += text.utf8Count
        let mark = ADFRenderer.TextMark(style)
        run(mark, text)
    }

    mutating func run(_ style: TicketDocument.RunStyle, _ text: String) {
        lengthBound += text.utf8.count
        run(ADFRenderer.TextMark(style), text)
    }

    mutating func run(_ style: TicketDocument.RunStyle, afterSpace text: String) {
        lengthBound += 1 + text.utf8.count
        run(ADFRenderer.TextMark(style), afterSpace: text)
    }

    mutating func checklist(_ items: [String]) {
        for item in items { lengthBound += item.utf8.count + 5 }
        openNode(Bytes.bulletList)
        for item in items {
            openNode(Bytes.listItem, Bytes.paragraph)
            run(.none, TicketText("☐ ", item))
            closeTwoNodes()
        }
        closeNode()
    }

    mutating func beginTable() { openNode(Bytes.table) }

    mutating func beginRow(header: Bool) {
        inHeader = header
        lengthBound += 2
        openNode(Bytes.tableRow)
    }

    mutating func cell(_ text: String) {
        lengthBound += text.utf8.count + 2
        openNode(inHeader ? Bytes.tableHeader : Bytes.tableCell, Bytes.paragraph)
        run(.none, text)
        closeTwoNodes()
    }

    mutating func endRow() { closeNode() }
    mutating func endTable() { closeNode() }

    mutating func quote(_ text: String) {
        lengthBound += text.utf8.count + 8
        openNode(Bytes.blockquote, Bytes.paragraph)
        // The renderer drops the trailing line breaks (`Character.isNewline`); a text whose last
        // byte can end none of them (no line feed, CR, VT, FF, U+0085, U+2028, U+2029) keeps all.
        let last = text.utf8.last ?? 0
        if (last >= 0x0A && last <= 0x0D) || last == 0x85 || last == 0xA8 || last == 0xA9 {
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            run(.none, body)
        } else {
            run(.none, text)
        }
        closeTwoNodes()
    }

    mutating func code(language: String, title: String, utf8 text: [UInt8]) {
        openCode(language: language, title: title, utf8Count: text.count)
        let state = self.state
        let start = bytes.count
        let written = text.withUnsafeBufferPointer { writeRun(Pieces($0), mark: .none, splittingLines: false) }
        if !written {
            // What `strip` takes out, or an invisible character: as `ADFRenderer.write(.code)` has it.
            bytes.removeSubrange(start...)
            self.state = state
            let clean = ADFRenderer.strip(text.utf8String)
            if !clean.isEmpty { writeTextNodeInGeneral(clean, mark: .none) }
        }
        closeNode()
    }

    /// The code block of text the item holds JSON-escaped (the source block), from the escape:
    /// the one text node `writeRun` writes of the text, which escapes what JSON escapes in it (a
    /// quote, a backslash, a tab, a line feed) and gives up where the escape would differ (a
    /// control, a scalar to escape or that may be invisible), where a source block has none.
    mutating func code(language: String, title: String, escapedForJSON escaped: [UInt8], utf8Count: Int) -> Bool {
        guard !escaped.isEmpty else { return false }
        openCode(language: language, title: title, utf8Count: utf8Count)
        var state = self.state
        let closing = Bytes.closing(.none)
        write(room: 14 + Bytes.textOpen.utf8CodeUnitCount) { out in
            var fill = Self.separate(out, &state)
            fill += Self.copy(Bytes.textOpen, to: out + fill)
            out[fill] = 0x22
            return fill + 1
        }
        bytes.append(contentsOf: escaped)
        write(room: closing.utf8CodeUnitCount) { Self.copy(closing, to: $0) }
        self.state = state
        closeNode()
        return true
    }

    /// A code block's node up to its text, its `content` list pending.
    private mutating func openCode(language: String, title: String, utf8Count: Int) {
        lengthBound += utf8Count + language.utf8.count + title.utf8.count + 30
        var state = self.state
        write(room: 13) { Self.separate($0, &state) }
        bytes.append(bytes: Bytes.buffer(Bytes.codeBlock))
        JSONWriter.writeString(language, into: &bytes)
        bytes.append(UInt8(ascii: "}"))
        state.contentPending = true
        self.state = state
    }

    // MARK: Nodes

    /// A node opened by `opening` (`{"type":…`), its `content` list pending.
    private mutating func openNode(_ opening: StaticString) {
        var state = self.state
        write(room: 13 + opening.utf8CodeUnitCount) { out in
            let fill = Self.separate(out, &state)
            return fill + Self.copy(opening, to: out + fill)
        }
        state.contentPending = true
        self.state = state
    }

    /// `openNode(outer)` and `openNode(inner)` in one write: the inner node opens the outer's list.
    private mutating func openNode(_ outer: StaticString, _ inner: StaticString) {
        var state = self.state
        write(room: 13 + outer.utf8CodeUnitCount + Bytes.contentOpen.utf8CodeUnitCount + inner.utf8CodeUnitCount) { out in
            var fill = Self.separate(out, &state)
            fill += Self.copy(outer, to: out + fill)
            fill += Self.copy(Bytes.contentOpen, to: out + fill)
            return fill + Self.copy(inner, to: out + fill)
        }
        self.state = State(contentPending: true, hasMember: false)
    }

    /// `closeNode()` twice in one write.
    private mutating func closeTwoNodes() {
        let pending = state.contentPending
        write(room: 4) { out in
            var fill = 0
            if pending {
                out[0] = UInt8(ascii: "}")
                fill = 1
            } else {
                out[0] = UInt8(ascii: "]")
                out[1] = UInt8(ascii: "}")
                fill = 2
            }
            out[fill] = UInt8(ascii: "]")
            out[fill + 1] = UInt8(ascii: "}")
            return fill + 2
        }
        state = State(contentPending: false, hasMember: true)
    }

    /// Closes the innermost node, and its `content` list if a member opened it.
    private mutating func closeNode() {
        let pending = state.contentPending
        write(room: 2) { out in
            guard pending else {
                out[0] = UInt8(ascii: "]")
                out[1] = UInt8(ascii: "}")
                return 2
            }
            out[0] = UInt8(ascii: "}")
            return 1
        }
        // The node is a member of the list around it, which it opened if it was pending.
        state = State(contentPending: false, hasMember: true)
    }

    /// What goes before a member of the innermost node's list: the list's opening when it is the
    /// first, else a comma. At most 13 bytes.
    @inline(__always)
    private static func separate(_ out: UnsafeMutablePointer<UInt8>, _ state: inout State) -> Int {
        defer { state = State(contentPending: false, hasMember: true) }
        if state.contentPending { return copy(Bytes.contentOpen, to: out) }
        guard state.hasMember else { return 0 }
        out[0] = UInt8(ascii: ",")
        return 1
    }

    // MARK: Text

    /// A run of text being written: where its nodes stand, between the writes it takes.
    private struct Run {
        var state: State
        /// A text node's string is open.
        var inNode = false
        /// Line feeds since the last text node: their hard breaks are written only when a text
        /// node follows them in the same run, as `ADFRenderer.text` drops the trailing ones.
        var breaks = 0
    }

    /// `ADFRenderer.writeText(text.joined, mark:)`: the text nodes of the run, one a line, written
    /// from the pieces' own bytes (a line may run across them) rather than joined first.
    private mutating func run(_ mark: ADFRenderer.TextMark, _ text: TicketText) {
        if text.second.isEmpty && text.third.isEmpty && text.fourth.isEmpty { return run(mark, text.first) }
        let start = bytes.count
        let written = withUTF8InPlace(text.first) { first in
            withUTF8InPlace(text.second) { second in
                withUTF8InPlace(text.third) { third in
                    withUTF8InPlace(text.fourth) { fourth in
                        writeRun(Pieces(first, second, third, fourth), mark: mark, splittingLines: true)
                    }
                }
            }
        }
        if !written { rewriteInGeneral(from: start, text.joined, mark: mark) }
    }

    /// `run` of a text in one piece.
    private mutating func run(_ mark: ADFRenderer.TextMark, _ text: String) {
        let start = bytes.count
        let written = withUTF8InPlace(text) { writeRun(Pieces($0), mark: mark, splittingLines: true) }
        if !written { rewriteInGeneral(from: start, text, mark: mark) }
    }

    /// `run` of a space and `text`, read as one text.
    private mutating func run(_ mark: ADFRenderer.TextMark, afterSpace text: String) {
        if text.isEmpty { return run(mark, " ") }
        let start = bytes.count
        let written = withUTF8InPlace(text) { text in
            Self.space.withUTF8Buffer { space in writeRun(Pieces(space, text), mark: mark, splittingLines: true) }
        }
        if !written { rewriteInGeneral(from: start, " " + text, mark: mark) }
    }

    private static let space: StaticString = " "

    /// Takes back what a run wrote from `start` on and writes `text` as `ADFRenderer.writeText` does.
    private mutating func rewriteInGeneral(from start: Int, _ text: String, mark: ADFRenderer.TextMark) {
        bytes.removeSubrange(start...)
        var value = text
        let clean = value.withUTF8 { ADFRenderer.scan($0).clean }
        var body = clean ? value : ADFRenderer.strip(value)
        body.withUTF8 { writeLinesInGeneral($0, mark: mark) }
    }

    /// Up to four runs of bytes read as one text, one after another.
    private struct Pieces {
        let first: UnsafeBufferPointer<UInt8>
        let second: UnsafeBufferPointer<UInt8>
        let third: UnsafeBufferPointer<UInt8>
        let fourth: UnsafeBufferPointer<UInt8>
        static var empty: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

        init(
            _ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8> = empty,
            _ third: UnsafeBufferPointer<UInt8> = empty, _ fourth: UnsafeBufferPointer<UInt8> = empty
        ) {
            self.first = first
            self.second = second
            self.third = third
            self.fourth = fourth
        }

        /// How many pieces to read: up to the last that holds a byte.
        var pieceCount: Int {
            !fourth.isEmpty ? 4 : !third.isEmpty ? 3 : !second.isEmpty ? 2 : first.isEmpty ? 0 : 1
        }

        @inline(__always)
        subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            switch index {
            case 0: first
            case 1: second
            case 2: third
            default: fourth
            }
        }

        /// The bytes of the pieces after the one at `index`.
        @inline(__always)
        func count(after index: Int) -> Int {
            switch index {
            case 0: second.count + third.count + fourth.count
            case 1: third.count + fourth.count
            case 2: fourth.count
            default: 0
            }
        }
    }

    /// Writes the text nodes of `text` (with `splittingLines`, one a line with hard breaks between;
    /// else one node of the whole text, its line feeds escaped), or returns false, having written
    /// part of them, at what only the general path writes.
    private mutating func writeRun(_ text: Pieces, mark: ADFRenderer.TextMark, splittingLines: Bool) -> Bool {
        var run = Run(state: state)
        let closing = Bytes.closing(mark)
        let pieces = text.pieceCount
        var piece = 0
        var index = 0
        var ok = true
        // A write is one reservation of room: the rest of the text, escaped, and a node's worth
        // besides. A text dense with line feeds stops where the room runs short and goes on in
        // another.
        while ok {
            while piece < pieces && index == text[piece].count {
                piece += 1
                index = 0
            }
            guard piece < pieces || run.inNode else { break }
            let room = (piece < pieces ? text[piece].count - index + text.count(after: piece) : 0) * 2 + run.breaks * 24 + 128
            write(room: room) { out in
                var fill = 0
                while piece < pieces {
                    let later = text.count(after: piece)
                    ok = Self.escape(
                        text[piece], from: &index, later: later, splittingLines, into: out, room: room, fill: &fill, &run, closing)
                    // Given up, or out of room: the loop above goes on from here.
                    if !ok || index < text[piece].count { return fill }
                    piece += 1
                    index = 0
                }
                if run.inNode {
                    fill += Self.copy(closing, to: out + fill)
                    run.inNode = false
                }
                return fill
            }
        }
        if ok { state = run.state }
        return ok
    }

    /// The core of `writeRun`: one piece from `index` on, as far as `room` is sure to hold.
    @inline(__always)
    private static func escape(
        _ text: UnsafeBufferPointer<UInt8>, from index: inout Int, later: Int, _ splittingLines: Bool,
        into out: UnsafeMutablePointer<UInt8>, room: Int, fill: inout Int, _ run: inout Run, _ closing: StaticString
    ) -> Bool {
        guard let base = text.baseAddress else { return true }
        let count = text.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let leads = ScalarBytes.leadClasses
        var at = index
        var written = fill
        defer {
            index = at
            fill = written
        }
        while at < count {
            if !run.inNode {
                if splittingLines && base[at] == 0x0A {
                    run.breaks += 1
                    at += 1
                    continue
                }
                // Room for the held breaks, the node's opening and closing, and the rest escaped
                // (of this piece and the `later` ones).
                guard written + run.breaks * 24 + 96 + (count - at + later) * 2 <= room else { return true }
                for _ in 0..<run.breaks {
                    written += separate(out + written, &run.state)
                    written += copy(Bytes.hardBreak, to: out + written)
                }
                run.breaks = 0
                written += separate(out + written, &run.state)
                written += copy(Bytes.textOpen, to: out + written)
                out[written] = 0x22
                written += 1
                run.inNode = true
            }
            var runStart = at
            var lineEnded = false
            while at < count {
                if at + 16 <= count && !Bytes16.mayNeedLook(UnsafeRawPointer(base + at).loadUnaligned(as: SIMD16<UInt8>.self)) {
                    at += 16
                    continue
                }
                if at + 8 <= count {
                    let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
                    let flags = ScalarBytes.flaggedBytes(word, 0x22 &* ones, 0x5C &* ones, 0x5C &* ones)
                    if flags == 0 {
                        at += 8
                        continue
                    }
                    at += flags.trailingZeroBitCount >> 3
                }
                let byte = base[at]
                if byte >= 0x80 {
                    let leadClass = leads[Int(byte)]
                    if leadClass & ScalarBytes.decodeLead == 0 {
                        at += Int(leadClass)
                        continue
                    }
                    // One `strip` removes, or one that may be invisible: the general path's.
                    guard let length = plainScalarLength(text, at: at) else { return false }
                    at += length
                    continue
                }
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                    at += 1
                    continue
                }
                if byte == 0x0A && splittingLines {
                    lineEnded = true
                    break
                }
                let escaped: UInt8
                switch byte {
                case 0x22: escaped = 0x22
                case 0x5C: escaped = 0x5C
                case 0x09: escaped = UInt8(ascii: "t")
                case 0x0A: escaped = UInt8(ascii: "n")
                // Another control or DEL: `strip` takes it out, which the general path does.
                default: return false
                }
                ByteTables.copy(base + runStart, to: out + written, count: at - runStart)
                written += at - runStart
                out[written] = 0x5C
                out[written + 1] = escaped
                written += 2
                at += 1
                runStart = at
            }
            ByteTables.copy(base + runStart, to: out + written, count: at - runStart)
            written += at - runStart
            if lineEnded {
                written += copy(closing, to: out + written)
                run.inNode = false
                run.breaks = 1
                at += 1
            }
        }
        return true
    }

    /// The length of the scalar at `index` when it needs nothing (neither one `strip` removes nor
    /// one that may be invisible), else nil. Out of line: the property lookup it may make would
    /// cost its caller a frame of the standard library's resilient types at every call.
    @inline(never)
    private static func plainScalarLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let (scalar, length) = UnsafeScalar.decode(text, at: index)
        return UnsafeScalar.needsEscape(scalar) || ScalarBytes.isInvisible(scalar) ? nil : length
    }

    // MARK: The general path, as `ADFStream` writes it

    /// `ADFRenderer.writeLines` of clean text: its lines as text nodes, with hard breaks between.
    private mutating func writeLinesInGeneral(_ utf8: UnsafeBufferPointer<UInt8>, mark: ADFRenderer.TextMark) {
        var pendingBreaks = 0
        var lineStart = 0
        let count = utf8.count
        for index in 0...count where index == count || utf8[index] == 0x0A {
            if index > lineStart {
                for _ in 0..<pendingBreaks {
                    var state = self.state
                    write(room: 13 + Bytes.hardBreak.utf8CodeUnitCount) { out in
                        let fill = Self.separate(out, &state)
                        return fill + Self.copy(Bytes.hardBreak, to: out + fill)
                    }
                    self.state = state
                }
                pendingBreaks = 0
                writeTextNodeInGeneral(UnsafeBufferPointer(rebasing: utf8[lineStart..<index]), mark: mark)
            }
            if index < count { pendingBreaks += 1 }
            lineStart = index + 1
        }
    }

    private mutating func writeTextNodeInGeneral(_ text: String, mark: ADFRenderer.TextMark) {
        var text = text
        text.withUTF8 { writeTextNodeInGeneral($0, mark: mark) }
    }

    /// One text node, its string written by `JSONWriter` (which knows an invisible character).
    private mutating func writeTextNodeInGeneral(_ text: UnsafeBufferPointer<UInt8>, mark: ADFRenderer.TextMark) {
        var state = self.state
        write(room: 13) { Self.separate($0, &state) }
        self.state = state
        let closing = Bytes.closing(mark)
        // The closing without the quote it starts with, which `writeString` writes.
        let after = UnsafeBufferPointer(rebasing: Bytes.buffer(closing)[1...])
        JSONWriter.writeString(utf8: text, after: Bytes.buffer(Bytes.textOpen), before: after, into: &bytes)
    }

    // MARK: Bytes

    /// Calls `body` with room for `room` bytes after `bytes`; it returns how many it wrote there.
    @inline(__always)
    private mutating func write(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        bytes.append(addingCapacity: room) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                initialized = body(buffer.baseAddress!)
            }
        }
    }

    @inline(__always)
    private static func copy(_ literal: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
        ByteTables.copy(literal.utf8Start, to: out, count: literal.utf8CodeUnitCount)
        return literal.utf8CodeUnitCount
    }
}
