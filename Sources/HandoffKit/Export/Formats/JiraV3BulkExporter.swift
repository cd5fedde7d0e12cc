/// `jira-v3-bulk`: the body of `POST /rest/api/3/issue/bulk`, which takes at most 50 issues. Up to
/// 50 drafts give one body; more give one body a line (JSON Lines), 50 issues each.
public struct JiraV3BulkExporter: Exporter {
    public static let issuesPerBody = 50

    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV3Bulk) }
        var updates: [Value] = []
        for item in items { updates.append(.object([("fields", try JiraV3Exporter.fields(item, options: options))])) }
        var bodies: [Value] = []
        var start = 0
        while start < updates.count {
            let end = min(start + Self.issuesPerBody, updates.count)
            bodies.append(.object([("issueUpdates", .list(Array(updates[start..<end])))]))
            start = end
        }
        return jsonDocuments(bodies)
    }
}
