@testable import HandoffKit

// The writers as they were before they wrote bytes: a scalar (or character) at a time into a
// `String`. Kept as the reference the byte-level writers must match byte for byte.

enum ReferenceWiki {
    static func cell(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { escape(String($0), multiline: false) }
        let joined = lines.joined(separator: " \\\\ ")
        return joined.isEmpty ? " " : joined
    }

    static let special: Set<Unicode.Scalar> = ["{", "}", "[", "]", "#", "!"]
    static let references: [Unicode.Scalar: String] = ["\\": "&#92;", "|": "&#124;"]
    /// Effect markers (`*strong*`, `_em_`, `-strike-`, `+under+`, `^sup^`, `~sub~`, `??cite??`): they
    /// only act next to a space or punctuation, so "sign-up" and "2026-12-04" stay unescaped.
    static let effects: Set<Unicode.Scalar> = ["*", "_", "-", "+", "^", "~", "?"]

    /// Escapes `text`. With `multiline` false, line breaks become spaces. Works on Unicode scalars:
    /// everything wiki markup gives a meaning to is ASCII, and scalars are much cheaper to walk than
    /// grapheme clusters on every text of every draft.
    static func escape(_ text: String, multiline: Bool) -> String {
        var out = String.UnicodeScalarView()
        var lineStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func append(_ string: String) { out.append(contentsOf: string.unicodeScalars) }
        /// Whether the last character written is `:` or `;`, the user's or a reference's own, so
        /// that a parenthesis after it would make `:)` `;)` `:(`.
        func afterEmoticonEye() -> Bool { out.last == ":" || out.last == ";" }
        while index < scalars.count {
            let scalar = scalars[index]
            if isNewline(scalar) {
                // CR LF is one line break.
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                out.append(multiline ? "\n" : " ")
                lineStart = true
                index += 1
                continue
            }
            if UnsafeScalar.needsEscape(scalar) && scalar != "\t" {
                index += 1
                continue
            }
            if lineStart, let marker = blockMarker(scalars, at: index) {
                // `h1.`, `bq.`: break the marker so it reads as text. Jira does not escape a dot.
                out.append(contentsOf: scalars[index..<index + marker - 1])
                append("&#46;")
                index += marker
                lineStart = false
                continue
            }
            if let reference = references[scalar] {
                append(reference)
            } else if scalar == "&" && startsReference(scalars, at: index) {
                // `AT&amp;T` as typed: Jira would pass the reference to the browser, which decodes it.
                append("&amp;")
            } else if special.contains(scalar) {
                out.append("\\")
                out.append(scalar)
            } else if effects.contains(scalar) {
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + 1 < scalars.count ? scalars[index + 1] : " "
                if !(isWordScalar(before) && isWordScalar(after)) { out.append("\\") }
                out.append(scalar)
            } else if scalar == "(" || scalar == ")" {
                // Emoticons such as (x) (/) (!) :) ;) :( would render as icons.
                if afterEmoticonEye() || isEmoticon(scalars, at: index) { out.append("\\") }
                out.append(scalar)
            } else if scalar == ":", index + 1 < scalars.count, "PpDd".unicodeScalars.contains(scalars[index + 1]) {
                // :P :D: neither character is one Jira escapes, so the colon is a reference.
                append("&#58;")
            } else {
                out.append(scalar)
            }
            lineStart = lineStart && (scalar == " " || scalar == "\t")
            index += 1
        }
        return String(out)
    }

    /// The line breaks `Character.isNewline` knows.
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Letters and digits of any script join a word.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Length of a wiki block marker (`h1.` … `h6.`, `bq.`) at `index`, including the dot.
    static func blockMarker(_ characters: [Unicode.Scalar], at index: Int) -> Int? {
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < characters.count ? characters[index + offset] : nil }
        if at(0) == "h", let digit = at(1), ("1"..."6").contains(digit), at(2) == "." { return 3 }
        if at(0) == "b", at(1) == "q", at(2) == "." { return 3 }
        return nil
    }

    /// Whether the `&` at `index` starts something a parser would read as a character reference:
    /// `&name;`, `&#123;` or `&#x7B;` (Jira's renderer takes the first two, browsers and pandoc more).
    static func startsReference(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        var position = index + 1
        if position < characters.count, characters[position] == "#" { position += 1 }
        let start = position
        // The longest name HTML knows has 31 characters; looking further is wasted.
        while position < characters.count, position - start < 32, isASCIIAlphanumeric(characters[position]) { position += 1 }
        return position > start && position < characters.count && characters[position] == ";"
    }

    /// Emoticons longer than the short-word rule below catches.
    static let longEmoticons: [[Unicode.Scalar]] = [Array("(flag)".unicodeScalars), Array("(flagoff)".unicodeScalars)]

    static func isEmoticon(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        func at(_ offset: Int) -> Unicode.Scalar? {
            let position = index + offset
            return position >= 0 && position < characters.count ? characters[position] : nil
        }
        switch characters[index] {
        case "(":
            // (x) (/) (!) (i) (y) (n) (on) (off) (*) (*r) …: a short word in parentheses; and
            // (flag) (flagoff), which are longer.
            if longEmoticons.contains(where: { characters[index...].starts(with: $0) }) { return true }
            var length = 1
            while let next = at(length), next != ")", length <= 4 { length += 1 }
            return at(length) == ")" && length <= 4
        case ")":
            if longEmoticons.contains(where: { characters[...index].reversed().starts(with: $0.reversed()) }) { return true }
            var length = 1
            while let previous = at(-length), previous != "(", length <= 4 { length += 1 }
            return at(-length) == "(" && length <= 4
        default:
            return false
        }
    }
}

enum ReferenceJSONWriter {
    static func compact(_ value: Value) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    static func pretty(_ value: Value) -> String {
        pretty(value, level: 0)
    }

    /// Indented JSON as it reads `level` levels deep inside an enclosing document (the first line
    /// is not indented): lets exporters stream a large document piece by piece.
    static func pretty(_ value: Value, level: Int) -> String {
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

    static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Appends `text` as a JSON string literal. Runs of bytes that need no escape are copied at
    /// once; which bytes those are comes from `UnsafeScalar`, so a rule added there applies here.
    /// Text with an invisible character (bidi controls, zero-width characters) takes the
    /// scalar-by-scalar path, which knows a joiner inside an emoji from a hidden one.
    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        if UnsafeScalar.containsInvisible(text) {
            writeScalars(text, into: &out)
        } else {
            writeRuns(text, into: &out)
        }
        out += "\""
    }

    static func writeScalars(_ text: String, into out: inout String) {
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

    static func writeRuns(_ text: String, into out: inout String) {
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
    static let plainASCII: [Bool] = (0..<128).map { byte in
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

enum ReferenceCSV {
    static func cell(_ raw: String, guard mode: ExportOptions.CSVGuard) -> String {
        var text = ""
        for scalar in raw.unicodeScalars
        where scalar == "\n" || scalar == "\t" || !UnsafeScalar.needsEscape(scalar) || UnsafeScalar.isInvisible(scalar) {
            text.unicodeScalars.append(scalar)
        }
        // The guard judges the text as a spreadsheet would read it, invisible characters and all.
        let guarded = mode == .spreadsheet && startsFormula(text)
        text = UnsafeScalar.showingInvisibles(text)
        if guarded { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline } || text.hasPrefix(" ")
            || text.hasSuffix(" ") || text.hasSuffix("\t")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// What a spreadsheet reads as the start of a formula: `= + - @` (also their full-width and
    /// small forms, which Japanese input produces and spreadsheets fold to ASCII), after any
    /// spaces and invisible characters (NBSP, zero-width space, direction marks), which
    /// spreadsheets skip or which hide the sign from a reviewer; and a leading tab or line break.
    static func startsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first == "\t" || first == "\n" { return true }
        for scalar in text.unicodeScalars {
            if formulaSigns.contains(scalar) { return true }
            let properties = scalar.properties
            guard properties.isWhitespace || properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
            else { return false }
        }
        return false
    }

    /// `= + - @`; full-width `＝ ＋ － ＠`; small `﹦ ﹢ ﹣ ﹫`.
    static let formulaSigns: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}",
    ]
}

enum ReferenceADF {
    static func text(_ value: String, marks: [String]) -> [Value] {
        var nodes: [Value] = []
        let lines = strip(value).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { nodes.append(.object([("type", .string("hardBreak"))])) }
            guard !line.isEmpty else { continue }
            var entries: [(String, Value?)] = [("type", .string("text")), ("text", .string(String(line)))]
            if !marks.isEmpty { entries.append(("marks", .list(marks.map { .object([("type", .string($0))]) }))) }
            nodes.append(.object(entries))
        }
        // A hard break with nothing after it is noise.
        while case .map(let last)? = nodes.last, last.first?.value == .string("hardBreak") { nodes.removeLast() }
        return nodes
    }

    /// Removes control characters (keeping line breaks and tabs) and normalises CR LF.
    static func strip(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            if scalar == "\r" { continue }
            if scalar == "\n" || scalar == "\t" || !UnsafeScalar.needsEscape(scalar) { out.unicodeScalars.append(scalar) }
        }
        return out
    }

}
