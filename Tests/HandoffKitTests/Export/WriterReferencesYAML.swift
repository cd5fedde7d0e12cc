@testable import HandoffKit

// The YAML writer as it was before it wrote bytes (see WriterReferences.swift).

/// Writes a `Value` as block-style YAML that reads like the examples in the design: keys in
/// interview order, long text as literal blocks, and quotes only where YAML would otherwise
/// misread a value (`yes`, `2026-12-04` as text, `: ` inside, a leading `-` or `@`).
enum ReferenceYAMLWriter {
    /// - Parameter guarded: substrings that must not appear raw in the output (such as `{code`,
    ///   which would end a Jira code block the YAML is embedded in); text containing one is
    ///   double-quoted with its first character escaped.
    static func document(_ value: Value, guarded: [String] = []) -> String {
        $guarded.withValue(guarded.map { $0.lowercased() }) { write(value) }
    }

    @TaskLocal static var guarded: [String] = []

    static func write(_ value: Value) -> String {
        var out = ""
        switch value {
        case .map(let entries) where !entries.isEmpty:
            writeEntries(entries, into: &out, indent: 0)
        case .list(let items) where !items.isEmpty:
            writeItems(items, into: &out, indent: 0)
        default:
            out += inline(value) + "\n"
        }
        return out
    }

    static func writeEntries(_ entries: [Value.Entry], into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            out += pad + scalarText(entry.key) + ":"
            writeValue(entry.value, into: &out, indent: indent)
        }
    }

    static func writeItems(_ items: [Value], into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .map(let entries) where !entries.isEmpty:
                // First key on the dash line, the rest aligned under it.
                out += pad + "- "
                var first = true
                for entry in entries {
                    if !first { out += pad + "  " }
                    first = false
                    out += scalarText(entry.key) + ":"
                    writeValue(entry.value, into: &out, indent: indent + 2)
                }
            case .list(let nested) where !nested.isEmpty:
                out += pad + "-\n"
                writeItems(nested, into: &out, indent: indent + 2)
            default:
                out += pad + "-"
                writeValue(item, into: &out, indent: indent)
            }
        }
    }

    /// Writes what follows `key:` or `-`, including the line break.
    static func writeValue(_ value: Value, into out: inout String, indent: Int) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            out += "\n"
            writeEntries(entries, into: &out, indent: indent + 2)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            writeItems(items, into: &out, indent: indent + 2)
        case .string(let text) where text.utf8.count > longLineBytes && hasLongLine(text):
            writeLong(text, into: &out, indent: indent)
        case .string(let text) where literalBlockAllowed(text) && !isGuarded(text):
            let chomp = text.hasSuffix("\n") ? (text.hasSuffix("\n\n") ? "+" : "") : "-"
            out += " |" + chomp + "\n"
            let pad = String(repeating: " ", count: indent + 2)
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "\n" : pad + line + "\n"
            }
        default:
            out += " " + inline(value) + "\n"
        }
    }

    /// The longest line a long text is written in. The reader refuses lines over 64 KiB: text
    /// longer than that on one line (a pasted log, an answer without line breaks) is written
    /// over several lines, so that handoff never writes a draft it could not read back.
    static let longLineBytes = 4096

    static func hasLongLine(_ text: String) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).contains { $0.count > longLineBytes }
    }

    /// Long text as a folded block (`>-`, broken at single spaces) when it can be, else as a
    /// double-quoted scalar continued with escaped line breaks, which keeps any text exactly.
    static func writeLong(_ text: String, into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent + 2)
        if let lines = foldedLines(text) {
            out += " >-\n"
            for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
            return
        }
        let quoted = Array(doubleQuoted(text).unicodeScalars)
        out += " "
        var lineBytes = 0
        var index = 0
        while index < quoted.count {
            let scalar = quoted[index]
            // Break before a character, never inside an escape (`\u001b`, `\"`).
            if lineBytes >= longLineBytes, index > 0, index < quoted.count - 1, quoted[index - 1] != "\\",
                !isInsideEscape(quoted, index)
            {
                out += "\\\n" + pad
                lineBytes = 0
                // A continuation line's leading blanks are dropped by YAML: escape a space.
                if scalar == " " {
                    out += "\\x20"
                    index += 1
                    continue
                }
            }
            out.unicodeScalars.append(scalar)
            lineBytes += scalar.utf8.count
            index += 1
        }
        out += "\n"
    }

    /// True when `index` falls within a `\x..`, `\u....` or `\U........` escape of `scalars`.
    static func isInsideEscape(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var start = index - 1
        var hexRun = 0
        while start >= 0, hexRun < 9, scalars[start].properties.isASCIIHexDigit {
            start -= 1
            hexRun += 1
        }
        guard start >= 1, "xuU".unicodeScalars.contains(scalars[start]) else { return false }
        // The letter must itself be escaped by an unescaped backslash.
        var backslashes = 0
        var back = start - 1
        while back >= 0, scalars[back] == "\\" {
            backslashes += 1
            back -= 1
        }
        guard backslashes % 2 == 1 else { return false }
        let length = scalars[start] == "x" ? 2 : scalars[start] == "u" ? 4 : 8
        return hexRun < length
    }

    /// The content lines of a folded block that reads back as `text`, or nil when folding cannot
    /// keep it exactly: each paragraph broken at single spaces into lines of at most
    /// `longLineBytes`, and n line breaks of the text written as n empty lines.
    static func foldedLines(_ text: String) -> [String]? {
        guard !text.isEmpty, !text.hasSuffix("\n"), !text.hasPrefix("\n"), !text.contains("\r") else { return nil }
        for scalar in text.unicodeScalars where scalar != "\n" && isUnsafe(scalar) { return nil }
        if UnsafeScalar.containsInvisible(text) { return nil }
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { lines.append("") }
            if paragraph.isEmpty { continue }
            // Lines starting or ending with blanks are kept literally by folding, not folded.
            guard let first = paragraph.unicodeScalars.first, let last = paragraph.unicodeScalars.last,
                first != " ", first != "\t", last != " ", last != "\t"
            else { return nil }
            guard let broken = breakAtSingleSpaces(paragraph) else { return nil }
            lines += broken
        }
        return lines
    }

    /// `paragraph` cut at spaces that have no blank on either side, into pieces of at most
    /// `longLineBytes` (nil when a piece would be longer).
    static func breakAtSingleSpaces(_ paragraph: Substring) -> [String]? {
        let bytes = Array(paragraph.utf8)
        var pieces: [String] = []
        var start = 0
        var lastBreak: Int?
        var index = 0
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        while index < bytes.count {
            if bytes[index] == 0x20, index > start, index + 1 < bytes.count, !isBlank(bytes[index - 1]), !isBlank(bytes[index + 1]) {
                lastBreak = index
            }
            if index - start >= longLineBytes {
                guard let cut = lastBreak, cut > start else { return nil }
                pieces.append(String(decoding: bytes[start..<cut], as: UTF8.self))
                start = cut + 1
                lastBreak = nil
            }
            index += 1
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    static func inline(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text), .plain(let text): return text
        case .string(let text): return scalarText(text)
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.map { scalarText($0.key) + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Text as a plain scalar when YAML reads it back as the same string, else double-quoted.
    static func scalarText(_ text: String) -> String {
        plainAllowed(text) && !isGuarded(text) ? text : doubleQuoted(text)
    }

    static func isGuarded(_ text: String) -> Bool {
        guard !guarded.isEmpty else { return false }
        let lowered = text.lowercased()
        return guarded.contains { lowered.containsBytes($0) }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        let escapeBraces = isGuarded(text)
        UnsafeScalar.forEach(text) { scalar, invisible in
            switch scalar {
            case "{" where escapeBraces: out += "\\x7B"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let escaped = invisible || UnsafeScalar.needsEscape(scalar)
                if scalar.value > 0xFFFF && escaped {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else if escaped {
                    out += "\\u" + ReferenceJSONWriter.hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let reservedWords: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    static func plainAllowed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reservedWords.contains(text.lowercased()) { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if last == ":" { return false }
        if text.containsBytes(": ") || text.containsBytes(" #") { return false }
        if looksLikeNumberOrDate(text) { return false }
        for scalar in text.unicodeScalars where isUnsafe(scalar) { return false }
        return !UnsafeScalar.containsInvisible(text)
    }

    /// Controls; invisible characters are found on the whole text (`UnsafeScalar.forEach`),
    /// as a joiner inside an emoji is not one.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { UnsafeScalar.needsEscape(scalar) }

    /// Multi-line text that a literal block keeps exactly.
    static func literalBlockAllowed(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return false }
        guard let first = text.unicodeScalars.first, first != " ", first != "\t", first != "\n" else { return false }
        for scalar in text.unicodeScalars where scalar != "\n" && isUnsafe(scalar) && scalar != "\t" { return false }
        if UnsafeScalar.containsInvisible(text) { return false }
        if text.utf8.contains(UInt8(ascii: "\r")) { return false }
        // Lines ending in spaces survive a literal block, but trailing blank lines with spaces do not.
        if text.hasSuffix(" ") || text.hasSuffix("\t") { return false }
        return true
    }

    /// Text that YAML 1.1 or 1.2 would read as a number, a date or a time.
    static func looksLikeNumberOrDate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return false }
        let startsNumeric = ("0"..."9").contains(first) || first == "." || first == "+" || first == "-"
        guard startsNumeric else {
            let lower = text.lowercased()
            return lower == ".inf" || lower == ".nan"
        }
        // Anything made only of digits and number punctuation is risky: 1_000, 0x1F, 1e3, 12:30, 2026-12-04.
        let numeric = Set("0123456789.+-_:eExXoObBaAcCdDfF ".unicodeScalars)
        return scalars.allSatisfy { numeric.contains($0) }
    }
}
