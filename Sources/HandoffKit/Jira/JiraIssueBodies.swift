/// The `fields` handoff sends for a draft's issue and its sub-tasks, the same as the `jira-v2` and
/// `jira-v3` exports give, and the comments that carry the requester's answers.
struct JiraIssueBodies {
    let api: JiraAPIVersion
    let options: ExportOptions

    /// The property every issue handoff creates carries: which draft it is, and what was sent.
    static let propertyKey = "handoff"
    /// Marks a comment handoff posted, so pull never takes it for a question.
    static let answerMarker = Localized(en: "Answer from the requester (posted by handoff)", ja: "依頼者の回答（handoff が投稿）")

    /// The label that finds the issue again when its key was never recorded (a crash between Jira's
    /// answer and writing `jira:`). Labels are searchable in every Jira; issue properties are not.
    static func identityLabel(_ identity: String) -> String {
        "handoff-" + String(identity.unicodeScalars.map { scalar in
            (scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."))
                ? Character(scalar) : "-"
        })
    }

    /// The draft as pushed: what Jira holds does not depend on handoff's own bookkeeping, so
    /// recording the key (or a pull's status) is not a change that needs another write.
    static func pushedDraft(_ draft: Draft) -> Draft {
        var copy = draft
        copy.jira = JiraLink()
        return copy
    }

    func item(_ draft: Draft, report: ReadinessReport) -> ExportItem {
        let pushed = Self.pushedDraft(draft)
        return ExportItem(draft: pushed, report: report, revision: "content " + ContentDigest.of(pushed))
    }

    /// The story's fields, in the order the exports write them, with the identity label added.
    func issueFields(_ item: ExportItem, identity: String) throws(ExportError) -> [(String, Value)] {
        let description: Value
        switch api {
        case .v3:
            let document = TicketDocumentBuilder(options: options).document(for: item)
            try ExportError.checkLength(document.textLength, of: item)
            description = ADFRenderer.render(document)
        case .v2:
            description = .string(try wikiDescription(item, options: options))
        }
        var entries = Self.entries(restFields(item, options: options, description: description))
        Self.addLabel(Self.identityLabel(identity), to: &entries)
        return entries
    }

    /// One sub-task per affected system, keyed by the system's name (how a re-push finds it).
    func subtaskFields(_ item: ExportItem, parent: String, identity: String) -> [(system: String, fields: [(String, Value)])] {
        let story = IssueFields(draft: item.draft, options: options)
        let type = options.configuration.jira.subtaskType ?? "Sub-task"
        let language = options.language ?? item.draft.language
        var out: [(system: String, fields: [(String, Value)])] = []
        var seen: Set<String> = []
        for system in item.draft.systems where !system.isEmptyValue {
            let name = system.name ?? ""
            guard seen.insert(name).inserted else { continue }
            var summaryDraft = Draft()
            summaryDraft.title = [system.name, system.change].compactMap { $0 }.filter { !$0.isEmptyValue }.joined(separator: ": ")
            let document = subtaskDocument(system, parent: story.summary, language: language)
            let description: Value = api == .v3 ? ADFRenderer.render(document) : .string(WikiMarkupRenderer.render(document))
            var entries: [(String, Value)] = [
                ("project", .object([("key", .string(options.projectKey))])),
                ("parent", .object([("key", .string(parent))])),
                ("issuetype", .object([("name", .string(type))])),
                ("summary", .string(IssueFields.summary(for: summaryDraft))),
                ("description", description),
                ("labels", .list(story.labels.map(Value.string))),
                ("priority", .object([("name", .string(story.priority))])),
            ]
            if let due = story.dueDate { entries.append(("duedate", .string(due.description))) }
            Self.addLabel(Self.identityLabel(identity) + "-system", to: &entries)
            out.append((name, entries))
        }
        return out
    }

    private func subtaskDocument(_ system: AffectedSystem, parent: String, language: Language) -> TicketDocument {
        var blocks: [TicketDocument.Block] = [
            .paragraph([.strong(Localized(en: "Part of", ja: "親チケット")(language) + ":"), .text(" " + parent)]),
            .table(
                header: [Labels.system, Labels.change, Labels.data, Labels.personalData, Labels.owner].map { $0(language) },
                rows: [[
                    system.name ?? "", system.change ?? "", system.data.joined(separator: ", "),
                    system.personalData.map { ($0 ? Labels.yes : Labels.no)(language) } ?? "", system.owner ?? "",
                ]]),
        ]
        if system.change.isBlank {
            blocks.append(.paragraph([.text(Localized(en: "The change is not described yet.", ja: "変更内容は未記入です。")(language))]))
        }
        return TicketDocument(blocks: blocks)
    }

    /// A comment that quotes IT's question and gives the requester's answer.
    func answerComment(question: ReviewQuestion, language: Language) -> Value {
        let asker = question.by.map { $0 + ": " } ?? ""
        let quoted = asker + (question.text ?? "")
        let answer = question.answer ?? ""
        let document = TicketDocument(blocks: [
            .quote(quoted),
            .paragraph([.text(answer)]),
            .paragraph([.code(Self.answerMarker(language))]),
        ])
        switch api {
        case .v3: return .object([("body", ADFRenderer.render(document))])
        case .v2: return .object([("body", .string(WikiMarkupRenderer.render(document)))])
        }
    }

    static func entries(_ value: Value) -> [(String, Value)] {
        guard case .map(let entries) = value else { return [] }
        return entries.map { ($0.key, $0.value) }
    }

    static func addLabel(_ label: String, to entries: inout [(String, Value)]) {
        if let index = entries.firstIndex(where: { $0.0 == "labels" }), case .list(let labels) = entries[index].1 {
            entries[index].1 = .list(labels + [.string(label)])
        } else {
            entries.append(("labels", .list([.string(label)])))
        }
    }

    /// A short digest of one field's value as sent, to tell on the next push what changed.
    static func digest(_ value: Value) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in JSONWriter.compact(value).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Which draft field (or setting) each Jira field comes from, so that Jira's per-field errors
/// name what the user can change.
public struct JiraFieldMap: Sendable {
    let configuration: Configuration

    /// A map for the settings `configuration` gives (its custom field ids).
    public init(configuration: Configuration) { self.configuration = configuration }

    /// Where the Jira field `field` (`summary`, `customfield_10015`) comes from, as a phrase for error
    /// messages; nil for a field handoff does not know.
    public func origin(of field: String) -> String? {
        switch field {
        case "summary": return "from the draft's title"
        case "duedate": return "from timeline.launch"
        case "description": return "the description built from the whole draft"
        case "labels": return "from jira.labels in the configuration"
        case "priority":
            return "from timeline.deadline and timeline.launch, named through jira.priority in the configuration: use the names your project has"
        case "issuetype": return "jira.issue_type (or jira.subtask_type) in the configuration"
        case "project", "pid": return "--project or jira.project_key in the configuration"
        case "components": return "jira.components in the configuration"
        case "parent": return "the story of --shape subtasks"
        default: break
        }
        let ids = configuration.jira.fields
        let known: [(String?, String)] = [
            (ids.launch, "launch: timeline.launch"), (ids.businessOwner, "business_owner: the business owner stakeholder"),
            (ids.requester, "requester: requester.name"), (ids.team, "team: requester.team"),
            (ids.businessGoal, "business_goal: objective.business_goal"), (ids.kgi, "kgi: success.kgi"),
            (ids.value, "value: objective.value"), (ids.legalReview, "legal_review: compliance.legal_review"),
        ]
        if let match = known.first(where: { $0.0 == field }) {
            return "jira.fields.\(match.1); check the custom field id in the configuration"
        }
        if field.hasPrefix("customfield_") { return "not a custom field handoff sets" }
        return nil
    }
}
