/// Writes a `Value` as JSON: compact (one line, for JSON Lines) or indented by two spaces.
///
/// Output is deterministic: keys in the order of the tree, no trailing spaces, non-ASCII text as
/// UTF-8, and every control character escaped so that nothing raw reaches a terminal.
public enum JSONWriter {
    public static func compact(_ value: Value) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    public static func pretty(_ value: Value) -> String {
        pretty(value, level: 0)
    }

    /// Indented JSON as it reads `level` levels deep inside an enclosing document (the first line
    /// is not indented): lets exporters stream a large document piece by piece.
    public static func pretty(_ value: Value, level: Int) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", level: level)
        return out
    }

    static func write(_ value: Value, into out: inout String, indent: String?, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text), .plain(let text): writeString(text, into: &out)
        case .list(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { out += "," }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .map(let entries):
            if entries.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { out += "," }
                newline(&out, indent, level + 1)
                writeString(entry.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(entry.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Appends `text` as a JSON string literal. Runs of bytes that need no escape are copied at
    /// once; which bytes those are comes from `UnsafeScalar`, so a rule added there applies here.
    public static func writeString(_ text: String, into out: inout String) {
        out += "\""
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            func flush() {
                if index > runStart {
                    out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if plainASCII[Int(byte)] {
                        index += 1
                        continue
                    }
                    flush()
                    out += escape(Unicode.Scalar(byte))
                    index += 1
                    runStart = index
                    continue
                }
                let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                if UnsafeScalar.needsEscape(scalar) {
                    flush()
                    out += escape(scalar)
                    index += length
                    runStart = index
                } else {
                    index += length
                }
            }
            flush()
        }
        out += "\""
    }

    /// ASCII bytes written as they are: not a quote, a backslash or an unsafe control.
    private static let plainASCII: [Bool] = (0..<128).map { byte in
        byte != 0x22 && byte != 0x5C && !UnsafeScalar.needsEscape(Unicode.Scalar(UInt8(byte)))
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default: return "\\u" + hex4(scalar.value)
        }
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([
            digits[Int((value >> 12) & 0xF)], digits[Int((value >> 8) & 0xF)],
            digits[Int((value >> 4) & 0xF)], digits[Int(value & 0xF)],
        ])
    }
}
