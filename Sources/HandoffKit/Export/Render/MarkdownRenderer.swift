/// Renders a ticket description as Markdown (CommonMark with GitHub tables) for people: the same
/// sections as the Jira formats. Draft text is escaped so it cannot become markup or raw HTML.
public enum MarkdownRenderer {
    /// The description as Markdown, blocks separated by a blank line and ending in a line break; a `title`
    /// becomes a level-1 heading above it.
    public static func render(_ document: TicketDocument, title: String? = nil) -> String {
        var blocks: [String] = []
        if let title { blocks.append("# " + escape(title, multiline: false)) }
        blocks += document.blocks.map(block)
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func block(_ block: TicketDocument.Block) -> String {
        switch block {
        case .heading(let level, let text):
            return String(repeating: "#", count: level) + " " + escape(text, multiline: false)
        case .paragraph(let inlines):
            return inline(inlines, multiline: true)
        case .bullets(let items):
            return items.map { "- " + inline($0, multiline: false) }.joined(separator: "\n")
        case .checklist(let items):
            return items.map { "- [ ] " + escape($0, multiline: false) }.joined(separator: "\n")
        case .table(let header, let rows):
            let head = "| " + header.map(cell).joined(separator: " | ") + " |"
            let rule = "|" + header.map { _ in " --- |" }.joined()
            let body = rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            return ([head, rule] + body).joined(separator: "\n")
        case .quote(let text):
            var body = text
            while body.last?.isNewline == true { body.removeLast() }
            return escape(body, multiline: true).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
        case .code(let language, let title, let text):
            // A fence longer than any run of backticks inside, so the text cannot close it.
            var longest = 0
            var run = 0
            for character in text {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
            let fence = String(repeating: "`", count: max(3, longest + 1))
            return fence + language + " " + title + "\n" + text + "\n" + fence
        }
    }

    static func inline(_ inlines: [TicketDocument.Inline], multiline: Bool) -> String {
        inlines.map { part in
            switch part {
            case .text(let text): return escape(text, multiline: multiline)
            case .strong(let text): return "**" + escape(text, multiline: false) + "**"
            case .code(let text):
                let clean = text.replacingOccurrences(of: "`", with: "ˋ")
                return "`" + clean + "`"
            }
        }.joined()
    }

    static func cell(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { escape(String($0), multiline: false) }.joined(separator: "<br>")
    }

    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!"]

    /// Escapes Markdown's special characters and line-start markers; line breaks inside a
    /// paragraph are kept as hard breaks (a backslash at the end of the line).
    public static func escape(_ text: String, multiline: Bool) -> String {
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var out = ""
            for character in line {
                if character.unicodeScalars.contains(where: UnsafeScalar.isInvisible) {
                    // Shown as `[U+202E]`, escaped like any text (a joiner inside an emoji stays).
                    let shown = UnsafeScalar.showingInvisibles(String(character))
                    if shown != String(character) {
                        for part in shown {
                            if special.contains(part) { out += "\\" }
                            out.append(part)
                        }
                        continue
                    }
                }
                if character.unicodeScalars.contains(where: UnsafeScalar.needsEscape) && character != "\t" { continue }
                if special.contains(character) { out += "\\" }
                out.append(character)
            }
            // "- item", "+ item", "1. item", "= heading underline": escape the marker, also after
            // indentation (up to three spaces still start a list).
            let start = out.firstIndex { $0 != " " && $0 != "\t" } ?? out.endIndex
            if start < out.endIndex, "-+=".contains(out[start]) {
                out.insert("\\", at: start)
            } else if let dot = out[start...].firstIndex(where: { $0 == "." || $0 == ")" }),
                out[start..<dot].allSatisfy(\.isNumber), !out[start..<dot].isEmpty
            {
                out.insert("\\", at: dot)
            }
            lines.append(out)
        }
        guard multiline else { return lines.filter { !$0.isEmpty }.joined(separator: " ") }
        // A blank line stays a paragraph break; other line breaks become hard breaks.
        var out = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { out += lines[index - 1].isEmpty || line.isEmpty ? "\n" : "\\\n" }
            out += line
        }
        return out
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
