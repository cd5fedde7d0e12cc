/// Reads a JSON document straight from its UTF-8 bytes into a `DocNode` tree, with the same lines,
/// columns and scalar kinds that libyaml gives the same text.
///
/// JSON Lines pipelines spend most of their time parsing; going through libyaml and Yams' node
/// tree costs several times more than reading the bytes once. The reader takes only the plain
/// subset of JSON on which YAML and JSON agree, and gives up (returns nil) on anything else, including
/// every error: the caller then parses the text with Yams, so errors, limits and edge cases stay
/// exactly those of the YAML path.
enum JSONReader {
    /// The tree of `text`, or nil when the text is not plain valid JSON that the fast path handles.
    static func parse(_ text: String, lineOffset: Int, limits: InputLimits) -> DocNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, line: 1 + lineOffset, maxNodes: limits.maxNodes, maxDepth: limits.maxDepth)
            return reader.document()
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

    private struct Reader {
        static let closerLook: UInt8 = 2
        let bytes: UnsafeBufferPointer<UInt8>
        let byteClass = JSONReader.stringByteClass
        /// The pairs and items of the mappings and sequences being read, innermost last: each
        /// collection is copied out at its exact size when it closes instead of growing its own array.
        var pairStack: [DocNode.Pair] = []
        var itemStack: [DocNode] = []
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
        }

        mutating func document() -> DocNode? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") else { return nil }
            guard let root = value(depth: 0) else { return nil }
            skipSpace()
            return index == bytes.count ? root : nil
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

        mutating func value(depth: Int) -> DocNode? {
            nodesLeft -= 1
            guard nodesLeft >= 0, depth <= maxDepth, index < bytes.count else { return nil }
            let startLine = line
            let startColumn = column
            switch bytes[index] {
            case UInt8(ascii: "{"):
                advance()
                let base = pairStack.count
                // Filled only for a large mapping: a draft's few keys are compared in place.
                var keys: Set<String> = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    advance()
                    return DocNode(.mapping([]), line: startLine, column: startColumn)
                }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
                    let keyStart = index
                    let keyLine = line
                    guard let key = value(depth: depth + 1), case .scalar(let name, _) = key.kind else { return nil }
                    // A repeated key is an error libyaml's path words; leave it to that path.
                    guard Self.isNewKey(name, among: pairStack[base...], hashed: &keys) else { return nil }
                    skipSpace()
                    // libyaml wants a key's `:` on the key's line and within 1024 characters of its start.
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), line == keyLine, index - keyStart < 1000
                    else { return nil }
                    advance()
                    skipSpace()
                    guard let item = value(depth: depth + 1) else { return nil }
                    pairStack.append(DocNode.Pair(key: key, value: item))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "}") else { return nil }
                    advance()
                    let pairs = Array(pairStack[base...])
                    pairStack.removeSubrange(base...)
                    return DocNode(.mapping(pairs), line: startLine, column: startColumn)
                }
            case UInt8(ascii: "["):
                advance()
                let base = itemStack.count
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    advance()
                    return DocNode(.sequence([]), line: startLine, column: startColumn)
                }
                while true {
                    skipSpace()
                    guard let item = value(depth: depth + 1) else { return nil }
                    itemStack.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        advance()
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "]") else { return nil }
                    advance()
                    let items = Array(itemStack[base...])
                    itemStack.removeSubrange(base...)
                    return DocNode(.sequence(items), line: startLine, column: startColumn)
                }
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                return DocNode(.scalar(text, plain: false), line: startLine, column: startColumn)
            default:
                guard let text = plainScalar() else { return nil }
                return DocNode(.scalar(text, plain: true), line: startLine, column: startColumn)
            }
        }

        /// False when `name` is one of the keys of `pairs`. Hashing a string costs more than
        /// comparing it with a handful of others, so a set is built only past 16 keys.
        static func isNewKey(_ name: String, among pairs: ArraySlice<DocNode.Pair>, hashed keys: inout Set<String>) -> Bool {
            if pairs.count < 16 {
                for pair in pairs { if case .scalar(let other, _) = pair.key.kind, other == name { return false } }
                return true
            }
            if keys.isEmpty {
                for pair in pairs { if case .scalar(let other, _) = pair.key.kind { keys.insert(other) } }
            }
            return keys.insert(name).inserted
        }

        /// One byte of ASCII syntax.
        mutating func advance() {
            index += 1
            column += 1
        }

        /// A double-quoted string; copies runs of ordinary bytes at once.
        mutating func string() -> String? {
            advance()  // the opening quote
            var result: [UInt8] = []
            var runStart = index
            while index < bytes.count {
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
                    // Without escapes the text is one run of the input, made a string in one copy.
                    if result.isEmpty { return slice(runStart..<runEnd) }
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd])
                    result.append(contentsOf: run)
                    return String(decoding: result, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    guard escape(into: &result) else { return nil }
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

        /// The bytes `offsets` as a string. Slicing the validated source `String` instead (no second
        /// validation) measured twice as costly: substring indices and bridging outweigh the check.
        func slice(_ offsets: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets]), as: UTF8.self)
        }

        /// A backslash escape that JSON and YAML read the same way.
        mutating func escape(into result: inout [UInt8]) -> Bool {
            guard index + 1 < bytes.count else { return false }
            let code = bytes[index + 1]
            index += 2
            column += 2
            switch code {
            case UInt8(ascii: "\""): result.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): result.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): result.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count else { return false }
                var value: UInt32 = 0
                for offset in 0..<4 {
                    guard let digit = Self.hexValue(bytes[index + offset]) else { return false }
                    value = value << 4 | digit
                }
                index += 4
                column += 4
                // Surrogates (JSON's pairs) are an error to libyaml; leave them to it.
                guard let scalar = Unicode.Scalar(value) else { return false }
                var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                let count = withUnsafeMutableBytes(of: &buffer) { raw -> Int in
                    var written = 0
                    UTF8.encode(scalar) { unit in
                        raw[written] = unit
                        written += 1
                    }
                    return written
                }
                withUnsafeBytes(of: &buffer) { raw in result.append(contentsOf: raw.prefix(count)) }
            default:
                return false
            }
            return true
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        /// A JSON number, `true`, `false` or `null`, kept as written (a plain YAML scalar).
        mutating func plainScalar() -> String? {
            let start = index
            for word in ["true", "false", "null"] where bytes[index] == word.utf8.first {
                let end = index + word.utf8.count
                guard end <= bytes.count, bytes[index..<end].elementsEqual(word.utf8) else { return nil }
                index = end
                column += word.utf8.count
                return word
            }
            func digits() -> Int {
                let from = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                return index - from
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
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
            // A number runs into the next token only through `,`, `]`, `}` or space in valid JSON.
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\n"): break
                default: return nil
                }
            }
            column += index - start
            return slice(start..<index)
        }
    }
}
