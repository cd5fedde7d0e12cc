/// Reading backslash-escaped markup (Markdown, Jira wiki) back the way its renderer shows it, so
/// escaping tests judge what a reader sees rather than the escaper's own output.
public enum BackslashEscapes {
    /// `text` with every escaping backslash removed (`\\` reads as one backslash).
    public static func removed(from text: some StringProtocol) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            escaped = false
            out.append(character)
        }
        return out
    }

    /// The characters of `text` that no backslash escapes: the ones that can still act as markup.
    public static func unescapedCharacters(_ text: some StringProtocol) -> [Character] {
        var out: [Character] = []
        var escaped = false
        for character in text {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            if !escaped { out.append(character) }
            escaped = false
        }
        return out
    }
}
