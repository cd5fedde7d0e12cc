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
    /// The description as wiki markup, blocks separated by a blank line and ending in a line break; the
    /// string for a Jira `description` field.
    public static func render(_ document: TicketDocument) -> String { renderBytes(document).utf8String }

    /// `render`'s UTF-8, for the exports, which copy it into their own bytes.
    static func renderBytes(_ document: TicketDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        for (index, block) in document.blocks.enumerated() {
            if index > 0 { out.append(literal: "\n\n") }
            write(block, into: &out)
        }
        out.append(0x0A)
        return out
    }

    static func block(_ block: TicketDocument.Block) -> String {
        var out: [UInt8] = []
        write(block, into: &out)
        return out.utf8String
    }

    static func write(_ block: TicketDocument.Block, into out: inout [UInt8]) {
        switch block {
        case .heading(let level, let text):
            out.append(UInt8(ascii: "h"))
            if (0...9).contains(level) { out.append(0x30 + UInt8(level)) } else { out.append(utf8: String(level)) }
            out.append(literal: ". ")
            escape(text, multiline: false, into: &out)
        case .paragraph(let inlines):
            write(inlines, multiline: true, into: &out)
        case .bullets(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x0A) }
                out.append(literal: "* ")
                write(item, multiline: false, into: &out)
            }
        case .checklist(let items):
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x0A) }
                out.append(literal: "* ☐ ")
                escape(item, multiline: false, into: &out)
            }
        case .table(let header, let rows):
            out.append(literal: "||")
            for text in header {
                cell(text, into: &out)
                out.append(literal: "||")
            }
            for row in rows {
                out.append(literal: "\n|")
                for text in row {
                    cell(text, into: &out)
                    out.append(UInt8(ascii: "|"))
                }
            }
        case .quote(let text):
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            out.append(literal: "{quote}\n")
            escape(body, multiline: true, into: &out)
            out.append(literal: "\n{quote}")
        case .code(let language, let title, let text):
            var text = text
            text.withUTF8 { writeCode(language: language, title: title, utf8: $0, into: &out) }
        }
    }

    /// A `.code` block from its text's bytes, for the renderer and `WikiMarkupStream` alike.
    static func writeCode(language: String, title: String, utf8 text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // Verbatim: the source YAML never holds `{code` (see SourceBlock.guarded).
        out.append(literal: "{code:title=")
        out.append(utf8: title)
        out.append(literal: "|language=")
        out.append(utf8: language)
        out.append(literal: "}\n")
        out.append(bytes: text)
        out.append(literal: "\n{code}")
    }

    static func inline(_ inlines: [TicketDocument.Inline], multiline: Bool) -> String {
        var out: [UInt8] = []
        write(inlines, multiline: multiline, into: &out)
        return out.utf8String
    }

    static func write(_ inlines: [TicketDocument.Inline], multiline: Bool, into out: inout [UInt8]) {
        for part in inlines {
            switch part {
            case .text(let text): escape(text, multiline: multiline, into: &out)
            case .strong(let text):
                out.append(UInt8(ascii: "*"))
                escape(text, multiline: false, into: &out)
                out.append(UInt8(ascii: "*"))
            case .code(let text):
                out.append(literal: "{{")
                escape(text, multiline: false, into: &out)
                out.append(literal: "}}")
            }
        }
    }

    /// A table cell: one line (line breaks become wiki's `\\`), never empty (Jira drops empty cells).
    static func cell(_ text: String) -> String {
        var out: [UInt8] = []
        cell(text, into: &out)
        return out.utf8String
    }

    static func cell(_ text: String, into out: inout [UInt8]) {
        let start = out.count
        if !WikiMarkupEscaper.holdsLineBreak(text) {
            escape(text, multiline: false, into: &out)
        } else {
            // Lines as `Character.isNewline` splits them (a combining mark after a line break goes
            // with it), empty ones dropped.
            for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
                if index > 0 { out.append(literal: " \\\\ ") }
                escape(String(line), multiline: false, into: &out)
            }
        }
        if out.count == start { out.append(0x20) }
    }

    /// Escapes `text`. With `multiline` false, line breaks become spaces.
    public static func escape(_ text: String, multiline: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        escape(text, multiline: multiline, into: &out)
        return out.utf8String
    }

    static func escape(_ text: String, multiline: Bool, into out: inout [UInt8]) {
        WikiMarkupEscaper.escape(text, multiline: multiline, into: &out)
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's bytes: those of two bytes or fewer (the separators between blocks
    /// and cells, a few hundred a description) one by one, which costs a tenth of a copy.
    @inline(__always)
    fileprivate mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { bytes in
            if bytes.count <= 2 {
                for byte in bytes { append(byte) }
            } else {
                append(bytes: bytes)
            }
        }
    }
}
