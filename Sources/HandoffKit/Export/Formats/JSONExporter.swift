/// `json`: the normalised drafts as JSON; several give one draft a line (JSON Lines), which
/// `handoff check -` reads back.
public struct JSONExporter: Exporter {
    /// The JSON exporter; it keeps no state.
    public init() {}

    /// A writer that emits one pretty-printed draft, or JSON Lines once there are two; `options` is not used.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer() }

    /// False: the draft is written as it is, without a provenance line or an id of handoff's.
    public var namesDrafts: Bool { false }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item in .json(compact: Self.json(item, indent: nil)) }
    }

    /// The normalised draft as JSON, written from the draft without building its `Value` tree.
    static func json(_ item: ExportItem, indent: Int?) -> [UInt8] {
        if indent == nil, let written = SourceBlock.planned(item.draft, .json) { return written.bytes }
        var tree = TreeBytes(.json(indent: indent), capacity: 4096)
        SourceBlock.writeFormatted(item.draft, into: &tree)
        return tree.bytes
    }

    struct Writer: ExportWriter {
        var drafts = OneOrLines { item in JSONExporter.json(item, indent: 2) }

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            try drafts.add(draft, into: &out)
        }

        mutating func finish(into out: inout [UInt8]) { drafts.finish(into: &out) }
    }
}
