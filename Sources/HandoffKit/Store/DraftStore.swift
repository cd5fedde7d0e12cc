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
    public let location: StoreLocation

    public init(location: StoreLocation) {
        self.location = location
    }

    /// One stored draft as listed by `handoff drafts`.
    public struct Entry: Sendable {
        public var id: String
        public var draft: Draft?
        /// Why the draft could not be read, when it could not.
        public var problem: String?
        /// ISO time of the last saved revision.
        public var updated: String
        public var revisions: Int
    }

    /// One line of the journal.
    public struct Revision: Sendable, Equatable {
        public var number: Int
        public var at: String
        public var fields: [String]
        public var section: String?
        public var draft: Draft
    }

    // MARK: Reading

    public func exists(_ id: String) -> Bool {
        access(location.draftPath(id: id), F_OK) == 0
    }

    /// The stored draft `id`; a file that does not parse is an error naming its line.
    public func load(_ id: String) throws -> Draft {
        let path = location.draftPath(id: id)
        guard exists(id) else {
            throw InvalidInput([InputError(source: id, message: "no stored draft with this id; `handoff drafts` lists them")])
        }
        return try DraftSource.stored(id: id, path: path).firstDraft().draft
    }

    public func state(_ id: String) -> InterviewState {
        let path = location.draftDirectory(id: id) + "/interview.yaml"
        guard let text = try? Self.readText(path),
            let state = try? RecordFile.decode(InterviewState.self, text: text, source: path)
        else { return InterviewState() }
        return state
    }

    /// Every stored draft, most recently updated first.
    public func list() -> [Entry] {
        let ids = location.storedIDs()
        return ids.map { id in
            let revisions = self.revisions(id)
            var problem: String?
            var draft: Draft?
            do { draft = try load(id) } catch { problem = "\(error)" }
            return Entry(
                id: id, draft: draft, problem: problem, updated: revisions.last?.at ?? "", revisions: revisions.count)
        }.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }

    /// The most recently updated draft, for `handoff resume` without an id.
    public func mostRecent() -> Entry? { list().first }

    /// The journal of `id`, oldest first. Lines that cannot be read (a torn last line after a
    /// crash) are skipped.
    public func revisions(_ id: String) -> [Revision] {
        guard let text = try? Self.readText(location.draftDirectory(id: id) + "/journal.jsonl") else { return [] }
        var revisions: [Revision] = []
        for line in text.split(separator: "\n") {
            let chunk = DocumentChunk(index: 1, firstLine: 1, text: String(line), error: nil)
            guard let root = try? YAMLReader.parse(chunk, source: "journal"),
                let number = root["revision"]?.scalarText.flatMap({ Int($0) }),
                let at = root["at"]?.scalarText, let draftNode = root["draft"]
            else { continue }
            var context = DecodeContext(source: "journal")
            guard let draft = Draft.decode(draftNode, in: &context), context.errors.isEmpty else { continue }
            revisions.append(
                Revision(
                    number: number, at: at, fields: (root["fields"]?.items ?? []).compactMap(\.scalarText),
                    section: root["section"]?.scalarText, draft: draft))
        }
        return revisions
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
        guard let id = draft.id else { throw IOFailure(path: location.draftsDirectory, message: "a stored draft needs an id") }
        let directory = location.draftDirectory(id: id)
        try Self.makeDirectories(directory)
        var normalised = draft
        normalised.format = HandoffVersion.draftFormat
        let number = (after ?? revisions(id).last?.number ?? 0) + 1
        let entry = Value.object([
            ("revision", .int(number)), ("at", .string(Clock.nowISO())),
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
        try AtomicFile.write(YAMLWriter.document(normalised.encoded), to: path, mode: 0o600, durable: false)
        if let state {
            try AtomicFile.write(YAMLWriter.document(state.encoded), to: directory + "/interview.yaml", mode: 0o600, durable: false)
        }
        return number
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
            ("revision", .int(revision)), ("at", .string(Clock.nowISO())), ("format", .string(format)),
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

    // MARK: Locking

    /// An exclusive hold on a draft for one session; released when closed or when the process
    /// dies (the kernel drops `flock` locks), so a crashed session never blocks a resume.
    public final class Lock: @unchecked Sendable {
        let descriptor: Int32
        init(descriptor: Int32) { self.descriptor = descriptor }
        public func release() { close(descriptor) }
        deinit { close(descriptor) }
    }

    public func lock(_ id: String) throws(IOFailure) -> Lock {
        let directory = location.draftDirectory(id: id)
        try Self.makeDirectories(directory)
        let path = directory + "/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: "cannot open the lock: \(String(cString: strerror(errno)))") }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? Self.readText(path))?.trimmingCharacters(in: "\n ") ?? ""
            close(descriptor)
            throw IOFailure(
                path: id,
                message: "is open in another session" + (holder.isEmpty ? "" : " (\(holder))")
                    + "; finish or quit that session first")
        }
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let user = getenv("USER").map { String(cString: $0) } ?? "unknown"
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let note = "pid \(getpid()), \(user)@\(hostName), since \(Clock.nowISO())\n"
        ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return Lock(descriptor: descriptor)
    }

    // MARK: Files

    static func readText(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func makeDirectories(_ path: String) throws(IOFailure) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) != 0 && errno != EEXIST {
                throw IOFailure(path: current, message: "cannot create the directory: \(String(cString: strerror(errno)))")
            }
        }
    }

    static func append(_ text: String, to path: String) throws(IOFailure) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        // A crash mid-append leaves a torn last line without its line break; start on a line of
        // our own, or this entry would be glued to the torn one and be unreadable too.
        var last: UInt8 = 0
        let size = lseek(descriptor, 0, SEEK_END)
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            bytes.insert(UInt8(ascii: "\n"), at: 0)
        }
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw IOFailure(path: path, message: "cannot append: \(String(cString: strerror(errno)))")
        }
    }
}
