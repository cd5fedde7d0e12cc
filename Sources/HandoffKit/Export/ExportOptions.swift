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
    public var configuration: Configuration {
        _read { yield storage.configuration }
        _modify {
            makeUnique()
            yield &storage.configuration
        }
    }
    /// `--project`, else the configured key, else `MKT`.
    public var projectKey: String {
        _read { yield storage.projectKey }
        _modify {
            makeUnique()
            yield &storage.projectKey
        }
    }
    /// One issue per draft, or a story with sub-tasks; only jira-import takes `.subtasks`.
    public var shape: Shape {
        get { storage.shape }
        set {
            makeUnique()
            storage.shape = newValue
        }
    }
    /// Whether the description ends with the source draft as a code block; `--no-source` turns it off.
    public var includeSource: Bool {
        get { storage.includeSource }
        set {
            makeUnique()
            storage.includeSource = newValue
        }
    }
    /// Forces the language of headings; nil means each draft's own.
    public var language: Language? {
        get { storage.language }
        set {
            makeUnique()
            storage.language = newValue
        }
    }
    /// The date urgency and priority are worked out against (business days until the launch).
    public var today: CivilDate {
        get { storage.today }
        set {
            makeUnique()
            storage.today = newValue
        }
    }
    /// Only the CSV format reads it; `.jira` unless `--csv-guard` says otherwise.
    public var csvGuard: CSVGuard {
        get { storage.csvGuard }
        set {
            makeUnique()
            storage.csvGuard = newValue
        }
    }

    /// The options themselves, behind one reference: every exporter, writer, builder and closure
    /// holds a copy of the options, and a copy of the fields themselves retains each string of the
    /// configuration (some seventy) and releases them again, atomically, several times a draft.
    /// Copied on write, so the options keep value semantics.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        // Mutated only through `makeUnique`, when no other options share it: as safe to send as the
        // fields themselves.
        var configuration: Configuration
        var projectKey: String
        var shape: Shape
        var includeSource: Bool
        var language: Language?
        var today: CivilDate
        var csvGuard: CSVGuard

        init(
            configuration: Configuration, projectKey: String, shape: Shape, includeSource: Bool, language: Language?,
            today: CivilDate, csvGuard: CSVGuard
        ) {
            self.configuration = configuration
            self.projectKey = projectKey
            self.shape = shape
            self.includeSource = includeSource
            self.language = language
            self.today = today
            self.csvGuard = csvGuard
        }

        func copy() -> Storage {
            Storage(
                configuration: configuration, projectKey: projectKey, shape: shape, includeSource: includeSource,
                language: language, today: today, csvGuard: csvGuard)
        }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Options for an export; a nil `projectKey` falls back to the configured key, then to `MKT`.
    public init(
        configuration: Configuration = Configuration(), projectKey: String? = nil, shape: Shape = .single,
        includeSource: Bool = true, language: Language? = nil, today: CivilDate, csvGuard: CSVGuard = .jira
    ) {
        storage = Storage(
            configuration: configuration,
            projectKey: projectKey ?? configuration.jira.projectKey ?? JiraSettings.defaultProjectKey, shape: shape,
            includeSource: includeSource, language: language, today: today, csvGuard: csvGuard)
    }
}

/// One draft ready to be exported: the draft, its readiness, and where it came from.
public struct ExportItem: Sendable {
    /// The draft as loaded, exported as is; fixed, because the revision may be its digest.
    public var draft: Draft { _read { yield storage.draft } }
    /// The draft's readiness; its open findings go into the description unless the builder is `bodyOnly`.
    public var report: ReadinessReport {
        _read { yield storage.report }
        _modify {
            makeUnique()
            yield &storage.report
        }
    }
    /// How the draft's revision is named in the provenance line: the store's revision number, or
    /// a digest of the draft's content for a file ("content 1a2b…").
    public var revision: String {
        get { storage.namedRevision ?? "content " + contentDigest }
        set {
            makeUnique()
            storage.namedRevision = newValue
        }
    }

    /// An item for `draft`; a nil `revision` names it by a digest of its content ("content 1a2b…").
    /// - Parameters:
    ///   - draft: moved in (a copy of a draft retains every string it holds).
    ///   - digestingNow: false leaves that digest to be made when the revision or the external id
    ///     is asked for, each time: for a format that never asks (json, yaml), which then does not
    ///     write the whole draft once more only to hash it.
    ///   - writingSource: the digest's walk of the draft also writes the source block's YAML, which
    ///     the description then takes from the item (one walk instead of two).
    ///   - escapingSourceForJSON: that YAML is written JSON-escaped, for a format whose description
    ///     holds it in a JSON string (`ExportFormat.escapesSourceForJSON`), which then copies it
    ///     in as it is instead of escaping it again.
    public init(
        draft: consuming Draft, report: ReadinessReport, revision: String? = nil, digestingNow: Bool = true,
        writingSource: Bool = false, escapingSourceForJSON: Bool = false
    ) {
        var digest: String?
        var source = SourceYAML.none
        if revision == nil && digestingNow {
            if writingSource && escapingSourceForJSON, let written = SourceBlock.yamlEscapedForJSONAndDigest(for: draft) {
                digest = written.digest
                source = .escapedForJSON(written.escaped, count: written.count)
            } else if writingSource, let both = SourceBlock.yamlBytesAndDigest(for: draft) {
                digest = both.digest
                source = .plain(both.yaml)
            } else {
                digest = ContentDigest.of(draft)
            }
        }
        storage = Storage(draft: draft, report: report, namedRevision: revision, digest: digest, source: source)
    }

    /// `SourceBlock.yaml(for: draft)`'s UTF-8 when it was written with the digest.
    var sourceYAMLBytes: [UInt8]? {
        guard case .plain(let bytes) = storage.source else { return nil }
        return bytes
    }

    /// `SourceBlock.yaml(for: draft)` JSON-escaped (as `JSONWriter.writeEscaped(utf8:into:)`
    /// escapes it, which gave no escape that needs the whole text), and its length in UTF-8
    /// unescaped, when it was written so with the digest.
    var sourceYAMLEscapedForJSON: (bytes: [UInt8], count: Int)? {
        guard case .escapedForJSON(let bytes, let count) = storage.source else { return nil }
        return (bytes, count)
    }

    /// The length in UTF-8 of the source block's YAML, when the item holds it in either form: for
    /// the room an export makes for it.
    var sourceYAMLCount: Int? {
        switch storage.source {
        case .none: nil
        case .plain(let bytes): bytes.count
        case .escapedForJSON(_, let count): count
        }
    }

    private var contentDigest: String { storage.digest ?? ContentDigest.of(storage.draft) }

    /// A stable id for Jira's importer and for sub-task links: the draft id, else a digest.
    public var externalID: String { storage.draft.id ?? "draft-" + contentDigest.prefix(12) }

    /// The source block's YAML as the digest's walk wrote it: in the form the format takes, or
    /// not at all (the description then writes it from the draft).
    private enum SourceYAML {
        case none
        case plain([UInt8])
        /// JSON-escaped, with the YAML's length in UTF-8 unescaped.
        case escapedForJSON([UInt8], count: Int)
    }

    /// The item behind one reference: an item is handed to the exporter, kept by its rendered part
    /// for the writer and read by closures, and a copy of the fields themselves would retain every
    /// string of the draft and of its report, and release them again, atomically, each time.
    /// Copied on write, so the item keeps value semantics.
    private var storage: Storage

    private final class Storage: @unchecked Sendable {
        // Mutated only through `makeUnique`, when no other item shares it: as safe to send as the
        // fields themselves.
        let draft: Draft
        var report: ReadinessReport
        /// The revision as given, nil when the draft is named by its digest.
        var namedRevision: String?
        /// `ContentDigest.of(draft)`, made at `init` unless it was told not to.
        let digest: String?
        let source: SourceYAML

        init(draft: consuming Draft, report: ReadinessReport, namedRevision: String?, digest: String?, source: SourceYAML) {
            self.draft = draft
            self.report = report
            self.namedRevision = namedRevision
            self.digest = digest
            self.source = source
        }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(
                draft: storage.draft, report: storage.report, namedRevision: storage.namedRevision, digest: storage.digest,
                source: storage.source)
        }
    }
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
