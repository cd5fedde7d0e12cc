/// Writes a `Value` as JSON: compact (one line, for JSON Lines) or indented by two spaces.
///
/// Output is deterministic: keys in the order of the tree, no trailing spaces, non-ASCII text as
/// UTF-8, and every control and invisible format character escaped so that nothing raw reaches a
/// terminal and nothing hides in the text.
public enum JSONWriter {
    /// The value as JSON on one line, without a trailing line break: one record of JSON Lines.
    public static func compact(_ value: Value) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out, indent: nil, level: 0)
        return out.utf8String
    }

    /// The value as JSON indented by two spaces, without a trailing line break.
    public static func pretty(_ value: Value) -> String {
        pretty(value, level: 0)
    }

    /// Indented JSON as it reads `level` levels deep inside an enclosing document (the first line
    /// is not indented): lets exporters stream a large document piece by piece.
    public static func pretty(_ value: Value, level: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out, indent: 2, level: level)
        return out.utf8String
    }

    /// Compact JSON (`indent` nil) or indented by `indent` spaces a level, appended to `out`.
    static func write(_ value: Value, into out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: out.append(utf8: "null")
        case .bool(let flag): out.append(utf8: flag ? "true" : "false")
        case .number(let text): out.append(utf8: text)
        case .string(let text), .plain(let text): writeString(text, into: &out)
        case .list(let items):
            if items.isEmpty {
                out.append(utf8: "[]")
                return
            }
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            if entries.isEmpty {
                out.append(utf8: "{}")
                return
            }
            out.append(UInt8(ascii: "{"))
            var first = true
            for entry in entries {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent, level + 1)
                writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(entry.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.appendSpaces(indent * level)
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        out += bytes.utf8String
    }

    /// Appends `text` as a JSON string literal. Runs of bytes that need no escape are copied at
    /// once; which bytes those are comes from `UnsafeScalar`, so a rule added there applies here.
    /// Text with an invisible character (bidi controls, zero-width characters) takes the
    /// scalar-by-scalar path, which knows a joiner inside an emoji from a hidden one.
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let start = out.count
        var utf8 = text
        let plain = utf8.withUTF8 { bytes in writeRuns(bytes, into: &out) }
        if !plain {
            // Rare: the runs written so far are taken back and the whole text goes scalar by
            // scalar, which is what tells a joiner inside an emoji from a hidden one.
            out.removeSubrange(start...)
            writeScalars(text, into: &out)
        }
        out.append(0x22)
    }

    /// `writeString` of text given as its UTF-8 (valid, as a renderer's bytes are): a long
    /// description goes into the JSON without becoming a `String` first.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        let start = out.count
        if !writeRuns(bytes, into: &out) {
            out.removeSubrange(start...)
            writeScalars(String(decoding: bytes, as: UTF8.self), into: &out)
        }
        out.append(0x22)
    }

    private static func writeScalars(_ text: String, into out: inout [UInt8]) {
        UnsafeScalar.forEach(text) { scalar, invisible in
            if scalar.value < 0x80 && plainASCII[Int(scalar.value)] {
                out.append(UInt8(scalar.value))
            } else if invisible || scalar.value < 0x80 || UnsafeScalar.needsEscape(scalar) {
                appendEscape(scalar, to: &out)
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// Writes `bytes` in runs, or stops and returns false at the first scalar that may be
    /// invisible: one pass over the text instead of a check for invisibles and then the writing.
    private static func writeRuns(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        plainASCII.withUnsafeBufferPointer { plain in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if plain[Int(byte)] {
                        index += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    appendEscape(Unicode.Scalar(byte), to: &out)
                    index += 1
                    runStart = index
                    continue
                }
                let mayBeInvisible = ByteTables.leadMayBeInvisible(byte)
                guard mayBeInvisible || ByteTables.leadMayNeedEscape(byte) else {
                    index += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    continue
                }
                let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                if mayBeInvisible && UnsafeScalar.isInvisible(scalar) { return false }
                if UnsafeScalar.needsEscape(scalar) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    appendEscape(scalar, to: &out)
                    index += length
                    runStart = index
                } else {
                    index += length
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
            return true
        }
    }

    /// ASCII bytes written as they are: not a quote, a backslash or an unsafe control.
    private static let plainASCII: [Bool] = (0..<128).map { byte in
        byte != 0x22 && byte != 0x5C && !UnsafeScalar.needsEscape(Unicode.Scalar(UInt8(byte)))
    }

    /// The escape of one scalar: the short forms JSON has, else `\uXXXX` (a surrogate pair above
    /// U+FFFF, e.g. the tag characters U+E0000 and up).
    static func appendEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar {
        case "\"": out.append(utf8: "\\\"")
        case "\\": out.append(utf8: "\\\\")
        case "\n": out.append(utf8: "\\n")
        case "\r": out.append(utf8: "\\r")
        case "\t": out.append(utf8: "\\t")
        case "\u{08}": out.append(utf8: "\\b")
        case "\u{0C}": out.append(utf8: "\\f")
        default:
            guard scalar.value > 0xFFFF else {
                appendHex4(scalar.value, to: &out)
                return
            }
            let offset = scalar.value - 0x10000
            appendHex4(0xD800 + (offset >> 10), to: &out)
            appendHex4(0xDC00 + (offset & 0x3FF), to: &out)
        }
    }

    /// `\u` and four lowercase hex digits.
    static func appendHex4(_ value: UInt32, to out: inout [UInt8]) {
        func digit(_ nibble: UInt32) -> UInt8 { nibble < 10 ? 0x30 + UInt8(nibble) : 0x57 + UInt8(nibble) }
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        out.append(digit((value >> 12) & 0xF))
        out.append(digit((value >> 8) & 0xF))
        out.append(digit((value >> 4) & 0xF))
        out.append(digit(value & 0xF))
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([
            digits[Int((value >> 12) & 0xF)], digits[Int((value >> 8) & 0xF)],
            digits[Int((value >> 4) & 0xF)], digits[Int(value & 0xF)],
        ])
    }
}
