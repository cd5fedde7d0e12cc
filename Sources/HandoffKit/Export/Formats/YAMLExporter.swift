/// `yaml`: the normalised drafts, as handoff writes them; several are separated by `---`.
public struct YAMLExporter: Exporter {
    /// The YAML exporter; it keeps no state.
    public init() {}

    /// A writer that emits each draft as a YAML document, with `---` before every one after the first;
    /// `options` is not used.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer() }

    struct Writer: ExportWriter {
        var count = 0

        mutating func add(_ item: ExportItem) throws(ExportError) -> String {
            var draft = item.draft
            draft.format = HandoffVersion.draftFormat
            count += 1
            return (count > 1 ? "---\n" : "") + YAMLWriter.document(draft.encoded)
        }

        mutating func finish() -> String { "" }
    }
}
