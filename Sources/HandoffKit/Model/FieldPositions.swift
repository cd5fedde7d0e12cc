import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where each field of a draft was written in its source, so a finding about
/// `success.metrics[0].source` can point at its line and column. Kept as the parsed table and
/// resolved only for the fields that findings name: a pipeline that checks thousands of drafts
/// pays nothing for drafts that are ready.
public struct FieldPositions: Sendable {
    /// A place in the source text.
    public struct Position: Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars.
        public var column: Int
        /// A position as given.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    private let storage: Storage

    /// The table positions are read from: the draft's own, or, for a draft decoded straight
    /// from its text, one parsed from that text the first time a path is asked for that the
    /// text cannot answer by itself (findings name plain ASCII paths, which it answers).
    var table: NodeTable { storage.table }

    /// Positions read from the tree the draft was decoded from.
    public init(root: DocNode) { storage = Storage(table: NodeTable(root)) }

    /// Positions read from the table the draft was decoded from.
    public init(table: NodeTable) { storage = Storage(table: table) }

    /// Positions read from the text of `chunk`, parsed (within `limits`) only when asked for.
    init(unparsed chunk: DocumentChunk, limits: InputLimits) { storage = Storage(unparsed: chunk, limits: limits) }

    /// A table, or the text to parse one from once. The lock makes the first parse safe even
    /// if copies of the positions are read on two threads at once.
    private final class Storage: Sendable {
        private let parsed: Mutex<NodeTable?>
        private let chunk: DocumentChunk?
        private let limits: InputLimits

        init(table: NodeTable) {
            parsed = Mutex(table)
            chunk = nil
            limits = .standard
        }

        init(unparsed chunk: DocumentChunk, limits: InputLimits) {
            parsed = Mutex(nil)
            self.chunk = chunk
            self.limits = limits
        }

        /// For positions kept as text: the position of a plain ASCII path, walked in the text;
        /// nil for any other path (or positions kept as a table).
        func positionInText(of field: inout String) -> Position? {
            guard let chunk else { return nil }
            return field.withUTF8 { path -> Position? in
                guard let steps = FieldPositions.plainASCIISteps(path) else { return nil }
                var text = chunk.text
                return text.withUTF8 { FieldPositions.walkJSON(steps, of: path, in: $0, firstLine: chunk.firstLine) }
            }
        }

        var table: NodeTable {
            parsed.withLock { parsed in
                if let parsed { return parsed }
                let table =
                    chunk.flatMap { try? YAMLReader.parseTable($0, source: "", limits: limits) }
                    ?? NodeTable(DocNode(.mapping([]), line: chunk?.firstLine ?? 1, column: 1))
                parsed = table
                return table
            }
        }
    }

    /// The position of the key (or list item) `field` names, or of the nearest enclosing field
    /// that exists ("stakeholders" when there is no stakeholder to point at; the document's
    /// start when nothing of the path was written).
    public func position(of field: String) -> Position {
        var field = field
        if let found = storage.positionInText(of: &field) { return found }
        // Findings name fields with plain paths (`a.b[2].c`); walking their bytes costs a fraction
        // of splitting them into strings. Anything else takes the general path.
        return table.withRoot { root in
            field.withUTF8 { Self.walkPlainPath($0, from: root) } ?? Self.positionByComponents(of: field, from: root)
        }
    }

    /// `walkPlainPath(_:from:)` from the root.
    func walkPlainPath(_ path: UnsafeBufferPointer<UInt8>) -> Position? {
        table.withRoot { Self.walkPlainPath(path, from: $0) }
    }

    /// `positionByComponents(of:from:)` from the root.
    func positionByComponents(of field: String) -> Position {
        table.withRoot { Self.positionByComponents(of: field, from: $0) }
    }

    /// The position of `path` when it is made of non-empty keys joined by `.` and `[digits]`
    /// indices, or nil for any other shape.
    static func walkPlainPath(_ path: UnsafeBufferPointer<UInt8>, from root: TableNode) -> Position? {
        var node = root
        var found = Position(line: root.line, column: root.column)
        var index = 0
        var lost = false  // a step did not exist: the rest is only checked for shape
        while index < path.count {
            if path[index] == UInt8(ascii: "[") {
                var value = 0
                var digits = 0
                index += 1
                while index < path.count, path[index] >= UInt8(ascii: "0"), path[index] <= UInt8(ascii: "9") {
                    // Past 15 digits the path is left to the general path, before the value can overflow.
                    if digits < 16 { value = value * 10 + Int(path[index] - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits < 16, index < path.count, path[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                if index < path.count {
                    guard path[index] == UInt8(ascii: "[") || path[index] == UInt8(ascii: ".") else { return nil }
                    if path[index] == UInt8(ascii: ".") {
                        index += 1
                        guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                    }
                }
                if lost { continue }
                guard node.isSequence, value < node.count else {
                    lost = true
                    continue
                }
                let item = node.item(value)
                found = Position(line: item.line, column: item.column)
                node = item
            } else {
                let keyStart = index
                while index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") {
                    guard path[index] != UInt8(ascii: "]") else { return nil }
                    index += 1
                }
                let key = UnsafeBufferPointer(rebasing: path[keyStart..<index])
                guard !key.isEmpty else { return nil }
                if index < path.count, path[index] == UInt8(ascii: ".") {
                    index += 1
                    guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                }
                if lost { continue }
                guard let pair = node.pairs.first(where: { Self.scalar($0.key, equals: key) }) else {
                    lost = true
                    continue
                }
                found = Position(line: pair.key.line, column: pair.key.column)
                node = pair.value
            }
        }
        return found
    }

    /// Whether the key node's text is `key`, as `String` equality has it: equal bytes, or, past
    /// ASCII, canonically equivalent text (a Kelvin sign for `K`).
    static func scalar(_ node: TableNode, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard node.isScalar else { return false }
        let bytes = node.scalarBytes
        if NodeTable.sameBytes(bytes, key) { return true }
        let allASCII = bytes.allSatisfy { $0 < 0x80 } && key.allSatisfy { $0 < 0x80 }
        return !allASCII && node.text == String(decoding: key, as: UTF8.self)
    }

    /// The general path: `field` split into keys and indices first.
    static func positionByComponents(of field: String, from root: TableNode) -> Position {
        var node = root
        var found = Position(line: root.line, column: root.column)
        for component in Self.components(field) {
            switch component {
            case .key(let key) where node.isMapping:
                guard let pair = node.pairs.first(where: { $0.key.isScalar && $0.key.text == key }) else { return found }
                found = Position(line: pair.key.line, column: pair.key.column)
                node = pair.value
            case .index(let index) where node.isSequence:
                guard index >= 0, index < node.count else { return found }
                let item = node.item(index)
                found = Position(line: item.line, column: item.column)
                node = item
            default:
                // A shorthand (`- Marketo` for a system) holds the field inside one scalar.
                return found
            }
        }
        return found
    }

    static func components(_ field: String) -> [DecodeContext.PathComponent] {
        var out: [DecodeContext.PathComponent] = []
        for part in field.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { out.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { out.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else if !rest.isEmpty {
                out.append(.key(String(rest)))
            }
        }
        return out
    }
}

/// Positions in a draft decoded straight from its JSON text, found by walking the text itself:
/// a finding's field is reached by passing over the values before it, and its line and column
/// counted from the bytes in front of it. No table is built for a draft whose findings all name
/// plain ASCII paths, which is every finding a rule makes.
extension FieldPositions {
    /// One step of a plain path: a key (its bytes' range in the path) or an index.
    enum PlainStep {
        case key(Range<Int>)
        case index(Int)
    }

    /// The steps of `path` when it is a plain ASCII path as `walkPlainPath` reads one (non-empty
    /// keys joined by `.`, `[digits]` indices); nil for anything else, which the table answers.
    static func plainASCIISteps(_ path: UnsafeBufferPointer<UInt8>) -> [PlainStep]? {
        guard NodeTable.isASCII(path) else { return nil }
        var steps: [PlainStep] = []
        var index = 0
        while index < path.count {
            if path[index] == UInt8(ascii: "[") {
                var value = 0
                var digits = 0
                index += 1
                while index < path.count, path[index] >= UInt8(ascii: "0"), path[index] <= UInt8(ascii: "9") {
                    if digits < 16 { value = value * 10 + Int(path[index] - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits < 16, index < path.count, path[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                if index < path.count {
                    guard path[index] == UInt8(ascii: "[") || path[index] == UInt8(ascii: ".") else { return nil }
                    if path[index] == UInt8(ascii: ".") {
                        index += 1
                        guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                    }
                }
                steps.append(.index(value))
            } else {
                let keyStart = index
                while index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") {
                    guard path[index] != UInt8(ascii: "]") else { return nil }
                    index += 1
                }
                guard index > keyStart else { return nil }
                steps.append(.key(keyStart..<index))
                if index < path.count, path[index] == UInt8(ascii: ".") {
                    index += 1
                    guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                }
            }
        }
        return steps
    }

    /// The position `walkPlainPath` finds for `steps` (of `path`) in the table of `text`, a
    /// document `JSONScanner` takes whose keys are all ASCII without escapes, found in the text.
    static func walkJSON(
        _ steps: [PlainStep], of path: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, firstLine: Int
    ) -> Position {
        var cursor = JSONPathCursor(bytes: text)
        cursor.skipSpace()
        var found = cursor.index
        for step in steps {
            switch step {
            case .key(let range):
                guard let key = cursor.findKey(UnsafeBufferPointer(rebasing: path[range])) else {
                    return position(ofOffset: found, in: text, firstLine: firstLine)
                }
                found = key
            case .index(let item):
                guard cursor.findItem(item) else { return position(ofOffset: found, in: text, firstLine: firstLine) }
                found = cursor.index
            }
        }
        return position(ofOffset: found, in: text, firstLine: firstLine)
    }

    /// The line and column (in Unicode scalars) of byte `offset` of `text`, whose first line is `firstLine`.
    static func position(ofOffset offset: Int, in text: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Position {
        guard let base = text.baseAddress else { return Position(line: firstLine, column: 1) }
        var line = firstLine
        var lineStart = 0
        while lineStart < offset, let found = memchr(base + lineStart, 0x0A, offset - lineStart) {
            line += 1
            lineStart = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
        }
        // A continuation byte (10xxxxxx) starts no scalar: the column counts the others.
        var continuations = 0
        var index = lineStart
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= offset {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index &+= 8
        }
        while index < offset {
            if text[index] & 0xC0 == 0x80 { continuations &+= 1 }
            index &+= 1
        }
        return Position(line: line, column: 1 + offset - lineStart - continuations)
    }
}

/// Passes over the values of a JSON text that `JSONScanner` took (so it is well formed, and a
/// line break comes only between tokens), to the key or item a path names.
struct JSONPathCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
    }

    /// Past the string whose opening quote is at the cursor.
    mutating func skipString() {
        index += 1
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index < bytes.count {
            while index &+ 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // The first quote or backslash of the word: a zero byte of either XOR (exact for the first one).
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
                if flags != 0 {
                    index &+= flags.trailingZeroBitCount >> 3
                    break
                }
                index &+= 8
            }
            guard index < bytes.count else { return }
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                return
            }
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
    }

    /// Past the value at the cursor.
    mutating func skipValue() {
        guard index < bytes.count else { return }
        switch bytes[index] {
        case UInt8(ascii: "\""): skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                default: break
                }
                index += 1
                if depth == 0 { return }
            }
        default:
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A: return
                default: index += 1
                }
            }
        }
    }

    /// In the object at the cursor, the offset of the key `key` (its opening quote), the cursor
    /// left on its value; nil, the cursor anywhere, when the value is no object or has no such key.
    mutating func findKey(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        skipSpace()
        while index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let keyStart = index
            skipString()
            let matches = NodeTable.sameBytes(UnsafeBufferPointer(rebasing: bytes[(keyStart + 1)..<(index - 1)]), key)
            skipSpace()
            index += 1  // the colon
            skipSpace()
            if matches { return keyStart }
            skipValue()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            skipSpace()
        }
        return nil
    }

    /// In the array at the cursor, true with the cursor on item `item`; false when the value is
    /// no array or is shorter.
    mutating func findItem(_ item: Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return false }
        index += 1
        skipSpace()
        guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return false }
        var passed = 0
        while passed < item {
            skipValue()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            skipSpace()
            passed += 1
        }
        return true
    }
}
