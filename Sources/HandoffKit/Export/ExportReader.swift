/// Reads drafts back out of what `handoff export` wrote, so IT can `check`, `review` and `diff`
/// what it received: every Jira format carries the source draft in a code block.
public enum ExportReader {
    /// What kind of export a parsed JSON document is, if it is one.
    public enum Kind: String, Sendable {
        case jiraImport = "jira-import"
        case rest = "jira-v2/v3"
        case bulk = "jira-v3-bulk"
    }

    public static func kind(of root: DocNode) -> Kind? {
        guard case .mapping(let pairs) = root.kind else { return nil }
        let keys = Set(pairs.compactMap(\.key.scalarText))
        if keys.contains("projects") && keys.isSubset(of: ["projects", "links", "users"]) { return .jiraImport }
        if keys.contains("issueUpdates") { return .bulk }
        if keys.contains("fields") && !keys.contains("title") { return .rest }
        return nil
    }

    /// The embedded source drafts (YAML texts) of a JSON export.
    public static func sources(in root: DocNode, kind: Kind) -> [String] {
        var descriptions: [DocNode] = []
        switch kind {
        case .jiraImport:
            for project in root["projects"]?.items ?? [] {
                for issue in project["issues"]?.items ?? [] {
                    if let description = issue["description"] { descriptions.append(description) }
                }
            }
        case .rest:
            if let description = root["fields"]?["description"] { descriptions.append(description) }
        case .bulk:
            for update in root["issueUpdates"]?.items ?? [] {
                if let description = update["fields"]?["description"] { descriptions.append(description) }
            }
        }
        return descriptions.flatMap { description -> [String] in
            if let wiki = description.scalarText { return SourceBlock.extract(fromWiki: wiki) }
            return adfSources(description)
        }
    }

    /// Code blocks of an ADF document whose text is a source draft.
    static func adfSources(_ node: DocNode) -> [String] {
        if node["type"]?.scalarText == "codeBlock" {
            let text = (node["content"]?.items ?? []).compactMap { $0["text"]?.scalarText }.joined()
            return text.hasPrefix("format: " + HandoffVersion.draftFormat) ? [text + "\n"] : []
        }
        return (node["content"]?.items ?? []).flatMap(adfSources)
    }

    /// The embedded drafts of a CSV export: the Description column of every row.
    public static func sources(inCSV text: String) -> [String] {
        let rows = CSVParser.rows(text)
        guard let header = rows.first, let column = header.firstIndex(of: "Description") else { return [] }
        return rows.dropFirst().flatMap { row in
            column < row.count ? SourceBlock.extract(fromWiki: row[column]) : []
        }
    }

    /// True when the first line of a file looks like a CSV export's header.
    public static func looksLikeCSVHeader(_ line: Substring) -> Bool {
        line.hasPrefix("Issue Id,") || line.hasPrefix("Summary,")
    }

    /// The first line of every Markdown export: invisible when rendered, and unlike anything a
    /// YAML draft starts with (a `# heading` would be a YAML comment).
    public static let markdownMarker = "<!-- handoff markdown export"

    /// True when the first line of a file is the Markdown export marker.
    public static func looksLikeMarkdown(_ line: Substring) -> Bool {
        line.hasPrefix(markdownMarker)
    }
}

extension DocNode {
    subscript(key: String) -> DocNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    var items: [DocNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks.
enum CSVParser {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if quoted {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
