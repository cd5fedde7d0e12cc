/// Writes a `Value` as JSON: compact (one line, for JSON Lines) or indented by two spaces.
///
/// Output is deterministic: keys in the order of the tree, no trailing spaces, non-ASCII text as
/// UTF-8, and every control and invisible format character escaped so that nothing raw reaches a
/// terminal and nothing hides in the text.
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
    /// Text with an invisible character (bidi controls, zero-width characters) takes the
    /// scalar-by-scalar path, which knows a joiner inside an emoji from a hidden one.
    public static func writeString(_ text: String, into out: inout String) {
        out += "\""
        if UnsafeScalar.containsInvisible(text) {
            writeScalars(text, into: &out)
        } else {
            writeRuns(text, into: &out)
        }
        out += "\""
    }

    private static func writeScalars(_ text: String, into out: inout String) {
        UnsafeScalar.forEach(text) { scalar, invisible in
            if scalar.value < 0x80 && plainASCII[Int(scalar.value)] {
                out.unicodeScalars.append(scalar)
            } else if invisible || scalar.value < 0x80 || UnsafeScalar.needsEscape(scalar) {
                appendEscape(scalar, to: &out)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    private static func writeRuns(_ text: String, into out: inout String) {
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
                    appendEscape(Unicode.Scalar(byte), to: &out)
                    index += 1
                    runStart = index
                    continue
                }
                let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                if UnsafeScalar.needsEscape(scalar) {
                    flush()
                    appendEscape(scalar, to: &out)
                    index += length
                    runStart = index
                } else {
                    index += length
                }
            }
            flush()
        }
    }

    /// ASCII bytes written as they are: not a quote, a backslash or an unsafe control.
    private static let plainASCII: [Bool] = (0..<128).map { byte in
        byte != 0x22 && byte != 0x5C && !UnsafeScalar.needsEscape(Unicode.Scalar(UInt8(byte)))
    }

    /// The escape of one scalar: the short forms JSON has, else `\uXXXX` (a surrogate pair above
    /// U+FFFF, e.g. the tag characters U+E0000 and up).
    static func appendEscape(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            guard scalar.value > 0xFFFF else {
                out += "\\u" + hex4(scalar.value)
                return
            }
            let offset = scalar.value - 0x10000
            out += "\\u" + hex4(0xD800 + (offset >> 10)) + "\\u" + hex4(0xDC00 + (offset & 0x3FF))
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
