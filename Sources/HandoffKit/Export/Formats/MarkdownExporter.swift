/// `markdown`: the same ticket for people, one document per draft, separated by a rule.
public struct MarkdownExporter: Exporter {
    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        let builder = TicketDocumentBuilder(options: options)
        let marker = ExportReader.markdownMarker + " (handoff \(HandoffVersion.current)); each source draft is in a "
            + "code block named \(TicketDocument.sourceTitle) -->\n\n"
        return marker + items.map { item in
            let fields = IssueFields(draft: item.draft, options: options)
            return MarkdownRenderer.render(builder.document(for: item), title: fields.summary)
        }.joined(separator: "\n---\n\n")
    }
}
