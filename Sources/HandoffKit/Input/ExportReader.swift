/// Reads drafts back out of what `handoff export` wrote, so IT can `check`, `review` and `diff`
/// what it received: every Jira format carries the source draft in a code block.
public enum ExportReader {
    /// What kind of export a parsed JSON document is, if it is one.
    public enum Kind: String, Sendable {
        /// Jira's JSON importer file (`projects[].issues[]`).
        case jiraImport = "jira-import"
        /// One REST create body, v2 or v3: a `fields` object.
        case rest = "jira-v2/v3"
        /// A bulk create body: `issueUpdates[]`.
        case bulk = "jira-v3-bulk"
    }

    /// The export format `root` was written in, told apart by its top-level keys; nil for a document that is
    /// no export (a draft, say).
    public static func kind(of root: DocNode) -> Kind? {
        guard case .mapping(let pairs) = root.kind else { return nil }
        let keys = Set(pairs.compactMap(\.key.scalarText))
        if keys.contains("projects") && keys.isSubset(of: ["projects", "links", "users"]) { return .jiraImport }
        if keys.contains("issueUpdates") { return .bulk }
        if keys.contains("fields") && !keys.contains("title") { return .rest }
        return nil
    }

    /// `kind(of:)` for a node of a table: the top-level keys compared as bytes, unless one is
    /// not ASCII (then `String` equality decides, through the tree).
    public static func kind(of root: TableNode) -> Kind? {
        guard root.isMapping else { return nil }
        var hasProjects = false
        var onlyImportKeys = true
        var hasIssueUpdates = false
        var hasFields = false
        var hasTitle = false
        for (key, _) in root.pairs {
            // A key that is no scalar names no key (as `DocNode.scalarText` has it).
            guard key.isScalar else { continue }
            let bytes = key.scalarBytes
            if bytes.contains(where: { $0 >= 0x80 }) { return kind(of: root.docNode) }
            // Lengths first: a draft's keys are seldom as long as any of these names, and a
            // generic element-wise comparison of each key with five names costs more than its parse.
            func named(_ name: StaticString) -> Bool {
                bytes.count == name.utf8CodeUnitCount
                    && NodeTable.sameBytes(bytes, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            }
            if named("projects") {
                hasProjects = true
            } else if !named("links") && !named("users") {
                onlyImportKeys = false
            }
            if named("issueUpdates") { hasIssueUpdates = true }
            if named("fields") { hasFields = true }
            if named("title") { hasTitle = true }
        }
        if hasProjects && onlyImportKeys { return .jiraImport }
        if hasIssueUpdates { return .bulk }
        if hasFields && !hasTitle { return .rest }
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
            if let wiki = description.scalarText { return sources(inWiki: wiki) }
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
            column < row.count ? sources(inWiki: row[column]) : []
        }
    }

    /// Every embedded source draft in `text`: code blocks (or lines after a wiki `{code…}` marker)
    /// whose content starts with `format: handoff/1`.
    public static func sources(inWiki text: String) -> [String] {
        var found: [String] = []
        var current: [Substring]?
        for line in Self.lines(text) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if current == nil {
                if trimmed.hasPrefix("{code") && trimmed.contains(TicketDocument.sourceTitle) { current = [] }
                continue
            }
            if trimmed.hasPrefix("{code}") {
                if let lines = current { found.append(lines.joined(separator: "\n") + "\n") }
                current = nil
                continue
            }
            current?.append(trimmed)
        }
        return found.filter { $0.hasPrefix("format: " + HandoffVersion.draftFormat) }
    }

    /// The lines of `text`, split at LF and CR LF (Swift reads "\r\n" as one Character, so
    /// splitting at "\n" alone would keep a file with Windows line endings in one piece).
    private static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// Embedded drafts in Markdown: fenced blocks whose info string names the source file.
    public static func sources(inMarkdown text: String) -> [String] {
        var found: [String] = []
        var fence: Substring?
        var lines: [Substring] = []
        for line in Self.lines(text) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if let open = fence {
                if trimmed == open {
                    found.append(lines.joined(separator: "\n") + "\n")
                    fence = nil
                } else {
                    lines.append(trimmed)
                }
                continue
            }
            let ticks = trimmed.prefix { $0 == "`" }
            if ticks.count >= 3, trimmed.contains(TicketDocument.sourceTitle) {
                fence = ticks
                lines = []
            }
        }
        return found.filter { $0.hasPrefix("format: " + HandoffVersion.draftFormat) }
    }

    /// The exports that are not YAML or JSON, told by their first line.
    public enum TextKind: String, Sendable {
        case csv, markdown
    }

    /// What a file's first line says it is when it is a CSV or Markdown export; nil for anything
    /// else (a draft, or a JSON export, which `kind(of:)` tells once the document is parsed). The
    /// one place that decides it: the reader, `review --ask` and `pull` all ask here.
    public static func textKind(firstLine line: Substring) -> TextKind? {
        if line.hasPrefix("Issue Id,") || line.hasPrefix("Summary,") { return .csv }
        if line.hasPrefix(SourceBlock.markdownMarker) { return .markdown }
        return nil
    }

    /// The drafts a CSV or Markdown export carries (YAML texts).
    public static func sources(in text: String, kind: TextKind) -> [String] {
        switch kind {
        case .csv: return sources(inCSV: text)
        case .markdown: return sources(inMarkdown: text)
        }
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
