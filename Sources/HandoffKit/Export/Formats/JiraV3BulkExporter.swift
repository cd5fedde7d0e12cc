/// `jira-v3-bulk`: the body of `POST /rest/api/3/issue/bulk`, which takes at most 50 issues. Up to
/// 50 drafts give one body; more give one body a line (JSON Lines), 50 issues each.
public struct JiraV3BulkExporter: Exporter {
    /// Most issues one bulk body holds: Jira's limit for `POST /rest/api/3/issue/bulk`.
    public static let issuesPerBody = 50

    /// The jira-v3-bulk exporter; it keeps no state.
    public init() {}

    /// A writer that holds drafts until a body is full; its `add` throws for `--shape subtasks` and for a
    /// description whose text is over Jira's 32,767-character limit.
    public func writer(options: ExportOptions) -> any ExportWriter { Writer(options: options) }

    public func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft {
        RenderedDraft(item) { item throws(ExportError) in
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV3Bulk) }
            return .json(compact: try JiraV3Exporter.body(item, options: options, indent: nil))
        }
    }

    struct Writer: ExportWriter {
        let options: ExportOptions
        /// The drafts of the body being filled; an export of one body alone writes them again, indented.
        var batch: [RenderedDraft] = []
        /// `batch`'s members as compact JSON, made on the workers.
        var compactBatch: [[UInt8]] = []
        /// Once a body has been written, the export is JSON Lines.
        var wroteBody = false

        mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
            // A draft that cannot be exported is refused before a full body is let out, so that
            // the body is not lost with the error.
            let compact = try draft.json()
            if batch.count == JiraV3BulkExporter.issuesPerBody {
                writeCompactBody(into: &out)
                batch.removeAll(keepingCapacity: true)
                compactBatch.removeAll(keepingCapacity: true)
                wroteBody = true
            }
            batch.append(draft)
            compactBatch.append(compact)
        }

        /// What `JSONWriter.compact` writes for the body, from its members' compact text, and a line break.
        private func writeCompactBody(into out: inout [UInt8]) {
            out.append(utf8: "{\"issueUpdates\":[")
            for (index, member) in compactBatch.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: member)
            }
            out.append(utf8: "]}\n")
        }

        mutating func finish(into out: inout [UInt8]) {
            guard !batch.isEmpty else { return }
            if wroteBody { return writeCompactBody(into: &out) }
            // What `JSONWriter.pretty` writes for the body, its members indented two levels deep.
            out.append(utf8: "{\n  \"issueUpdates\": [\n    ")
            for (index, draft) in batch.enumerated() {
                if index > 0 { out.append(utf8: ",\n    ") }
                out.append(contentsOf: (try? JiraV3Exporter.body(draft.item, options: options, indent: 2, level: 2)) ?? [])
            }
            out.append(utf8: "\n  ]\n}\n")
        }
    }
}
