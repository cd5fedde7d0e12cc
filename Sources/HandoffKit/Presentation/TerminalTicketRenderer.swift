/// Lays a ticket out for reading in a terminal of a given width: headings, paragraphs wrapped by
/// display width (Japanese characters take two columns and may break anywhere; English breaks at
/// spaces), bullets with hanging indents, and tables whose columns shrink and wrap to fit.
/// Every piece of draft text is sanitised, so no control character reaches the reviewer raw.
public struct TerminalTicketRenderer: Sendable {
    /// The width, in terminal columns, that text is wrapped to; at least 40.
    public var width: Int
    /// Colours headings and labels; off gives plain text.
    public var styler: Styler

    /// A renderer `width` columns wide (raised to 40 when narrower).
    public init(width: Int, styler: Styler) {
        self.width = max(40, width)
        self.styler = styler
    }

    /// The document's blocks laid out for the terminal, as one text.
    public func render(_ document: TicketDocument) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let clean = TerminalText.sanitize(text, multiline: false)
                out += level <= 2 ? "\n" + styler(clean, .bold) + "\n" + styler(String(repeating: "─", count: min(width, TerminalText.width(clean))), .dim) + "\n" : styler(clean, .bold) + "\n"
            case .paragraph(let inlines):
                out += paragraph(inlines, indent: "") + "\n"
            case .bullets(let items):
                for item in items { out += paragraph(item, indent: "  ", marker: "• ") + "\n" }
            case .checklist(let items):
                for item in items { out += paragraph([.text(item)], indent: "  ", marker: "☐ ") + "\n" }
            case .table(let header, let rows):
                out += table(header: header, rows: rows)
            case .quote(let text):
                var body = text
                while body.last?.isNewline == true { body.removeLast() }
                for line in wrap(TerminalText.sanitize(body), width: width - 4) { out += styler("  │ ", .dim) + line + "\n" }
            case .code(_, _, let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "    " + TerminalText.sanitize(String(line), multiline: false) + "\n"
                }
            }
        }
        return out
    }

    /// A paragraph: a leading strong label stays bold on the first line; the rest wraps under it.
    private func paragraph(_ inlines: [TicketDocument.Inline], indent: String, marker: String = "") -> String {
        var label = ""
        var rest = ""
        for (index, part) in inlines.enumerated() {
            switch part {
            case .strong(let text) where index == 0: label = TerminalText.sanitize(text, multiline: false)
            case .strong(let text), .text(let text), .code(let text): rest += TerminalText.sanitize(text)
            }
        }
        let lead = indent + marker
        let hanging = String(repeating: " ", count: TerminalText.width(lead))
        let lines = wrap(label + rest, width: width - TerminalText.width(lead))
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            var shown = line
            if index == 0, !label.isEmpty, line.hasPrefix(label) { shown = styler(label, .bold) + String(line.dropFirst(label.count)) }
            out.append((index == 0 ? lead : hanging) + shown)
        }
        return out.joined(separator: "\n")
    }

    /// Lines of at most `width` columns.
    public func wrap(_ text: String, width: Int) -> [String] {
        let limit = max(8, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for token in Self.tokens(String(paragraph)) {
                let tokenWidth = TerminalText.width(token)
                if token == " " {
                    if lineWidth > 0 && lineWidth < limit {
                        line += " "
                        lineWidth += 1
                    }
                    continue
                }
                if lineWidth + tokenWidth > limit && lineWidth > 0 {
                    while line.hasSuffix(" ") { line.removeLast() }
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if tokenWidth > limit {
                    // A word longer than the line: cut it.
                    for character in token {
                        let characterWidth = TerminalText.width(String(character))
                        if lineWidth + characterWidth > limit {
                            lines.append(line)
                            line = ""
                            lineWidth = 0
                        }
                        line.append(character)
                        lineWidth += characterWidth
                    }
                    continue
                }
                line += token
                lineWidth += tokenWidth
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines
    }

    /// Words and spaces for Latin text; every wide (CJK) character on its own, since Japanese
    /// may break between any two characters.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(" ")
            } else if TerminalText.width(String(character)) == 2 {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }

    /// A table fitted to the width: the widest columns give up space first, cells wrap inside
    /// their column.
    func table(header: [String], rows: [[String]]) -> String {
        let columns = header.count
        let cells = ([header] + rows).map { row in
            (0..<columns).map { index in TerminalText.sanitize(index < row.count ? row[index] : "", multiline: true) }
        }
        var widths = (0..<columns).map { column in
            cells.map { row in row[column].split(separator: "\n").map { TerminalText.width(String($0)) }.max() ?? 0 }.max() ?? 0
        }
        widths = widths.map { max(3, $0) }
        let separators = 3 * (columns - 1) + 2
        while widths.reduce(0, +) + separators > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
            widths[widest] > 6
        {
            widths[widest] -= 1
        }
        var out = ""
        for (rowIndex, row) in cells.enumerated() {
            let wrapped = row.enumerated().map { column, cell in wrap(cell, width: widths[column]) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                var text = "  "
                for column in 0..<columns {
                    let piece = line < wrapped[column].count ? wrapped[column][line] : ""
                    let padded = piece + String(repeating: " ", count: max(0, widths[column] - TerminalText.width(piece)))
                    text += (column > 0 ? styler(" │ ", .dim) : "") + (rowIndex == 0 ? styler(padded, .bold) : padded)
                }
                while text.hasSuffix(" ") { text.removeLast() }
                out += text + "\n"
            }
            if rowIndex == 0 {
                out += "  " + styler(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), .dim) + "\n"
            }
        }
        return out
    }
}

/// Requirements that changed since a draft was first exported: constantly changing requirements
/// are a known failure, and IT should see them before re-planning.
public struct RequirementChanges: Equatable, Sendable {
    /// Requirements whose text is new, in the order of the new draft.
    public var added: [Requirement] = []
    /// Requirements whose text is gone, in the order of the old draft.
    public var removed: [Requirement] = []
    /// Same text, another priority.
    public var reprioritised: [(text: String, from: Priority?, to: Priority?)] = []

    /// True when no requirement was added, removed or reprioritised.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && reprioritised.isEmpty }

    /// Compares the requirements of `old` and `new` by their exact text; blank ones are left out.
    public init(from old: Draft, to new: Draft) {
        let before = old.scope.requirements.filter { !$0.text.isBlank }
        let after = new.scope.requirements.filter { !$0.text.isBlank }
        added = after.filter { requirement in !before.contains { $0.text == requirement.text } }
        removed = before.filter { requirement in !after.contains { $0.text == requirement.text } }
        for requirement in after {
            if let previous = before.first(where: { $0.text == requirement.text }), previous.priority != requirement.priority {
                reprioritised.append((requirement.text ?? "", previous.priority, requirement.priority))
            }
        }
    }

    /// Equal when the same requirements were added, removed and reprioritised, in the same order.
    public static func == (lhs: RequirementChanges, rhs: RequirementChanges) -> Bool {
        lhs.added == rhs.added && lhs.removed == rhs.removed
            && lhs.reprioritised.map { "\($0.text)\($0.from?.rawValue ?? "")\($0.to?.rawValue ?? "")" }
                == rhs.reprioritised.map { "\($0.text)\($0.from?.rawValue ?? "")\($0.to?.rawValue ?? "")" }
    }

    /// `{"added": […], "removed": […], "reprioritised": [{text, from, to}]}`; a missing priority is null.
    public var encoded: Value {
        .object([
            ("added", .list(added.map(\.encoded))),
            ("removed", .list(removed.map(\.encoded))),
            (
                "reprioritised",
                .list(
                    reprioritised.map {
                        .object([
                            ("text", .string($0.text)), ("from", $0.from.map { .string($0.rawValue) } ?? .null),
                            ("to", $0.to.map { .string($0.rawValue) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}
