import ArgumentParser
import HandoffKit

/// `handoff pull`: IT's comments and the issue's status, back into the draft.
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Read the Jira issue's status and IT's new comments back into the draft.",
        discussion: """
            Comments added since the last pull, other than the answers handoff posted, become \
            review.questions (by the commenter, dated, each comment taken once), so `handoff resume` asks \
            them first; the next `handoff push` posts the answers as comments that quote the question. \
            The status is shown by `handoff drafts`. The site comes from --site, else jira.site, else the \
            draft's jira.url.
            """
    )

    @Argument(help: ArgumentHelp("A stored draft id or a draft file that has been pushed.", valueName: "id|src"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("Jira site (default: jira.site, else the draft's jira.url).", valueName: "url"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let site, let problem = JiraSite.problem(with: site) { throw ValidationError(problem) }
        if source == "-" { throw ValidationError("pull writes IT's questions into the draft: name a draft file or a stored id, not stdin") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let store = DraftStore(location: global.storeLocation)
        let resolved = try DraftSource.resolve(source, store: store.location)
        var lock: DraftStore.Lock?
        let draft: Draft
        switch resolved {
        case .stored(let id, _):
            lock = try store.lock(id)
            draft = try store.load(id)
        case .file, .standardInput:
            var first: Draft?
            try resolved.forEachDocument { result in
                switch result {
                case .success(let loaded): first = first ?? loaded.draft
                case .failure(let error): throw error
                }
            }
            guard let first else { throw InvalidInput([InputError(source: source, message: "holds no draft")]) }
            draft = first
        }
        defer { lock?.release() }
        let options = ExportOptions(configuration: configuration, today: try global.today())
        let connections = JiraConnections(configuration: configuration, environment: global.environment)
        let outcome: JiraPullOutcome
        switch Self.attempt(draft, connections: connections, site: site, options: options) {
        case .success(let done): outcome = done
        case .failure(let failure):
            Terminal.printError("\(resolved.name): \(failure.message)")
            throw ExitCode(failure.exitStatus)
        }
        func merged(_ current: Draft) -> Draft {
            var updated = current
            let known = Set(current.review.questions.compactMap(\.jiraComment))
            updated.review.questions += outcome.questions.filter { !known.contains($0.jiraComment ?? "") }
            updated.jira.status = outcome.status ?? updated.jira.status
            updated.jira.lastComment = outcome.lastComment ?? updated.jira.lastComment
            return updated
        }
        switch resolved {
        case .stored(let id, _):
            let current = try store.load(id)
            let updated = merged(current)
            if updated != current {
                try store.save(updated, fields: ["review.questions", "jira"], section: "review")
            }
        case .file(let path):
            try DraftFileBlocks.update(path: path) { current in
                let updated = merged(current)
                var blocks: [(key: String, value: Value)] = []
                if updated.review != current.review { blocks.append(("review", updated.review.encoded)) }
                if updated.jira != current.jira { blocks.append(("jira", updated.jira.encoded)) }
                return blocks
            }
        case .standardInput:
            break
        }
        report(outcome, name: resolved.name)
    }

    static func attempt(
        _ draft: Draft, connections: JiraConnections, site: String?, options: ExportOptions
    ) -> Result<JiraPullOutcome, JiraFailure> {
        do {
            let client = try connections.client(site: site, recorded: draft.jira.url)
            return .success(try JiraRoundTrip(client: client, options: options).pull(draft))
        } catch {
            return .failure(error)
        }
    }

    func report(_ outcome: JiraPullOutcome, name: String) {
        if format == .json {
            let questions: [Value] = outcome.questions.map { question in
                .object([
                    ("by", question.by.map(Value.string)), ("text", question.text.map(Value.string)),
                    ("asked_on", question.askedOn.map { .string($0.description) }), ("comment", question.jiraComment.map(Value.string)),
                ])
            }
            Terminal.write(
                JSONWriter.compact(
                    .object([
                        ("source", .string(name)), ("key", .string(outcome.key)), ("status", outcome.status.map(Value.string)),
                        ("new_questions", .list(questions)),
                    ])) + "\n")
            return
        }
        let count = outcome.questions.count
        var lines = ["\(outcome.key) · \(outcome.status ?? "status unknown") · \(count) new question\(count == 1 ? "" : "s") from Jira"]
        for question in outcome.questions {
            lines.append("  ? \(question.by ?? "IT"): \(question.text ?? "")")
        }
        if count > 0 {
            let resume = name.contains("/") || name.hasSuffix(".yaml") ? "handoff new --from \(name)" : "handoff resume \(name)"
            lines.append("`\(resume)` asks \(count == 1 ? "it" : "them") first; the next `handoff push` posts the answers.")
        }
        Terminal.write(lines.map { TerminalText.sanitize($0, multiline: false) }.joined(separator: "\n") + "\n")
    }
}
