/// `csv`: Jira's CSV importer, one row a draft. Multi-value fields repeat their column (`Labels`,
/// `Component`), as the importer expects. Every cell is quoted where needed (RFC 4180), control
/// characters are removed (line breaks and tabs are text), and a cell that a spreadsheet would run
/// as a formula (`= + - @`, or a leading tab) is neutralised with a leading apostrophe.
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
            return header.map(CSVExporter.cell).joined(separator: ",") + "\r\n"
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
            return (rows == 1 ? header : "") + row.map(CSVExporter.cell).joined(separator: ",") + "\r\n"
        }

        mutating func finish() -> String { rows == 0 ? header : "" }
    }

    /// One CSV cell: control characters removed (line breaks and tabs kept: the embedded source
    /// draft must come back byte for byte), formulas neutralised, quoted
    /// when it holds a comma, a quote, a line break or edge spaces (or a trailing tab).
    public static func cell(_ raw: String) -> String {
        var text = ""
        for scalar in raw.unicodeScalars where scalar == "\n" || scalar == "\t" || !UnsafeScalar.needsEscape(scalar) {
            text.unicodeScalars.append(scalar)
        }
        if let first = text.first, "=+-@\t".contains(first) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline } || text.hasPrefix(" ")
            || text.hasSuffix(" ") || text.hasSuffix("\t")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
