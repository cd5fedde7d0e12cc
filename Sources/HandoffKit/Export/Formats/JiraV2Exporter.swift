/// `jira-v2`: the body of `POST /rest/api/2/issue`, description in wiki markup. Several drafts
/// give one body a line (JSON Lines).
public struct JiraV2Exporter: Exporter {
    /// The jira-v2 exporter; it keeps no state.
    public init() {}

    /// A writer of create bodies; its `add` throws for `--shape subtasks` and for a description over Jira's
    /// 32,767-character limit.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item throws(ExportError) in
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV2) }
            let description = try wikiDescription(item, options: options)
            return RenderedDraft.json(.object([("fields", restFields(item, options: options, description: .string(description)))]))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        var bodies = OneOrLines()

        mutating func add(_ draft: RenderedDraft) throws(ExportError) -> String { try bodies.add(draft) }

        mutating func finish() -> String { bodies.finish() }
    }
}
