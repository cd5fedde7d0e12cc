/// One document cut out of a source that may hold several.
public struct DocumentChunk: Sendable {
    /// 1-based position among the documents of the source.
    public var index: Int
    /// The line of the source on which the document's text starts (1-based).
    public var firstLine: Int
    /// The document's text, lines joined by line breaks; empty when `error` is set.
    public var text: String
    /// Set when the chunk could not be kept whole (too large, line too long); `text` is then empty.
    public var error: InputError?
}

/// Cuts a stream of lines into documents: YAML documents separated by `---` (or ended by `...`),
/// or JSON Lines, one object a line. A second top-level `format:` line also starts a new document,
/// so `cat a.yaml b.yaml | handoff check -` reads two drafts: in one YAML document a repeated key
/// is an error, so the split never changes the meaning of a document that was valid.
///
/// It works a line at a time so that a pipeline can stream a hundred thousand drafts through
/// `check` and `export` while holding only one document in memory. A document that grows past the
/// limits is dropped (and reported) without stopping the documents after it.
public struct DocumentSplitter {
    /// How the source is split: `undecided` until the first line that is neither blank nor a comment;
    /// `jsonLines` when that line is a whole JSON object, `yaml` otherwise. The mode never changes after that.
    public enum Mode: Sendable { case undecided, yaml, jsonLines }

    /// The split mode, fixed by the first line with content.
    public private(set) var mode: Mode = .undecided
    private let source: String
    private let limits: InputLimits
    private var lines: [Substring] = []
    private var bytes = 0
    private var firstLine = 0
    private var lineNumber = 0
    private var hasContent = false
    /// The current document has a top-level `format:` line already.
    private var hasFormatLine = false
    private var overflow: InputError?
    private var nextIndex = 1

    /// A splitter for the input named `source` (a path or `-`, used in errors), cutting documents within `limits`.
    public init(source: String, limits: InputLimits = .standard) {
        self.source = source
        self.limits = limits
    }

    /// Feeds the next line (without its line break) and returns any document it completes.
    public mutating func feed(_ line: Substring) -> DocumentChunk? {
        lineNumber += 1
        if mode == .undecided {
            if isBlankOrComment(line) {
                return nil
            }
            mode = Self.isSingleLineJSONObject(line) ? .jsonLines : .yaml
        }
        switch mode {
        case .jsonLines:
            if isBlankOrComment(line) { return nil }
            if line.utf8.count > limits.maxDocumentBytes {
                return emit(text: "", firstLine: lineNumber, error: tooLarge(at: lineNumber))
            }
            return emit(text: String(line), firstLine: lineNumber, error: nil)
        case .yaml, .undecided:
            if Self.isDocumentStart(line) {
                let done = flush()
                start(at: lineNumber)
                // `--- {title: x}` carries content on the marker line itself.
                let rest = line.dropFirst(3)
                if !isBlankOrComment(rest) { append(line) } else { lines.append("") }
                return done
            }
            if line == "..." || line.hasPrefix("... ") {
                let done = flush()
                start(at: lineNumber + 1)
                return done
            }
            if Self.isFormatLine(line) {
                if hasFormatLine {
                    let done = flush()
                    start(at: lineNumber)
                    hasFormatLine = true
                    append(line)
                    return done
                }
                hasFormatLine = true
            }
            if lines.isEmpty && !hasContent { firstLine = lineNumber }
            append(line)
            return nil
        }
    }

    /// Returns the last document once the input has ended.
    public mutating func finish() -> DocumentChunk? {
        flush()
    }

    // MARK: - Internals

    private mutating func start(at line: Int) {
        lines = []
        bytes = 0
        hasContent = false
        hasFormatLine = false
        overflow = nil
        firstLine = line
    }

    private mutating func append(_ line: Substring) {
        if overflow != nil { return }
        if !isBlankOrComment(line) { hasContent = true }
        if firstLine == 0 { firstLine = lineNumber }
        let size = line.utf8.count + 1
        if size > limits.maxLineBytes {
            overflow = InputError(
                source: source, line: lineNumber,
                message: "line is \(size) bytes long; the limit is \(limits.maxLineBytes) bytes. "
                    + "Put long text in a block (`|`) over several lines.")
            hasContent = true
            lines = []
            return
        }
        bytes += size
        if bytes > limits.maxDocumentBytes {
            overflow = tooLarge(at: firstLine)
            hasContent = true
            lines = []
            return
        }
        lines.append(line)
    }

    private mutating func flush() -> DocumentChunk? {
        defer { start(at: lineNumber + 1) }
        guard hasContent else { return nil }
        if let overflow { return emit(text: "", firstLine: firstLine, error: overflow) }
        // Lines before the first content line that were blank still count for line numbers:
        // the chunk starts at `firstLine`, so the text keeps them.
        return emit(text: lines.joined(separator: "\n") + "\n", firstLine: firstLine, error: nil)
    }

    private mutating func emit(text: String, firstLine: Int, error: InputError?) -> DocumentChunk {
        var error = error
        if nextIndex > 1 { error?.documentIndex = nextIndex }
        let chunk = DocumentChunk(index: nextIndex, firstLine: firstLine, text: text, error: error)
        nextIndex += 1
        return chunk
    }

    private func tooLarge(at line: Int) -> InputError {
        InputError(
            source: source, line: line,
            message: "document is larger than \(Self.size(limits.maxDocumentBytes)); "
                + "a draft is a few kilobytes. Is this the right file?")
    }

    /// `1 MiB`, `64 KiB` or `300 bytes`: a limit as people read it.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    private func isBlankOrComment(_ line: Substring) -> Bool {
        for scalar in line.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" { continue }
            return scalar == "#"
        }
        return true
    }

    /// `format: …` as a key of the top-level mapping (no indentation), the line every draft starts with.
    static func isFormatLine(_ line: Substring) -> Bool {
        guard line.hasPrefix("format:") else { return false }
        let rest = line.dropFirst("format:".count)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    static func isDocumentStart(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") else { return false }
        let rest = line.dropFirst(3)
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// True when the line is one complete JSON object: `{` … matching `}` and nothing after. Read
    /// as bytes, with `Character` semantics kept: a syntax byte counts only when it is a whole
    /// character (a quote followed by a combining mark is not a quote), which needs a look at
    /// grapheme boundaries only where a byte beyond ASCII touches it.
    static func isSingleLineJSONObject(_ line: Substring) -> Bool {
        let verdict = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            /// Whether the byte at `offset` is a character by itself.
            func isWholeCharacter(_ offset: Int) -> Bool {
                let before = offset == 0 || bytes[offset - 1] < 0x80
                let after = offset + 1 == bytes.count || bytes[offset + 1] < 0x80
                // Only a scalar beyond ASCII joins an ASCII byte into a larger character.
                if before && after { return true }
                let start = line.utf8.index(line.utf8.startIndex, offsetBy: offset)
                let end = line.utf8.index(after: start)
                return String.Index(start, within: line) != nil && (end == line.endIndex || String.Index(end, within: line) != nil)
            }
            func isCharacter(_ offset: Int, _ ascii: UInt8) -> Bool { bytes[offset] == ascii && isWholeCharacter(offset) }
            var offset = 0
            while offset < bytes.count, isCharacter(offset, 0x20) || isCharacter(offset, 0x09) { offset += 1 }
            guard offset < bytes.count, isCharacter(offset, UInt8(ascii: "{")) else { return false }
            var depth = 0
            var inString = false
            var escaped = false
            var closed = false
            while offset < bytes.count {
                defer { offset += 1 }
                let byte = bytes[offset]
                if closed {
                    if (byte == 0x20 || byte == 0x09 || byte == 0x0D) && isWholeCharacter(offset) { continue }
                    return false
                }
                if inString {
                    // The byte after a backslash starts the character the backslash escapes; the rest
                    // of that character, if any, holds no whole syntax byte.
                    if escaped {
                        escaped = false
                    } else if isCharacter(offset, UInt8(ascii: "\\")) {
                        escaped = true
                    } else if isCharacter(offset, UInt8(ascii: "\"")) {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): if isWholeCharacter(offset) { inString = true }
                case UInt8(ascii: "{"), UInt8(ascii: "["): if isWholeCharacter(offset) { depth += 1 }
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if isWholeCharacter(offset) {
                        depth -= 1
                        if depth == 0 { closed = true }
                    }
                default: break
                }
            }
            return closed
        }
        return verdict ?? isSingleLineJSONObjectByCharacters(line)
    }

    /// `isSingleLineJSONObject` a character at a time: the reference the byte scan is tested
    /// against, and what reads a line whose bytes are not at hand in one piece.
    static func isSingleLineJSONObjectByCharacters(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "{" else { return false }
        var depth = 0
        var inString = false
        var escaped = false
        var closedAt: String.Index?
        for index in trimmed.indices {
            let character = trimmed[index]
            if closedAt != nil {
                if character == " " || character == "\t" || character == "\r" { continue }
                return false
            }
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { closedAt = index }
            default: break
            }
        }
        return closedAt != nil
    }
}

extension DocumentSplitter {
    /// Splits a whole text at once; convenient for files and tests.
    public static func split(_ text: String, source: String, limits: InputLimits = .standard) -> [DocumentChunk] {
        var splitter = DocumentSplitter(source: source, limits: limits)
        var chunks: [DocumentChunk] = []
        // Work on UTF-8 bytes: Swift treats "\r\n" as one Character, so searching for "\n" by
        // Character would miss Windows line ends.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var contentEnd = lineEnd
            if contentEnd > lineStart, utf8[utf8.index(before: contentEnd)] == UInt8(ascii: "\r") {
                contentEnd = utf8.index(before: contentEnd)
            }
            if let chunk = splitter.feed(text[lineStart..<contentEnd]) { chunks.append(chunk) }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        if let chunk = splitter.finish() { chunks.append(chunk) }
        return chunks
    }
}
