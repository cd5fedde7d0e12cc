/// Writes a `Value` as block-style YAML that reads like the examples in the design: keys in
/// interview order, long text as literal blocks, and quotes only where YAML would otherwise
/// misread a value (`yes`, `2026-12-04` as text, `: ` inside, a leading `-` or `@`).
///
/// The text is written as bytes into one buffer; what decides how a string is written (plain,
/// quoted, literal block) is read from its UTF-8 bytes, decoding only the scalars whose lead
/// byte could make a difference.
public enum YAMLWriter {
    /// - Parameter guarded: substrings that must not appear raw in the output (such as `{code`,
    ///   which would end a Jira code block the YAML is embedded in); text containing one is
    ///   double-quoted with its first character escaped.
    public static func document(_ value: Value, guarded: [String] = []) -> String {
        let guards = Guards.cached(guarded)
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        switch value {
        case .map(let entries) where !entries.isEmpty:
            writeEntries(entries, into: &out, indent: 0, guards: guards)
        case .list(let items) where !items.isEmpty:
            writeItems(items, into: &out, indent: 0, guards: guards)
        default:
            writeInline(value, into: &out, guards: guards)
            out.append(0x0A)
        }
        return out.utf8String
    }

    /// The substrings that must not appear raw, compared lowercased.
    ///
    /// Copied into every writer and read for every string: a single needle of ASCII that starts
    /// with `{` (the source block's `{code`) is held as a packed word, so that copying the guards
    /// touches no reference count (shared between threads, one would bounce between cores).
    struct Guards: Sendable {
        /// No needle: nothing is guarded.
        let isEmpty: Bool
        /// The one needle starts with `{` and is held packed: the one pass of `YAMLTextScan`
        /// finds it where it stops at a brace, without a search of its own.
        let startAtBraces: Bool
        /// The brace needle's bytes, the first in the lowest byte.
        private let braceNeedle: UInt64
        private let braceNeedleLength: Int
        /// Any other list of needles.
        private let general: General?

        final class General: Sendable {
            let lowered: [String]
            /// The lowercased needles as bytes, when an ASCII case-insensitive search finds exactly
            /// what a search of the lowercased text would: only U+0130 (to `i̇`) and U+212A (to `k`)
            /// lowercase to ASCII, so needles of ASCII without `i` and `k` qualify.
            let asciiNeedles: [[UInt8]]?

            init(lowered: [String], asciiNeedles: [[UInt8]]?) {
                self.lowered = lowered
                self.asciiNeedles = asciiNeedles
            }
        }

        static let none = Guards([])
        /// What a source block guards (`SourceBlock.guarded`), made once rather than for every draft.
        private static let code = Guards(["{code"])

        init(_ guarded: [String]) {
            let lowered = guarded.map { $0.lowercased() }
            let simple = lowered.allSatisfy { needle in
                !needle.isEmpty && needle.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "i") && $0 != UInt8(ascii: "k") }
            }
            let asciiNeedles = simple ? lowered.map { Array($0.utf8) } : nil
            isEmpty = lowered.isEmpty
            if let needle = asciiNeedles?.first, asciiNeedles?.count == 1, needle.first == UInt8(ascii: "{"), needle.count <= 8 {
                startAtBraces = true
                braceNeedle = needle.reversed().reduce(0) { $0 << 8 | UInt64($1) }
                braceNeedleLength = needle.count
                general = nil
            } else {
                startAtBraces = false
                braceNeedle = 0
                braceNeedleLength = 0
                general = lowered.isEmpty ? nil : General(lowered: lowered, asciiNeedles: asciiNeedles)
            }
        }

        /// `Guards(guarded)`, from a shared instance for the lists the writers use.
        static func cached(_ guarded: [String]) -> Guards {
            if guarded.isEmpty { return none }
            if guarded.count == 1 && guarded[0] == "{code" { return code }
            return Guards(guarded)
        }

        /// Whether the brace needle starts at `index` (ASCII letters folded).
        @inline(__always)
        func matchesAtBrace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
            guard startAtBraces, bytes.count - index >= braceNeedleLength else { return false }
            var offset = 0
            while offset < braceNeedleLength {
                let byte = bytes[index + offset]
                if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != UInt8(truncatingIfNeeded: braceNeedle >> (8 * offset)) {
                    return false
                }
                offset += 1
            }
            return true
        }

        func matches(_ text: String) -> Bool {
            if isEmpty { return false }
            var text = text
            if startAtBraces {
                return text.withUTF8 { bytes in bytes.indices.contains { bytes[$0] == UInt8(ascii: "{") && matchesAtBrace(bytes, $0) } }
            }
            guard let general else { return false }
            guard let asciiNeedles = general.asciiNeedles else {
                let text = text.lowercased()
                return general.lowered.contains { text.containsBytes($0) }
            }
            return text.withUTF8 { bytes in asciiNeedles.contains { Self.containsFolded(bytes, $0) } }
        }

        /// Whether `needle` (lowercase ASCII) occurs in `bytes` with ASCII letters folded.
        private static func containsFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
            guard bytes.count >= needle.count else { return false }
            func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            let first = needle[0]
            var index = 0
            while index <= bytes.count - needle.count {
                if folded(bytes[index]) == first {
                    var offset = 1
                    while offset < needle.count, folded(bytes[index + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func writeEntries(_ entries: [Value.Entry], into out: inout [UInt8], indent: Int, guards: Guards) {
        for entry in entries {
            out.appendSpaces(indent)
            writeScalarText(entry.key, into: &out, guards: guards)
            out.append(UInt8(ascii: ":"))
            writeValue(entry.value, into: &out, indent: indent, guards: guards)
        }
    }

    private static func writeItems(_ items: [Value], into out: inout [UInt8], indent: Int, guards: Guards) {
        for item in items {
            switch item {
            case .map(let entries) where !entries.isEmpty:
                // First key on the dash line, the rest aligned under it.
                out.appendSpaces(indent)
                out.append(utf8: "- ")
                var first = true
                for entry in entries {
                    if !first { out.appendSpaces(indent + 2) }
                    first = false
                    writeScalarText(entry.key, into: &out, guards: guards)
                    out.append(UInt8(ascii: ":"))
                    writeValue(entry.value, into: &out, indent: indent + 2, guards: guards)
                }
            case .list(let nested) where !nested.isEmpty:
                out.appendSpaces(indent)
                out.append(utf8: "-\n")
                writeItems(nested, into: &out, indent: indent + 2, guards: guards)
            default:
                out.appendSpaces(indent)
                out.append(UInt8(ascii: "-"))
                writeValue(item, into: &out, indent: indent, guards: guards)
            }
        }
    }

    /// Writes what follows `key:` or `-`, including the line break.
    private static func writeValue(_ value: Value, into out: inout [UInt8], indent: Int, guards: Guards) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            out.append(0x0A)
            writeEntries(entries, into: &out, indent: indent + 2, guards: guards)
        case .list(let items) where !items.isEmpty:
            out.append(0x0A)
            writeItems(items, into: &out, indent: indent + 2, guards: guards)
        default:
            writeScalarValue(value, into: &out, indent: indent, guards: guards)
        }
    }

    /// `writeValue` for a value that is not a non-empty map or list: a scalar, inline, quoted,
    /// as a literal block or a long text; shared with `TreeBytes`, which writes the rest itself.
    static func writeScalarValue(_ value: Value, into out: inout [UInt8], indent: Int, guards: Guards) {
        if case .string(let text) = value { return writeScalarString(text, into: &out, indent: indent, guards: guards) }
        out.append(0x20)
        writeInline(value, into: &out, guards: guards)
        out.append(0x0A)
    }

    /// `writeScalarValue` of a string: a long text, a literal block, or inline (plain or quoted).
    static func writeScalarString(_ text: String, into out: inout [UInt8], indent: Int, guards: Guards) {
        var utf8 = text
        utf8.withUTF8 { bytes in
            if bytes.count > longLineBytes && hasLongLine(text) {
                var long = ""
                writeLong(text, into: &long, indent: indent, guards: guards)
                out.append(utf8: long)
                return
            }
            let scan = YAMLTextScan(bytes, guards: guards)
            let guarded = isGuarded(scan, text, guards)
            if !guarded && literalBlockAllowed(scan, bytes, of: text) {
                writeLiteralBlock(bytes, into: &out, indent: indent)
                return
            }
            out.append(0x20)
            writeScanned(scan, guarded: guarded, bytes, of: text, into: &out)
            out.append(0x0A)
        }
    }

    /// Whether `text` holds a guarded sequence: from the scan when it looked for them.
    @inline(__always)
    private static func isGuarded(_ scan: YAMLTextScan, _ text: String, _ guards: Guards) -> Bool {
        guards.startAtBraces ? scan.guarded : guards.matches(text)
    }

    /// `text` plain or double-quoted, as `scan` of its bytes says.
    @inline(__always)
    private static func writeScanned(
        _ scan: YAMLTextScan, guarded: Bool, _ bytes: UnsafeBufferPointer<UInt8>, of text: String, into out: inout [UInt8]
    ) {
        if !guarded && plainAllowed(scan, bytes, of: text) {
            out.append(bytes: bytes)
        } else {
            writeDoubleQuoted(bytes, of: text, escapeBraces: guarded, mayHoldInvisible: scan.mayHoldInvisible, into: &out)
        }
    }

    /// ` |` with its chomping indicator, then each line indented (empty lines left empty).
    private static func writeLiteralBlock(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], indent: Int) {
        let count = bytes.count
        let endsInBreak = count >= 1 && bytes[count - 1] == 0x0A
        out.append(utf8: " |")
        if !endsInBreak {
            out.append(UInt8(ascii: "-"))
        } else if count >= 2 && bytes[count - 2] == 0x0A {
            out.append(UInt8(ascii: "+"))
        }
        out.append(0x0A)
        // A line feed is a character of its own (no CR here: such text is not a literal block).
        let end = endsInBreak ? count - 1 : count
        var lineStart = 0
        var index = 0
        while index <= end {
            if index == end || bytes[index] == 0x0A {
                if index > lineStart {
                    out.appendSpaces(indent + 2)
                    out.append(bytes: UnsafeBufferPointer(rebasing: bytes[lineStart..<index]))
                }
                out.append(0x0A)
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// The longest line a long text is written in. The reader refuses lines over 64 KiB: text
    /// longer than that on one line (a pasted log, an answer without line breaks) is written
    /// over several lines, so that handoff never writes a draft it could not read back.
    static let longLineBytes = 4096

    private static func hasLongLine(_ text: String) -> Bool {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).contains { $0.count > longLineBytes }
    }

    /// Long text as a folded block (`>-`, broken at single spaces) when it can be, else as a
    /// double-quoted scalar continued with escaped line breaks, which keeps any text exactly.
    private static func writeLong(_ text: String, into out: inout String, indent: Int, guards: Guards) {
        let pad = String(repeating: " ", count: indent + 2)
        if let lines = foldedLines(text) {
            out += " >-\n"
            for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
            return
        }
        let quoted = Array(doubleQuoted(text, guards: guards).unicodeScalars)
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
    private static func isInsideEscape(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
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
        for scalar in text.unicodeScalars where scalar != "\n" && UnsafeScalar.needsEscape(scalar) { return nil }
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
    private static func breakAtSingleSpaces(_ paragraph: Substring) -> [String]? {
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
        var out: [UInt8] = []
        writeInline(value, into: &out, guards: .none)
        return out.utf8String
    }

    private static func writeInline(_ value: Value, into out: inout [UInt8], guards: Guards) {
        switch value {
        case .null: out.append(utf8: "null")
        case .bool(let flag): out.append(utf8: flag ? "true" : "false")
        case .number(let text), .plain(let text): out.append(utf8: text)
        case .string(let text): writeScalarText(text, into: &out, guards: guards)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(utf8: ", ") }
                writeInline(item, into: &out, guards: guards)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            out.append(UInt8(ascii: "{"))
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.append(utf8: ", ") }
                writeScalarText(entry.key, into: &out, guards: guards)
                out.append(utf8: ": ")
                writeInline(entry.value, into: &out, guards: guards)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Text as a plain scalar when YAML reads it back as the same string, else double-quoted.
    public static func scalarText(_ text: String) -> String {
        var out: [UInt8] = []
        writeScalarText(text, into: &out, guards: .none)
        return out.utf8String
    }

    static func writeScalarText(_ text: String, into out: inout [UInt8], guards: Guards) {
        var utf8 = text
        utf8.withUTF8 { bytes in
            let scan = YAMLTextScan(bytes, guards: guards)
            writeScanned(scan, guarded: isGuarded(scan, text, guards), bytes, of: text, into: &out)
        }
    }

    static func doubleQuoted(_ text: String, guards: Guards = .none) -> String {
        var out: [UInt8] = []
        var utf8 = text
        utf8.withUTF8 { bytes in
            writeDoubleQuoted(bytes, of: text, escapeBraces: guards.matches(text), mayHoldInvisible: true, into: &out)
        }
        return out.utf8String
    }

    /// - Parameter mayHoldInvisible: false when a scan found no scalar `isInvisible` is true for.
    private static func writeDoubleQuoted(
        _ bytes: UnsafeBufferPointer<UInt8>, of text: String, escapeBraces: Bool, mayHoldInvisible: Bool,
        into out: inout [UInt8]
    ) {
        out.append(0x22)
        if mayHoldInvisible && UnsafeScalar.containsInvisible(utf8: bytes, of: text) {
            // Which joiners are hidden depends on their neighbours: the scalar-wise path knows.
            UnsafeScalar.forEach(text) { scalar, invisible in
                if scalar.value < 0x80 {
                    appendQuotedASCII(UInt8(scalar.value), escapeBraces: escapeBraces, into: &out)
                } else if invisible || UnsafeScalar.needsEscape(scalar) {
                    appendEscape(scalar, into: &out)
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
            out.append(0x22)
            return
        }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F && byte != 0x22 && byte != 0x5C && !(byte == 0x7B && escapeBraces) {
                    index += 1
                    continue
                }
                out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendQuotedASCII(byte, escapeBraces: escapeBraces, into: &out)
                index += 1
                runStart = index
                continue
            }
            guard ByteTables.leadMayNeedEscape(byte) else {
                index += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                continue
            }
            let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
            if UnsafeScalar.needsEscape(scalar) {
                out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(scalar, into: &out)
                runStart = index + length
            }
            index += length
        }
        out.append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(0x22)
    }

    private static func appendQuotedASCII(_ byte: UInt8, escapeBraces: Bool, into out: inout [UInt8]) {
        switch byte {
        case 0x7B where escapeBraces: out.append(utf8: "\\x7B")
        case 0x22: out.append(utf8: "\\\"")
        case 0x5C: out.append(utf8: "\\\\")
        case 0x0A: out.append(utf8: "\\n")
        case 0x09: out.append(utf8: "\\t")
        case 0x0D: out.append(utf8: "\\r")
        case ..<0x20, 0x7F: appendEscape(Unicode.Scalar(byte), into: &out)
        default: out.append(byte)
        }
    }

    /// `\\uXXXX`, or `\\UXXXXXXXX` above U+FFFF (lowercase hex).
    private static func appendEscape(_ scalar: Unicode.Scalar, into out: inout [UInt8]) {
        if scalar.value > 0xFFFF {
            let hex = String(scalar.value, radix: 16)
            out.append(utf8: "\\U" + String(repeating: "0", count: 8 - hex.count) + hex)
        } else {
            JSONWriter.appendHex4(scalar.value, to: &out)
        }
    }

    /// Words that read back as null or a boolean, each packed as `plainAllowed` packs short text.
    private static let reservedWords: [UInt64] = ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].map { word in
        word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func plainAllowed(_ text: String) -> Bool {
        var utf8 = text
        return utf8.withUTF8 { plainAllowed(YAMLTextScan($0, guards: .none), $0, of: text) }
    }

    /// Whether `text` (its UTF-8 in `bytes`, read by `scan`) reads back as itself when written plain.
    private static func plainAllowed(_ scan: YAMLTextScan, _ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Bool {
        guard !bytes.isEmpty else { return false }
        // Controls, line breaks and tabs; `: ` and ` #`; C1 controls and the like.
        let control = YAMLTextScan.ByteClass.control | YAMLTextScan.ByteClass.lineFeed | YAMLTextScan.ByteClass.tab
        if scan.has(control) || scan.hasIndicatorPair || scan.hasEscapedScalar { return false }
        if !plainShapeAllowed(bytes) { return false }
        // Whether it is hidden depends on its neighbours (a joiner in an emoji is not).
        return !scan.mayHoldInvisible || !UnsafeScalar.containsInvisible(text)
    }

    /// What `plainAllowed` asks of text with no control, line break, tab, `: `, ` #` or escaped
    /// scalar in it (non-empty): not a reserved word, no blank or indicator at an end, no number
    /// or date. Shared with `YAMLScalarBytes`, whose scan finds the rest on its own.
    static func plainShapeAllowed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        let first = bytes[0]
        let last = bytes[count - 1]
        // Only ASCII lowercases to a reserved word (U+212A, the one other scalar that lowercases to
        // ASCII, gives `k`, which none has).
        if count <= 5, bytes.allSatisfy({ $0 < 0x80 }) {
            // The lowered bytes packed into one word, compared with the packed reserved words.
            var packed: UInt64 = 0
            for byte in bytes { packed = packed << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            if reservedWords.contains(packed) { return false }
        }
        if first == 0x20 || last == 0x20 { return false }
        if isIndicator[Int(first)] { return false }
        if last == UInt8(ascii: ":") { return false }
        return !looksLikeNumberOrDate(bytes)
    }

    /// Characters that start something else than a plain scalar.
    private static let isIndicator: [Bool] = (0..<256).map { "-?:,[]{}#&*!|>'\"%@`".utf8.contains(UInt8($0)) }

    /// Multi-line text that a literal block keeps exactly.
    static func literalBlockAllowed(_ text: String) -> Bool {
        var utf8 = text
        return utf8.withUTF8 { literalBlockAllowed(YAMLTextScan($0, guards: .none), $0, of: text) }
    }

    private static func literalBlockAllowed(_ scan: YAMLTextScan, _ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Bool {
        // Controls other than line feed and tab (CR among them: such text is not a literal block).
        guard scan.has(YAMLTextScan.ByteClass.lineFeed), !scan.has(YAMLTextScan.ByteClass.control), !scan.hasEscapedScalar
        else { return false }
        let first = bytes[0]
        guard first != 0x20, first != 0x09, first != 0x0A else { return false }
        if scan.mayHoldInvisible && UnsafeScalar.containsInvisible(text) { return false }
        // Lines ending in spaces survive a literal block, but trailing blank lines with spaces
        // do not. Asked of the characters: a space may belong to the character before it.
        let last = bytes[bytes.count - 1]
        if (last == 0x20 || last == 0x09) && (text.hasSuffix(" ") || text.hasSuffix("\t")) { return false }
        return true
    }

    /// Text that YAML 1.1 or 1.2 would read as a number, a date or a time.
    private static func looksLikeNumberOrDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        let startsNumeric = (first >= 0x30 && first <= 0x39) || first == 0x2E || first == 0x2B || first == 0x2D
        // `.inf` and `.nan` pass (a dot starts them, but letters are no number punctuation), as
        // they always have.
        guard startsNumeric else { return false }
        // Anything made only of digits and number punctuation is risky: 1_000, 0x1F, 1e3, 12:30, 2026-12-04.
        return bytes.allSatisfy { numeric[Int($0)] }
    }

    private static let numeric: [Bool] = (0..<256).map { "0123456789.+-_:eExXoObBaAcCdDfF ".utf8.contains(UInt8($0)) }
}
