/// `jira-import`: Jira's JSON importer file (`projects[].issues[]`, `links[]`). Several drafts make
/// one file; `--shape subtasks` adds one sub-task per affected system, linked to its story with
/// `sub-task-link`. External ids are stable (the draft id), so a re-import updates, not duplicates.
public struct JiraImportExporter: Exporter {
    /// The jira-import exporter; it keeps no state.
    public init() {}

    /// A writer that streams one importer document; its `add` throws for a description over Jira's
    /// 32,767-character limit.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    /// The issues as written with the draft's own external id; the writer keeps them if no draft
    /// before it took that id.
    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item throws(ExportError) in
            var links: [Value] = []
            let issues = try issues(for: item, externalID: item.externalID, options: options, links: &links)
            return .importIssues(issues, links: links)
        }
    }

    /// Streams the one JSON document: its head with the first issue, each issue as it comes, the
    /// links (kept, they are small) and the closing brackets at the end. The text is the same as
    /// `JSONWriter.pretty` of the whole document.
    struct Writer: ExportWriter {
        let options: ExportOptions
        var links: [Value] = []
        var used = TakenIDs()
        var issues = 0

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            let rendered: [[UInt8]]
            if case .success(.importIssues(let written, let newLinks)) = draft.outcome {
                let id = draft.item.externalID
                let claimed = used.claim(id)
                if claimed == id {
                    rendered = written
                    links += newLinks
                } else {
                    // The id was taken: the issues differ from the ones rendered only in their
                    // ids, put in where they stand rather than the draft rendered again here.
                    let (reissued, movedLinks) = JiraImportExporter.reissued(written, links: newLinks, from: id, as: claimed)
                    rendered = reissued
                    links += movedLinks
                }
            } else {
                // The id is taken (the issues must be written again with a distinct one), or the
                // draft failed, which claims its id all the same: done here, in order, as before.
                rendered = try JiraImportExporter().issues(for: draft.item, options: options, used: &used, links: &links)
            }
            for issue in rendered {
                if issues == 0 { out.append(utf8: head) } else { out.append(UInt8(ascii: ",")) }
                out.append(utf8: "\n        ")
                out.append(contentsOf: issue)
                issues += 1
            }
        }

        var head: String {
            var key = ""
            JSONWriter.writeString(options.projectKey, into: &key)
            return "{\n  \"projects\": [\n    {\n      \"key\": " + key + ",\n      \"issues\": ["
        }

        mutating func finish(into out: inout [UInt8]) {
            var tail = issues == 0 ? head + "]" : "\n      ]"
            tail += "\n    }\n  ]"
            if !links.isEmpty { tail += ",\n  \"links\": " + JSONWriter.pretty(.list(links), level: 1) }
            out.append(utf8: tail + "\n}\n")
        }
    }

    /// The story for `item` and, with `--shape subtasks`, one sub-task per affected system, with
    /// their `sub-task-link`s; each issue is JSON indented as inside the file.
    func issues(
        for item: ExportItem, options: ExportOptions, used: inout TakenIDs, links: inout [Value]
    ) throws(ExportError) -> [[UInt8]] {
        // Two identical drafts without ids would share an id; the importer needs them distinct.
        try issues(for: item, externalID: used.claim(item.externalID), options: options, links: &links)
    }

    /// The external ids one importer file has given out. An id that comes again is given the
    /// first of `id-2`, `id-3`, … not taken; the copy to try next is kept for each id, so that a
    /// file of the same draft many times over does not try every copy before it each time.
    struct TakenIDs {
        private var taken: Set<String> = []
        private var nextCopy: [String: Int] = [:]

        /// Takes `id`; false if it was taken already.
        mutating func insert(_ id: String) -> Bool { taken.insert(id).inserted }

        /// `id` if it is free, else its first free copy; taken either way.
        mutating func claim(_ id: String) -> String {
            if taken.insert(id).inserted { return id }
            // The copies below the one kept were all taken, and ids are never given back.
            var copy = nextCopy[id] ?? 2
            var candidate = "\(id)-\(copy)"
            while !taken.insert(candidate).inserted {
                copy += 1
                candidate = "\(id)-\(copy)"
            }
            nextCopy[id] = copy + 1
            return candidate
        }
    }

    /// The issues `issues(for:externalID:options:links:)` wrote with `old` and the links it
    /// added, as that writes them with `new`: the story's id is `old`, each sub-task's is the
    /// source of its link (`old` and a suffix), and neither description holds an id.
    static func reissued(_ issues: [[UInt8]], links: [Value], from old: String, as new: String) -> ([[UInt8]], [Value]) {
        func jsonString(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            JSONWriter.writeString(text, into: &bytes)
            return bytes
        }
        // Each sub-task's id, as written and as it becomes, from its link.
        var writtenIDs = [old]
        var movedIDs = [new]
        var movedLinks: [Value] = []
        for link in links {
            guard case .map(let entries) = link, entries.count == 3, case .string(let source) = entries[1].value,
                source.utf8.starts(with: old.utf8)
            else { preconditionFailure("a sub-task link as issues(for:) makes it") }
            let moved = new + String(decoding: source.utf8.dropFirst(old.utf8.count), as: UTF8.self)
            writtenIDs.append(source)
            movedIDs.append(moved)
            movedLinks.append(
                .object([("name", .string("sub-task-link")), ("sourceId", .string(moved)), ("destinationId", .string(new))]))
        }
        precondition(writtenIDs.count == issues.count, "a link for each sub-task")
        let key = Array(#""externalId": "#.utf8)
        var reissued: [[UInt8]] = []
        reissued.reserveCapacity(issues.count)
        for (index, issue) in issues.enumerated() {
            let field = key + jsonString(writtenIDs[index])
            // The id is the issue's first member: its first occurrence is the one.
            guard let start = issue.firstRange(of: field)?.lowerBound else { preconditionFailure("an issue as issue(…) writes it") }
            var moved = issue
            moved.replaceSubrange(start + key.count..<start + field.count, with: jsonString(movedIDs[index]))
            reissued.append(moved)
        }
        return (reissued, movedLinks)
    }

    /// `issues(for:options:used:links:)` with `externalID` taken: what a worker renders, before
    /// the writer knows whether a draft before it took the id (no set of ids made for one).
    func issues(
        for item: ExportItem, externalID: String, options: ExportOptions, links: inout [Value]
    ) throws(ExportError) -> [[UInt8]] {
        let fields = IssueFields(draft: item.draft, options: options)
        var issues = [
            try issue(
                externalID: externalID, type: fields.issueType, summary: fields.summary, fields: fields,
                capacity: 8192 + (item.sourceYAMLCount ?? 4096) * 5 / 4
            ) { tree throws(ExportError) in
                guard !tree.string(escapedBy: { appendWikiDescriptionJSON(item, options: options, to: &$0) }) else { return nil }
                // Rare: the text has a scalar that may be invisible, or may be over the limit.
                return try wikiDescriptionBytes(item, options: options)
            }
        ]
        guard options.shape == .subtasks else { return issues }
        let subtaskType = options.configuration.jira.subtaskType ?? "Sub-task"
        for (index, system) in item.draft.systems.enumerated() where !system.isEmptyValue {
            let id = "\(externalID)-system-\(index + 1)"
            var summaryDraft = Draft()
            summaryDraft.title = [system.name, system.change].compactMap { $0 }.filter { !$0.isEmptyValue }
                .joined(separator: ": ")
            issues.append(
                try issue(
                    externalID: id, type: subtaskType, summary: IssueFields.summary(for: summaryDraft), fields: fields,
                    capacity: 2048, custom: false
                ) { _ in subtaskDescription(system, parent: fields.summary, item: item, options: options) })
            links.append(
                .object([
                    ("name", .string("sub-task-link")), ("sourceId", .string(id)), ("destinationId", .string(externalID)),
                ]))
        }
        return issues
    }

    /// One issue as `JSONWriter.pretty(_, level: 4)` writes it, written without the `Value` tree.
    /// `description` writes the description's string where it goes, or gives the text for it.
    private func issue(
        externalID: String, type: String, summary: String, fields: IssueFields, capacity: Int, custom: Bool = true,
        description: (inout TreeBytes) throws(ExportError) -> [UInt8]?
    ) throws(ExportError) -> [UInt8] {
        var tree = TreeBytes(.json(indent: 2), level: 4, capacity: capacity)
        func entry(_ key: String, _ value: String) {
            tree.key(key)
            tree.string(value)
        }
        tree.beginMap()
        entry("externalId", externalID)
        entry("issueType", type)
        entry("summary", summary)
        entry("status", fields.status)
        entry("priority", fields.priority)
        tree.literalKey("description")
        let mark = tree.mark
        if let text = try description(&tree) {
            tree.rollback(to: mark)
            tree.string(utf8: text)
        }
        tree.literalKey("labels")
        tree.beginList()
        for label in fields.labels { tree.string(label) }
        tree.endList()
        if !fields.components.isEmpty {
            tree.literalKey("components")
            tree.beginList()
            for component in fields.components { tree.string(component) }
            tree.endList()
        }
        if let dueDate = fields.dueDate { entry("duedate", dueDate.description) }
        if custom, !fields.customFields.isEmpty {
            tree.literalKey("customFieldValues")
            tree.beginList()
            for field in fields.customFields {
                tree.beginMap()
                entry("fieldName", field.id)
                entry(
                    "fieldType",
                    "com.atlassian.jira.plugin.system.customfieldtypes:" + (field.kind == .date ? "datepicker" : "textfield"))
                entry("value", field.value)
                tree.endMap()
            }
            tree.endList()
        }
        tree.endMap()
        return tree.bytes
    }

    private func subtaskDescription(
        _ system: AffectedSystem, parent: String, item: ExportItem, options: ExportOptions
    ) -> [UInt8] {
        let language = options.language ?? item.draft.language
        var blocks: [TicketDocument.Block] = [
            .paragraph([.strong(Localized(en: "Part of", ja: "親チケット")(language) + ":"), .text(" " + parent)]),
            .table(
                header: [Labels.system, Labels.change, Labels.data, Labels.personalData, Labels.owner].map { $0(language) },
                rows: [
                    [
                        system.name ?? "", system.change ?? "", system.data.joined(separator: ", "),
                        system.personalData.map { ($0 ? Labels.yes : Labels.no)(language) } ?? "", system.owner ?? "",
                    ]
                ]),
        ]
        if system.change.isBlank {
            blocks.append(.paragraph([.text(Localized(en: "The change is not described yet.", ja: "変更内容は未記入です。")(language))]))
        }
        return WikiMarkupRenderer.renderBytes(TicketDocument(blocks: blocks))
    }
}
