/// A draft read from a source, with where it came from.
public struct LoadedDraft: Sendable {
    /// The draft as decoded from the source.
    public var draft: Draft
    /// File path, `-` for stdin, or the store id.
    public var source: String
    /// 1-based position of the document in its source.
    public var documentIndex: Int
    /// Where the fields were written, when the source's lines are the draft's own (a file or
    /// stdin; not a draft carried inside an export).
    public var positions: FieldPositions?
    /// For a stored draft, the journal revision it holds; nil when it holds edits made by hand
    /// since the last saved revision, and for files.
    public var revision: Int?
    /// A loaded draft; `revision` starts nil, as for a file (`DraftSource` sets it for a stored draft).
    public init(draft: Draft, source: String, documentIndex: Int = 1, positions: FieldPositions? = nil) {
        self.draft = draft
        self.source = source
        self.documentIndex = documentIndex
        self.positions = positions
    }

    /// The draft, moved out and an empty one left in its place: `loaded.draft` would be a copy,
    /// a retain of every string in it, released again with the rest of `loaded`.
    public mutating func takeDraft() -> Draft {
        var taken = Draft()
        swap(&taken, &draft)
        return taken
    }
}

/// Turns text into drafts: splits documents, parses YAML or JSON, decodes the model and checks
/// the fields that the format fixes (`format`, `id`).
public enum DraftLoader {
    /// Loads every document of `text` as a draft. A bad document does not stop the others.
    /// (Exports are read back by the input layer's `DraftInput`, which comes here for drafts.)
    /// - Parameter requireFormat: files must say `format: handoff/1`; stdin may leave it out.
    public static func load(
        text: String, source: String, requireFormat: Bool, limits: InputLimits = .standard
    ) -> [Result<LoadedDraft, InvalidInput>] {
        let chunks = DocumentSplitter.split(text, source: source, limits: limits)
        if chunks.isEmpty {
            return [.failure(InvalidInput([emptySource(source)]))]
        }
        return chunks.map { load(chunk: $0, source: source, requireFormat: requireFormat, limits: limits) }
    }

    /// The error for a source with no document in it: it names stdin's fix, or line 1 of an empty file.
    public static func emptySource(_ source: String) -> InputError {
        InputError(
            source: source, line: source == "-" ? nil : 1,
            message: source == "-"
                ? "no draft on standard input; pipe a draft in, e.g. `handoff check - < draft.yaml`"
                : "the file is empty; a draft starts with `format: handoff/1` and a title or an idea")
    }

    /// Loads one document cut out by `DocumentSplitter` as a draft.
    public static func load(
        chunk: DocumentChunk, source: String, requireFormat: Bool, limits: InputLimits = .standard
    ) -> Result<LoadedDraft, InvalidInput> {
        if let loaded = loadJSON(chunk: chunk, source: source, requireFormat: requireFormat, limits: limits) { return .success(loaded) }
        let table: NodeTable
        do {
            table = try YAMLReader.parseTable(chunk, source: source, limits: limits)
        } catch {
            return .failure(error)
        }
        return load(table: table, index: chunk.index, source: source, requireFormat: requireFormat)
    }

    /// Decodes a parsed document of a file or stdin into a draft that remembers where each field
    /// was written.
    public static func load(root: DocNode, index: Int, source: String, requireFormat: Bool) -> Result<LoadedDraft, InvalidInput> {
        load(table: NodeTable(root), index: index, source: source, requireFormat: requireFormat)
    }

    /// Decodes the table of a document of a file or stdin into a draft that remembers where each
    /// field was written.
    public static func load(table: NodeTable, index: Int, source: String, requireFormat: Bool) -> Result<LoadedDraft, InvalidInput> {
        // The draft is decoded into its place in the result, not handed back through `withRoot`'s
        // generic closure, which would copy it (and retain every string in it) on the way out.
        var draft = Draft()
        let failure = table.withRoot { root -> InvalidInput? in
            do throws(InvalidInput) {
                try decode(root, into: &draft, source: source, documentIndex: index, requireFormat: requireFormat)
                return nil
            } catch {
                return error
            }
        }
        if let failure { return .failure(failure) }
        let loaded = LoadedDraft(draft: consume draft, source: source, documentIndex: index, positions: FieldPositions(table: table))
        return .success(consume loaded)
    }

    /// Decodes a parsed document into a draft, collecting every problem.
    public static func decode(
        _ root: DocNode, source: String, documentIndex: Int, requireFormat: Bool
    ) throws(InvalidInput) -> Draft {
        try NodeTable(root).withRoot { root throws(InvalidInput) in
            try decode(root, source: source, documentIndex: documentIndex, requireFormat: requireFormat)
        }
    }

    /// Decodes the root of a parsed document into a draft, collecting every problem.
    public static func decode(
        _ root: TableNode, source: String, documentIndex: Int, requireFormat: Bool
    ) throws(InvalidInput) -> Draft {
        var draft = Draft()
        try decode(root, into: &draft, source: source, documentIndex: documentIndex, requireFormat: requireFormat)
        return draft
    }

    /// `decode` into `draft`, which holds `Draft()`.
    static func decode(
        _ root: TableNode, into draft: inout Draft, source: String, documentIndex: Int, requireFormat: Bool
    ) throws(InvalidInput) {
        var context = DecodeContext(source: source, documentIndex: documentIndex > 1 ? documentIndex : nil)
        guard root.isMapping else {
            context.fail(
                root,
                "a draft is a mapping of fields (format:, title:, idea:, systems: …); this document is "
                    + "\(root.kindDescription)")
            throw InvalidInput(context.errors)
        }
        // `format` and `id` are checked by their fields' rules, which the schema states too.
        _ = Draft.decode(root, into: &draft, in: &context)
        if requireFormat, context.errors.isEmpty {
            // Only the required fields are encoded: encoding the others would build their trees for nothing.
            for field in Draft.fields where field.whenMissing != nil && field.encode(draft) == nil {
                guard let message = field.whenMissing else { continue }
                let japanese =
                    field.key == "format"
                    ? "`format: \(HandoffVersion.draftFormat)` がありません。handoff の下書きだと分かるよう、1 行目に書いてください。"
                    : nil
                context.fail(root, message, japanese: japanese)
            }
        }
        if !context.errors.isEmpty {
            let lang = root.pairs.first { $0.key.textEquals("lang") }?.value.scalarText
            throw InvalidInput(context.errors, language: lang.flatMap { Language(rawValue: $0.lowercased()) })
        }
    }

    /// Whether `id` is a valid draft id: 1 to 64 ASCII letters, digits, `-`, `_` or `.`, starting with a
    /// letter or a digit.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// Decodes raw bytes as UTF-8 text, refusing binary files and stripping a byte-order mark.
    public static func text(from bytes: [UInt8], source: String) throws(InvalidInput) -> String {
        // A UTF-16 byte-order mark: Windows editors save "Unicode" text so; say that, not "binary".
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InvalidInput([
                InputError(source: source, line: 1, message: "is UTF-16 text; save it as UTF-8 and try again")
            ])
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            throw InvalidInput([
                InputError(
                    source: source, line: line,
                    message: "contains a NUL byte; this looks like a binary file, not a YAML or JSON draft")
            ])
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    if scalar == "\n" { line += 1 }
                case .emptyInput, .error: break decoding
                }
            }
            throw InvalidInput([
                InputError(
                    source: source, line: line,
                    message: "is not UTF-8 text; save it as UTF-8 (Shift_JIS and UTF-16 are not read)")
            ])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
