/// `jira-v2`: the body of `POST /rest/api/2/issue`, description in wiki markup. Several drafts
/// give one body a line (JSON Lines).
public struct JiraV2Exporter: Exporter {
    public init() {}

    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        if options.shape == .subtasks { throw ExportError.shapeUnsupported(.jiraV2) }
        var bodies: [Value] = []
        for item in items {
            let description = try wikiDescription(item, options: options)
            bodies.append(.object([("fields", restFields(item, options: options, description: .string(description)))]))
        }
        return jsonDocuments(bodies)
    }
}
