/// Where the draft's ticket lives in Jira, written by `handoff push` and `handoff pull`.
public struct JiraLink: Record {
    /// Issue key, e.g. MKT-123; nil until the draft is pushed.
    public var key: String?
    /// The page, e.g. https://example.atlassian.net/browse/MKT-123; nil until the draft is pushed.
    public var url: String?
    /// The draft revision Jira holds (a stored draft's revision; for a file, the count of pushes
    /// that changed the issue).
    public var pushedRevision: Int?
    /// The status at the last pull.
    public var status: String?
    /// The newest comment the last pull read; later comments are the new ones.
    public var lastComment: String?

    /// No link: the draft has not been pushed.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the jira section"
    /// The keys of the jira section, in the order they are written, with their descriptions.
    public static let fields: [Field<JiraLink>] = [
        .value("key", \.key, "Issue key, e.g. MKT-123."),
        .value("url", \.url, "The issue's page, e.g. https://example.atlassian.net/browse/MKT-123."),
        .value("pushed_revision", \.pushedRevision, "The draft revision that Jira holds."),
        .value("status", \.status, "The issue's status at the last pull."),
        .value("last_comment", \.lastComment, "Id of the newest Jira comment the last pull read."),
    ]
}

/// `jira.api` in the configuration.
public enum JiraAPIVersion: String, DraftEnum {
    case v2, v3
    /// Names the value in error messages.
    public static let valueName = "Jira REST API version"
}
