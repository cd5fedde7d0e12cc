/// Reads JSON a token at a time straight from its UTF-8 bytes, for a decoder that fills its own
/// values as it reads instead of building a `NodeTable` first.
///
/// It takes exactly what `JSONReader` takes (the plain subset on which JSON and YAML agree, within
/// the same node and depth limits) and keeps no line or column: the caller gives up at the first
/// thing it does not take, and reads the text again through `JSONReader` or Yams, whose tree
/// carries the positions that its errors need.
public struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Line breaks passed so far: a key's `:` must be on the key's line, as `JSONReader` wants.
    var lineBreaks = 0
    var nodesLeft: Int
    let maxDepth: Int
    /// The decoded text of the last string read that had escapes.
    var escaped: [UInt8] = []

    /// A scanner at the start of `bytes`, within `limits`' node count and depth.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: InputLimits) {
        self.bytes = bytes
        nodesLeft = limits.maxNodes
        maxDepth = limits.maxDepth
    }

    /// The byte at the cursor, or nil at the end.
    @inline(__always)
    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// True at the end of the bytes.
    var atEnd: Bool { index >= bytes.count }

    /// One byte of syntax.
    @inline(__always)
    mutating func advance() { index &+= 1 }

    /// Spaces and line breaks only: tabs, carriage returns and comments are left to libyaml.
    @inline(__always)
    mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                index &+= 1
            } else if byte == 0x0A {
                lineBreaks &+= 1
                index &+= 1
            } else {
                return
            }
        }
    }

    /// Counts a node at `depth`, as `JSONReader` counts its nodes: false past the limits or at the end.
    @inline(__always)
    mutating func enter(depth: Int) -> Bool {
        nodesLeft &-= 1
        return nodesLeft >= 0 && depth <= maxDepth && index < bytes.count
    }

    /// Reads the scalar at the cursor (counted at `depth`) and hands it to `body` as a one-node
    /// table, valid only inside; false when there is no scalar there that `JSONReader` takes
    /// (an object or an array included), or when `body` returns false.
    @inline(__always)
    mutating func scalar(depth: Int, _ body: (TableNode) -> Bool) -> Bool {
        guard enter(depth: depth) else { return false }
        let kind: NodeTable.Kind
        let range: Range<Int>
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return false
        case UInt8(ascii: "\""):
            guard let text = string() else { return false }
            kind = .quotedScalar
            range = text
        default:
            guard let text = plainScalar() else { return false }
            kind = .plainScalar
            range = text
        }
        var entry = NodeTable.Entry(
            kind: kind, line: 0, column: 0, start: Int32(truncatingIfNeeded: range.lowerBound),
            end: Int32(truncatingIfNeeded: range.upperBound), count: 0, next: 1)
        let source = bytes
        return withUnsafePointer(to: &entry) { entry in
            escaped.withUnsafeBufferPointer { escaped in
                body(TableNode(entries: UnsafeBufferPointer(start: entry, count: 1), source: source, bytes: escaped, index: 0))
            }
        }
    }

    /// Reads the scalar at the cursor (counted at `depth`) as `scalar` does and hands `body` its
    /// text's bytes (valid only inside) and whether it was written unquoted: the way to a string
    /// field without the one-node table, which a text's decoding does not need.
    @inline(__always)
    mutating func scalarText(depth: Int, _ body: (UnsafeBufferPointer<UInt8>, _ plain: Bool) -> Bool) -> Bool {
        guard enter(depth: depth) else { return false }
        let plain: Bool
        let range: Range<Int>
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return false
        case UInt8(ascii: "\""):
            guard let text = string() else { return false }
            plain = false
            range = text
        default:
            guard let text = plainScalar() else { return false }
            plain = true
            range = text
        }
        if range.upperBound <= bytes.count { return body(UnsafeBufferPointer(rebasing: bytes[range]), plain) }
        let offset = bytes.count
        return escaped.withUnsafeBufferPointer { escaped in
            body(UnsafeBufferPointer(rebasing: escaped[(range.lowerBound - offset)..<(range.upperBound - offset)]), plain)
        }
    }

    /// A key at the cursor (counted at `depth`): its bytes when it is written without escapes,
    /// valid as long as the scanner's bytes; nil for anything else.
    mutating func key(depth: Int) -> UnsafeBufferPointer<UInt8>? {
        guard enter(depth: depth), bytes[index] == UInt8(ascii: "\""), let range = string(), range.upperBound <= bytes.count else {
            return nil
        }
        return UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The `:` after a key whose opening quote was at `keyStart`, `keyLineBreaks` line breaks in:
    /// on the key's line and within 1000 bytes of its start, as libyaml wants it.
    mutating func colon(keyStart: Int, keyLineBreaks: Int) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), lineBreaks == keyLineBreaks, index - keyStart < 1000 else {
            return false
        }
        index &+= 1
        skipSpace()
        return true
    }

    /// After an item or a pair: true past a `,` (another follows), false past `close` (the last
    /// one); nil for anything else.
    @inline(__always)
    mutating func separator(close: UInt8) -> Bool? {
        skipSpace()
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") {
            index &+= 1
            skipSpace()
            return true
        }
        guard byte == close else { return nil }
        index &+= 1
        return false
    }

    /// Past an opening `{` or `[` and the spaces after it: true when `close` follows at once (an
    /// empty collection, passed over too).
    @inline(__always)
    mutating func openIsEmpty(close: UInt8) -> Bool {
        index &+= 1
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index &+= 1
            return true
        }
        return false
    }

    /// A double-quoted string at the cursor: the range of its text in `bytes`, or, for text with
    /// escapes, `bytes.count ..< bytes.count + escaped.count` with the text decoded in `escaped`.
    mutating func string() -> Range<Int>? {
        index &+= 1  // the opening quote
        var hasEscapes = false
        var runStart = index
        let base = bytes.baseAddress!
        while true {
            while index &+ 8 <= bytes.count {
                let count = Self.plainCount(at: base + index)
                index &+= count
                if count < 8 { break }
            }
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let runEnd = index
                index &+= 1
                guard hasEscapes else { return runStart..<runEnd }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
                return bytes.count..<(bytes.count + escaped.count)
            }
            if byte == UInt8(ascii: "\\") {
                if !hasEscapes {
                    hasEscapes = true
                    escaped.removeAll(keepingCapacity: true)
                }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                guard escape() else { return nil }
                runStart = index
                continue
            }
            if byte < 0x20 || byte == 0x7F { return nil }
            // What libyaml refuses (C1 controls, U+FFFE, U+FFFF), reads as a line break (NEL,
            // U+2028, U+2029) or treats specially (a byte-order mark) is for its path to report.
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return nil }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return nil
            }
            if byte == 0xEF, index + 2 < bytes.count,
                (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) || (bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
            {
                return nil
            }
            index &+= 1
        }
    }

    /// How many of the eight bytes at `start` come before the first that needs `string`'s closer
    /// look (`JSONPlainBytes.closerLook`).
    @inline(__always)
    static func plainCount(at start: UnsafePointer<UInt8>) -> Int {
        JSONPlainBytes.plainCount(JSONPlainBytes.closerLook(JSONPlainBytes.word(at: start)))
    }

    /// A backslash escape that JSON and YAML read the same way, decoded into `escaped`.
    private mutating func escape() -> Bool {
        guard let length = JSONReader.decodeEscape(in: bytes, at: index, into: &escaped) else { return false }
        index += length
        return true
    }

    /// A JSON number, `true`, `false` or `null`, kept as written (a plain YAML scalar).
    private mutating func plainScalar() -> Range<Int>? {
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        default: break
        }
        guard let end = JSONReader.numberEnd(in: bytes, from: index) else { return nil }
        index = end
        return start..<index
    }

    /// `literal` at the cursor, passed over.
    private mutating func word(_ literal: StaticString) -> Range<Int>? {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard start + count <= bytes.count,
            NodeTable.sameBytes(UnsafeBufferPointer(rebasing: bytes[start..<start + count]), UnsafeBufferPointer(start: literal.utf8Start, count: count))
        else { return nil }
        index = start + count
        return start..<index
    }
}
