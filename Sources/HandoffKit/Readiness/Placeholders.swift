/// Recognises answers that only stand in for one: "I don't know", "TBD", 「未定」, 「確認中です」.
/// A placeholder leaves a field as open as an empty one, so every rule that needs the field treats
/// it as absent and quotes it; the interview records it as an open point.
///
/// Only a whole answer is judged: "Unknown Pleasures tribute page" and 「不明点を問い合わせる
/// フォーム」 contain such words but are real content.
public struct PlaceholderLexicon: Sendable {
    private var whole: Set<String>
    private var japanese: [String]
    /// Pieces every placeholder text contains, for the test that turns most content away unread:
    /// one object, so a copy of the lexicon retains one reference for them.
    private(set) var anchors: Anchors

    /// The built-in phrases plus `extra` (both languages are always recognised: Japanese drafts
    /// often say TBD, English ones sometimes 未定).
    public init(extra: PlaceholderSettings = PlaceholderSettings()) {
        var whole = Set(Self.english.map(Self.normalise))
        whole.formUnion(Self.japaneseTerms.map(Self.normalise))
        whole.formUnion((extra.en + extra.ja).map(Self.normalise).filter { !$0.isEmpty })
        self.whole = whole
        self.japanese = (Self.japaneseTerms + extra.ja).map(Self.normalise).filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        anchors = Anchors(whole: whole, japanese: japanese)
    }

    /// The placeholder as written (trimmed) when the whole of `text` is one, nil for real content
    /// or no content. `language` is accepted for callers that know it; both languages are checked.
    public func placeholder(in text: String, language: Language? = nil) -> String? {
        // A placeholder is a few words; longer text is content (and this runs on every field).
        guard text.utf8.count <= 80, mayBePlaceholder(text) else { return nil }
        return placeholderUnfiltered(in: text)
    }

    /// `placeholder(in:)` without the quick test that turns away text that cannot be one.
    func placeholderUnfiltered(in text: String) -> String? {
        guard text.utf8.count <= 80 else { return nil }
        let written = text.trimmingWhitespace
        guard !written.isEmpty else { return nil }
        let normal = Self.normalise(written)
        if normal.isEmpty {
            // Only punctuation: "?", "-", "…".
            return written.unicodeScalars.allSatisfy({ Self.placeholderPunctuation.contains($0) || $0.properties.isWhitespace })
                ? written : nil
        }
        if whole.contains(normal) || whole.contains(Self.dropFillers(normal)) { return written }
        // "not sure who, maybe someone in Legal?", "TBD (probably GA4)": a placeholder, then a guess.
        if let (head, rest) = Self.firstClause(normal), whole.contains(Self.dropFillers(head)), Self.isGuess(rest) {
            return written
        }
        // "source TBD", "owner unknown": a short noun, then the placeholder.
        let words = normal.split(separator: " ")
        if words.count >= 2, words.count <= 3, let last = words.last, Self.trailingEnglish.contains(String(last)) {
            return written
        }
        // 「担当者未定」「数値は確認中」: a few characters of subject, then the placeholder.
        if !normal.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) {
            for term in japanese where normal.hasSuffix(term) {
                let subject = normal.dropLast(term.count)
                // A subject with を or で is a sentence about doing something (申込ステータスを未確認).
                if subject.count <= 6, !subject.contains("を"), !subject.contains("で") { return written }
            }
        }
        return nil
    }

    /// True when `text` is blank or a placeholder: the field is still open.
    public func isOpen(_ text: String?) -> Bool {
        guard let text else { return true }
        // Text that starts with printable ASCII, kana or kanji is not blank; else ask each character.
        if !text.startsVisibly, text.isAllWhitespace { return true }
        return placeholder(in: text) != nil
    }

    // MARK: Lists

    static let english = [
        "i don't know", "i dont know", "don't know", "dont know", "do not know", "i do not know", "idk", "dunno",
        "no idea", "no clue", "not sure", "i'm not sure", "im not sure", "i am not sure", "we're not sure",
        "not sure who", "not sure which", "not sure what", "not sure when", "not sure how", "unsure", "unknown",
        "not known", "unclear", "tbd", "tbc", "tba", "t.b.d", "to be decided", "to be determined",
        "to be confirmed", "to be defined", "to be announced", "to be agreed", "pending", "undecided",
        "not decided", "not yet decided", "not defined", "not determined", "not confirmed", "n/a", "na",
        "not applicable", "todo", "to do", "fill in later", "later", "will confirm", "will check",
        "need to check", "needs checking", "to check", "checking", "ask someone", "someone", "somebody",
        "placeholder", "xxx", "lorem ipsum", "?", "to follow", "tk",
    ]

    static let japaneseTerms = [
        "わからない", "分からない", "判らない", "解らない", "わかりません", "分かりません", "わかんない",
        "知らない", "知りません", "不明", "未定", "未確定", "未決定", "未確認", "確認中", "検討中", "要確認",
        "要検討", "調整中", "相談中", "決まっていない", "決まってない", "決まっていません", "まだ決まっていない",
        "まだ決まっていません", "まだ", "未記入", "未入力", "なんとも言えない", "何とも言えない", "誰か",
        "誰かに確認", "後で", "あとで", "後日", "追って連絡", "追って", "ｔｂｄ",
    ]

    /// Words that say "still open" after a short noun ("date TBD", "owner unknown").
    static let trailingEnglish: Set<String> = ["tbd", "tbc", "tba", "unknown", "undecided", "pending", "unclear"]

    /// Words around a placeholder that change nothing: "not sure yet", 「未定です」.
    static let fillerPrefixes = ["honestly ", "currently ", "still ", "sorry ", "hmm ", "um ", "well ", "現時点では", "現時点で", "現在", "今のところ", "いまのところ", "まだ", "ちょっと", "正直"]
    static let fillerSuffixes = [
        " yet", " for now", " at the moment", " right now", " atm", " at this point", " still", " sorry",
        " for the moment", "です", "でございます", "ですが", "ですね", "のため", "なので", "かな", "かも",
    ]

    /// Words that make what follows a placeholder a guess rather than an answer.
    static let guessWords = [
        "maybe", "probably", "perhaps", "possibly", "someone", "somebody", "i think", "i guess", "might",
        "guess", "likely", "?", "たぶん", "多分", "おそらく", "かも", "誰か", "？", "かな", "予定", "確認",
        "ask", "check", "will", "later", "to be",
    ]

    static let placeholderPunctuation = Set("?？-‐–—ー…・.。*＊_/".unicodeScalars)

    // MARK: Normalising

    /// Lower case, one space between words, no surrounding quotes, brackets or closing punctuation.
    static func normalise(_ text: String) -> String {
        // Most phrases, the built-in ones above all, are already in that form: telling so from
        // their bytes skips the Unicode lowering and word splitting, some twenty thousand
        // instructions a phrase, paid for each of the hundred-odd built-ins at every start.
        isInNormalForm(text) ? text : normaliseInFull(text)
    }

    /// True when `normaliseInFull` would return `text` as it is: lower-case ASCII letters, digits,
    /// apostrophes and single spaces inside (neither an apostrophe nor a space at either end), and
    /// kana or kanji, which have no case, no white space and no edge punctuation among them (the
    /// long-vowel mark ー, which is edge punctuation, is left out).
    static func isInNormalForm(_ text: String) -> Bool {
        withUTF8InPlace(text) { isInNormalForm(utf8: $0) }
    }

    private static func isInNormalForm(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || first == UInt8(ascii: "'") || last == 0x20 || last == UInt8(ascii: "'") { return false }
        var index = 0
        var previousSpace = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let isSpace = byte == 0x20
                let allowed =
                    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "'") || isSpace
                if !allowed || (isSpace && previousSpace) { return false }
                previousSpace = isSpace
                index += 1
                continue
            }
            // Three-byte scalars only, of hiragana (U+3041–U+3096), katakana but ー (U+30A1–U+30FA)
            // and the CJK ideographs (U+4E00–U+9FFF).
            guard byte >= 0xE3, byte <= 0xE9, index + 2 < bytes.count else { return false }
            let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            guard (0x3041...0x3096).contains(scalar) || (0x30A1...0x30FA).contains(scalar) || (0x4E00...0x9FFF).contains(scalar)
            else { return false }
            previousSpace = false
            index += 3
        }
        return true
    }

    /// `normalise`, worked out in full.
    static func normaliseInFull(_ text: String) -> String {
        var out = String(
            String.UnicodeScalarView(text.lowercased().unicodeScalars.map { $0 == "’" || $0 == "‘" ? "'" : $0 }))
        out = out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let first = out.unicodeScalars.first, edgePunctuation.contains(first) { out.unicodeScalars.removeFirst() }
        while let last = out.unicodeScalars.last, edgePunctuation.contains(last) || last == "?" || last == "？" {
            // A lone "?" is handled by the caller; a trailing one after words is punctuation.
            out.unicodeScalars.removeLast()
        }
        return out.trimmingWhitespace
    }

    /// Built once: a set literal inside `normalise` or `firstClause` was hashed anew on every call.
    private static let edgePunctuation = Set("\"'`「」『』()（）[]【】.。!！、,…~〜ー-".unicodeScalars)
    private static let clauseSeparators: Set<Character> = [",", "(", "（", "、", "。", ";", ":", "：", "?", "？", "/"]
    private static let clauseDashes: Set<Character> = ["-", "–", "—"]

    static func dropFillers(_ text: String) -> String {
        var out = text
        var changed = true
        while changed {
            changed = false
            for prefix in fillerPrefixes where out.hasPrefix(prefix) && out.count > prefix.count {
                out.removeFirst(prefix.count)
                changed = true
            }
            for suffix in fillerSuffixes where out.hasSuffix(suffix) && out.count > suffix.count {
                out.removeLast(suffix.count)
                changed = true
            }
            out = out.trimmingWhitespace
        }
        return out
    }

    /// The text up to the first clause separator, and the rest; nil when there is no separator.
    /// One pass over the characters: this runs on every short field of every draft.
    static func firstClause(_ text: String) -> (String, String)? {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            var cut: (Range<String.Index>)?
            if clauseSeparators.contains(character) {
                cut = index..<text.index(after: index)
            } else if character == " " {
                let next = text.index(after: index)
                if next < text.endIndex, clauseDashes.contains(text[next]) {
                    let after = text.index(after: next)
                    if after == text.endIndex || text[after] == " " { cut = index..<after }
                }
            }
            if let cut {
                let head = String(text[..<cut.lowerBound]).trimmingWhitespace
                let rest = String(text[cut.upperBound...]).trimmingWhitespace
                return head.isEmpty ? nil : (head, rest)
            }
            index = text.index(after: index)
        }
        return nil
    }

    static func isGuess(_ rest: String) -> Bool {
        if rest.isEmpty { return true }
        return guessWords.contains { word in
            word.unicodeScalars.allSatisfy(\.isASCII) && word.unicodeScalars.first!.properties.isAlphabetic
                ? TermMatch.contains(word, in: rest) : rest.contains(word)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
