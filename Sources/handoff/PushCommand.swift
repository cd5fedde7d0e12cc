import ArgumentParser
import HandoffKit

/// `handoff push`: create or update each draft's issue in Jira, and record where it lives.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Create or update the drafts' issues in Jira (REST v3 for Cloud, v2 for Data Center).",
        discussion: """
            Each ready draft gets its issue (and, with --shape subtasks, a sub-task per affected system) with \
            the same fields as the jira-v2/jira-v3 exports; the issue's key is written into the draft's jira: \
            block. A second push updates that issue (only the fields that changed) and posts the answers to \
            questions that came from Jira comments (handoff pull). An unchanged draft makes no write.
            The site comes from --site, else jira.site in the configuration, else the draft's jira.url. \
            Credentials: JIRA_USER and JIRA_API_TOKEN (Cloud), JIRA_PAT (Data Center), or ~/.netrc for the \
            site's host; never from a draft or the configuration, and never printed.
            A draft that is not ready is refused (exit status 1) unless --force. Exit status 2 when Jira \
            refuses a field or the credential, 3 when Jira cannot be reached; the other drafts are pushed \
            anyway and the worst status is returned.
            """
    )

    @Argument(help: ArgumentHelp("Draft files, stored draft ids, or - for stdin.", valueName: "src"))
    var sources: [String] = []

    @Option(name: .long, help: ArgumentHelp("Jira site, e.g. https://example.atlassian.net (default: jira.site).", valueName: "url"))
    var site: String?

    @Option(name: .long, help: ArgumentHelp("Jira project key (default: jira.project_key in the config, else MKT).", valueName: "key"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("single: one issue per draft; subtasks: plus a sub-task per affected system.", valueName: "shape"))
    var shape: ExportOptions.Shape = .single

    @Flag(name: .long, help: "Print the requests that would be sent (credential redacted) and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Push drafts that are not ready, listing their open findings in the description.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("text or json (JSON Lines, one object per draft).", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if sources.isEmpty { throw ValidationError("name at least one draft: a file, a stored draft id, or - for stdin") }
        if let project, !JiraSettings.isProjectKey(project) {
            throw ValidationError("'\(project)' is not a Jira project key: \(JiraSettings.projectKeyRule)")
        }
        if let site, let problem = JiraSite.problem(with: site) { throw ValidationError(problem) }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = DraftStore(location: global.storeLocation)
        let options = ExportOptions(
            configuration: configuration, projectKey: project, shape: shape, language: global.lang, today: today)
        let context = RuleContext(today: today, configuration: configuration)
        let connections = JiraConnections(configuration: configuration, environment: global.environment, dryRun: dryRun)
        let worst = try EachDraft.run(sources, store: store.location) { loaded, source in
            try push(loaded, from: source, store: store, options: options, context: context, connections: connections)
        }
        if worst == ExitStatus.notReady {
            Terminal.printError("not-ready drafts were not pushed; answer their blockers (handoff check shows the questions) or pass --force")
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }

    /// Pushes one draft and records its key; returns its exit status.
    func push(
        _ loaded: LoadedDraft, from source: DraftSource, store: DraftStore, options: ExportOptions, context: RuleContext,
        connections: JiraConnections
    ) throws -> Int32 {
        let name = loaded.source == "-" ? "<stdin>" : loaded.source
        let report = Readiness.check(loaded.draft, in: context.reporting(in: global.lang ?? loaded.draft.language))
        if !report.isReady && !force {
            Terminal.printError(ReviewRenderer().exportRefusal(loaded, report))
            return ExitStatus.notReady
        }
        // A stored draft stays locked from reading it to recording its key: an interview cannot
        // save in between and be overwritten.
        var lock: DraftStore.Lock?
        var draft = loaded.draft
        if case .stored(let id, _) = source, !dryRun {
            lock = try store.lock(id)
            draft = try store.load(id)
        }
        defer { lock?.release() }
        let client: JiraClient
        let outcome: JiraPushOutcome
        switch Self.attempt(draft, report: report, connections: connections, site: site, options: options) {
        case .success(let done): (client, outcome) = done
        case .failure(let failure):
            Terminal.printError("\(name): \(failure.message)")
            return failure.exitStatus
        }
        if dryRun {
            printPlan(client.takePlannedWrites(), name: name)
            return ExitStatus.done
        }
        if outcome.recovered {
            Terminal.printError("note: \(name): found \(outcome.key ?? "") by its handoff label (its key had not been recorded); updating it instead of creating a second issue")
        }
        try record(outcome, into: draft, source: source, store: store, name: name)
        printOutcome(outcome, name: name, id: draft.id)
        return ExitStatus.done
    }

    static func attempt(
        _ draft: Draft, report: ReadinessReport, connections: JiraConnections, site: String?, options: ExportOptions
    ) -> Result<(JiraClient, JiraPushOutcome), JiraFailure> {
        do {
            let client = try connections.client(site: site, recorded: draft.jira.url)
            return .success((client, try JiraRoundTrip(client: client, options: options).push(draft, report: report)))
        } catch {
            return .failure(error)
        }
    }

    /// Writes `jira: {key, url, pushed_revision}` into the stored draft or the draft file.
    func record(_ outcome: JiraPushOutcome, into draft: Draft, source: DraftSource, store: DraftStore, name: String) throws {
        guard let key = outcome.key else { return }
        let wrote = outcome.action == .created || outcome.action == .updated || outcome.answersPosted > 0
            || outcome.subtasks.contains { $0.action != .unchanged }
        if !wrote && draft.jira.key == key && draft.jira.url == outcome.url { return }
        switch source {
        case .standardInput:
            Terminal.printError("note: \(name): \(key) is not recorded in a draft read from stdin; add `jira: {key: \(key)}` to it so the next push updates that issue")
        case .stored(let id, _):
            var updated = try store.load(id)
            updated.jira.key = key
            updated.jira.url = outcome.url
            // The revision pushed; a draft placed in the store by hand has none yet, and the one
            // written now holds what Jira holds.
            updated.jira.pushedRevision = store.revisions(id).last?.number ?? 1
            if updated.jira != draft.jira || wrote { try store.save(updated, fields: ["jira"]) }
        case .file(let path) where DraftFileBlocks.isExport(path: path):
            Terminal.printError("note: \(name) is an export, not a draft: \(key) is not recorded in it; push the draft itself next time so the key is kept")
        case .file(let path):
            try DraftFileBlocks.update(path: path) { current in
                var link = current.jira
                link.key = key
                link.url = outcome.url
                if wrote || link.pushedRevision == nil { link.pushedRevision = (link.pushedRevision ?? 0) + 1 }
                return link == current.jira ? [] : [("jira", link.encoded)]
            }
        }
    }

    func printOutcome(_ outcome: JiraPushOutcome, name: String, id: String?) {
        if format == .json {
            let subtasks: [Value] = outcome.subtasks.map { task in
                .object([("system", .string(task.system)), ("key", task.key.map(Value.string)), ("action", .string(task.action.rawValue))])
            }
            let fields: [(String, Value?)] = [
                ("source", .string(name)), ("id", id.map(Value.string)), ("key", outcome.key.map(Value.string)),
                ("url", outcome.url.map(Value.string)), ("action", .string(outcome.action.rawValue)),
                ("changed_fields", .list(outcome.changedFields.map(Value.string))),
                ("subtasks", .list(subtasks)), ("answers_posted", .int(outcome.answersPosted)),
            ]
            Terminal.write(JSONWriter.compact(.object(fields)) + "\n")
            return
        }
        var line = "\(outcome.action.rawValue) \(outcome.key ?? "") \(outcome.url ?? "")  (\(name))"
        if !outcome.changedFields.isEmpty { line += " — changed: " + outcome.changedFields.joined(separator: ", ") }
        if outcome.answersPosted > 0 { line += " — \(outcome.answersPosted) answer\(outcome.answersPosted == 1 ? "" : "s") posted" }
        var lines = [TerminalText.sanitize(line, multiline: false)]
        for task in outcome.subtasks {
            lines.append(TerminalText.sanitize("  \(task.action.rawValue) \(task.key ?? "") sub-task for \(task.system)", multiline: false))
        }
        Terminal.write(lines.joined(separator: "\n") + "\n")
    }

    /// `--dry-run`: the writes, as HTTP, credential redacted.
    func printPlan(_ requests: [HTTPRequest], name: String) {
        if format == .json {
            let list: [Value] = requests.map { request in
                .object([("method", .string(request.method)), ("url", .string(request.url)), ("body", request.body.map(Value.string))])
            }
            Terminal.write(JSONWriter.compact(.object([("source", .string(name)), ("requests", .list(list))])) + "\n")
            return
        }
        if requests.isEmpty {
            Terminal.write("# \(name): unchanged, nothing to send\n")
            return
        }
        Terminal.write("# \(name): \(requests.count) request\(requests.count == 1 ? "" : "s") would be sent\n")
        for request in requests { Terminal.write(TerminalText.sanitize(request.redacted) + "\n\n") }
    }
}

/// One Jira client per site for a command's run, with the credential that site's host needs.
final class JiraConnections {
    let configuration: Configuration
    let environment: [String: String]
    let dryRun: Bool
    private var clients: [String: JiraClient] = [:]
    private let transport = SharedLibraryTransport()

    init(configuration: Configuration, environment: [String: String], dryRun: Bool = false) {
        self.configuration = configuration
        self.environment = environment
        self.dryRun = dryRun
    }

    /// `--site`, else `jira.site`, else the draft's recorded `jira.url`.
    func client(site flag: String?, recorded: String?) throws(JiraFailure) -> JiraClient {
        guard let text = flag ?? configuration.jira.site ?? recorded else {
            throw JiraFailure(.usage, "no Jira site: pass --site https://your-site.atlassian.net or set jira.site in handoff.yaml")
        }
        let site = try JiraSite(text)
        if let client = clients[site.base] { return client }
        let credentials: JiraCredentials?
        do {
            credentials = try JiraCredentials.resolve(host: site.host, api: configuration.jira.api, environment: environment)
        } catch where dryRun {
            credentials = nil
        }
        let client = JiraClient(
            site: site, api: configuration.jira.api, credentials: credentials, transport: transport,
            policy: RetryPolicy(environment: environment), dryRun: dryRun, note: { Terminal.printError($0) })
        let fieldMap = JiraFieldMap(configuration: configuration)
        client.fieldOrigin = { fieldMap.origin(of: $0) }
        clients[site.base] = client
        return client
    }
}
