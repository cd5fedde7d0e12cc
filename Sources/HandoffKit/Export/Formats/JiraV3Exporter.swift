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
            return .json(compact: try JiraV3Exporter.body(item, options: options, indent: nil))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        var bodies: OneOrLines

        init(options: ExportOptions) {
            self.options = options
            // The draft was rendered once already, so its description is within the limit.
            bodies = OneOrLines { item in (try? JiraV3Exporter.body(item, options: options, indent: 2)) ?? [] }
        }

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            try bodies.add(draft, into: &out)
        }

        mutating func finish(into out: inout [UInt8]) { bodies.finish(into: &out) }
    }

    /// The create body `{"fields": …}` of one draft as JSON, `level` levels deep when indented;
    /// shared with the bulk format.
    static func body(_ item: ExportItem, options: ExportOptions, indent: Int?, level: Int = 0) throws(ExportError) -> [UInt8] {
        let builder = TicketDocumentBuilder(options: options)
        // Room for the ADF (some sixteen kilobytes a draft with its source) from the start.
        var tree = TreeBytes(.json(indent: indent), level: level, capacity: 16_384 + (item.sourceYAMLCount ?? 4096) * 2)
        var lengthBound = 0
        tree.beginMap()
        tree.literalKey("fields")
        writeRestFields(item, options: options, into: &tree) { tree in
            // The ADF is written as the builder goes: the bytes (compact) or the tree (indented)
            // move into the stream and back, so that neither is copied.
            guard indent != nil else {
                var stream = ADFCompactStream()
                tree.lendBytes(to: &stream.bytes)
                stream.start()
                builder.write(item, into: &stream)
                stream.finish()
                lengthBound = stream.lengthBound
                return tree.takeBackBytes(from: &stream.bytes)
            }
            var stream = ADFStream()
            swap(&tree, &stream.tree)
            stream.start()
            builder.write(item, into: &stream)
            stream.finish()
            lengthBound = stream.lengthBound
            swap(&tree, &stream.tree)
        }
        tree.endMap()
        // Jira counts the description's text, not the ADF around it; counted exactly only when
        // the bound in UTF-8 does not settle it.
        if lengthBound > ExportError.descriptionLimit {
            try ExportError.checkLength(builder.document(for: item).textLength, of: item)
        }
        return tree.bytes
    }
}
