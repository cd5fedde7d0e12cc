/// The interview's text wrapped at the terminal's width by handoff itself, so a line never
/// breaks inside an English word and a Japanese line never starts with 。、」 (kinsoku: such a
/// character takes the one before it onto the next line) or ends with 「（.
public enum LineWrap {
    /// Lines of at most `width` columns (wide characters count two), each paragraph on its own.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let limit = max(width, 4)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrapParagraph(String($0), limit) }
    }

    private static func wrapParagraph(_ paragraph: String, _ limit: Int) -> [String] {
        var lines: [[String]] = []
        var line: [String] = []
        var lineWidth = 0
        for token in tokens(paragraph) {
            let tokenWidth = TerminalText.width(token)
            if token == " " {
                if !line.isEmpty {
                    line.append(token)
                    lineWidth += 1
                }
                continue
            }
            if lineWidth + tokenWidth > limit, !line.isEmpty {
                var carried: [String] = []
                // Kinsoku: a closing mark may not start the next line, an opening one may not end
                // this one; the characters they cling to move down with them.
                if let first = token.first, noLineStart.contains(first) {
                    while let last = line.last, last != " ", line.count > 1 {
                        carried.insert(line.removeLast(), at: 0)
                        if !(last.first.map { noLineStart.contains($0) } ?? false) { break }
                    }
                }
                while let last = line.last, let character = last.last, noLineEnd.contains(character), line.count > 1 {
                    carried.insert(line.removeLast(), at: 0)
                }
                while line.last == " " { line.removeLast() }
                lines.append(line)
                line = carried
                lineWidth = carried.reduce(0) { $0 + TerminalText.width($1) }
            }
            if tokenWidth > limit {
                // A word longer than a line: cut it where it must be cut.
                for character in token {
                    let characterWidth = TerminalText.width(String(character))
                    if lineWidth + characterWidth > limit, !line.isEmpty {
                        lines.append(line)
                        line = []
                        lineWidth = 0
                    }
                    line.append(String(character))
                    lineWidth += characterWidth
                }
                continue
            }
            line.append(token)
            lineWidth += tokenWidth
        }
        while line.last == " " { line.removeLast() }
        lines.append(line)
        return lines.map { $0.joined() }
    }

    /// Words (runs of narrow characters) and spaces; every wide character on its own, since
    /// Japanese may break between any two characters.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(" ")
            } else if TerminalText.width(String(character)) == 2 || noLineStart.contains(character) && !character.isASCII {
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

    /// Characters that may not start a line (JIS X 4051 line-start prohibitions, abridged).
    static let noLineStart: Set<Character> = Set(
        "。、，．・：；？！」』）］｝〕〉》】〙〗ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥,.;:!?)]}")
    /// Characters that may not end a line.
    static let noLineEnd: Set<Character> = Set("「『（［｛〔〈《【〘〖([{")
}
