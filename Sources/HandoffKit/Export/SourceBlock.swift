/// The source draft carried at the end of every export, so that `check`, `review` and `diff` can
/// read an export back without loss.
public enum SourceBlock {
    /// Sequences that would end the code block the YAML sits in (`{code}` in wiki markup).
    static let guarded = ["{code"]

    /// The normalised draft as YAML, safe inside any export's code block.
    public static func yaml(for draft: Draft) -> String {
        var draft = draft
        draft.format = HandoffVersion.draftFormat
        var text = YAMLWriter.document(draft.encoded, guarded: guarded)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Every embedded source draft in `text`: code blocks (or lines after a wiki `{code…}` marker)
    /// whose content starts with `format: handoff/1`.
    public static func extract(fromWiki text: String) -> [String] {
        var found: [String] = []
        var current: [Substring]?
        for line in Self.lines(text) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if current == nil {
                if trimmed.hasPrefix("{code") && trimmed.contains(TicketDocument.sourceTitle) { current = [] }
                continue
            }
            if trimmed.hasPrefix("{code}") {
                if let lines = current { found.append(lines.joined(separator: "\n") + "\n") }
                current = nil
                continue
            }
            current?.append(trimmed)
        }
        return found.filter { $0.hasPrefix("format: " + HandoffVersion.draftFormat) }
    }

    /// The lines of `text`, split at LF and CR LF (Swift reads "\r\n" as one Character, so
    /// splitting at "\n" alone would keep a file with Windows line endings in one piece).
    private static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    /// Embedded drafts in Markdown: fenced blocks whose info string names the source file.
    public static func extract(fromMarkdown text: String) -> [String] {
        var found: [String] = []
        var fence: Substring?
        var lines: [Substring] = []
        for line in Self.lines(text) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if let open = fence {
                if trimmed == open {
                    found.append(lines.joined(separator: "\n") + "\n")
                    fence = nil
                } else {
                    lines.append(trimmed)
                }
                continue
            }
            let ticks = trimmed.prefix { $0 == "`" }
            if ticks.count >= 3, trimmed.contains(TicketDocument.sourceTitle) {
                fence = ticks
                lines = []
            }
        }
        return found.filter { $0.hasPrefix("format: " + HandoffVersion.draftFormat) }
    }
}
