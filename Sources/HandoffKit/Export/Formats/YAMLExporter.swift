/// `yaml`: the normalised drafts, as handoff writes them; several are separated by `---`.
public struct YAMLExporter: Exporter {
    /// The YAML exporter; it keeps no state.
    public init() {}

    /// A writer that emits each draft as a YAML document, with `---` before every one after the first;
    /// `options` is not used.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer() }

    /// False: the draft is written as it is, without a provenance line or an id of handoff's.
    public var namesDrafts: Bool { false }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item in
            if let written = SourceBlock.planned(item.draft, .yaml(guards: .none, digesting: false)) { return .text(written.bytes) }
            // Written from the draft, as `YAMLWriter.document` writes the encoded draft.
            var tree = TreeBytes(.yaml(guarded: []), capacity: 4096)
            SourceBlock.writeFormatted(item.draft, into: &tree)
            return .text(tree.bytes)
        }
    }

    struct Writer: ExportWriter {
        var count = 0

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            let document = try draft.text()
            count += 1
            if count > 1 { out.append(utf8: "---\n") }
            out.append(contentsOf: document)
        }

        mutating func finish(into out: inout [UInt8]) {}
    }
}
