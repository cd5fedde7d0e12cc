/// The stored drafts at a glance (`handoff drafts`), and why export refused a draft.
extension ReviewRenderer {
    /// One row of `handoff drafts`: a stored draft and, when it could be read, its verdict.
    public struct DraftRow: Sendable {
        /// The stored draft as the store lists it.
        public var entry: DraftStore.Entry
        /// Its readiness; nil when the draft could not be read (`entry.problem` says why).
        public var report: ReadinessReport?

        /// A row as given; `rows(_:context:)` builds them for a store listing.
        public init(entry: DraftStore.Entry, report: ReadinessReport?) {
            self.entry = entry
            self.report = report
        }
    }

    /// Checks every readable entry in `context`.
    public static func rows(_ entries: [DraftStore.Entry], context: RuleContext) -> [DraftRow] {
        entries.map { entry in DraftRow(entry: entry, report: entry.draft.map { Readiness.check($0, in: context) }) }
    }

    /// The table for people: ID, TITLE, UPDATED (UTC, to the minute), READINESS. A draft without a
    /// title shows the first line of its idea: a multi-line answer never breaks the table.
    public func draftsTable(_ rows: [DraftRow]) -> String {
        var cells: [[String]] = [["ID", "TITLE", "UPDATED", "READINESS"]]
        // The Jira column appears once a draft has been pushed.
        let showsJira = rows.contains { $0.entry.draft?.jira.key != nil }
        if showsJira { cells[0].append("JIRA") }
        for row in rows {
            let entry = row.entry
            let updated = String(
                entry.updated.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(
                    16))
            guard let draft = entry.draft, let report = row.report else {
                cells.append([entry.id, "(unreadable: fix the file before resuming)", updated, "-"] + (showsJira ? [""] : []))
                continue
            }
            let blockers = report.count(.blocker)
            let verdict = report.isReady ? "✔ ready" : "✖ \(blockers) blocker\(blockers == 1 ? "" : "s")"
            let named = draft.title ?? draft.idea?.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let title = TerminalText.sanitize(named, multiline: false)
            cells.append([
                entry.id, title.count > 48 ? String(title.prefix(47)) + "…" : title, updated,
                "\(verdict) · \(report.score)",
            ] + (showsJira ? [Self.jiraCell(draft.jira)] : []))
        }
        let widths = cells[0].indices.map { column in cells.map { TerminalText.width($0[column]) }.max() ?? 0 }
        var out = ""
        for (index, row) in cells.enumerated() {
            let line = row.enumerated().map { column, cell in
                column == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - TerminalText.width(cell))
            }.joined(separator: "  ")
            out += (index == 0 ? styler(line, .bold) : line) + "\n"
        }
        return out
    }

    /// The JIRA cell: the issue key and the status the last pull saw.
    static func jiraCell(_ link: JiraLink) -> String {
        guard let key = link.key else { return "" }
        return TerminalText.sanitize(key + (link.status.map { " · " + $0 } ?? ""), multiline: false)
    }

    /// One JSON object for a row, as one line: id, updated, revisions, and title, ready, score and
    /// blockers, or the error that keeps the draft from being read.
    public func json(_ row: DraftRow) -> String {
        let entry = row.entry
        var fields: [(String, Value?)] = [
            ("id", .string(entry.id)), ("updated", .string(entry.updated)), ("revisions", .int(entry.revisions)),
        ]
        if let draft = entry.draft, let report = row.report {
            fields += [
                ("title", draft.title.map(Value.string) ?? .null), ("ready", .bool(report.isReady)),
                ("score", .int(report.score)), ("blockers", .int(report.count(.blocker))),
            ]
            if let key = draft.jira.key {
                fields.append(("jira", .object([("key", .string(key)), ("status", draft.jira.status.map(Value.string))])))
            }
        } else {
            fields.append(("error", .string(entry.problem ?? "")))
        }
        return JSONWriter.compact(.object(fields))
    }

    /// Why export refused a draft that is not ready: its name, title and blockers, for stderr.
    public func exportRefusal(_ loaded: LoadedDraft, _ report: ReadinessReport) -> String {
        let name =
            (loaded.source == "-" ? "<stdin>" : loaded.source)
            + (loaded.documentIndex > 1 ? " (document \(loaded.documentIndex))" : "")
        let title = loaded.draft.title.map { " “" + TerminalText.sanitize($0, multiline: false) + "”" } ?? ""
        let count = report.count(.blocker)
        var lines = [
            TerminalText.sanitize(name, multiline: false)
                + "\(title) is not ready: \(count) blocker\(count == 1 ? "" : "s")"
        ]
        for finding in report.findings where finding.severity == .blocker {
            lines.append("  ✖ \(finding.field): " + TerminalText.sanitize(finding.message, multiline: false))
        }
        return lines.joined(separator: "\n")
    }
}
