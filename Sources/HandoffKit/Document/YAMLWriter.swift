/// Writes a `Value` as block-style YAML that reads like the examples in the design: keys in
/// interview order, long text as literal blocks, and quotes only where YAML would otherwise
/// misread a value (`yes`, `2026-12-04` as text, `: ` inside, a leading `-` or `@`).
public enum YAMLWriter {
    /// - Parameter guarded: substrings that must not appear raw in the output (such as `{code`,
    ///   which would end a Jira code block the YAML is embedded in); text containing one is
    ///   double-quoted with its first character escaped.
    public static func document(_ value: Value, guarded: [String] = []) -> String {
        $guarded.withValue(guarded.map { $0.lowercased() }) { write(value) }
    }

    @TaskLocal private static var guarded: [String] = []

    private static func write(_ value: Value) -> String {
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

    private static func writeEntries(_ entries: [Value.Entry], into out: inout String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        for entry in entries {
            out += pad + scalarText(entry.key) + ":"
            writeValue(entry.value, into: &out, indent: indent)
        }
    }

    private static func writeItems(_ items: [Value], into out: inout String, indent: Int) {
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
    private static func writeValue(_ value: Value, into out: inout String, indent: Int) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            out += "\n"
            writeEntries(entries, into: &out, indent: indent + 2)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            writeItems(items, into: &out, indent: indent + 2)
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
    public static func scalarText(_ text: String) -> String {
        plainAllowed(text) && !isGuarded(text) ? text : doubleQuoted(text)
    }

    private static func isGuarded(_ text: String) -> Bool {
        guard !guarded.isEmpty else { return false }
        let lowered = text.lowercased()
        return guarded.contains { lowered.containsBytes($0) }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        let escapeBraces = isGuarded(text)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "{" where escapeBraces: out += "\\x7B"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isUnsafe(scalar) {
                    out += "\\u" + JSONWriter.hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static let reservedWords: Set<String> = [
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
        return true
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { UnsafeScalar.needsEscape(scalar) }

    /// Multi-line text that a literal block keeps exactly.
    static func literalBlockAllowed(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return false }
        guard let first = text.unicodeScalars.first, first != " ", first != "\t", first != "\n" else { return false }
        for scalar in text.unicodeScalars where scalar != "\n" && isUnsafe(scalar) && scalar != "\t" { return false }
        if text.utf8.contains(UInt8(ascii: "\r")) { return false }
        // Lines ending in spaces survive a literal block, but trailing blank lines with spaces do not.
        if text.hasSuffix(" ") || text.hasSuffix("\t") { return false }
        return true
    }

    /// Text that YAML 1.1 or 1.2 would read as a number, a date or a time.
    private static func looksLikeNumberOrDate(_ text: String) -> Bool {
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
