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

    struct Writer: ExportWriter {
        let options: ExportOptions
        var batch: [Value] = []
        /// Once a body has been written, the export is JSON Lines.
        var wroteBody = false

        mutating func add(_ item: ExportItem) throws(ExportError) -> String {
            if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV3Bulk) }
            var out = ""
            if batch.count == JiraV3BulkExporter.issuesPerBody {
                out = JSONWriter.compact(.object([("issueUpdates", .list(batch))])) + "\n"
                batch.removeAll(keepingCapacity: true)
                wroteBody = true
            }
            batch.append(.object([("fields", try JiraV3Exporter.fields(item, options: options))]))
            return out
        }

        mutating func finish() -> String {
            guard !batch.isEmpty else { return "" }
            let body = Value.object([("issueUpdates", .list(batch))])
            return wroteBody ? JSONWriter.compact(body) + "\n" : JSONWriter.pretty(body) + "\n"
        }
    }
}
