/// A ticket description independent of any markup: the sections every export shows, in the same
/// order, built once and rendered as Jira wiki markup, Atlassian Document Format or Markdown.
public struct TicketDocument: Equatable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    public enum Block: Equatable, Sendable {
        case heading(level: Int, text: String)
        case paragraph([Inline])
        /// One item per entry; each item is a line of inline content.
        case bullets([[Inline]])
        /// Items to tick off (acceptance criteria).
        case checklist([String])
        case table(header: [String], rows: [[String]])
        /// The requester's own words, kept as written.
        case quote(String)
        /// Verbatim text; the source draft travels in one of these.
        case code(language: String, title: String, text: String)
    }

    public enum Inline: Equatable, Sendable {
        case text(String)
        case strong(String)
        case code(String)
    }

    /// The file name the source draft's code block carries, so readers can find it.
    public static let sourceTitle = "handoff-source.yaml"
}
