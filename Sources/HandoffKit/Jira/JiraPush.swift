/// What one push did to one draft's issue.
public struct JiraPushOutcome: Sendable {
    /// What the push did; `planned` under `--dry-run`, where nothing is written.
    public enum Action: String, Sendable { case created, updated, unchanged, planned }
    /// The sub-task of one affected system (`--shape subtasks`).
    public struct Subtask: Sendable {
        /// The system's name.
        public var system: String
        /// The sub-task's key; nil for a new sub-task that is only planned, or when Jira did not return one.
        public var key: String?
        /// What the push did to the sub-task.
        public var action: Action
    }
    /// The issue's key; nil when it is only planned (a new issue under `--dry-run`).
    public var key: String?
    /// The issue's page; nil when `key` is.
    public var url: String?
    /// What the push did to the issue.
    public var action: Action
    /// Jira fields a re-push changed.
    public var changedFields: [String] = []
    /// One per affected system under `--shape subtasks`; empty otherwise.
    public var subtasks: [Subtask] = []
    /// Answers posted as comments.
    public var answersPosted = 0
    /// True when the issue was found by its label rather than by a recorded key (a push whose
    /// key was never written back).
    public var recovered = false
}

/// The round trip's logic over a `JiraClient`: create or update a draft's issue (push), read IT's
/// comments and the status back (pull).
public struct JiraRoundTrip {
    /// The client every request goes through; its `dryRun` decides whether writes are sent.
    public let client: JiraClient
    /// The export settings the issue is built from (project, shape, configuration).
    public let options: ExportOptions

    /// A round trip through `client`, building issues as `options` says.
    public init(client: JiraClient, options: ExportOptions) {
        self.client = client
        self.options = options
    }

    /// What the `handoff` property of an issue holds.
    struct State {
        var draft: String
        var system: String?
        var fields: [String: String] = [:]
        /// Question comments whose answers were posted.
        var answered: [String] = []
        /// Comments handoff posted (never questions).
        var posted: [String] = []

        init(draft: String, system: String? = nil) {
            self.draft = draft
            self.system = system
        }

        init?(_ node: DocNode?) {
            guard let node, let draft = node["draft"]?.scalarText else { return nil }
            self.draft = draft
            system = node["system"]?.scalarText
            for pair in node["fields"]?.pairs ?? [] {
                if let key = pair.key.scalarText, let value = pair.value.scalarText { fields[key] = value }
            }
            answered = (node["answered"]?.items ?? []).compactMap(\.scalarText)
            posted = (node["posted"]?.items ?? []).compactMap(\.scalarText)
        }

        var value: Value {
            .object([
                ("draft", .string(draft)), ("system", system.map(Value.string)),
                ("fields", .map(fields.keys.sorted().map { Value.Entry($0, .string(fields[$0]!)) })),
                ("answered", .list(answered.map(Value.string))), ("posted", .list(posted.map(Value.string))),
            ])
        }
    }

    /// Fields a re-push never changes: moving an issue is not handoff's to do.
    static let fixedFields: Set<String> = ["project", "issuetype", "parent"]

    static func digests(_ fields: [(String, Value)]) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in fields { out[name] = JiraIssueBodies.digest(value) }
        return out
    }

    /// Creates the draft's issue (and sub-tasks), or updates the one it already has.
    public func push(_ draft: Draft, report: ReadinessReport) throws(JiraFailure) -> JiraPushOutcome {
        let api = try client.resolvedAPI()
        let bodies = JiraIssueBodies(api: api, options: options)
        let item = bodies.item(draft, report: report)
        let identity = draft.id ?? item.externalID
        let fields: [(String, Value)]
        do { fields = try bodies.issueFields(item, identity: identity) } catch { throw JiraFailure(.usage, error.description) }
        let what = "the issue for \(draft.id.map { "draft \($0)" } ?? "the draft")"

        var outcome: JiraPushOutcome
        var state: State
        var key: String
        if let found = try existing(draft, identity: identity) {
            key = found.key
            state = found.state ?? State(draft: identity)
            outcome = JiraPushOutcome(key: key, url: client.site.browseURL(key), action: .unchanged, recovered: found.recovered)
            let changed = fields.filter { !Self.fixedFields.contains($0.0) && state.fields[$0.0] != JiraIssueBodies.digest($0.1) }
            if !changed.isEmpty {
                try client.call(
                    "PUT", try client.apiPath("/issue/\(key)"), body: .object([("fields", .object(changed.map { ($0.0, $0.1) }))]), what: what)
                outcome.action = client.dryRun ? .planned : .updated
                outcome.changedFields = changed.map(\.0)
            }
        } else {
            state = State(draft: identity)
            state.fields = Self.digests(fields)
            let body = Value.object([
                ("fields", .object(fields.map { ($0.0, $0.1) })),
                ("properties", .list([.object([("key", .string(JiraIssueBodies.propertyKey)), ("value", state.value)])])),
            ])
            let label = JiraIssueBodies.identityLabel(identity)
            let answer = try client.call(
                "POST", try client.apiPath("/issue"), body: body, what: what,
                recheck: { () throws(JiraFailure) -> DocNode? in try self.search(label: label).map { DocNode(.object([("key", .string($0.key))])) } })
            key = answer?["key"]?.scalarText ?? "(new issue)"
            outcome = JiraPushOutcome(
                key: client.dryRun ? nil : key, url: client.dryRun ? nil : client.site.browseURL(key),
                action: client.dryRun ? .planned : .created)
        }
        let before = state.value
        state.fields = Self.digests(fields)
        if options.shape == .subtasks {
            outcome.subtasks = try pushSubtasks(item, parent: key, identity: identity, bodies: bodies, parentIsNew: outcome.action == .created || outcome.key == nil)
        }
        outcome.answersPosted = try postAnswers(draft, key: key, state: &state, bodies: bodies)
        // A new issue got its property with the create; an existing one is told what it now holds.
        if outcome.action != .created && outcome.key != nil && state.value != before {
            try client.call(
                "PUT", try client.apiPath("/issue/\(key)/properties/\(JiraIssueBodies.propertyKey)"), body: state.value,
                what: "handoff's record on \(key)")
        }
        return outcome
    }

    /// The draft's issue: the recorded key, else the one its identity label finds.
    func existing(_ draft: Draft, identity: String) throws(JiraFailure) -> (key: String, state: State?, recovered: Bool)? {
        if let key = draft.jira.key {
            let answer: DocNode?
            do {
                answer = try client.call("GET", try client.apiPath("/issue/\(key)?fields=summary&properties=\(JiraIssueBodies.propertyKey)"))
            } catch where error.kind == .refused && error.message.contains("404") {
                throw JiraFailure(
                    .refused,
                    "the draft records \(key), which \(client.site.host) no longer has (deleted or moved?); remove the jira: block from the draft to create a new issue")
            }
            return (key, State(answer?["properties"]?[JiraIssueBodies.propertyKey]), false)
        }
        guard let found = try search(label: JiraIssueBodies.identityLabel(identity)) else { return nil }
        return (found.key, found.state, true)
    }

    func search(label: String) throws(JiraFailure) -> (key: String, state: State?)? {
        try searchIssues(jql: "labels = \"\(label)\" ORDER BY created ASC").first
    }

    /// Issues a JQL query finds, with handoff's property (v3: /search/jql; v2: /search).
    func searchIssues(jql: String) throws(JiraFailure) -> [(key: String, state: State?)] {
        let path = try client.resolvedAPI() == .v3 ? "/rest/api/3/search/jql" : "/rest/api/2/search"
        let query = "?jql=" + Self.percentEncoded(jql) + "&fields=summary&properties=\(JiraIssueBodies.propertyKey)&maxResults=100"
        let answer = try client.call("GET", path + query, what: "the search for handoff's issues")
        return (answer?["issues"]?.items ?? []).compactMap { issue in
            guard let key = issue["key"]?.scalarText else { return nil }
            return (key, State(issue["properties"]?[JiraIssueBodies.propertyKey]))
        }
    }

    func pushSubtasks(
        _ item: ExportItem, parent: String, identity: String, bodies: JiraIssueBodies, parentIsNew: Bool
    ) throws(JiraFailure) -> [JiraPushOutcome.Subtask] {
        let existing = parentIsNew && client.dryRun ? [] : try searchIssues(jql: "parent = \(parent) ORDER BY created ASC")
        var out: [JiraPushOutcome.Subtask] = []
        for (system, fields) in bodies.subtaskFields(item, parent: parent, identity: identity) {
            let what = "the sub-task for \(system)"
            if let match = existing.first(where: { $0.state?.system == system }) {
                var state = match.state!
                let changed = fields.filter { !Self.fixedFields.contains($0.0) && state.fields[$0.0] != JiraIssueBodies.digest($0.1) }
                guard !changed.isEmpty else {
                    out.append(.init(system: system, key: match.key, action: .unchanged))
                    continue
                }
                try client.call("PUT", try client.apiPath("/issue/\(match.key)"), body: .object([("fields", .object(changed.map { ($0.0, $0.1) }))]), what: what)
                state.fields = Self.digests(fields)
                try client.call(
                    "PUT", try client.apiPath("/issue/\(match.key)/properties/\(JiraIssueBodies.propertyKey)"), body: state.value, what: what)
                out.append(.init(system: system, key: match.key, action: client.dryRun ? .planned : .updated))
            } else {
                var state = State(draft: identity, system: system)
                state.fields = Self.digests(fields)
                let body = Value.object([
                    ("fields", .object(fields.map { ($0.0, $0.1) })),
                    ("properties", .list([.object([("key", .string(JiraIssueBodies.propertyKey)), ("value", state.value)])])),
                ])
                let recheck = { () throws(JiraFailure) -> DocNode? in
                    try self.searchIssues(jql: "parent = \(parent)").first { $0.state?.system == system }
                        .map { DocNode(.object([("key", .string($0.key))])) }
                }
                let answer = try client.call("POST", try client.apiPath("/issue"), body: body, what: what, recheck: recheck)
                out.append(.init(system: system, key: answer?["key"]?.scalarText, action: client.dryRun ? .planned : .created))
            }
        }
        return out
    }

    /// Posts the requester's answers to questions that came from Jira comments, once each.
    func postAnswers(_ draft: Draft, key: String, state: inout State, bodies: JiraIssueBodies) throws(JiraFailure) -> Int {
        var posted = 0
        for question in draft.review.questions {
            guard let comment = question.jiraComment, !state.answered.contains(comment),
                let answer = question.answer, !answer.isEmptyValue
            else { continue }
            let answerNode = try client.call(
                "POST", try client.apiPath("/issue/\(key)/comment"), body: bodies.answerComment(question: question, language: draft.language),
                what: "the answer to comment \(comment)")
            state.answered.append(comment)
            if let id = answerNode?["id"]?.scalarText { state.posted.append(id) }
            posted += 1
        }
        return posted
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.~".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
