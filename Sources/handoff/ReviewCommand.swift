import ArgumentParser
import CEditLine
import Foundation
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `handoff review SRC`: the reviewer's view of a draft or of any handoff export, the verdict, and
/// the questions to send back; `--ask` sends them.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The reviewer's view of a draft or an export, and questions to send back.",
        discussion: """
            SRC is a draft file, a stored draft id, an export made by handoff, or - for stdin. The ticket \
            is laid out for the terminal's width, followed by the readiness verdict and the questions to \
            ask. --ask "question" (repeatable) adds questions to review.questions of the stored draft or \
            the draft file; the marketer's next `handoff resume` asks them first. Requirements changed \
            since a stored draft was first exported are flagged.
            Exit status: 0 ready, 1 not ready, 2 unreadable input, 3 the draft is open elsewhere.
            """)

    @Argument(help: ArgumentHelp("A draft file, a stored id, an export, or - for stdin.", valueName: "src"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("text for people, json for tools.", valueName: "format"))
    var format: Format = .text

    /// Review has no GitHub annotations: it is read by a person or a tool, not a pull request.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Add a question for the requester (repeatable).", valueName: "question"))
    var ask: [String] = []

    @Option(name: .long, help: ArgumentHelp("Who asks (default: IT).", valueName: "name"))
    var by: String = "IT"

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if ask.contains(where: { $0.allSatisfy(\.isWhitespace) }) { throw ValidationError("--ask needs the question's text") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = DraftStore(location: global.storeLocation)
        let source = try DraftSource.resolve(self.source, store: store.location)
        if !ask.isEmpty { return try addQuestions(to: source, store: store, today: today) }

        var worst: Int32 = ExitStatus.done
        var first = true
        try source.forEachDocument { loaded in
            switch loaded {
            case .failure(let error):
                Terminal.printError(error.description)
                worst = max(worst, ExitStatus.invalidInput)
            case .success(let loaded):
                let language = global.lang ?? loaded.draft.language
                let report = Readiness.check(loaded.draft, in: RuleContext(today: today, configuration: configuration, language: language))
                worst = max(worst, report.isReady ? ExitStatus.done : ExitStatus.notReady)
                let changes = requirementChanges(loaded.draft, store: store)
                switch format {
                case .json:
                    Terminal.write(json(loaded, report, changes, language) + "\n")
                case .text:
                    Terminal.write((first ? "" : "\n\n") + text(loaded, report, changes, language, configuration: configuration, today: today))
                }
                first = false
            }
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }

    /// Requirements changed since the stored draft (by id) was first exported.
    func requirementChanges(_ draft: Draft, store: DraftStore) -> (since: (revision: Int, at: String), changes: RequirementChanges)? {
        guard let id = draft.id, store.exists(id), let first = store.firstExport(id),
            let exported = store.revisions(id).first(where: { $0.number == first.revision })
        else { return nil }
        let changes = RequirementChanges(from: exported.draft, to: draft)
        return changes.isEmpty ? nil : (first, changes)
    }

    func text(
        _ loaded: LoadedDraft, _ report: ReadinessReport, _ changes: (since: (revision: Int, at: String), changes: RequirementChanges)?,
        _ language: Language, configuration: Configuration, today: CivilDate
    ) -> String {
        let styler = global.styler(for: STDOUT_FILENO)
        let columns = Int(cel_terminal_columns(STDOUT_FILENO))
        let width = columns > 0 ? columns : Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
        let t = { (text: Localized) in text(language) }
        let renderer = TerminalTicketRenderer(width: width, styler: styler)
        let draft = loaded.draft
        var out = styler(t(Localized(en: "REVIEW", ja: "レビュー")), .dim) + "  "
            + TerminalText.sanitize(loaded.source == "-" ? "<stdin>" : loaded.source, multiline: false)
            + (draft.id.map { " · " + TerminalText.sanitize($0, multiline: false) } ?? "") + "\n"
        out += styler(TerminalText.sanitize(draft.title ?? t(Localized(en: "(no title)", ja: "（タイトルなし）")), multiline: false), .bold) + "\n"
        out += (report.isReady
            ? styler("✔ " + t(Localized(en: "READY", ja: "準備完了")), .green)
            : styler("✖ " + t(Localized(en: "NOT READY", ja: "未完了")), .red))
            + " · " + t(Localized(en: "score \(report.score)/100", ja: "スコア \(report.score)/100")) + "\n"

        if let changes {
            out += "\n" + styler(
                "▲ " + t(
                    Localized(
                        en: "Requirements changed since the first export (revision \(changes.since.revision), \(changes.since.at.prefix(10))):",
                        ja: "最初の出力（リビジョン \(changes.since.revision)、\(changes.since.at.prefix(10))）以降に要件が変わっています：")),
                .yellow) + "\n"
            for requirement in changes.changes.added {
                out += "  + " + TerminalText.sanitize(requirement.text ?? "", multiline: false) + (requirement.priority.map { " (\($0.rawValue))" } ?? "") + "\n"
            }
            for requirement in changes.changes.removed {
                out += "  - " + TerminalText.sanitize(requirement.text ?? "", multiline: false) + "\n"
            }
            for change in changes.changes.reprioritised {
                out += "  ~ " + TerminalText.sanitize(change.text, multiline: false) + ": \(change.from?.rawValue ?? "–") → \(change.to?.rawValue ?? "–")\n"
            }
        }

        // The findings follow as questions to send back; provenance and source are for Jira.
        let builder = TicketDocumentBuilder(
            options: ExportOptions(configuration: configuration, includeSource: false, language: global.lang, today: today),
            bodyOnly: true)
        out += renderer.render(builder.document(for: ExportItem(draft: draft, report: report)))

        out += "\n" + styler(t(Localized(en: "Questions to send back", ja: "依頼者に返す質問")), .bold) + "\n"
        if report.findings.isEmpty {
            out += "  " + t(Localized(en: "None: IT has what it needs.", ja: "なし。IT に必要な情報はそろっています。")) + "\n"
        }
        let ordered = report.findings.sorted { $0.severity < $1.severity }
        for (index, finding) in ordered.enumerated() {
            let label = "[" + CheckRenderer.severityLabel(finding.severity)(language) + "] "
            let head = "  \(index + 1). "
            let indent = String(repeating: " ", count: TerminalText.width(head))
            let lead = TerminalText.width(head + label)
            let lines = renderer.wrap(TerminalText.sanitize(finding.question, multiline: false), width: width - lead)
            let mark: Styler.Style = finding.severity == .blocker ? .red : finding.severity == .warning ? .yellow : .cyan
            out += head + styler(label, mark) + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { out += String(repeating: " ", count: lead) + line + "\n" }
            let detail = finding.field + " — " + TerminalText.sanitize(finding.message, multiline: false)
            for line in renderer.wrap(detail, width: width - indent.count) { out += indent + styler(line, .dim) + "\n" }
        }
        if !report.findings.isEmpty {
            let reference = draft.id.flatMap { DraftStore(location: global.storeLocation).exists($0) ? $0 : nil } ?? loaded.source
            out += styler(
                t(Localized(en: "Send one: handoff review \(reference) --ask \"…\"", ja: "送るには：handoff review \(reference) --ask \"…\"")),
                .dim) + "\n"
        }
        let asked = draft.review.questions.filter { !($0.text ?? "").allSatisfy(\.isWhitespace) }
        if !asked.isEmpty {
            out += "\n" + styler(t(Localized(en: "Questions already sent", ja: "送信済みの質問")), .bold) + "\n"
            for question in asked {
                let state = question.isOpen ? styler(t(Localized(en: "open", ja: "未回答")), .red) : styler(t(Localized(en: "answered", ja: "回答済み")), .green)
                out += "  • " + TerminalText.sanitize(question.text ?? "", multiline: false) + " (" + (question.by ?? "IT") + ", " + state + ")\n"
                if let answer = question.answer, !answer.isEmptyValue {
                    out += "    → " + TerminalText.sanitize(answer, multiline: false) + "\n"
                }
            }
        }
        return out
    }

    func json(
        _ loaded: LoadedDraft, _ report: ReadinessReport, _ changes: (since: (revision: Int, at: String), changes: RequirementChanges)?,
        _ language: Language
    ) -> String {
        var fields: [(String, Value?)] = [
            ("source", .string(loaded.source)), ("index", .int(loaded.documentIndex)),
            ("id", loaded.draft.id.map(Value.string) ?? .null), ("title", loaded.draft.title.map(Value.string) ?? .null),
            ("lang", .string(language.rawValue)), ("ready", .bool(report.isReady)), ("score", .int(report.score)),
            ("findings", .list(report.findings.map(\.encoded))),
            ("questions_to_ask", .list(report.findings.sorted { $0.severity < $1.severity }.map { .string($0.question) })),
            ("questions", .list(loaded.draft.review.questions.map(\.encoded))),
        ]
        if let changes {
            fields.append(
                (
                    "requirement_changes",
                    .object([
                        ("since_revision", .int(changes.since.revision)), ("exported_at", .string(changes.since.at)),
                        ("changes", changes.changes.encoded),
                    ])
                ))
        }
        fields.append(("draft", loaded.draft.encoded))
        return JSONWriter.compact(.object(fields))
    }

    /// `--ask`: appends the questions to the stored draft (under its lock) or the draft file
    /// (atomically). Exports and stdin cannot take them: there is no draft to write back to.
    func addQuestions(to source: DraftSource, store: DraftStore, today: CivilDate) throws {
        func questions() -> [ReviewQuestion] {
            ask.map { text in
                var question = ReviewQuestion(by: by, text: text.trimmingCharacters(in: .whitespacesAndNewlines))
                question.askedOn = today
                return question
            }
        }
        switch source {
        case .standardInput:
            throw ValidationError("--ask writes the questions into the draft: name a draft file or a stored id, not stdin")
        case .stored(let id, _):
            let lock = try store.lock(id)
            defer { lock.release() }
            var draft = try store.load(id)
            draft.review.questions += questions()
            try store.save(draft, fields: ["review.questions"], section: Section.review.rawValue)
            Terminal.write(Self.confirmation(count: ask.count, target: id, resume: "handoff resume \(id)"))
        case .file(let path):
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let text = try DraftLoader.text(from: [UInt8](data), source: path)
            let chunks = DocumentSplitter.split(text, source: path)
            if let first = text.split(separator: "\n", maxSplits: 1).first,
                ExportReader.looksLikeCSVHeader(first) || ExportReader.looksLikeMarkdown(first)
            {
                throw InvalidInput([InputError(source: path, message: "is an export; --ask writes into a draft file or a stored draft")])
            }
            guard chunks.count == 1 else {
                throw InvalidInput([InputError(source: path, message: "holds \(chunks.count) drafts; --ask needs a file with one draft")])
            }
            let root = try YAMLReader.parse(chunks[0], source: path)
            if let kind = ExportReader.kind(of: root) {
                throw InvalidInput([
                    InputError(source: path, message: "is a \(kind.rawValue) export; --ask writes into a draft file or a stored draft")
                ])
            }
            var draft = try DraftLoader.decode(root, source: path, documentIndex: 1, requireFormat: true)
            draft.review.questions += questions()
            try AtomicFile.write(YAMLWriter.document(draft.encoded), to: path)
            Terminal.write(Self.confirmation(count: ask.count, target: path, resume: "handoff new --from \(path)"))
        }
    }

    static func confirmation(count: Int, target: String, resume: String) -> String {
        "Added \(count) question\(count == 1 ? "" : "s") to \(target); `\(resume)` asks \(count == 1 ? "it" : "them") first.\n"
    }
}
