/// `jira-v3`: the body of `POST /rest/api/3/issue`, description in Atlassian Document Format.
/// Several drafts give one body a line (JSON Lines).
public struct JiraV3Exporter: Exporter {
    /// The jira-v3 exporter; it keeps no state.
    public init() {}

    /// A writer of create bodies; its `add` throws for `--shape subtasks` and for a description whose text is
    /// over Jira's 32,767-character limit.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item throws(ExportError) in
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV3) }
            return RenderedDraft.json(.object([("fields", try JiraV3Exporter.fields(item, options: options))]))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        var bodies = OneOrLines()

        mutating func add(_ draft: RenderedDraft) throws(ExportError) -> String { try bodies.add(draft) }

        mutating func finish() -> String { bodies.finish() }
    }

    /// The v3 `fields` of one draft; shared with the bulk format.
    static func fields(_ item: ExportItem, options: ExportOptions) throws(ExportError) -> Value {
        let document = TicketDocumentBuilder(options: options).document(for: item)
        // Jira counts the description's text, not the ADF around it.
        try ExportError.checkLength(document.textLength, of: item)
        return restFields(item, options: options, description: ADFRenderer.render(document))
    }
}
