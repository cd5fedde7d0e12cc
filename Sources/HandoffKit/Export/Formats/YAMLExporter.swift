/// `yaml`: the normalised drafts, as handoff writes them; several are separated by `---`.
public struct YAMLExporter: Exporter {
    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        items.map { item in
            var draft = item.draft
            draft.format = HandoffVersion.draftFormat
            return YAMLWriter.document(draft.encoded)
        }.joined(separator: "---\n")
    }
}
