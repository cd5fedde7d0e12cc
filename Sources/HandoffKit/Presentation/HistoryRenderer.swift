/// Renders `handoff history` for people (one line a revision) and for pipelines (JSON Lines).
public struct HistoryRenderer: Sendable {
    /// Colours the text output; off gives plain text.
    public var styler: Styler
    /// The language of the labels in the text output.
    public var language: Language
    /// How many fields a line names before "+N more".
    public var fieldLimit: Int

    /// A plain-text, English renderer by default; `fieldLimit` is raised to 1 when smaller.
    public init(styler: Styler = Styler(enabled: false), language: Language = .en, fieldLimit: Int = 3) {
        self.styler = styler
        self.language = language
        self.fieldLimit = max(fieldLimit, 1)
    }

    /// `{"revision", "at", "section", "sections", "fields"}` on one line. `section` is the
    /// journal's own (null when it names none), `sections` those of the fields.
    public func json(_ entry: HistoryEntry) -> String {
        JSONWriter.compact(
            .object([
                ("revision", .int(entry.revision)),
                ("at", .string(entry.at)),
                ("section", entry.section.map(Value.string) ?? .null),
                ("sections", .list(entry.sections.map { .string($0.rawValue) })),
                ("fields", .list(entry.fields.map(Value.string))),
            ]))
    }

    /// A header (id and title), then one line a revision, oldest first: number, time (UTC),
    /// sections, fields.
    public func text(id: String, title: String?, entries: [HistoryEntry]) -> String {
        var header = styler(TerminalText.sanitize(id, multiline: false), .bold)
        if let title, !title.allSatisfy(\.isWhitespace) {
            header += "  " + TerminalText.sanitize(title, multiline: false)
        }
        var out = header + "\n"
        guard !entries.isEmpty else {
            return out + "  " + Localized(en: "no revisions in the journal yet", ja: "履歴はまだありません")(language) + "\n"
        }
        let numberWidth = String(entries.map(\.revision).max() ?? 0).count
        let sectionTexts = entries.map { entry in
            entry.sections.isEmpty ? "—" : entry.sections.map { $0.heading(language) }.joined(separator: ", ")
        }
        let sectionWidth = sectionTexts.map(TerminalText.width).max() ?? 0
        for (entry, sections) in zip(entries, sectionTexts) {
            let number = String(entry.revision)
            let padding = String(repeating: " ", count: numberWidth - number.count)
            let time = TerminalText.sanitize(HistoryEntry.shortTime(entry.at), multiline: false)
            let gap = String(repeating: " ", count: sectionWidth - TerminalText.width(sections))
            var line = "  " + padding + styler(number, .bold) + "  " + styler(time, .dim) + "  " + sections + gap + "  "
            line += fieldList(entry.fields)
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        let count = entries.count
        let footer = Localized(en: "\(count) revision\(count == 1 ? "" : "s"), times in UTC", ja: "\(count)件の版（時刻は UTC）")
        out += "  " + styler(footer(language), .dim) + "\n"
        return out
    }

    /// The first few fields, then "+N more"; "no change" when there are none.
    func fieldList(_ fields: [String]) -> String {
        guard !fields.isEmpty else {
            return styler(Localized(en: "(saved, no change)", ja: "（保存のみ、変更なし）")(language), .dim)
        }
        var shown = fields.prefix(fieldLimit).map { TerminalText.sanitize($0, multiline: false) }.joined(separator: ", ")
        if fields.count > fieldLimit {
            let more = fields.count - fieldLimit
            shown += styler(Localized(en: " +\(more) more", ja: " ほか\(more)件")(language), .dim)
        }
        return shown
    }
}
