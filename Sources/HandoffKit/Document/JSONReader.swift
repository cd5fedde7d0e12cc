/// Reads a JSON document straight from its UTF-8 bytes into a `NodeTable`, with the same tree,
/// lines, columns and scalar kinds that libyaml gives the same text.
///
/// JSON Lines pipelines spend most of their time parsing; going through libyaml and Yams' node
/// tree costs several times more than reading the bytes once. The reader takes only the plain
/// subset of JSON on which YAML and JSON agree, and gives up (returns nil) on anything else, including
/// every error: the caller then parses the text with Yams, so errors, limits and edge cases stay
/// exactly those of the YAML path.
enum JSONReader {
    /// The backslash escape at `index` of `bytes`, one that JSON and YAML read the same way,
    /// decoded onto `escaped`; returns how many bytes it took (2, or 6 for `\u`), nil for any
    /// other (surrogates included: libyaml refuses them, so the slow path words the error).
    /// Shared by the reader and `JSONScanner`, so both decode alike.
    static func decodeEscape(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, into escaped: inout [UInt8]) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): escaped.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): escaped.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): escaped.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): escaped.append(0x08)
        case UInt8(ascii: "f"): escaped.append(0x0C)
        case UInt8(ascii: "n"): escaped.append(0x0A)
        case UInt8(ascii: "r"): escaped.append(0x0D)
        case UInt8(ascii: "t"): escaped.append(0x09)
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 2..<6 {
                guard let digit = hexValue(bytes[index + offset]) else { return nil }
                value = value << 4 | digit
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let count = withUnsafeMutableBytes(of: &buffer) { raw -> Int in
                var written = 0
                UTF8.encode(scalar) { unit in
                    raw[written] = unit
                    written += 1
                }
                return written
            }
            withUnsafeBytes(of: &buffer) { raw in escaped.append(contentsOf: raw.prefix(count)) }
            return 6
        default:
            return nil
        }
        return 2
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Where the JSON number starting at `start` ends, or nil if none starts there or it runs
    /// into the next token other than through `,`, `]`, `}` or space (which valid JSON never
    /// does). Shared by the reader and `JSONScanner`, so both accept the same numbers.
    static func numberEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\n"): break
            default: return nil
            }
        }
        return index
    }

    /// The tree of `text`, or nil when the text is not plain valid JSON that the fast path handles.
    static func parse(_ text: String, lineOffset: Int, limits: InputLimits) -> DocNode? {
        table(text, lineOffset: lineOffset, limits: limits)?.docNode
    }

    /// The node table of `text`, or nil when the text is not plain valid JSON that the fast path handles.
    static func table(_ text: String, lineOffset: Int, limits: InputLimits) -> NodeTable? {
        let original = text
        var text = text
        return text.withUTF8 { bytes -> NodeTable? in
            var reader = Reader(bytes: bytes, line: 1 + lineOffset, maxNodes: limits.maxNodes, maxDepth: limits.maxDepth)
            defer { reader.entries.deallocate() }
            guard reader.document() else { return nil }
            // Most scalars are read in place in the text; the decoded text of the escaped ones follows it.
            return NodeTable(entries: reader.entries.array, text: original, bytes: reader.escaped)
        }
    }

    /// How a byte inside a string moves the column, or that it needs a closer look: a quote, a
    /// backslash, a control, or a lead byte of something libyaml refuses or reads as a line break.
    private static let stringByteClass: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x22, 0x5C, 0..<0x20, 0x7F, 0xC2, 0xE2, 0xEF: return Reader.closerLook
        case 0x80..<0xC0: return 0  // a continuation byte: same scalar, same column
        default: return 1
        }
    }

    /// The nodes read so far, in memory the reader owns: an append is a store and a count, with
    /// no uniqueness check of an array's buffer per node. `deallocate` frees it; `array` copies
    /// the nodes out once the document is read.
    struct EntryBuffer {
        private var base: UnsafeMutablePointer<NodeTable.Entry>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(1, capacity)
            base = .allocate(capacity: self.capacity)
        }

        @inline(__always)
        mutating func append(_ entry: NodeTable.Entry) {
            if count == capacity {
                let larger = UnsafeMutablePointer<NodeTable.Entry>.allocate(capacity: capacity * 2)
                larger.moveInitialize(from: base, count: count)
                base.deallocate()
                base = larger
                capacity *= 2
            }
            (base + count).initialize(to: entry)
            count += 1
        }

        subscript(index: Int) -> NodeTable.Entry {
            get {
                precondition(index >= 0 && index < count)
                return base[index]
            }
            set {
                precondition(index >= 0 && index < count)
                base[index] = newValue
            }
        }

        var array: [NodeTable.Entry] { Array(UnsafeBufferPointer(start: base, count: count)) }

        /// Entries are plain values: nothing to deinitialise, only the memory to free.
        func deallocate() { base.deallocate() }
    }

    private struct Reader {
        static let closerLook: UInt8 = 2
        /// Past this many keys in one mapping, telling a repeated key is left to libyaml's path.
        static let maxComparedKeys = 64
        let bytes: UnsafeBufferPointer<UInt8>
        let byteClass = JSONReader.stringByteClass
        /// The nodes read so far, in source order.
        var entries: EntryBuffer
        /// The decoded text of strings with escapes; the table puts it after the text's own bytes.
        var escaped: [UInt8] = []
        var index = 0
        var line: Int
        /// Column (1-based, in Unicode scalars) of `index`.
        var column = 1
        var nodesLeft: Int
        let maxDepth: Int

        init(bytes: UnsafeBufferPointer<UInt8>, line: Int, maxNodes: Int, maxDepth: Int) {
            self.bytes = bytes
            self.line = line
            self.nodesLeft = maxNodes
            self.maxDepth = maxDepth
            // A draft is about 250 nodes; one allocation holds them.
            entries = EntryBuffer(capacity: min(maxNodes, max(16, bytes.count / 8)))
        }

        mutating func document() -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return false }
            guard value(depth: 0) else { return false }
            skipSpace()
            return index == bytes.count
        }

        /// Spaces and line breaks only: tabs, carriage returns and comments are left to libyaml.
        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "):
                    column += 1
                case UInt8(ascii: "\n"):
                    line += 1
                    column = 1
                default:
                    return
                }
                index += 1
            }
        }

        mutating func scalar(plain: Bool, line: Int, column: Int, _ range: Range<Int>) {
            entries.append(
                NodeTable.Entry(
                    kind: plain ? .plainScalar : .quotedScalar, line: Int32(truncatingIfNeeded: line),
                    column: Int32(truncatingIfNeeded: column), start: Int32(truncatingIfNeeded: range.lowerBound),
                    end: Int32(truncatingIfNeeded: range.upperBound), count: 0, next: Int32(truncatingIfNeeded: entries.count + 1)))
        }

        /// Opens a collection; `close` fills in its count and where its subtree ends.
        mutating func open(_ kind: NodeTable.Kind, line: Int, column: Int) -> Int {
            entries.append(
                NodeTable.Entry(
                    kind: kind, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column), start: 0, end: 0,
                    count: 0, next: 0))
            return entries.count - 1
        }

        mutating func close(_ collection: Int, count: Int) {
            entries[collection].count = Int32(truncatingIfNeeded: count)
            entries[collection].next = Int32(truncatingIfNeeded: entries.count)
        }

        mutating func value(depth: Int) -> Bool {
            nodesLeft -= 1
            guard nodesLeft >= 0, depth <= maxDepth, index < bytes.count else { return false }
            let startLine = line
            let startColumn = column
            switch bytes[index] {
            case UInt8(ascii: "{"):
                advance()
                let mapping = open(.mapping, line: startLine, column: startColumn)
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    advance()
                    close(mapping, count: 0)
                    return true
                }
                var pairs = 0
                // A bit per (length, first byte) of the keys read: a key whose bit is clear is new
                // without comparing it to the others, so a draft's mappings cost no quadratic search.
                var keysSeen: UInt64 = 0
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), pairs < Self.maxComparedKeys else { return false }
                    let keyStart = index
                    let keyLine = line
                    let key = entries.count
                    guard value(depth: depth + 1) else { return false }
                    // A repeated key is an error libyaml's path words; leave it to that path, and
                    // with it every key whose equality is not that of its bytes (escapes, non-ASCII).
                    guard isPlainASCII(key) else { return false }
                    let keyBit = keyFilterBit(key)
                    if keysSeen & keyBit != 0 {
                        guard isNewKey(key, in: mapping) else { return false }
                    }
                    keysSeen |= keyBit
                    skipSpace()
                    // libyaml wants a key's `:` on the key's line and within 1024 characters of its start.
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), line == keyLine, index - keyStart < 1000
                    else { return false }
                    advance()
                    skipSpace()
                    guard value(depth: depth + 1) else { return false }
                    pairs += 1
                    skipSpace()
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "}") else { return false }
                    advance()
                    close(mapping, count: pairs)
                    return true
                }
            case UInt8(ascii: "["):
                advance()
                let sequence = open(.sequence, line: startLine, column: startColumn)
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    advance()
                    close(sequence, count: 0)
                    return true
                }
                var items = 0
                while true {
                    skipSpace()
                    guard value(depth: depth + 1) else { return false }
                    items += 1
                    skipSpace()
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "]") else { return false }
                    advance()
                    close(sequence, count: items)
                    return true
                }
            case UInt8(ascii: "\""):
                guard let range = string() else { return false }
                scalar(plain: false, line: startLine, column: startColumn, range)
                return true
            default:
                guard let range = plainScalar() else { return false }
                scalar(plain: true, line: startLine, column: startColumn, range)
                return true
            }
        }

        /// Whether the scalar `key`, just read, is read in place (no escapes) and all ASCII: told
        /// from the columns it took, one a scalar, against its bytes, without walking them again
        /// (a string holds no line break, so its closing quote is on its opening quote's line).
        func isPlainASCII(_ key: Int) -> Bool {
            let entry = entries[key]
            guard entry.kind == .quotedScalar, Int(entry.end) <= bytes.count else { return false }
            let scalars = column - Int(entry.column) - 2
            return scalars == Int(entry.end - entry.start)
        }

        /// The bit of `keysSeen` for `key`: equal keys have equal bits.
        func keyFilterBit(_ key: Int) -> UInt64 {
            let entry = entries[key]
            let length = Int(entry.end - entry.start)
            let first = length > 0 ? Int(bytes[Int(entry.start)]) : 0
            return 1 << UInt64((length &* 7 &+ first) & 63)
        }

        /// False when the text of `key` is that of an earlier key of `mapping` (keys are ASCII
        /// read in place, so equal bytes are equal keys).
        func isNewKey(_ key: Int, in mapping: Int) -> Bool {
            let new = entries[key]
            let length = new.end - new.start
            var other = mapping + 1
            while other < key {
                let old = entries[other]
                if old.end - old.start == length,
                    NodeTable.sameBytes(
                        UnsafeBufferPointer(rebasing: bytes[Int(old.start)..<Int(old.end)]),
                        UnsafeBufferPointer(rebasing: bytes[Int(new.start)..<Int(new.end)]))
                {
                    return false
                }
                other = Int(entries[other + 1].next)
            }
            return true
        }

        /// One byte of ASCII syntax.
        mutating func advance() {
            index += 1
            column += 1
        }

        /// A double-quoted string: the range of its text in `bytes`, or past `bytes.count` for
        /// text with escapes, decoded into `escaped`.
        mutating func string() -> Range<Int>? {
            advance()  // the opening quote
            var escapedStart: Int? = nil
            var runStart = index
            while index < bytes.count {
                // Up to eight bytes at a time, to the first that needs a closer look: in locals,
                // stored back once, so a long text is not a store of the reader's state a word.
                if index &+ 8 <= bytes.count {
                    let base = bytes.baseAddress!
                    let lastWord = bytes.count &- 8
                    var at = index
                    var columns = column
                    var run = Self.plainRun(at: base + at)
                    while true {
                        columns &+= run.columns
                        at &+= run.count
                        guard run.count == 8, at <= lastWord else { break }
                        run = Self.plainRun(at: base + at)
                    }
                    index = at
                    column = columns
                    if run.count == 8 { continue }
                }
                // Ordinary ASCII and ordinary multi-byte scalars, as in Japanese text, in one tight loop.
                let step = byteClass[Int(bytes[index])]
                if step < Self.closerLook {
                    column &+= Int(step)
                    index &+= 1
                    continue
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let runEnd = index
                    advance()
                    // Without escapes the text is where it was written.
                    guard let escapedStart else { return runStart..<runEnd }
                    escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                    return (bytes.count + escapedStart)..<(bytes.count + escaped.count)
                }
                if byte == UInt8(ascii: "\\") {
                    if escapedStart == nil { escapedStart = escaped.count }
                    escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    guard escape() else { return nil }
                    runStart = index
                    continue
                }
                if byte < 0x20 || byte == 0x7F { return nil }
                if byte >= 0x80 {
                    // What libyaml refuses (C1 controls, U+FFFE, U+FFFF), reads as a line break
                    // (NEL, U+2028, U+2029) or treats specially (a byte-order mark) is its to report.
                    if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return nil }
                    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                    {
                        return nil
                    }
                    if byte == 0xEF, index + 2 < bytes.count,
                        (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                            || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
                    {
                        return nil
                    }
                    if byte & 0xC0 != 0x80 { column += 1 }
                } else {
                    column += 1
                }
                index += 1
            }
            return nil
        }

        /// How many of the eight bytes at `start` come before the first that needs `string`'s
        /// closer look (`JSONPlainBytes.closerLook`), and how many scalars start in them
        /// (continuation bytes move no column).
        @inline(__always)
        static func plainRun(at start: UnsafePointer<UInt8>) -> (count: Int, columns: Int) {
            let word = JSONPlainBytes.word(at: start)
            let count = JSONPlainBytes.plainCount(JSONPlainBytes.closerLook(word))
            return (count, JSONPlainBytes.scalarStarts(in: word, count: count))
        }

        /// A backslash escape that JSON and YAML read the same way, decoded into `escaped`.
        mutating func escape() -> Bool {
            guard let length = JSONReader.decodeEscape(in: bytes, at: index, into: &escaped) else { return false }
            index += length
            column += length
            return true
        }

        /// A JSON number, `true`, `false` or `null`, kept as written (a plain YAML scalar).
        mutating func plainScalar() -> Range<Int>? {
            let start = index
            for word in ["true", "false", "null"] where bytes[index] == word.utf8.first {
                let end = index + word.utf8.count
                guard end <= bytes.count, bytes[index..<end].elementsEqual(word.utf8) else { return nil }
                index = end
                column += word.utf8.count
                return start..<end
            }
            guard let end = JSONReader.numberEnd(in: bytes, from: index) else { return nil }
            index = end
            column += index - start
            return start..<index
        }
    }
}
