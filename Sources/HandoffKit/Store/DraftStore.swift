#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drafts kept by handoff: `<store>/drafts/<id>/` holds `draft.yaml` (the current draft),
/// `journal.jsonl` (an append-only line per saved revision: when, which fields, the whole draft),
/// `interview.yaml` (where the interview stands) and `lock` (who has it open).
///
/// Every write is atomic, so a crash or `kill -9` leaves the last saved draft intact; a draft file
/// that does not parse is never overwritten.
public struct DraftStore: Sendable {
    /// The store's root folder; nothing is created there until the first save.
    public let location: StoreLocation

    /// A store at `location`; no file is read or created yet.
    public init(location: StoreLocation) {
        self.location = location
    }

    /// One stored draft as listed by `handoff drafts`.
    public struct Entry: Sendable {
        /// The draft's id, which names its folder.
        public var id: String
        /// The current draft; nil when it could not be read (`problem` says why).
        public var draft: Draft?
        /// Why the draft could not be read, when it could not.
        public var problem: String?
        /// ISO time of the last saved revision; empty when the journal holds none.
        public var updated: String
        /// How many revisions the journal holds.
        public var revisions: Int
    }

    /// One line of the journal.
    public struct Revision: Sendable, Equatable {
        /// The revision number, from 1.
        public var number: Int
        /// ISO 8601 time of the save, in UTC, as written.
        public var at: String
        /// The fields the revision filled, as the interview recorded them; `from` marks a draft seeded from a file.
        public var fields: [String]
        /// The interview section the save happened in, if any.
        public var section: String?
        /// The whole draft as saved in that revision.
        public var draft: Draft
    }

    // MARK: Reading

    /// Whether `id` has a `draft.yaml` in this store (the file is not read).
    public func exists(_ id: String) -> Bool {
        access(location.draftPath(id: id), F_OK) == 0
    }

    /// Where the interview of `id` stands; a fresh state when it has none or it cannot be read.
    public func state(_ id: String) -> InterviewState {
        let path = location.draftDirectory(id: id) + "/interview.yaml"
        guard let text = try? Self.readText(path),
            let state = try? RecordFile.decode(InterviewState.self, text: text, source: path)
        else { return InterviewState() }
        return state
    }

    /// The journal of `id`, oldest first. Lines that cannot be read (a torn last line after a
    /// crash) are skipped.
    public func revisions(_ id: String) -> [Revision] {
        guard let text = try? Self.readText(location.draftDirectory(id: id) + "/journal.jsonl") else { return [] }
        return text.split(separator: "\n").compactMap(Self.revision(fromLine:))
    }

    static func revision(fromLine line: Substring) -> Revision? {
        let chunk = DocumentChunk(index: 1, firstLine: 1, text: String(line), error: nil)
        guard let root = try? YAMLReader.parse(chunk, source: "journal"),
            let number = root["revision"]?.scalarText.flatMap({ Int($0) }),
            let at = root["at"]?.scalarText, let draftNode = root["draft"]
        else { return nil }
        var context = DecodeContext(source: "journal")
        guard let draft = Draft.decode(draftNode, in: &context), context.errors.isEmpty else { return nil }
        return Revision(
            number: number, at: at, fields: (root["fields"]?.items ?? []).compactMap(\.scalarText),
            section: root["section"]?.scalarText, draft: draft)
    }

    /// The journal is the record: a save appends the revision, then replaces `draft.yaml`, and a
    /// kill between the two leaves the file one revision behind. A file that holds an earlier
    /// revision is read as the journal's latest; a file that holds no revision (edited by hand
    /// since) is read as it is, with no revision number.
    /// - Returns: the draft to use and the journal revision it holds.
    static func reconcile(_ draft: Draft, journalPath: String) -> (draft: Draft, revision: Int?) {
        guard let text = try? readText(journalPath) else { return (draft, nil) }
        var latest: Revision?
        for line in text.split(separator: "\n").reversed() {
            guard let revision = revision(fromLine: line) else { continue }
            if latest == nil { latest = revision }
            if revision.draft == draft, let latest { return (latest.draft, latest.number) }
        }
        return (draft, nil)
    }

    // MARK: Writing

    /// A new id from the title or idea: a short slug and four random hex digits.
    public func newID(for draft: Draft) -> String {
        var slug = Self.slug(draft.title ?? "")
        if slug.isEmpty { slug = Self.slug(draft.idea ?? "") }
        if slug.isEmpty { slug = "draft" }
        while true {
            let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
            let id = slug + "-" + String(repeating: "0", count: 4 - suffix.count) + suffix
            if !exists(id) { return id }
        }
    }

    /// The words of a title that say what it is about, joined by hyphens: "We want a new
    /// sign-up form for the webinar" → `sign-up-form-webinar`, not `we-want-a`. Filler words and
    /// bare numbers go; hyphenated words stay whole; at most three words and 32 characters.
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }
            .map { String($0).trimmingCharacters(in: "-") }
            .filter { !$0.isEmpty && !slugFillers.contains($0) && !$0.allSatisfy(\.isNumber) }
        var slug = ""
        for word in words.prefix(3) {
            let next = slug.isEmpty ? word : slug + "-" + word
            if next.count > 32 { break }
            slug = next
        }
        return slug
    }

    static let slugFillers: Set<String> = [
        "a", "an", "the", "we", "i", "our", "us", "you", "want", "wants", "need", "needs", "would", "like", "to", "for",
        "of", "on", "in", "at", "by", "with", "and", "or", "is", "are", "be", "it", "this", "that", "new", "please",
        "some", "can", "could", "should", "make", "create", "build", "get", "have", "has", "let", "lets", "so", "from",
        "about", "into", "up", "my", "me", "do", "just", "asap", "also", "way", "people", "more",
    ]

    /// Saves `draft` (which must have an id) as a new revision: journal line first, flushed to disk
    /// (so the answer survives whatever happens next, power loss included), then the draft file
    /// and the interview state, each replaced atomically by a rename but not flushed — the
    /// journal holds every revision, and one flush per answer keeps the interview fast.
    /// Returns the revision number.
    ///
    /// - Parameter after: the revision this session saved last, which spares re-reading the
    ///   journal on every answer; nil reads it.
    /// - Throws: `IOFailure` when the disk refuses, or when `draft.yaml` was edited by hand into
    ///   something that does not parse: it is then left as it is (the answer is in the journal).
    @discardableResult
    public func save(
        _ draft: Draft, state: InterviewState? = nil, fields: [String] = [], section: String? = nil, after: Int? = nil
    ) throws(IOFailure) -> Int {
        guard let id = draft.id else { throw IOFailure(InternalError("a draft was saved to the store without an id")) }
        let directory = location.draftDirectory(id: id)
        try Self.makeDirectories(directory)
        var normalised = draft
        normalised.format = HandoffVersion.draftFormat
        // Never written if it could not be read back: checked before the journal takes it.
        let document = YAMLWriter.document(normalised.encoded)
        if let problem = Self.unreadable(document) {
            throw IOFailure(path: id, message: "not saved: \(problem)")
        }
        let number = (after ?? revisions(id).last?.number ?? 0) + 1
        let entry = Value.object([
            ("revision", .int(number)), ("at", .string(WallClock.nowISO())),
            ("fields", .list(fields.map(Value.string))), ("section", section.map(Value.string)),
            ("draft", normalised.encoded),
        ])
        try Self.append(JSONWriter.compact(entry) + "\n", to: directory + "/journal.jsonl")
        let path = location.draftPath(id: id)
        if let problem = Self.unparseable(path) {
            throw IOFailure(
                path: path,
                message: "was edited and no longer parses (\(problem)); it is left as it is. Your answer is saved "
                    + "as revision \(number) in the journal; fix the file and run `handoff resume \(id)`")
        }
        try AtomicFile.write(document, to: path, mode: 0o600, durable: false)
        if let state {
            try AtomicFile.write(YAMLWriter.document(state.encoded), to: directory + "/interview.yaml", mode: 0o600, durable: false)
        }
        return number
    }

    /// Why `document` would fail the reader's limits, or nil.
    static func unreadable(_ document: String, limits: InputLimits = .standard) -> String? {
        if document.utf8.count > limits.maxDocumentBytes {
            return "the draft would be \(document.utf8.count) bytes, over the \(DocumentSplitter.size(limits.maxDocumentBytes)) "
                + "a draft may hold; shorten the longest answers"
        }
        for line in document.utf8.split(separator: UInt8(ascii: "\n")) where line.count >= limits.maxLineBytes {
            return "a line of the draft would be \(line.count) bytes, over the \(DocumentSplitter.size(limits.maxLineBytes)) limit"
        }
        return nil
    }

    /// Why the draft file at `path` does not parse, or nil when it parses or does not exist.
    static func unparseable(_ path: String) -> String? {
        guard let text = try? readText(path) else { return nil }
        let results = DraftLoader.load(text: text, source: path, requireFormat: false)
        for case .failure(let error) in results { return error.errors.first?.description }
        return nil
    }

    /// Saves only the interview state (a skip, a move with /back), not a new revision.
    public func saveState(_ state: InterviewState, id: String) throws(IOFailure) {
        let directory = location.draftDirectory(id: id)
        try Self.makeDirectories(directory)
        try AtomicFile.write(YAMLWriter.document(state.encoded), to: directory + "/interview.yaml", mode: 0o600, durable: false)
    }

    /// Notes that revision `revision` of `id` was exported, so review can flag requirements that
    /// changed after the first export.
    public func recordExport(id: String, revision: Int, format: String) throws(IOFailure) {
        let entry = Value.object([
            ("revision", .int(revision)), ("at", .string(WallClock.nowISO())), ("format", .string(format)),
        ])
        try Self.append(JSONWriter.compact(entry) + "\n", to: location.draftDirectory(id: id) + "/exports.jsonl")
    }

    /// The first recorded export of `id`: its revision and time.
    public func firstExport(_ id: String) -> (revision: Int, at: String)? {
        guard let text = try? Self.readText(location.draftDirectory(id: id) + "/exports.jsonl") else { return nil }
        for line in text.split(separator: "\n") {
            let chunk = DocumentChunk(index: 1, firstLine: 1, text: String(line), error: nil)
            if let root = try? YAMLReader.parse(chunk, source: "exports"),
                let revision = root["revision"]?.scalarText.flatMap({ Int($0) }), let at = root["at"]?.scalarText
            {
                return (revision, at)
            }
        }
        return nil
    }

    // MARK: Files

    static func readText(_ path: String) throws(IOFailure) -> String { try StoreFiles.readText(path) }

    static func makeDirectories(_ path: String) throws(IOFailure) { try StoreFiles.makeDirectories(path) }

    static func append(_ text: String, to path: String) throws(IOFailure) { try StoreFiles.append(text, to: path) }
}
