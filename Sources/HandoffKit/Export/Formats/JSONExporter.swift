/// `json`: the normalised drafts as JSON; several give one draft a line (JSON Lines), which
/// `handoff check -` reads back.
public struct JSONExporter: Exporter {
    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        jsonDocuments(
            items.map { item in
                var draft = item.draft
                draft.format = HandoffVersion.draftFormat
                return draft.encoded
            })
    }
}
