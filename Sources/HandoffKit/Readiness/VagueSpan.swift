/// One place where a vague word was found, with the text around it: what tells an exact phrase
/// ("more than 3 people", "the 12 most asked questions", the 「シンプル」 plan, ETC車載器) from a
/// vague one ("more sign-ups", "some of the gift sets"), and what the word qualifies.
struct VagueSpan {
    var lowered: [UInt8]
    var original: [UInt8]?
    var start: Int
    var end: Int
    var quotes: [Range<Int>]

    /// Comparatives that a number next to them makes exact.
    static let comparatives: Set<String> = ["more", "most", "few", "a few", "many", "several"]
    /// Words that with "of the" pick among things: the question is "which?".
    static let selectors: Set<String> = ["some", "several", "a few", "few", "various", "many", "most", "a number of", "一部", "いくつか", "多くの"]
    /// Button labels, not quantities: "Learn more".
    static let labelVerbs: Set<String> = ["learn", "read", "see", "show", "load", "view", "find", "discover", "tell"]
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen", "half",
    ]
    /// Words that end the noun phrase a vague word qualifies.
    static let phraseStops: Set<String> = [
        "and", "or", "to", "for", "in", "on", "at", "by", "with", "than", "from", "per", "that", "which", "who",
        "is", "are", "was", "will", "should", "can", "could", "be", "we", "this", "as", "if", "so", "but", "via",
        "into", "when", "then", "etc", "etc.",
    ]

    var before: String { String(decoding: lowered[..<start], as: UTF8.self) }
    var after: String { String(decoding: lowered[end...], as: UTF8.self) }
    var word: String { String(decoding: lowered[start..<end], as: UTF8.self) }

    static func words(_ text: Substring) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { String($0) }
    }

    /// `words(text).suffix(count)`, read from the end: only the words next to a match count, and
    /// splitting the whole text before it cost more than the rest of the rule.
    static func lastWords(_ text: Substring, _ count: Int) -> [String] {
        if let words = asciiLastWords(text, count) { return words }
        var words: [String] = []
        var end = text.endIndex
        var index = text.endIndex
        while index > text.startIndex, words.count < count {
            let before = text.index(before: index)
            if text[before].isWhitespace {
                if end > index { words.append(String(text[index..<end])) }
                end = before
            }
            index = before
        }
        if words.count < count, end > index { words.append(String(text[index..<end])) }
        return words.reversed()
    }

    /// `words(text).prefix(count)`, read from the start and stopping there.
    static func firstWords(_ text: Substring, _ count: Int) -> [String] {
        if let words = asciiFirstWords(text, count) { return words }
        var words: [String] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex, words.count < count {
            if text[index].isWhitespace {
                if start < index { words.append(String(text[start..<index])) }
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        if words.count < count, start < index { words.append(String(text[start..<index])) }
        return words
    }

    /// ASCII white space, which is what `Character.isWhitespace` says of an ASCII character.
    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// `lastWords` read on the bytes while they are ASCII, where every character is one byte
    /// (or a CR LF, white space either way): walking back by `Character` cost some hundreds of
    /// instructions a character. Nil at a byte beyond ASCII before the words are found.
    private static func asciiLastWords(_ text: Substring, _ count: Int) -> [String]? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var end = bytes.count
            var index = bytes.count
            while index > 0, words.count < count {
                let byte = bytes[index - 1]
                guard byte < 0x80 else { return nil }
                if isASCIISpace(byte) {
                    if end > index { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)) }
                    end = index - 1
                }
                index -= 1
            }
            if words.count < count, end > index {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
            }
            return words.reversed()
        } ?? nil
    }

    /// `firstWords` read on the bytes while they are ASCII; nil at a byte beyond it first.
    private static func asciiFirstWords(_ text: Substring, _ count: Int) -> [String]? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var words: [String] = []
            var start = 0
            var index = 0
            while index < bytes.count, words.count < count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                if isASCIISpace(byte) {
                    if start < index { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + 1
                }
                index += 1
            }
            if words.count < count, start < index {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
            }
            return words
        } ?? nil
    }

    /// What `bare` drops from a word: brackets, quotation marks and punctuation.
    static let bareDropped = Set("()[]{}\"'“”‘’,.;:!?".unicodeScalars)

    static func bare(_ word: String) -> String {
        // Most words have nothing to drop: they are kept as they are, not rebuilt scalar by scalar.
        guard word.unicodeScalars.contains(where: bareDropped.contains) else { return word }
        var kept = String.UnicodeScalarView()
        for scalar in word.unicodeScalars where !bareDropped.contains(scalar) { kept.append(scalar) }
        return String(kept)
    }

    static func isNumber(_ word: String) -> Bool {
        let bare = Self.bare(word)
        return bare.contains(where: \.isNumber) || numberWords.contains(bare)
    }

    /// True when the word is meant exactly, or is part of a name.
    func isExact(_ entry: VagueLexicon.Entry) -> Bool {
        if isQuoted { return true }
        if entry.wholeWord && ((entry.kind != .time && isGluedToCompound) || isAcronym(entry)) { return true }
        guard entry.wholeWord else { return false }
        let previous = Self.lastWords(Substring(before), 3).map(Self.bare)
        let next = Self.firstWords(Substring(after), 2).map(Self.bare)
        let term = entry.word.lowercased()
        if Self.comparatives.contains(term) {
            // "more than 300", "more than three"
            if next.first == "than", next.count > 1, Self.isNumber(next[1]) { return true }
            // "the 12 most asked questions", "3 more seats", "0.4 points more conversion"
            if previous.suffix(2).contains(where: Self.isNumber) { return true }
            // "30 days or more", "50 or more employees"
            if previous.last == "or", previous.dropLast().contains(where: Self.isNumber) { return true }
        }
        if term == "more", let last = previous.last, Self.labelVerbs.contains(last) { return true }
        return false
    }

    /// Inside quotation marks that hold a short name: the 「シンプル」 plan, the "Simple" tier.
    var isQuoted: Bool {
        quotes.contains { $0.lowerBound <= start && end <= $0.upperBound && $0.count <= 60 }
    }

    /// An English word written straight before kanji or katakana is part of a Japanese compound
    /// name (ETC車載器); before hiragana it is the word with a particle (ASAPで).
    var isGluedToCompound: Bool {
        guard let value = Substring(after).unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(value) || (0x30A0...0x30FF).contains(value)
    }

    /// "ETC" in capitals without a full stop is the toll system (ETC, ETC2.0), not "etc.".
    func isAcronym(_ entry: VagueLexicon.Entry) -> Bool {
        guard entry.word == "etc", let original else { return false }
        let written = original[start..<end]
        return written.allSatisfy { $0 >= 0x41 && $0 <= 0x5A } && (end >= original.count || original[end] != UInt8(ascii: "."))
    }

    /// The match, with the phrase the word heads and what it qualifies.
    func match(_ entry: VagueLexicon.Entry) -> VagueLexicon.Match {
        let term = entry.word.lowercased()
        let written = original.map { String(decoding: $0[start..<end], as: UTF8.self) } ?? entry.word
        guard entry.kind == .quantity else { return VagueLexicon.Match(word: entry.word, kind: entry.kind) }
        if entry.wholeWord {
            var following = Self.words(Substring(originalAfter)).prefix(6)[...]
            var phrase = [written]
            var selection = false
            if following.first?.lowercased() == "of" {
                selection = Self.selectors.contains(term)
                phrase.append(following.removeFirst())
                if let article = following.first, ["the", "our", "these", "those", "my", "your", "their"].contains(article.lowercased()) {
                    phrase.append(following.removeFirst())
                }
            }
            var subject: [String] = []
            for raw in following.prefix(3) {
                let bare = Self.bare(raw)
                let lowered = bare.lowercased()
                if bare.isEmpty || Self.phraseStops.contains(lowered) || Self.isNumber(bare)
                    || Self.comparatives.contains(lowered) || Self.selectors.contains(lowered)
                {
                    break
                }
                subject.append(bare)
                if raw != bare && !raw.hasSuffix("-") { break }
            }
            guard !subject.isEmpty else { return VagueLexicon.Match(word: entry.word, kind: entry.kind) }
            return VagueLexicon.Match(
                word: entry.word, kind: entry.kind, phrase: (phrase + subject).joined(separator: " "),
                subject: subject.joined(separator: " "), isSelection: selection)
        }
        // Japanese: 「一部のギフトセット」 — the noun after の, up to a particle or punctuation.
        var rest = Substring(originalAfter)
        var phrase = written
        if rest.hasPrefix("の") {
            rest = rest.dropFirst()
            phrase += "の"
        }
        let stops = Set("をがはにでともへや、。，,.・ 　「」（）()")
        let subject = String(rest.prefix { !stops.contains($0) }.prefix(12))
        guard !subject.isEmpty, phrase.hasSuffix("の") || term.hasSuffix("の") else {
            return VagueLexicon.Match(word: entry.word, kind: entry.kind)
        }
        return VagueLexicon.Match(
            word: entry.word, kind: entry.kind, phrase: phrase + subject, subject: subject,
            isSelection: Self.selectors.contains(term))
    }

    /// The text after the match as written (case kept), for quoting.
    var originalAfter: String {
        String(decoding: (original ?? lowered)[end...], as: UTF8.self)
    }

    /// Byte ranges inside quotation marks: 「…」, 『…』, “…”, "…", and '…' opened after a space.
    static func quotedRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        // Every opening mark holds '"' or '\'', or starts with E2 80 9C (“) or E3 80 8C/8E (「『):
        // text with none of them has no quotation, found without searching it as a string.
        guard Self.mayHoldQuotation(bytes) else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var ranges: [Range<Int>] = []
        let pairs: [(String, String)] = [("「", "」"), ("『", "』"), ("“", "”"), ("\"", "\""), (" '", "'")]
        for (open, close) in pairs {
            var searchFrom = text.startIndex
            while let opening = text.range(of: open, range: searchFrom..<text.endIndex),
                let closing = text.range(of: close, range: opening.upperBound..<text.endIndex)
            {
                let lower = text.utf8.distance(from: text.startIndex, to: opening.upperBound)
                let upper = text.utf8.distance(from: text.startIndex, to: closing.lowerBound)
                ranges.append(lower..<upper)
                searchFrom = closing.upperBound
            }
        }
        // A quotation at the very start has no space before its apostrophe.
        if text.hasPrefix("'"), let closing = text.dropFirst().firstIndex(of: "'") {
            ranges.append(1..<text.utf8.distance(from: text.startIndex, to: closing))
        }
        return ranges
    }

    static func mayHoldQuotation(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return true }
            if (byte == 0xE2 || byte == 0xE3) && index + 2 < bytes.count && bytes[index + 1] == 0x80 {
                let last = bytes[index + 2]
                if byte == 0xE2 ? last == 0x9C : (last == 0x8C || last == 0x8E) { return true }
            }
            index += 1
        }
        return false
    }
}
