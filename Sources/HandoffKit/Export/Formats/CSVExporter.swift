/// `csv`: Jira's CSV importer, one row a draft. Multi-value fields repeat their column (`Labels`,
/// `Component`), as the importer expects. Every cell is quoted where needed (RFC 4180), control
/// characters are removed (line breaks and tabs are text), and a cell that a spreadsheet would run
/// as a formula (`= + - @`, or a leading tab) is neutralised with a leading apostrophe.
public struct CSVExporter: Exporter {
    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        if options.shape == .subtasks { throw ExportError.shapeUnsupported(.csv) }
        let rows = try items.map { item throws(ExportError) in
            (item, IssueFields(draft: item.draft, options: options), try wikiDescription(item, options: options))
        }
        let labelColumns = max(1, rows.map(\.1.labels.count).max() ?? 1)
        let componentColumns = rows.map(\.1.components.count).max() ?? 0
        var customIDs: [String] = []
        for (_, fields, _) in rows {
            for field in fields.customFields where !customIDs.contains(field.id) { customIDs.append(field.id) }
        }
        var header = ["Issue Id", "Summary", "Issue Type", "Status", "Priority", "Due Date"]
        header += Array(repeating: "Labels", count: labelColumns)
        header += Array(repeating: "Component", count: componentColumns)
        header += customIDs.map { "Custom field (\($0))" }
        header.append("Description")
        var lines = [header.map(Self.cell).joined(separator: ",")]
        for (item, fields, description) in rows {
            var row = [item.externalID, fields.summary, fields.issueType, fields.status, fields.priority]
            row.append(fields.dueDate?.description ?? "")
            row += (0..<labelColumns).map { $0 < fields.labels.count ? fields.labels[$0] : "" }
            row += (0..<componentColumns).map { $0 < fields.components.count ? fields.components[$0] : "" }
            row += customIDs.map { id in fields.customFields.first { $0.id == id }?.value ?? "" }
            row.append(description)
            lines.append(row.map(Self.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
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
