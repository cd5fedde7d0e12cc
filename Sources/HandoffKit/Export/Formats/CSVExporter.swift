/// `csv`: Jira's CSV importer, one row a draft. Multi-value fields repeat their column (`Labels`,
/// `Component`), as the importer expects. Every cell is quoted where needed (RFC 4180), control
/// characters are removed (line breaks and tabs are text). With `--csv-guard spreadsheet`, a cell
/// that a spreadsheet would run as a formula is neutralised with a leading apostrophe; the default,
/// `jira`, leaves every cell as typed, because Jira's importer keeps the apostrophe in the field.
public struct CSVExporter: Exporter {
    /// The CSV exporter; it keeps no state, each writer starts a new file.
    public init() {}

    /// A writer that emits the header with the first row; its `add` throws for `--shape subtasks` and for a
    /// description over Jira's 32,767-character limit.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        let writer = Writer(options: options)
        return RenderedDraft(item) { item throws(ExportError) in .text(try writer.row(item)) }
    }

    /// Rows as drafts come. The columns follow from the configuration alone (labels, components,
    /// custom fields), so the header can be written before the first row.
    struct Writer: ExportWriter {
        let options: ExportOptions
        let labelColumns: Int
        let componentColumns: Int
        let customIDs: [String]
        var rows = 0

        init(options: ExportOptions) {
            self.options = options
            let jira = options.configuration.jira
            labelColumns = max(1, IssueFields.labels([IssueFields.requestLabel] + jira.labels).count)
            componentColumns = jira.components.count
            let ids = jira.fields
            customIDs = [
                ids.launch, ids.businessOwner, ids.requester, ids.team, ids.businessGoal, ids.kgi, ids.value, ids.legalReview,
            ].compactMap { $0 }
        }

        var header: String {
            var header = ["Issue Id", "Summary", "Issue Type", "Status", "Priority", "Due Date"]
            header += Array(repeating: "Labels", count: labelColumns)
            header += Array(repeating: "Component", count: componentColumns)
            header += customIDs.map { "Custom field (\($0))" }
            header.append("Description")
            return header.map { CSVExporter.cell($0, guard: options.csvGuard) }.joined(separator: ",") + "\r\n"
        }

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            let row = try draft.text()
            rows += 1
            if rows == 1 { out.append(utf8: header) }
            out.append(contentsOf: row)
        }

        /// The draft's row, its line end included; depends on no other row.
        func row(_ item: ExportItem) throws(ExportError) -> [UInt8] {
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.csv) }
            let fields = IssueFields(draft: item.draft, options: options)
            var row = [item.externalID, fields.summary, fields.issueType, fields.status, fields.priority]
            row.append(fields.dueDate?.description ?? "")
            row += (0..<labelColumns).map { $0 < fields.labels.count ? fields.labels[$0] : "" }
            row += (0..<componentColumns).map { $0 < fields.components.count ? fields.components[$0] : "" }
            row += customIDs.map { id in fields.customFields.first { $0.id == id }?.value ?? "" }
            var out: [UInt8] = []
            out.reserveCapacity(8192 + (item.sourceYAMLBytes?.count ?? 4096) * 9 / 8)
            for text in row {
                CSVExporter.appendCell(text, guard: options.csvGuard, into: &out)
                out.append(UInt8(ascii: ","))
            }
            let cellStart = out.count
            if !CSVExporter.appendDescriptionCell(item, options: options, into: &out) {
                // Rare: text a cell must drop or show characters of, or may be over the limit.
                out.removeSubrange(cellStart...)
                let description = try wikiDescriptionBytes(item, options: options)
                description.withUnsafeBufferPointer { utf8 in
                    CSVExporter.appendCell(utf8, of: { String(decoding: utf8, as: UTF8.self) }, guard: options.csvGuard, into: &out)
                }
            }
            out.append(utf8: "\r\n")
            return out
        }

        mutating func finish(into out: inout [UInt8]) { if rows == 0 { out.append(utf8: header) } }
    }

    /// One CSV cell: control characters removed, invisible ones shown as `[U+202E]` (line breaks and tabs kept: the embedded source
    /// draft must come back byte for byte), formulas neutralised for `.spreadsheet`, quoted
    /// when it holds a comma, a quote, a line break or edge spaces (or a trailing tab).
    public static func cell(_ raw: String, guard mode: ExportOptions.CSVGuard) -> String {
        var out: [UInt8] = []
        appendCell(raw, guard: mode, into: &out)
        return out.utf8String
    }

    /// `cell(raw)` appended to `out`.
    static func appendCell(_ raw: String, guard mode: ExportOptions.CSVGuard, into out: inout [UInt8]) {
        var bytes = raw
        bytes.withUTF8 { utf8 in appendCell(utf8, of: { raw }, guard: mode, into: &out) }
    }

    /// The cell of the text whose UTF-8 is `utf8`, appended to `out`; `text` makes the `String`,
    /// which only the spreadsheet guard and text with controls or invisible characters need.
    static func appendCell(
        _ utf8: UnsafeBufferPointer<UInt8>, of text: () -> String, guard mode: ExportOptions.CSVGuard, into out: inout [UInt8]
    ) {
        if !appendFastCell(utf8, of: text, guard: mode, into: &out) { out.append(utf8: characterwiseCell(text(), guard: mode)) }
    }

    /// Appends the cell of text that needs neither control characters removed nor invisible ones
    /// shown, written from its bytes; false (nothing appended) for other text, and where a
    /// combining mark after a quote, a comma or an edge space would make the character-wise
    /// reading differ from the bytes.
    private static func appendFastCell(
        _ utf8: UnsafeBufferPointer<UInt8>, of text: () -> String, guard mode: ExportOptions.CSVGuard, into out: inout [UInt8]
    ) -> Bool {
        let count = utf8.count
        var quotes = 0
        var needsQuotes = false
        var index = 0
        while index < count {
            let end = min(index + 8, count)
            if end - index == 8, !CellBytes.mayNeedLook(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index = end
                continue
            }
            // A word with something to look at: its bytes one by one (a scalar may run past it).
            while index < end {
                let byte = utf8[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x22, 0x2C:
                        if !standsAlone(utf8, index) { return false }
                        if byte == 0x22 { quotes += 1 }
                        needsQuotes = true
                    case 0x0A: needsQuotes = true
                    case 0x09: break
                    case ..<0x20, 0x7F: return false
                    default: break
                    }
                    index += 1
                    continue
                }
                if ByteTables.leadMayNeedEscape(byte) || ByteTables.leadMayBeInvisible(byte) {
                    let (scalar, length) = UnsafeScalar.decode(utf8, at: index)
                    if UnsafeScalar.needsEscape(scalar) || UnsafeScalar.isInvisible(scalar) { return false }
                    index += length
                } else {
                    index += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                }
            }
        }
        let guarded = mode == .spreadsheet && startsFormula(text())
        if count > 0 {
            if utf8[0] == 0x20 {
                if !standsAlone(utf8, 0) { return false }
                if !guarded { needsQuotes = true }
            }
            let last = utf8[count - 1]
            if last == 0x20 || last == 0x09 {
                if last == 0x20, !standsAlone(utf8, count - 1) { return false }
                needsQuotes = true
            }
        }
        if !needsQuotes {
            if guarded { out.append(UInt8(ascii: "'")) }
            out.append(bytes: utf8)
            return true
        }
        out.append(0x22)
        if guarded { out.append(UInt8(ascii: "'")) }
        var runStart = 0
        var position = 0
        for _ in 0..<quotes {
            position = CellBytes.quote(in: utf8, from: position)
            out.append(bytes: UnsafeBufferPointer(rebasing: utf8[runStart...position]))
            out.append(0x22)
            position += 1
            runStart = position
        }
        out.append(bytes: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        out.append(0x22)
        return true
    }

    /// The description's cell as `appendCell` writes it from `wikiDescriptionBytes`, written as
    /// the description is rendered: it ends in a line break, so it is always quoted, and its
    /// quotes are doubled as they come. False, having appended part of it, where that is not
    /// the same cell (a character the cell drops or shows, a quote or comma that a neighbouring
    /// scalar may take in, a leading space or formula sign) or it may be over Jira's limit.
    static func appendDescriptionCell(_ item: ExportItem, options: ExportOptions, into out: inout [UInt8]) -> Bool {
        out.append(0x22)
        let start = out.count
        let complete = appendWikiDescription(item, options: options, escapedAs: .csv, to: &out)
        // Quotes doubled, the text is no shorter than its UTF-16: within the limit when this is.
        guard complete, out.count - start <= ExportError.descriptionLimit else { return false }
        let first = out[start]
        if first == 0x20 { return false }
        let alphanumeric = (first >= 0x30 && first <= 0x39) || ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A)
        if options.csvGuard == .spreadsheet && !alphanumeric { return false }
        let standsAlone = out.withUnsafeBufferPointer { bytes in
            quotesAndCommasStandAlone(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        guard standsAlone else { return false }
        out.append(0x22)
        return true
    }

    /// `standsAlone` of every quote and comma of a cell's text, given with its quotes doubled.
    private static func quotesAndCommasStandAlone(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = cell.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let found = CellBytes.quotesAndCommas(UnsafeRawPointer(cell.baseAddress! + index).loadUnaligned(as: UInt64.self))
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount >> 3
            }
            let byte = cell[index]
            let nextToScalar = (index > 0 && cell[index - 1] >= 0x80) || (index + 2 < count && cell[index + 2] >= 0x80)
            if byte == 0x2C {
                if (nextToScalar || (index + 1 < count && cell[index + 1] >= 0x80)) && !standsAlone(cell, index) { return false }
            } else if byte == 0x22 {
                // The text's quote is the first of the pair: what is before it and after the second.
                if nextToScalar && (!takenInByNothing(cell, before: index) || !extendedByNothing(cell, after: index + 1)) {
                    return false
                }
                index += 1
            }
            index += 1
        }
        return true
    }

    /// Whether the ASCII byte at `index` is a character of its own: no mark or joiner after it
    /// extends it, no prepended character before it takes it in. Conservative: a scalar that
    /// might do either makes the answer false.
    private static func standsAlone(_ utf8: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        extendedByNothing(utf8, after: index) && takenInByNothing(utf8, before: index)
    }

    /// No mark or joiner after the ASCII byte at `index` extends it.
    private static func extendedByNothing(_ utf8: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        if index + 1 < utf8.count, utf8[index + 1] >= 0x80 {
            let next = UnsafeScalar.decode(utf8, at: index + 1).0
            let properties = next.properties
            if properties.isGraphemeExtend || properties.generalCategory == .spacingMark || properties.isEmojiModifier
                || next.value == 0x200D || next.value == 0x0E33 || next.value == 0x0EB3
            {
                return false
            }
        }
        return true
    }

    /// No prepended character before the ASCII byte at `index` takes it in.
    private static func takenInByNothing(_ utf8: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        if index > 0, utf8[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, utf8[start] & 0xC0 == 0x80 { start -= 1 }
            let value = UnsafeScalar.decode(utf8, at: start).0.value
            // Prepended characters (Arabic number signs, some Indic and Brahmi letters) lie
            // between U+0600 and U+11F02; punctuation and symbols (`…` before a comma), CJK and
            // full-width forms are none of them.
            let plainlyNotPrepend = value < 0x0600 || (0x2000...0x2FFF).contains(value) || (0x3000...0xD7FF).contains(value)
                || (0xFF00...0xFFEF).contains(value) || value > 0x11F02
            if !plainlyNotPrepend { return false }
        }
        return true
    }

    private static func characterwiseCell(_ raw: String, guard mode: ExportOptions.CSVGuard) -> String {
        var text = ""
        for scalar in raw.unicodeScalars
        where scalar == "\n" || scalar == "\t" || !UnsafeScalar.needsEscape(scalar) || UnsafeScalar.isInvisible(scalar) {
            text.unicodeScalars.append(scalar)
        }
        // The guard judges the text as a spreadsheet would read it, invisible characters and all.
        let guarded = mode == .spreadsheet && startsFormula(text)
        text = UnsafeScalar.showingInvisibles(text)
        if guarded { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline } || text.hasPrefix(" ")
            || text.hasSuffix(" ") || text.hasSuffix("\t")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a spreadsheet reads as the start of a formula: `= + - @` (also their full-width and
    /// small forms, which Japanese input produces and spreadsheets fold to ASCII), after any
    /// spaces and invisible characters (NBSP, zero-width space, direction marks), which
    /// spreadsheets skip or which hide the sign from a reviewer; and a leading tab or line break.
    static func startsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\n" { return true }
        for scalar in text.unicodeScalars {
            if formulaSigns.contains(scalar) { return true }
            let properties = scalar.properties
            guard properties.isWhitespace || properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
            else { return false }
        }
        return false
    }

    /// `= + - @`; full-width `＝ ＋ － ＠`; small `﹦ ﹢ ﹣ ﹫`.
    static let formulaSigns: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}",
    ]
}

/// Word-at-a-time scans of a cell's bytes: most of a description is text a cell copies as it is.
private enum CellBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }

    /// Whether any of the eight bytes in `word` is one the cell scan looks at: a control (line
    /// breaks and tabs too), DEL, `"`, `,`, or a byte of a multi-byte scalar. Exact for whether
    /// one exists.
    @inline(__always)
    static func mayNeedLook(_ word: UInt64) -> Bool {
        // Adding one sets bit 7 of a DEL; a carry out of a byte only comes from one with bit 7 set.
        let control = (word &- 0x20 &* ones) & ~word
        return ((word | control | (word &+ ones)) & high) | zeroBytes(word ^ (0x22 &* ones))
            | zeroBytes(word ^ (0x2C &* ones)) != 0
    }

    /// Bit 7 of the bytes of `word` that are `"` or `,`: exact for the lowest, and for whether
    /// there is one.
    @inline(__always)
    static func quotesAndCommas(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x2C &* ones))
    }

    /// The index of the first `"` at or after `start`; there must be one.
    @inline(__always)
    static func quote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count {
            let found = zeroBytes(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) ^ (0x22 &* ones))
            if found != 0 { break }
            index += 8
        }
        while bytes[index] != 0x22 { index += 1 }
        return index
    }
}
