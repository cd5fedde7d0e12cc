/// A ticket description independent of any markup: the sections every export shows, in the same
/// order, built once and rendered as Jira wiki markup, Atlassian Document Format or Markdown.
public struct TicketDocument: Equatable, Sendable {
    /// The description's blocks, in reading order.
    public var blocks: [Block]

    /// A document of `blocks`, in that order.
    public init(blocks: [Block]) { self.blocks = blocks }

    /// One block-level element of the description.
    public enum Block: Equatable, Sendable {
        /// A section heading: level 2 for a section, 3 for a part of one; `text` is plain.
        case heading(level: Int, text: String)
        /// One paragraph of inline content.
        case paragraph([Inline])
        /// One item per entry; each item is a line of inline content.
        case bullets([[Inline]])
        /// Items to tick off (acceptance criteria).
        case checklist([String])
        /// A table of plain-text cells; the builder gives every row one cell per `header` cell.
        case table(header: [String], rows: [[String]])
        /// The requester's own words, kept as written.
        case quote(String)
        /// Verbatim text; the source draft travels in one of these.
        case code(language: String, title: String, text: String)
    }

    /// A run of text inside a paragraph or a bullet item.
    public enum Inline: Equatable, Sendable {
        /// Plain text, escaped by each renderer.
        case text(String)
        /// Bold text.
        case strong(String)
        /// Monospaced text: a field name, an id or a value as typed.
        case code(String)
    }

    /// The characters of text the description holds, counted as Jira counts (UTF-16): what its
    /// 32,767-character limit applies to, without rendering it first.
    public var textLength: Int {
        // Loops, not reductions: no closure a block, no array made to count a table's rows.
        var total = 0
        for block in blocks {
            switch block {
            case .heading(_, let text), .quote(let text): total += text.utf16Length + 8
            case .paragraph(let inlines): total += Self.length(inlines) + 2
            case .bullets(let items): for item in items { total += Self.length(item) + 3 }
            case .checklist(let items): for item in items { total += item.utf16Length + 5 }
            case .table(let header, let rows):
                total += Self.length(row: header)
                for row in rows { total += Self.length(row: row) }
            case .code(let language, let title, let text): total += text.utf16Length + language.utf16Length + title.utf16Length + 30
            }
        }
        return total
    }

    private static func length(_ inlines: [Inline]) -> Int {
        var total = 0
        for part in inlines {
            switch part {
            case .text(let text), .strong(let text), .code(let text): total += text.utf16Length
            }
        }
        return total
    }

    private static func length(row: [String]) -> Int {
        var total = 2
        for cell in row { total += cell.utf16Length + 2 }
        return total
    }

    /// The file name the source draft's code block carries, so readers can find it.
    public static let sourceTitle = "handoff-source.yaml"
}
