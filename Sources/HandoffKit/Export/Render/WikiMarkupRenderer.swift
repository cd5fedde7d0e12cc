/// Renders a ticket description as Jira wiki markup (JSON importer, REST v2, CSV).
///
/// Text from the draft is made inert with only what Jira's renderer itself undoes: a backslash
/// before one of the characters it escapes (`- # * _ + ? ^ ~ | % { } [ ] ( ) ! @`), and decimal
/// character references (`&#124;`), which it hands to the browser as they are. Anything else would
/// show: `\:` or `\.` keep their backslash in Jira. So line-start markers (`h1.`, `bq.`, `*`, `#`,
/// `-`) and emoticons (`(x)`, `:)`, `:P`) cannot trigger, an `&` that would start a reference is
/// written `&amp;`, and control characters are dropped: a draft full of markup comes out as the
/// same text.
public enum WikiMarkupRenderer {
    public static func render(_ document: TicketDocument) -> String {
        document.blocks.map(block).joined(separator: "\n\n") + "\n"
    }

    static func block(_ block: TicketDocument.Block) -> String {
        switch block {
        case .heading(let level, let text):
            return "h\(level). " + escape(text, multiline: false)
        case .paragraph(let inlines):
            return inline(inlines, multiline: true)
        case .bullets(let items):
            return items.map { "* " + inline($0, multiline: false) }.joined(separator: "\n")
        case .checklist(let items):
            return items.map { "* ☐ " + escape($0, multiline: false) }.joined(separator: "\n")
        case .table(let header, let rows):
            let head = "||" + header.map { cell($0) + "||" }.joined()
            let body = rows.map { row in "|" + row.map { cell($0) + "|" }.joined() }
            return ([head] + body).joined(separator: "\n")
        case .quote(let text):
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            return "{quote}\n" + escape(body, multiline: true) + "\n{quote}"
        case .code(let language, let title, let text):
            // Verbatim: the source YAML never holds `{code` (see SourceBlock.guarded).
            return "{code:title=\(title)|language=\(language)}\n" + text + "\n{code}"
        }
    }

    static func inline(_ inlines: [TicketDocument.Inline], multiline: Bool) -> String {
        inlines.map { part in
            switch part {
            case .text(let text): return escape(text, multiline: multiline)
            case .strong(let text): return "*" + escape(text, multiline: false) + "*"
            case .code(let text): return "{{" + escape(text, multiline: false) + "}}"
            }
        }.joined()
    }

    /// A table cell: one line (line breaks become wiki's `\\`), never empty (Jira drops empty cells).
    static func cell(_ text: String) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { escape(String($0), multiline: false) }
        let joined = lines.joined(separator: " \\\\ ")
        return joined.isEmpty ? " " : joined
    }

    /// Characters wiki markup gives a meaning to wherever they stand, escaped with a backslash.
    /// Two are written as character references instead: a backslash (`\\` would be wiki's forced
    /// line break) and `|`. A table row is split at its `|` before anything else is read: Jira's
    /// own renderer keeps `\|` in the cell, but Atlassian's wiki-to-ADF transformer ("Escape |" is
    /// on its list of what it does not support), pandoc and jira2markdown split at it.
    static let special: Set<Unicode.Scalar> = ["{", "}", "[", "]", "#", "!"]
    static let references: [Unicode.Scalar: String] = ["\\": "&#92;", "|": "&#124;"]
    /// Effect markers (`*strong*`, `_em_`, `-strike-`, `+under+`, `^sup^`, `~sub~`, `??cite??`): they
    /// only act next to a space or punctuation, so "sign-up" and "2026-12-04" stay unescaped.
    static let effects: Set<Unicode.Scalar> = ["*", "_", "-", "+", "^", "~", "?"]

    /// Escapes `text`. With `multiline` false, line breaks become spaces. Works on Unicode scalars:
    /// everything wiki markup gives a meaning to is ASCII, and scalars are much cheaper to walk than
    /// grapheme clusters on every text of every draft.
    public static func escape(_ text: String, multiline: Bool) -> String {
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
    private static func blockMarker(_ characters: [Unicode.Scalar], at index: Int) -> Int? {
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < characters.count ? characters[index + offset] : nil }
        if at(0) == "h", let digit = at(1), ("1"..."6").contains(digit), at(2) == "." { return 3 }
        if at(0) == "b", at(1) == "q", at(2) == "." { return 3 }
        return nil
    }

    /// Whether the `&` at `index` starts something a parser would read as a character reference:
    /// `&name;`, `&#123;` or `&#x7B;` (Jira's renderer takes the first two, browsers and pandoc more).
    private static func startsReference(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
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
    private static let longEmoticons: [[Unicode.Scalar]] = [Array("(flag)".unicodeScalars), Array("(flagoff)".unicodeScalars)]

    private static func isEmoticon(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
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
