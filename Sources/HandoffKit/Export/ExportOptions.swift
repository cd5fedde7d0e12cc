/// What an export needs besides the drafts: how they map onto the Jira project.
public struct ExportOptions: Sendable {
    /// How drafts map onto issues (`--shape`).
    public enum Shape: String, Sendable, CaseIterable {
        /// One issue per draft.
        case single
        /// A story plus one sub-task per affected system (jira-import only).
        case subtasks
    }

    /// Which reader a CSV export's formula guard serves (`--csv-guard`).
    public enum CSVGuard: String, Sendable, CaseIterable {
        /// Jira's CSV importer: every cell as typed. Jira keeps a guard apostrophe in the field
        /// (`'-10% churn fix` as the Summary), and its import wizard runs no formulas.
        case jira
        /// A spreadsheet: a cell it would run as a formula starts with an apostrophe, which
        /// Excel, LibreOffice and Google Sheets hide and Jira's importer would keep.
        case spreadsheet
    }

    /// The loaded configuration: the Jira mapping (issue type, status, priorities, custom field ids)
    /// and IT's lead time.
    public var configuration: Configuration
    /// `--project`, else the configured key, else `MKT`.
    public var projectKey: String
    /// One issue per draft, or a story with sub-tasks; only jira-import takes `.subtasks`.
    public var shape: Shape
    /// Whether the description ends with the source draft as a code block; `--no-source` turns it off.
    public var includeSource: Bool
    /// Forces the language of headings; nil means each draft's own.
    public var language: Language?
    /// The date urgency and priority are worked out against (business days until the launch).
    public var today: CivilDate
    /// Only the CSV format reads it; `.jira` unless `--csv-guard` says otherwise.
    public var csvGuard: CSVGuard

    /// Options for an export; a nil `projectKey` falls back to the configured key, then to `MKT`.
    public init(
        configuration: Configuration = Configuration(), projectKey: String? = nil, shape: Shape = .single,
        includeSource: Bool = true, language: Language? = nil, today: CivilDate, csvGuard: CSVGuard = .jira
    ) {
        self.configuration = configuration
        self.projectKey = projectKey ?? configuration.jira.projectKey ?? JiraSettings.defaultProjectKey
        self.shape = shape
        self.includeSource = includeSource
        self.language = language
        self.today = today
        self.csvGuard = csvGuard
    }
}

/// One draft ready to be exported: the draft, its readiness, and where it came from.
public struct ExportItem: Sendable {
    /// The draft as loaded, exported as is; fixed, because the revision may be its digest.
    public private(set) var draft: Draft
    /// The draft's readiness; its open findings go into the description unless the builder is `bodyOnly`.
    public var report: ReadinessReport
    /// How the draft's revision is named in the provenance line: the store's revision number, or
    /// a digest of the draft's content for a file ("content 1a2b…").
    public var revision: String {
        get { namedRevision ?? "content " + contentDigest }
        set { namedRevision = newValue }
    }

    /// An item for `draft`; a nil `revision` names it by a digest of its content ("content 1a2b…").
    /// - Parameters:
    ///   - digestingNow: false leaves that digest to be made when the revision or the external id
    ///     is asked for, each time: for a format that never asks (json, yaml), which then does not
    ///     write the whole draft once more only to hash it.
    ///   - writingSource: the digest's walk of the draft also writes the source block's YAML, which
    ///     the description then takes from the item (one walk instead of two).
    ///   - escapingSourceForJSON: that YAML is written JSON-escaped, for a format whose description
    ///     holds it in a JSON string (`ExportFormat.escapesSourceForJSON`), which then copies it
    ///     in as it is instead of escaping it again.
    public init(
        draft: Draft, report: ReadinessReport, revision: String? = nil, digestingNow: Bool = true, writingSource: Bool = false,
        escapingSourceForJSON: Bool = false
    ) {
        self.draft = draft
        self.report = report
        namedRevision = revision
        guard revision == nil && digestingNow else { return }
        if writingSource && escapingSourceForJSON, let written = SourceBlock.yamlEscapedForJSONAndDigest(for: draft) {
            digest = written.digest
            sourceYAMLEscapedForJSON = (written.escaped, written.count)
        } else if writingSource, let both = SourceBlock.yamlBytesAndDigest(for: draft) {
            (digest, sourceYAMLBytes) = both
        } else {
            digest = ContentDigest.of(draft)
        }
    }

    /// `SourceBlock.yaml(for: draft)`'s UTF-8 when it was written with the digest.
    private(set) var sourceYAMLBytes: [UInt8]?

    /// `SourceBlock.yaml(for: draft)` JSON-escaped (as `JSONWriter.writeEscaped(utf8:into:)`
    /// escapes it, which gave no escape that needs the whole text), and its length in UTF-8
    /// unescaped, when it was written so with the digest.
    private(set) var sourceYAMLEscapedForJSON: (bytes: [UInt8], count: Int)?

    /// The length in UTF-8 of the source block's YAML, when the item holds it in either form: for
    /// the room an export makes for it.
    var sourceYAMLCount: Int? { sourceYAMLBytes?.count ?? sourceYAMLEscapedForJSON?.count }

    /// The revision as given, nil when the draft is named by its digest.
    private var namedRevision: String?

    /// `ContentDigest.of(draft)`, made at `init` unless it was told not to.
    private var digest: String?

    private var contentDigest: String { digest ?? ContentDigest.of(draft) }

    /// A stable id for Jira's importer and for sub-task links: the draft id, else a digest.
    public var externalID: String { draft.id ?? "draft-" + contentDigest.prefix(12) }
}

/// A short, stable digest of a draft's normalised content (FNV-1a, 64 bits): the same draft
/// always gives the same digest, on every machine.
public enum ContentDigest {
    /// The digest of `draft`: 16 lowercase hex digits.
    public static func of(_ draft: Draft) -> String {
        // The tagged bytes of the draft's tree (see `TreeBytes`), hashed as the draft's write plan
        // goes through it.
        if let written = withUnsafePointer(to: draft, { WritePlan.draft.write($0, .digest) }) {
            return ContentHash.hex(written.hash)
        }
        var tree = TreeBytes(.digest)
        draft.writeRecord(into: &tree)
        return tree.digest
    }
}
