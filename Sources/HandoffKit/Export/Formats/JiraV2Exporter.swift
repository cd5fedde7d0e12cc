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
            return .json(compact: try JiraV2Exporter.body(item, options: options, indent: nil))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        var bodies: OneOrLines

        init(options: ExportOptions) {
            self.options = options
            // The draft was rendered once already, so its description is within the limit.
            bodies = OneOrLines { item in (try? JiraV2Exporter.body(item, options: options, indent: 2)) ?? [] }
        }

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            try bodies.add(draft, into: &out)
        }

        mutating func finish(into out: inout [UInt8]) { bodies.finish(into: &out) }
    }

    /// The create body `{"fields": …}` of one draft as JSON.
    static func body(_ item: ExportItem, options: ExportOptions, indent: Int?) throws(ExportError) -> [UInt8] {
        var tree = TreeBytes(.json(indent: indent), capacity: 8192 + (item.sourceYAMLCount ?? 4096) * 5 / 4)
        var escaped = true
        tree.beginMap()
        tree.literalKey("fields")
        writeRestFields(item, options: options, into: &tree) { tree in
            escaped = tree.string { appendWikiDescriptionJSON(item, options: options, to: &$0) }
        }
        tree.endMap()
        if escaped { return tree.bytes }
        // Rare: the text has a scalar that may be invisible, or may be over the limit.
        let description = try wikiDescriptionBytes(item, options: options)
        tree = TreeBytes(.json(indent: indent), capacity: 8192)
        tree.beginMap()
        tree.literalKey("fields")
        writeRestFields(item, options: options, into: &tree) { $0.string(utf8: description) }
        tree.endMap()
        return tree.bytes
    }
}
