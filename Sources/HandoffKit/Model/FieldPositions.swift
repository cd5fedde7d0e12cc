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

    /// Positions read from the text of `chunk`, whose root mapping's keys the decoder found at
    /// `rootKeys` (anchors still to count); a table is parsed (within `limits`) only if a path
    /// asks for one.
    init(unparsed chunk: DocumentChunk, limits: InputLimits, rootKeys: [RootKey]) {
        storage = Storage(unparsed: chunk, limits: limits, rootKeys: rootKeys)
    }

    /// A table, or the text to parse one from once. The lock makes the first parse safe even
    /// if copies of the positions are read on two threads at once.
    private final class Storage: Sendable {
        private let parsed: Mutex<NodeTable?>
        /// For positions kept as text: the root mapping's keys, their anchors counted the first time a position is asked for.
        private let rootKeys: Mutex<(keys: [FieldPositions.RootKey], anchored: Bool)>
        private let chunk: DocumentChunk?
        private let limits: InputLimits

        init(table: NodeTable) {
            parsed = Mutex(table)
            chunk = nil
            limits = .standard
            rootKeys = Mutex(([], true))
        }

        init(unparsed chunk: DocumentChunk, limits: InputLimits, rootKeys: [FieldPositions.RootKey]) {
            parsed = Mutex(nil)
            self.chunk = chunk
            self.limits = limits
            self.rootKeys = Mutex((rootKeys, false))
        }

        /// For positions kept as text: the position of a plain ASCII path, walked in the text;
        /// nil for any other path (or positions kept as a table).
        func positionInText(of field: inout String) -> Position? {
            guard let chunk else { return nil }
            return field.withUTF8 { path -> Position? in
                guard let steps = FieldPositions.plainASCIISteps(path) else { return nil }
                var text = chunk.text
                return text.withUTF8 { text in
                    let keys = rootKeys.withLock { state in
                        if !state.anchored {
                            FieldPositions.anchor(&state.keys, in: text, firstLine: chunk.firstLine)
                            state.anchored = true
                        }
                        return state.keys
                    }
                    return FieldPositions.walkJSON(steps, of: path, in: text, rootKeys: keys, firstLine: chunk.firstLine)
                }
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

    /// A key of the draft's own mapping, as the decoder passed it: where its text, its opening
    /// quote and its value are, and (once counted) the quote's line and column.
    struct RootKey: Sendable {
        var key: Range<Int>
        var keyOffset: Int
        var valueOffset: Int
        var anchor = Anchor(offset: 0, line: 1, lineStart: 0, column: 1)
    }

    /// A place in the text whose position is known: positions after it are counted from it.
    struct Anchor: Sendable {
        var offset: Int
        var line: Int
        var lineStart: Int
        var column: Int
    }

    /// Counts the line and column of each of `keys` (in order, from the decoder) in `text`.
    static func anchor(_ keys: inout [RootKey], in text: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        var anchor = Anchor(offset: 0, line: firstLine, lineStart: 0, column: 1)
        for index in keys.indices {
            anchor = advance(anchor, to: keys[index].keyOffset, in: text)
            keys[index].anchor = anchor
        }
    }

    /// The position `walkPlainPath` finds for `steps` (of `path`) in the table of `text`, found
    /// in the text from its root keys `keys`, anchored.
    static func walkJSON(
        _ steps: [PlainStep], of path: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, rootKeys keys: [RootKey],
        firstLine: Int
    ) -> Position {
        let start = Anchor(offset: 0, line: firstLine, lineStart: 0, column: 1)
        var cursor = JSONPathCursor(bytes: text)
        cursor.skipSpace()
        // Nothing of the path written: the document's start, where its mapping (or whatever it is) opens.
        let rootOffset = cursor.index
        guard case .key(let first)? = steps.first, text.count > rootOffset, text[rootOffset] == UInt8(ascii: "{"),
            let root = keys.first(where: { NodeTable.sameBytes(UnsafeBufferPointer(rebasing: text[$0.key]), UnsafeBufferPointer(rebasing: path[first])) })
        else { return position(of: advance(start, to: rootOffset, in: text)) }
        var found = root.keyOffset
        cursor.index = root.valueOffset
        walk: for step in steps.dropFirst() {
            switch step {
            case .key(let range):
                guard let key = cursor.findKey(UnsafeBufferPointer(rebasing: path[range])) else { break walk }
                found = key
            case .index(let item):
                guard cursor.findItem(item) else { break walk }
                found = cursor.index
            }
        }
        return position(of: advance(root.anchor, to: found, in: text))
    }

    static func position(of anchor: Anchor) -> Position { Position(line: anchor.line, column: anchor.column) }

    /// `anchor` moved on to byte `offset` (at or after it) of `text`: line breaks counted, and
    /// the column in Unicode scalars (a continuation byte, 10xxxxxx, starts none).
    static func advance(_ anchor: Anchor, to offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Anchor {
        guard let base = text.baseAddress, offset > anchor.offset else { return anchor }
        var moved = anchor
        var from = anchor.offset
        while from < offset, let found = memchr(base + from, 0x0A, offset - from) {
            moved.line += 1
            from = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
            moved.lineStart = from
            moved.column = 1
        }
        var continuations = 0
        var index = from
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
        moved.column += offset - from - continuations
        moved.offset = offset
        return moved
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
