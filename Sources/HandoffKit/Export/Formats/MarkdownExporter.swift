/// `markdown`: the same ticket for people, one document per draft, separated by a rule.
public struct MarkdownExporter: Exporter {
    /// The Markdown exporter; it keeps no state.
    public init() {}

    /// A writer that emits a marker comment, then one document per draft headed by its Jira summary.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item in
            let fields = IssueFields(draft: item.draft, options: options)
            return .text(Array(MarkdownRenderer.render(TicketDocumentBuilder(options: options).document(for: item), title: fields.summary).utf8))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        var count = 0

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            let document = try draft.text()
            count += 1
            let marker = SourceBlock.markdownMarker + " (handoff \(HandoffVersion.current)); each source draft is in a "
                + "code block named \(TicketDocument.sourceTitle) -->\n\n"
            out.append(utf8: count == 1 ? marker : "\n---\n\n")
            out.append(contentsOf: document)
        }

        mutating func finish(into out: inout [UInt8]) {}
    }
}
