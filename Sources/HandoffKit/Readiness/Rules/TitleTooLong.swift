/// `title-too-long`: Jira refuses a summary over 255 characters or with a line break; over about
/// 120 characters it stops being readable in boards and e-mails.
struct TitleTooLong: ReadinessRule {
    static let id = "title-too-long"
    static let severity = Severity.blocker
    static let summary = Localized(
        en: "The title is one line of at most 255 characters (ideally 120).",
        ja: "タイトルは一行で255文字以内（理想は120文字以内）。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Jira refuses a summary over 255 characters or with a line break; over about 120 characters it is cut off on boards and in e-mails.",
            ja: "Jira は 255 文字を超える要約や改行を含む要約を受け付けません。120 文字を超えるとボードやメールで途中が切れます。"),
        example: "title: |\n  Sign-up form\n  and confirmation e-mail",
        fix: Localized(
            en: "Keep the title to one short line and move details to the idea or the requirements.",
            ja: "タイトルは短い一行にし、詳細はアイデアや要件に移します。"))
    /// Jira's limit, counted as Java counts: UTF-16 code units.
    static let hardLimit = 255
    static let readableLimit = 120

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !context.isOpen(draft.title) }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard var title = draft.title, title.startsVisibly || !title.isEmptyValue else { return [] }
        // Read from the bytes first: asking a title's last character for a line break breaks it
        // into characters from the end, and most titles have no line-break byte at all.
        let mayHoldLineBreak = Self.mayHoldLineBreak(title)
        // A block scalar (`title: |`) ends with a line break that exports trim; only inner ones count.
        if mayHoldLineBreak {
            while title.last?.isNewline == true { title.removeLast() }
        }
        let length = title.utf16.count
        if mayHoldLineBreak, title.contains(where: \.isNewline) {
            return [
                context.finding(
                    Self.self, .blocker, field: "title",
                    message: Localized(
                        en: "The title has a line break; Jira refuses a summary with line breaks.",
                        ja: "タイトルに改行があります。Jira は改行を含む要約を受け付けません。"),
                    question: Localized(
                        en: "Can you say it in one line, and move the rest to the idea?",
                        ja: "一行にまとめ、残りはアイデア欄に移せますか。"))
            ]
        }
        if length > Self.hardLimit {
            return [
                context.finding(
                    Self.self, .blocker, field: "title",
                    message: Localized(
                        en: "The title is \(length) characters; Jira refuses summaries over \(Self.hardLimit).",
                        ja: "タイトルが\(length)文字あります。Jira は\(Self.hardLimit)文字を超える要約を受け付けません。"),
                    question: Localized(
                        en: "What is the shortest title that still tells IT what this is?",
                        ja: "IT に内容が伝わる、もっと短いタイトルは何ですか。"))
            ]
        }
        if length > Self.readableLimit {
            return [
                context.finding(
                    Self.self, .warning, field: "title",
                    message: Localized(
                        en: "The title is \(length) characters; over \(Self.readableLimit) it gets cut off on boards and in e-mails.",
                        ja: "タイトルが\(length)文字あります。\(Self.readableLimit)文字を超えるとボードやメールで途中が切れます。"),
                    question: Localized(
                        en: "Can you shorten it to the essentials?",
                        ja: "要点だけに短くできますか。"))
            ]
        }
        return []
    }

    /// False when no byte sequence of `text` encodes a line break (LF, VT, FF, CR, NEL, U+2028,
    /// U+2029): titles are read whole, so most are let through on bytes.
    static func mayHoldLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case 0x0A...0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (0xA8...0xA9).contains(bytes[index + 2]):
                    return true
                default: continue
                }
            }
            return false
        }
    }
}
