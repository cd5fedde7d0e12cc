/// `csv`: Jira's CSV importer, one row a draft. Multi-value fields repeat their column (`Labels`,
/// `Component`), as the importer expects. Every cell is quoted where needed (RFC 4180), control
/// characters are removed (line breaks and tabs are text). With `--csv-guard spreadsheet`, a cell
/// that a spreadsheet would run as a formula is neutralised with a leading apostrophe; the default,
/// `jira`, leaves every cell as typed, because Jira's importer keeps the apostrophe in the field.
public struct CSVExporter: Exporter {
    public init() {}

    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

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

        mutating func add(_ item: ExportItem) throws(ExportError) -> String {
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.csv) }
            let fields = IssueFields(draft: item.draft, options: options)
            let description = try wikiDescription(item, options: options)
            var row = [item.externalID, fields.summary, fields.issueType, fields.status, fields.priority]
            row.append(fields.dueDate?.description ?? "")
            row += (0..<labelColumns).map { $0 < fields.labels.count ? fields.labels[$0] : "" }
            row += (0..<componentColumns).map { $0 < fields.components.count ? fields.components[$0] : "" }
            row += customIDs.map { id in fields.customFields.first { $0.id == id }?.value ?? "" }
            row.append(description)
            rows += 1
            return (rows == 1 ? header : "") + row.map { CSVExporter.cell($0, guard: options.csvGuard) }.joined(separator: ",") + "\r\n"
        }

        mutating func finish() -> String { rows == 0 ? header : "" }
    }

    /// One CSV cell: control characters removed, invisible ones shown as `[U+202E]` (line breaks and tabs kept: the embedded source
    /// draft must come back byte for byte), formulas neutralised for `.spreadsheet`, quoted
    /// when it holds a comma, a quote, a line break or edge spaces (or a trailing tab).
    public static func cell(_ raw: String, guard mode: ExportOptions.CSVGuard) -> String {
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
