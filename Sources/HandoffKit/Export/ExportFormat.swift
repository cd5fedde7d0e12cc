/// The `--to` formats of `handoff export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    case jiraImport = "jira-import"
    case jiraV2 = "jira-v2"
    case jiraV3 = "jira-v3"
    case jiraV3Bulk = "jira-v3-bulk"
    case csv
    case markdown
    case yaml
    case json

    /// A fresh exporter for the format.
    public var exporter: any Exporter {
        switch self {
        case .jiraImport: return JiraImportExporter()
        case .jiraV2: return JiraV2Exporter()
        case .jiraV3: return JiraV3Exporter()
        case .jiraV3Bulk: return JiraV3BulkExporter()
        case .csv: return CSVExporter()
        case .markdown: return MarkdownExporter()
        case .yaml: return YAMLExporter()
        case .json: return JSONExporter()
        }
    }

    /// Formats whose description holds the source block in a JSON string (the importer's and
    /// REST v2's wiki text, REST v3's code block text): the items are made with the YAML written
    /// JSON-escaped (`ExportItem.init(escapingSourceForJSON:)`).
    public var escapesSourceForJSON: Bool {
        switch self {
        case .jiraImport, .jiraV2, .jiraV3, .jiraV3Bulk: return true
        case .csv, .markdown, .yaml, .json: return false
        }
    }

    /// Formats that become Jira issues, and so must be ready unless forced.
    public var isJira: Bool {
        switch self {
        case .jiraImport, .jiraV2, .jiraV3, .jiraV3Bulk, .csv: return true
        case .markdown, .yaml, .json: return false
        }
    }
}

/// One export format: turns ready drafts into the bytes of a file.
public protocol Exporter: Sendable {
    /// A writer that emits the export a draft at a time, so that a pipeline can stream a hundred
    /// thousand drafts with flat memory.
    func writer(options: ExportOptions) -> any ExportWriter
    /// One draft's part of the export, independent of the other drafts, so that it can be made
    /// on a worker thread; the writer puts the parts together in order.
    func render(_ item: ExportItem, options: ExportOptions) -> RenderedDraft
    /// Whether the export names each draft (its revision or its external id appear in it): a draft
    /// read from a file is then named by its digest, made with the item on the worker.
    var namesDrafts: Bool { get }
}

extension Exporter {
    /// True: most formats put the provenance line or an external id in every issue.
    public var namesDrafts: Bool { true }

    /// The export of `items`, deterministic: the same drafts and options give the same text.
    public func export(_ items: [ExportItem], options: ExportOptions) throws(ExportError) -> String {
        var writer = self.writer(options: options)
        var out: [UInt8] = []
        for item in items { try writer.add(render(item, options: options), into: &out) }
        writer.finish(into: &out)
        return out.utf8String
    }
}

/// Writes one export incrementally, as bytes: the drafts' parts were rendered as bytes on the
/// workers, and going through `String` on the way out would check them as UTF-8 once more. The
/// concatenation of every `add` and `finish` is the file.
public protocol ExportWriter {
    /// Appends the output for one more draft, rendered by the same format with the same options,
    /// to `out`; may append nothing while the writer batches (bulk bodies of 50). Throws the
    /// draft's rendering error, having appended nothing.
    mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError)
    /// Appends what remains once every draft is in.
    mutating func finish(into out: inout [UInt8])
}

extension ExportWriter {
    /// The output for one more draft, as text.
    public mutating func add(_ draft: RenderedDraft) throws(ExportError) -> String {
        var out: [UInt8] = []
        try add(draft, into: &out)
        return out.utf8String
    }

    /// What remains once every draft is in, as text.
    public mutating func finish() -> String {
        var out: [UInt8] = []
        finish(into: &out)
        return out.utf8String
    }
}

/// For formats that print one JSON object for a single draft and JSON Lines for several: the
/// first object is held back until a second arrives or the export ends.
struct OneOrLines {
    /// The indented JSON of one draft, for an export of that draft alone: made again then, so
    /// that every other export writes only the compact line.
    let pretty: (ExportItem) -> [UInt8]
    private var first: RenderedDraft?
    private var count = 0

    init(pretty: @escaping (ExportItem) -> [UInt8]) { self.pretty = pretty }

    mutating func add(_ draft: RenderedDraft, into out: inout [UInt8]) throws(ExportError) {
        let compact = try draft.json()
        count += 1
        switch count {
        case 1:
            first = draft
        case 2:
            if let held = try first?.json() { out.append(contentsOf: held) }
            first = nil
            out.append(0x0A)
            out.append(contentsOf: compact)
            out.append(0x0A)
        default:
            out.append(contentsOf: compact)
            out.append(0x0A)
        }
    }

    mutating func finish(into out: inout [UInt8]) {
        guard count == 1, let first else { return }
        out.append(contentsOf: pretty(first.item))
        out.append(0x0A)
    }
}

/// Why an export could not be produced.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// The whole message, ready to print: it names the draft (its external id) when one is at fault.
    public var message: String
    /// An error that prints `message` as given.
    public init(_ message: String) { self.message = message }
    /// The message as given.
    public var description: String { message }

    /// Jira refuses descriptions longer than this many characters.
    public static let descriptionLimit = 32_767

    static func checkLength(_ description: String, of item: ExportItem) throws(ExportError) {
        try checkLength(description.utf16Length, of: item)
    }

    static func checkLength(utf8 description: [UInt8], of item: ExportItem) throws(ExportError) {
        // A text has no more UTF-16 units than UTF-8 bytes: most are far from the limit uncounted.
        guard description.count > descriptionLimit else { return }
        try checkLength(description.withUnsafeBufferPointer(utf16Length), of: item)
    }

    static func checkLength(_ length: Int, of item: ExportItem) throws(ExportError) {
        if length > descriptionLimit {
            throw ExportError(
                "\(item.externalID): the description would be \(length) characters; Jira's limit is "
                    + "\(descriptionLimit). Shorten the longest texts, or leave out the source draft with --no-source.")
        }
    }

    static func shapeUnsupported(_ format: ExportFormat) -> ExportError {
        ExportError(
            "--shape subtasks is for jira-import, which links sub-tasks to their story; \(format.rawValue) creates "
                + "one issue per draft (create sub-tasks after the story exists, with its key as parent)")
    }
}

/// The description of `item` in wiki markup, as the importer, REST v2 and CSV take it.
func wikiDescription(_ item: ExportItem, options: ExportOptions) throws(ExportError) -> String {
    try wikiDescriptionBytes(item, options: options).utf8String
}

/// `wikiDescription`'s UTF-8, which the exports copy into their own bytes.
func wikiDescriptionBytes(_ item: ExportItem, options: ExportOptions) throws(ExportError) -> [UInt8] {
    // Written as the builder goes, not from a `TicketDocument` built and freed for the purpose.
    var stream = WikiMarkupStream(capacity: 4096 + (item.sourceYAMLCount ?? 4096))
    TicketDocumentBuilder(options: options).write(item, into: &stream)
    let text = stream.finish()
    try ExportError.checkLength(utf8: text, of: item)
    return text
}

/// `wikiDescriptionBytes` as `JSONWriter` writes it inside a string, appended to `out` as it is
/// rendered: one walk of the text instead of writing it and then escaping it. False, having
/// appended part of it, when that is not the same (a scalar that may be invisible, which JSON
/// escapes only from the whole text) or when the text may be over Jira's limit: then the caller
/// writes `wikiDescriptionBytes`, which says.
func appendWikiDescriptionJSON(_ item: ExportItem, options: ExportOptions, to out: inout [UInt8]) -> Bool {
    let start = out.count
    let complete = appendWikiDescription(item, options: options, escapedAs: .json, to: &out)
    // Escaped, the text is no shorter than its UTF-16: within the limit when this is.
    return complete && out.count - start <= ExportError.descriptionLimit
}

/// The wiki description appended to `out` escaped as `encoding` says, as it is rendered; false,
/// having appended part of it, where the stream gave up (see `WikiMarkupStream.finishEscaped`).
func appendWikiDescription(
    _ item: ExportItem, options: ExportOptions, escapedAs encoding: WikiMarkupStream.Encoding, to out: inout [UInt8]
) -> Bool {
    var taken: [UInt8] = []
    swap(&taken, &out)
    var stream = WikiMarkupStream(encoding, appendingTo: consume taken)
    TicketDocumentBuilder(options: options).write(item, into: &stream)
    let complete: Bool
    (out, complete) = stream.finishEscaped()
    return complete
}

/// The `fields` object of a REST create body; the description is a wiki string (v2) or ADF (v3).
func restFields(_ item: ExportItem, options: ExportOptions, description: Value) -> Value {
    let fields = IssueFields(draft: item.draft, options: options)
    var entries: [(String, Value?)] = [
        ("project", .object([("key", .string(options.projectKey))])),
        ("issuetype", .object([("name", .string(fields.issueType))])),
        ("summary", .string(fields.summary)),
        ("description", description),
        ("labels", .list(fields.labels.map(Value.string))),
        ("priority", .object([("name", .string(fields.priority))])),
        ("duedate", fields.dueDate.map { .string($0.description) }),
        ("components", fields.components.isEmpty ? nil : .list(fields.components.map { .object([("name", .string($0))]) })),
    ]
    for field in fields.customFields { entries.append((field.id, .string(field.value))) }
    return .object(entries)
}

/// `restFields` written straight into `tree`, the description by `description`: the same JSON
/// without the tree.
func writeRestFields(
    _ item: ExportItem, options: ExportOptions, into tree: inout TreeBytes, description: (inout TreeBytes) -> Void
) {
    let fields = IssueFields(draft: item.draft, options: options)
    tree.beginMap()
    tree.literalKey("project")
    tree.beginMap()
    tree.literalKey("key")
    tree.string(options.projectKey)
    tree.endMap()
    tree.literalKey("issuetype")
    tree.beginMap()
    tree.literalKey("name")
    tree.string(fields.issueType)
    tree.endMap()
    tree.literalKey("summary")
    tree.string(fields.summary)
    tree.literalKey("description")
    description(&tree)
    tree.literalKey("labels")
    tree.beginList()
    for label in fields.labels { tree.string(label) }
    tree.endList()
    tree.literalKey("priority")
    tree.beginMap()
    tree.literalKey("name")
    tree.string(fields.priority)
    tree.endMap()
    if let dueDate = fields.dueDate {
        tree.literalKey("duedate")
        tree.string(dueDate.description)
    }
    if !fields.components.isEmpty {
        tree.literalKey("components")
        tree.beginList()
        for component in fields.components {
            tree.beginMap()
            tree.literalKey("name")
            tree.string(component)
            tree.endMap()
        }
        tree.endList()
    }
    for field in fields.customFields {
        tree.key(field.id)
        tree.string(field.value)
    }
    tree.endMap()
}

