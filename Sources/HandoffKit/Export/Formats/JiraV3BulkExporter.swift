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
        var compactBatch: [String] = []
        /// Once a body has been written, the export is JSON Lines.
        var wroteBody = false

        mutating func add(_ draft: RenderedDraft) throws(ExportError) -> String {
            // A draft that cannot be exported is refused before a full body is let out, so that
            // the body is not lost with the error.
            let compact = try draft.json()
            var out = ""
            if batch.count == JiraV3BulkExporter.issuesPerBody {
                out = compactBody() + "\n"
                batch.removeAll(keepingCapacity: true)
                compactBatch.removeAll(keepingCapacity: true)
                wroteBody = true
            }
            batch.append(draft)
            compactBatch.append(compact)
            return out
        }

        /// What `JSONWriter.compact` writes for the body, from its members' compact text.
        private func compactBody() -> String {
            "{\"issueUpdates\":[" + compactBatch.joined(separator: ",") + "]}"
        }

        mutating func finish() -> String {
            guard !batch.isEmpty else { return "" }
            if wroteBody { return compactBody() + "\n" }
            // What `JSONWriter.pretty` writes for the body, its members indented two levels deep.
            let members = batch.map { draft in
                (try? JiraV3Exporter.body(draft.item, options: options, indent: 2, level: 2)) ?? ""
            }
            return "{\n  \"issueUpdates\": [\n    " + members.joined(separator: ",\n    ") + "\n  ]\n}\n"
        }
    }
}
