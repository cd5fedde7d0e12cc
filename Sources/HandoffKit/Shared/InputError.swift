/// A problem with what the user handed in: a draft, a config file, a flag value.
///
/// Every such problem names where it is (file, document, line, column), which field it
/// concerns, and what would be valid, so that the fix is obvious without reading the code.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path, `-` for standard input, or a store id.
    public var source: String
    /// 1-based index of the document inside a multi-document source, when there are several.
    public var documentIndex: Int?
    /// 1-based line in the source; nil when the problem is not tied to a place (a missing file).
    public var line: Int?
    /// 1-based column, counted in Unicode scalars; nil when only the line is known.
    public var column: Int?
    /// Dotted field path such as `systems[1].personal_data`, when the problem concerns one field.
    public var field: String?
    /// What is wrong and what would be valid, as a sentence.
    public var message: String
    /// The same in Japanese, for the common problems (unknown key, bad value, impossible date,
    /// not YAML, missing format); nil where only English is written.
    public var japanese: String?

    /// A problem in English only; set `japanese` afterwards when there is a rendering.
    public init(
        source: String, documentIndex: Int? = nil, line: Int? = nil, column: Int? = nil,
        field: String? = nil, message: String
    ) {
        self.source = source
        self.documentIndex = documentIndex
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, the form editors and terminals can jump to.
    public var description: String { description(in: .en) }

    /// The description with the message in `language` when there is a rendering in it.
    public func description(in language: Language) -> String {
        let message = language == .ja ? (japanese ?? self.message) : self.message
        var location = source == "-" ? "<stdin>" : source
        if let documentIndex { location += language == .ja ? "（\(documentIndex)件目）" : " (document \(documentIndex))" }
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let field { return "\(location): \(field): \(message)" }
        return "\(location): \(message)"
    }
}

/// One or more input problems found in a single document; all are reported together.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var errors: [InputError]
    /// The language the draft says it is in (`lang: ja`), when it says so: its errors are then
    /// reported in that language unless `--lang` asks for another.
    public var language: Language?
    /// Wraps `errors`; `language` is the draft's own `lang:`, when it says one.
    public init(_ errors: [InputError], language: Language? = nil) {
        self.errors = errors
        self.language = language
    }
    /// Every problem on its own line, in the draft's language (English when it says none).
    public var description: String { description(in: language ?? .en) }
    /// Every problem on its own line, with the messages in `language` where they have a rendering.
    public func description(in language: Language) -> String {
        errors.map { $0.description(in: language) }.joined(separator: "\n")
    }
}

/// A failure to read or write the file system (store, lock, disk): exit status 3.
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    /// The file or directory that failed, or the id of a stored draft that could not be saved.
    public var path: String
    /// What failed and why, as a phrase ("cannot lock: Permission denied").
    public var message: String
    /// A failure at `path`, explained by `message`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    /// `path: message`, for the terminal.
    public var description: String { "\(path): \(message)" }
}
