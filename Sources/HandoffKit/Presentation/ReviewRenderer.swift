/// One draft as `handoff review` shows it: the draft, its verdict, and what the store knows about it.
public struct ReviewSubject: Sendable {
    /// The draft with where it was read from.
    public var loaded: LoadedDraft
    /// The draft's readiness, as `handoff check` would report it.
    public var report: ReadinessReport
    /// Requirements changed since the draft was first exported, when it is a stored draft that was.
    public var requirementChanges: RequirementChangesSinceExport?
    /// How the reviewer names the draft to send a question: its stored id, else its source.
    public var reference: String

    /// A subject; `reference` defaults to the source the draft was read from.
    public init(
        loaded: LoadedDraft, report: ReadinessReport, requirementChanges: RequirementChangesSinceExport? = nil,
        reference: String? = nil
    ) {
        self.loaded = loaded
        self.report = report
        self.requirementChanges = requirementChanges
        self.reference = reference ?? loaded.source
    }
}

/// Requirements that changed between the revision first exported and the draft under review.
public struct RequirementChangesSinceExport: Sendable {
    /// The journal revision that was first exported.
    public var revision: Int
    /// ISO time of the first export.
    public var exportedAt: String
    /// What changed in the requirements since that revision; never empty when built by `of(_:in:)`.
    public var changes: RequirementChanges

    /// A summary as given.
    public init(revision: Int, exportedAt: String, changes: RequirementChanges) {
        self.revision = revision
        self.exportedAt = exportedAt
        self.changes = changes
    }

    /// The changes for a stored draft (by its id) since its first export; nil when it is not
    /// stored, was never exported, or its requirements are as they were.
    public static func of(_ draft: Draft, in store: DraftStore) -> RequirementChangesSinceExport? {
        guard let id = draft.id, store.exists(id), let first = store.firstExport(id),
            let exported = store.revisions(id).first(where: { $0.number == first.revision })
        else { return nil }
        let changes = RequirementChanges(from: exported.draft, to: draft)
        return changes.isEmpty
            ? nil : RequirementChangesSinceExport(revision: first.revision, exportedAt: first.at, changes: changes)
    }
}

/// What the reviewer sees: the review of a draft (text laid out for the terminal, or JSON), the
/// table of stored drafts, and why export refused a draft. The executable only wires these up.
public struct ReviewRenderer: Sendable {
    /// The terminal width, in columns, that the text output is wrapped to.
    public var width: Int
    /// Colours the text output; off gives plain text.
    public var styler: Styler
    /// Forces the language; nil means each draft's own `lang`.
    public var language: Language?

    /// A plain-text renderer 100 columns wide by default, each draft in its own language.
    public init(width: Int = 100, styler: Styler = Styler(enabled: false), language: Language? = nil) {
        self.width = width
        self.styler = styler
        self.language = language
    }

    func language(of draft: Draft) -> Language { language ?? draft.language }

    /// The review for people: header and verdict, changed requirements, the ticket laid out for
    /// the terminal (its body only: provenance and source are for Jira), the findings as questions
    /// to send back, and the questions already sent.
    public func text(_ subject: ReviewSubject, configuration: Configuration, today: CivilDate) -> String {
        let draft = subject.loaded.draft
        let report = subject.report
        let language = language(of: draft)
        var out = header(subject.loaded, language: language)
        out +=
            styler(
                TerminalText.sanitize(draft.title ?? Localized(en: "(no title)", ja: "（タイトルなし）")(language), multiline: false),
                .bold) + "\n"
        out +=
            (report.isReady
                ? styler("✔ " + Localized(en: "READY", ja: "準備完了")(language), .green)
                : styler("✖ " + Localized(en: "NOT READY", ja: "未完了")(language), .red))
            + " · " + Localized(en: "score \(report.score)/100", ja: "スコア \(report.score)/100")(language) + "\n"
        if let changes = subject.requirementChanges { out += requirementChanges(changes, language: language) }

        let builder = TicketDocumentBuilder(
            options: ExportOptions(
                configuration: configuration, includeSource: false, language: self.language, today: today),
            bodyOnly: true)
        out += TerminalTicketRenderer(width: width, styler: styler).render(
            builder.document(for: ExportItem(draft: draft, report: report)))
        out += questionsToSend(report, reference: subject.reference, language: language)
        out += questionsSent(draft, language: language)
        return out
    }

    /// `REVIEW  source · id`: the id only when the source does not already say it (a stored draft's
    /// source is its id).
    func header(_ loaded: LoadedDraft, language: Language) -> String {
        let source = loaded.source == "-" ? "<stdin>" : loaded.source
        var line =
            styler(Localized(en: "REVIEW", ja: "レビュー")(language), .dim) + "  "
            + TerminalText.sanitize(source, multiline: false)
        if let id = loaded.draft.id, id != loaded.source { line += " · " + TerminalText.sanitize(id, multiline: false) }
        return line + "\n"
    }

    func requirementChanges(_ since: RequirementChangesSinceExport, language: Language) -> String {
        let heading = Localized(
            en:
                "Requirements changed since the first export (revision \(since.revision), \(since.exportedAt.prefix(10))):",
            ja: "最初の出力（リビジョン \(since.revision)、\(since.exportedAt.prefix(10))）以降に要件が変わっています：")
        var out = "\n" + styler("▲ " + heading(language), .yellow) + "\n"
        for requirement in since.changes.added {
            out +=
                "  + " + TerminalText.sanitize(requirement.text ?? "", multiline: false)
                + (requirement.priority.map { " (\($0.rawValue))" } ?? "") + "\n"
        }
        for requirement in since.changes.removed {
            out += "  - " + TerminalText.sanitize(requirement.text ?? "", multiline: false) + "\n"
        }
        for change in since.changes.reprioritised {
            out +=
                "  ~ " + TerminalText.sanitize(change.text, multiline: false)
                + ": \(change.from?.rawValue ?? "–") → \(change.to?.rawValue ?? "–")\n"
        }
        return out
    }

    /// Every finding as a question to send back, blockers first, wrapped under its number.
    func questionsToSend(_ report: ReadinessReport, reference: String, language: Language) -> String {
        let wrapper = TerminalTicketRenderer(width: width, styler: styler)
        var out = "\n" + styler(Localized(en: "Questions to send back", ja: "依頼者に返す質問")(language), .bold) + "\n"
        if report.findings.isEmpty {
            return out + "  " + Localized(en: "None: IT has what it needs.", ja: "なし。IT に必要な情報はそろっています。")(language) + "\n"
        }
        for (index, finding) in report.findings.sorted(by: { $0.severity < $1.severity }).enumerated() {
            let label = "[" + finding.severity.label(language) + "] "
            let head = "  \(index + 1). "
            let indent = String(repeating: " ", count: TerminalText.width(head))
            let lead = TerminalText.width(head + label)
            let lines = wrapper.wrap(TerminalText.sanitize(finding.question, multiline: false), width: width - lead)
            let mark: Styler.Style =
                finding.severity == .blocker ? .red : finding.severity == .warning ? .yellow : .cyan
            out += head + styler(label, mark) + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { out += String(repeating: " ", count: lead) + line + "\n" }
            let detail = finding.field + " — " + TerminalText.sanitize(finding.message, multiline: false)
            for line in wrapper.wrap(detail, width: width - indent.count) { out += indent + styler(line, .dim) + "\n" }
        }
        let send = Localized(
            en: "Send one: handoff review \(reference) --ask \"…\"", ja: "送るには：handoff review \(reference) --ask \"…\"")
        return out + styler(TerminalText.sanitize(send(language), multiline: false), .dim) + "\n"
    }

    func questionsSent(_ draft: Draft, language: Language) -> String {
        let asked = draft.review.questions.filter { !($0.text ?? "").allSatisfy(\.isWhitespace) }
        guard !asked.isEmpty else { return "" }
        var out = "\n" + styler(Localized(en: "Questions already sent", ja: "送信済みの質問")(language), .bold) + "\n"
        for question in asked {
            let state =
                question.isOpen
                ? styler(Localized(en: "open", ja: "未回答")(language), .red)
                : styler(Localized(en: "answered", ja: "回答済み")(language), .green)
            out +=
                "  • " + TerminalText.sanitize(question.text ?? "", multiline: false)
                + " (" + TerminalText.sanitize(question.by ?? "IT", multiline: false) + ", " + state + ")\n"
            if let answer = question.answer, !answer.isEmptyValue {
                out += "    → " + TerminalText.sanitize(answer, multiline: false) + "\n"
            }
        }
        return out
    }

    /// One JSON object, as one line: source, index, id, title, lang, verdict, findings, the
    /// questions to ask and those already asked, changed requirements, and the draft.
    public func json(_ subject: ReviewSubject) -> String {
        let loaded = subject.loaded
        let report = subject.report
        var fields: [(String, Value?)] = [
            ("source", .string(loaded.source)), ("index", .int(loaded.documentIndex)),
            ("id", loaded.draft.id.map(Value.string) ?? .null),
            ("title", loaded.draft.title.map(Value.string) ?? .null),
            ("lang", .string(language(of: loaded.draft).rawValue)), ("ready", .bool(report.isReady)),
            ("score", .int(report.score)),
            ("findings", .list(report.findings.map(\.encoded))),
            (
                "questions_to_ask",
                .list(report.findings.sorted { $0.severity < $1.severity }.map { .string($0.question) })
            ),
            ("questions", .list(loaded.draft.review.questions.map(\.encoded))),
        ]
        if let since = subject.requirementChanges {
            fields.append(
                (
                    "requirement_changes",
                    .object([
                        ("since_revision", .int(since.revision)), ("exported_at", .string(since.exportedAt)),
                        ("changes", since.changes.encoded),
                    ])
                ))
        }
        fields.append(("draft", loaded.draft.encoded))
        return JSONWriter.compact(.object(fields))
    }
}
