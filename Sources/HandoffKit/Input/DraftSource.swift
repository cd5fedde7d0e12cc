#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where drafts come from: a file, standard input, or a draft in the store.
public enum DraftSource: Sendable, Equatable {
    case standardInput
    case file(String)
    case stored(id: String, path: String)

    /// The name used in reports and errors.
    public var name: String {
        switch self {
        case .standardInput: return "-"
        case .file(let path): return path
        case .stored(let id, _): return id
        }
    }

    /// Resolves a command-line SRC: `-`, an existing path, or the id of a stored draft.
    public static func resolve(_ argument: String, store: StoreLocation) throws(InvalidInput) -> DraftSource {
        if argument == "-" { return .standardInput }
        var info = stat()
        if stat(argument, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw InvalidInput([
                    InputError(source: argument, message: "is a directory; name draft files, e.g. \(argument)/*.yaml")
                ])
            }
            if let id = store.storedID(atPath: argument) { return .stored(id: id, path: store.draftPath(id: id)) }
            return .file(argument)
        }
        if DraftLoader.isValidID(argument) {
            let path = store.draftPath(id: argument)
            if stat(path, &info) == 0 { return .stored(id: argument, path: path) }
        }
        throw InvalidInput([
            InputError(
                source: argument,
                message: "no such file, and no stored draft with that id (store: \(store.root)); "
                    + "give a path, a draft id from `handoff drafts`, or - for stdin")
        ])
    }

    /// Files and stdin must carry `format: handoff/1` only when they are files a person saved;
    /// pipelines on stdin may leave it out.
    var requiresFormat: Bool {
        if case .standardInput = self { return false }
        return true
    }

    /// Streams the documents of the source to `body`, one at a time.
    /// - Throws: `IOFailure` when the source cannot be read.
    public func forEachDocument(
        limits: InputLimits = .standard,
        _ body: (Result<LoadedDraft, InvalidInput>) throws -> Void
    ) throws {
        try visitDocuments(limits: limits) { result in
            try body(result)
            return .next
        }
    }

    /// Streams the documents of the source to `body` as they are read, each still to be parsed
    /// and decoded (`ReadDocument.load`), so that a worker thread can do that part while this
    /// thread reads on. What is known while reading (an unreadable file, a line too long, a
    /// stored draft, the drafts of a CSV or Markdown export) comes loaded already.
    /// - Throws: `IOFailure` when the source cannot be read.
    public func forEachReadDocument(limits: InputLimits = .standard, _ body: (ReadDocument) throws -> Void) throws {
        if case .stored = self {
            // One document, reconciled with the store's journal: read here, whole.
            return try forEachDocument(limits: limits) { try body(ReadDocument(.loaded($0))) }
        }
        let name = name
        let requireFormat = requiresFormat
        try visitFile(
            limits: limits,
            chunk: { chunk in
                try body(ReadDocument(.chunk(chunk, source: name, requireFormat: requireFormat, limits: limits)))
                return .next
            },
            body: { result in
                try body(ReadDocument(.loaded(result)))
                return .next
            })
    }

    /// The first document of the source: a draft, or the first draft an export carries. Reading
    /// stops there, so a long stream is not read to its end.
    /// - Throws: `InvalidInput` when that document is not a readable draft or there is none;
    ///   `IOFailure` when the source cannot be read.
    public func firstDraft(limits: InputLimits = .standard) throws -> LoadedDraft {
        var first: Result<LoadedDraft, InvalidInput>?
        try visitDocuments(limits: limits) { result in
            first = result
            return .stop
        }
        switch first {
        case .success(var loaded)?:
            loaded.source = name
            return loaded
        case .failure(let invalid)?:
            throw invalid
        case nil:
            throw InvalidInput([DraftLoader.emptySource(name)])
        }
    }

    /// What the reader does after a document.
    enum Visit {
        case next, stop
    }

    /// Opens the source for reading; the caller closes it unless it is stdin.
    private func openDescriptor() throws -> Int32 {
        let descriptor: Int32
        switch self {
        case .standardInput: descriptor = STDIN_FILENO
        case .stored(_, let path):
            // A FIFO or a device planted in the store would hang or never end: refused.
            do { descriptor = try StoreFiles.openRegular(path) } catch { throw IOFailure(path: name, message: error.message) }
        case .file(let path):
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                let reason = String(cString: strerror(errno))
                if errno == ENOENT {
                    throw InvalidInput([InputError(source: name, message: "no such file")])
                }
                throw IOFailure(path: name, message: "cannot be read: \(reason)")
            }
        }
        return descriptor
    }

    func visitDocuments(
        limits: InputLimits,
        _ body: (Result<LoadedDraft, InvalidInput>) throws -> Visit
    ) throws {
        if case .stored(_, let path) = self {
            // The stored draft is read as the journal records it (see `DraftStore.reconcile`).
            let journal = AtomicFile.directory(of: path) + "/journal.jsonl"
            let body = body
            return try visitLoaded(limits: limits) { result in
                guard case .success(var loaded) = result else { return try body(result) }
                (loaded.draft, loaded.revision) = DraftStore.reconcile(loaded.draft, journalPath: journal)
                return try body(.success(loaded))
            }
        }
        try visitLoaded(limits: limits, body)
    }

    /// `visitFile` with each document parsed and decoded here, as it is read.
    private func visitLoaded(limits: InputLimits, _ body: (Result<LoadedDraft, InvalidInput>) throws -> Visit) throws {
        let name = name
        let requireFormat = requiresFormat
        let isStored: Bool
        if case .stored = self { isStored = true } else { isStored = false }
        try visitFile(
            limits: limits,
            chunk: { chunk in
                for result in DraftInput.load(chunk: chunk, source: name, requireFormat: requireFormat, limits: limits) {
                    // A stored draft is named by its id, not a file a reader can open at a line.
                    if isStored, case .success(var loaded) = result {
                        loaded.positions = nil
                        if try body(.success(loaded)) == .stop { return .stop }
                    } else if try body(result) == .stop {
                        return .stop
                    }
                }
                return .next
            },
            body: body)
    }

    /// Reads the source a line at a time and cuts it into documents, handed to `chunk`; what is
    /// known without parsing (errors, the drafts of a text export) goes to `body`.
    private func visitFile(
        limits: InputLimits,
        chunk: (DocumentChunk) throws -> Visit,
        body: (Result<LoadedDraft, InvalidInput>) throws -> Visit
    ) throws {
        let descriptor = try openDescriptor()
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var reader = LineReader(descriptor: descriptor, maxLineBytes: limits.maxLineBytes)
        var splitter = DocumentSplitter(source: name, limits: limits)
        var sawDocument = false
        var lineNumber = 0
        /// False once `body` asks to stop.
        func handle(_ document: DocumentChunk) throws -> Bool {
            sawDocument = true
            return try chunk(document) == .next
        }
        while true {
            let line: Substring?
            do { line = try reader.nextLine() } catch {
                throw IOFailure(path: name, message: "cannot be read: \(error.message)")
            }
            guard var line else { break }
            lineNumber += 1
            if reader.lastLineWasTooLong {
                // Nothing after it is read: the line has no end in sight (it may be /dev/zero).
                _ = try body(.failure(InvalidInput([Self.tooLong(name, line: lineNumber, limit: reader.maxLineBytes ?? 0)])))
                return
            }
            if lineNumber == 1 {
                if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
                if let problem = Self.binaryProblem(line) {
                    _ = try body(.failure(InvalidInput([InputError(source: name, documentIndex: nil, line: 1, message: problem)])))
                    return
                }
            }
            if reader.lastLineWasInvalidUTF8 || reader.lastLineHasNUL {
                _ = try body(
                    .failure(
                        InvalidInput([
                            InputError(
                                source: name, line: lineNumber,
                                message: reader.lastLineHasNUL
                                    ? "contains a NUL byte; this looks like a binary file, not a YAML or JSON draft"
                                    : "is not UTF-8 text here; save the file as UTF-8 (Shift_JIS and UTF-16 are not read)")
                        ])))
                return
            }
            if lineNumber == 1, let kind = ExportReader.textKind(firstLine: line) {
                // CSV and Markdown exports are not YAML: read them whole and take the drafts they carry.
                var text = String(line) + "\n"
                reader.maxLineBytes = limits.maxTextExportBytes
                while let next = try? reader.nextLine() {
                    lineNumber += 1
                    text += next + "\n"
                    if reader.lastLineWasTooLong || text.utf8.count > limits.maxTextExportBytes {
                        _ = try body(
                            .failure(
                                InvalidInput([
                                    InputError(
                                        source: name, line: lineNumber,
                                        message: "this export is larger than \(DocumentSplitter.size(limits.maxTextExportBytes)), "
                                            + "the most handoff reads back; export fewer drafts to a file")
                                ])))
                        return
                    }
                }
                for result in DraftInput.loadTextExport(text, kind: kind, source: name, limits: limits) {
                    sawDocument = true
                    if try body(result) == .stop { return }
                }
                return
            }
            if let chunk = splitter.feed(line), try !handle(chunk) { return }
        }
        if let chunk = splitter.finish(), try !handle(chunk) { return }
        if !sawDocument { _ = try body(.failure(InvalidInput([DraftLoader.emptySource(name)]))) }
    }

    static func tooLong(_ source: String, line: Int, limit: Int) -> InputError {
        InputError(
            source: source, line: line,
            message: "line is longer than \(DocumentSplitter.size(limit)), the limit; reading stopped there. "
                + "Put long text in a block (`|`) over several lines.")
    }

    private static func binaryProblem(_ line: Substring) -> String? {
        // A UTF-16 byte-order mark (FF FE or FE FF) decodes as two replacement characters.
        if line.hasPrefix("\u{FFFD}\u{FFFD}") || line.utf8.prefix(2).contains(0) {
            return "looks like UTF-16 or binary data; save the draft as UTF-8 text"
        }
        return nil
    }
}

/// A document as read from its source, its parsing and decoding possibly still to do (see
/// `DraftSource.forEachReadDocument`).
public struct ReadDocument: Sendable {
    enum Stage: Sendable {
        case loaded(Result<LoadedDraft, InvalidInput>)
        case chunk(DocumentChunk, source: String, requireFormat: Bool, limits: InputLimits)
    }

    let stage: Stage

    init(_ stage: Stage) { self.stage = stage }

    /// The drafts the document holds (a JSON export may carry several), each or why it cannot
    /// be read; the same results, in the same order, as `DraftSource.forEachDocument` gives.
    public func load() -> [Result<LoadedDraft, InvalidInput>] {
        switch stage {
        case .loaded(let result): return [result]
        case .chunk(let chunk, let source, let requireFormat, let limits):
            return DraftInput.load(chunk: chunk, source: source, requireFormat: requireFormat, limits: limits)
        }
    }
}
