/// Words marketers use where IT needs specifics, with the follow-up that turns each into
/// something IT can build and test. English words match whole words, case-insensitively;
/// Japanese ones match anywhere (Japanese has no spaces between words).
public struct VagueLexicon: Sendable {
    /// Why a word is vague decides what to ask back.
    public enum Kind: String, Sendable {
        /// "ASAP", "soon", 早急: no date.
        case time
        /// "more", "some", もっと: no number.
        case quantity
        /// "better", "nice", いい感じ: no measure.
        case quality
        /// "etc.", など: an open list.
        case openEnded
        /// "just", "simple", 簡単: hides work.
        case minimiser
        /// "if possible", なるべく, よしなに: no decision.
        case hedge
        /// Words added in the configuration.
        case configured

        /// The follow-up question for a vague `word` of this kind.
        public func followUp(_ word: String) -> Localized {
            switch self {
            case .time:
                return Localized(
                    en: "'\(word)' — which date exactly, and what happens if it slips?",
                    ja: "「\(word)」とは具体的にいつですか。遅れた場合はどうなりますか。")
            case .quantity:
                return Localized(
                    en: "'\(word)' — how many or how much, as a number, and measured where?",
                    ja: "「\(word)」とは具体的にどれだけですか。数値と測り方を教えてください。")
            case .quality:
                return Localized(
                    en: "'\(word)' — better by which measure, and by how much?",
                    ja: "「\(word)」とは、どの指標がどれだけ良くなることですか。")
            case .openEnded:
                return Localized(
                    en: "'\(word)' — list every item; anything not listed will not be built.",
                    ja: "「\(word)」に含まれるものをすべて挙げてください。書かれていないものは作られません。")
            case .minimiser:
                return Localized(
                    en: "'\(word)' — what exactly is included? IT has to estimate the real work behind it.",
                    ja: "「\(word)」の中身を具体的に書いてください。IT は実際の作業量を見積もる必要があります。")
            case .hedge:
                return Localized(
                    en: "'\(word)' — is it required or not? Decide, or mark the requirement as could.",
                    ja: "「\(word)」は必須ですか、任意ですか。決めるか、優先度を could にしてください。")
            case .configured:
                return Localized(
                    en: "'\(word)' — what exactly do you mean? Say it in terms IT can build and test.",
                    ja: "「\(word)」とは具体的に何ですか。IT が作ってテストできる言葉で書いてください。")
            }
        }
    }

    /// One vague word found in a text, with the phrase around it.
    public struct Match: Equatable, Sendable {
        /// The word as the lexicon spells it, which may differ in case from the text.
        public var word: String
        /// Why the word is vague.
        public var kind: Kind
        /// The words as the text has them, with what they qualify: "some of the gift sets".
        public var phrase: String
        /// What the word qualifies ("gift sets"), when the text says.
        public var subject: String?
        /// "some of the …", 「一部の…」: a choice among things, so the question is "which?".
        public var isSelection: Bool

        /// A match; a nil `phrase` means the word itself is the phrase.
        public init(word: String, kind: Kind, phrase: String? = nil, subject: String? = nil, isSelection: Bool = false) {
            self.word = word
            self.kind = kind
            self.phrase = phrase ?? word
            self.subject = subject
            self.isSelection = isSelection
        }

        /// Equal when the same word of the same kind was found; the phrase around it is context.
        public static func == (lhs: Match, rhs: Match) -> Bool { lhs.word == rhs.word && lhs.kind == rhs.kind }

        /// The follow-up that fits the phrase: "which gift sets?" for a selection, "how many
        /// sign-ups?" for a missing number, else the kind's question about the phrase.
        public var followUp: Localized {
            if kind == .quantity, let subject {
                // A Latin subject in a Japanese sentence gets a space on each side, as everywhere.
                let latinStart = subject.unicodeScalars.first.map { $0.isASCII } ?? false
                let latinEnd = subject.unicodeScalars.last.map { $0.isASCII } ?? false
                let inJapanese = (latinStart ? " " : "") + subject + (latinEnd ? " " : "")
                if isSelection {
                    return Localized(
                        en: "'\(phrase)' — which \(subject) exactly? List them, so IT builds and tests the right ones.",
                        ja: "「\(phrase)」とは、どの\(inJapanese)ですか。対象をすべて挙げてください。")
                }
                return Localized(
                    en: "'\(phrase)' — how many \(subject), as a number, and measured where?",
                    ja: "「\(phrase)」とは、\(inJapanese)がどれだけですか。数値と測り方を教えてください。")
            }
            return kind.followUp(phrase)
        }
    }

    struct Entry: Sendable {
        var word: String
        var lowered: [UInt8]
        var kind: Kind
        var wholeWord: Bool
    }

    private(set) var entries: [Entry]
    private var automaton: ByteAutomaton

    /// The built-in lists plus the words of `extra` (both languages are always checked, since
    /// Japanese drafts often carry English words like ASAP and vice versa).
    public init(extra: VagueWordSettings = VagueWordSettings()) {
        var entries: [Entry] = []
        func add(_ words: [String], _ kind: Kind) {
            for word in words {
                let lowered = word.lowercased()
                let ascii = lowered.utf8.allSatisfy { $0 < 0x80 }
                entries.append(Entry(word: word, lowered: Array(lowered.utf8), kind: kind, wholeWord: ascii))
            }
        }
        for (kind, words) in Self.english { add(words, kind) }
        for (kind, words) in Self.japanese { add(words, kind) }
        add(extra.en + extra.ja, .configured)
        // Longer phrases first, so "as soon as possible" wins over "soon" and なるべく早く over なるべく.
        self.entries = entries.sorted { $0.lowered.count > $1.lowered.count }
        self.automaton = ByteAutomaton(self.entries.map(\.lowered))
    }

    static let english: [(Kind, [String])] = [
        (
            .time,
            [
                "ASAP", "as soon as possible", "soon", "soonest", "quickly", "immediately", "right away",
                "urgently", "at the earliest", "sometime", "shortly", "in due course", "whenever",
            ]
        ),
        (
            .quantity,
            [
                "more", "some", "several", "many", "a lot", "lots of", "a few", "few", "various", "numerous",
                "a bunch", "plenty", "most", "a number of", "significant", "significantly", "substantial",
                "massive", "huge",
            ]
        ),
        (
            .quality,
            [
                "better", "best", "good", "nice", "great", "improve", "improved", "improvement", "optimize",
                "optimise", "optimized", "optimised", "enhance", "enhanced", "user-friendly", "user friendly",
                "intuitive", "modern", "attractive", "engaging", "seamless", "seamlessly", "robust",
                "flexible", "fast", "faster", "cool", "sleek", "clean", "pretty", "beautiful", "premium",
                "world-class", "state of the art", "cutting-edge", "best-in-class", "best practice",
                "easy", "easier", "efficient", "effective", "appropriate", "adequate", "sufficient",
                "high quality", "high-quality", "scalable",
            ]
        ),
        (
            .openEnded,
            [
                "etc", "etc.", "and so on", "and so forth", "and more", "and others", "or similar",
                "whatever", "anything", "everything", "all kinds of", "such as", "among others",
            ]
        ),
        (
            .minimiser,
            [
                "just", "simple", "simply", "quick", "small change", "minor", "only a", "straightforward",
                "trivial", "basic", "a bit", "a little", "tweak", "slight", "slightly",
            ]
        ),
        (
            .hedge,
            [
                "if possible", "where possible", "as needed", "as appropriate", "as required", "TBD", "TBC",
                "maybe", "perhaps", "probably", "possibly", "somehow", "some kind of", "something like",
                "kind of", "sort of", "roughly", "approximately", "ideally", "hopefully", "should be able",
                "nice to have", "and/or",
            ]
        ),
    ]

    static let japanese: [(Kind, [String])] = [
        (
            .time,
            [
                "早急", "至急", "大至急", "なるべく早く", "できるだけ早く", "出来るだけ早く", "早めに", "早め",
                "すぐに", "すぐ", "急ぎ", "急いで", "近いうちに", "そのうち", "いずれ", "今すぐ", "速やかに",
                "ASAP",
            ]
        ),
        (
            .quantity,
            [
                "もっと", "多め", "多めに", "少し", "少々", "いくつか", "たくさん", "沢山", "多くの", "一部",
                "ある程度", "相当", "大量", "大幅", "大幅に", "かなり", "多少", "数件", "若干",
            ]
        ),
        (
            .quality,
            [
                "いい感じ", "良い感じ", "よい感じ", "より良い", "よりよい", "良くする", "よくする", "おしゃれ",
                "オシャレ", "かっこいい", "カッコいい", "使いやすい", "使いやすく", "わかりやすい", "わかりやすく",
                "分かりやすい", "分かりやすく", "見やすい", "見やすく", "魅力的", "最適化", "改善", "向上",
                "柔軟", "直感的", "モダン", "リッチ", "スマート", "イケてる", "ちゃんと", "きちんと", "しっかり",
                "高品質", "快適", "スムーズ", "効率的", "効果的", "適切",
            ]
        ),
        (.openEnded, ["など", "等々", "その他", "色々", "いろいろ", "様々", "さまざま", "諸々", "もろもろ", "なんでも", "何でも", "全般"]),
        (.minimiser, ["簡単", "シンプル", "ちょっと", "ちょっとした", "軽く", "簡易", "ざっくり", "手軽", "だけでいい", "だけで良い"]),
        (
            .hedge,
            [
                "なるべく", "できるだけ", "出来るだけ", "可能な限り", "可能であれば", "できれば", "出来れば", "適宜",
                "適当に", "よしなに", "臨機応変", "必要に応じて", "方向で", "感じで", "未定", "たぶん",
                "多分", "おそらく", "とりあえず", "一旦", "いったん", "目安", "程度", "くらい", "ぐらい",
            ]
        ),
    ]

    /// Vague words in `text`, in the order they appear, each reported once.
    ///
    /// One walk of the text through the automaton finds every occurrence of every word; they are then
    /// taken in the lexicon's order (longest words first, each word's occurrences left to right),
    /// so a longer phrase claims its bytes before the shorter words inside it, as it always has.
    public func matches(in text: String) -> [Match] {
        // The automaton folds ASCII capitals itself, so it walks the text's own bytes, stopping at
        // the first scalar that may have a lower case; only such a text is walked again lowered
        // (lowering a scalar that has none changes no byte, so both walks find the same), and only
        // a text with a candidate gets its lowered bytes as an array.
        var candidates: [(entry: Int, start: Int, end: Int)] = []
        func collect(_ buffer: UnsafeBufferPointer<UInt8>, stopAtCasedScalar: Bool) -> ByteAutomaton.Walk {
            automaton.forEachOccurrence(in: buffer, stopAtCasedScalar: stopAtCasedScalar) { entry, start, end in
                if entries[entry].wholeWord
                    && !((start == 0 || !Self.isWordByte(buffer[start - 1])) && (end >= buffer.count || !Self.isWordByte(buffer[end])))
                {
                    return false
                }
                candidates.append((entry, start, end))
                return false
            }
        }
        var text = text
        let caseBeyondASCII = text.withUTF8 { collect($0, stopAtCasedScalar: true) == .casedScalar }
        let bytes: [UInt8]
        if caseBeyondASCII {
            candidates.removeAll()
            bytes = Array(text.lowercased().utf8)
            _ = bytes.withUnsafeBufferPointer { collect($0, stopAtCasedScalar: false) }
        } else {
            guard !candidates.isEmpty else { return [] }
            bytes = Self.loweredBytes(text)
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort { $0.entry != $1.entry ? $0.entry < $1.entry : $0.start < $1.start }
        // Case tells an acronym (ETC, the toll system) from a word (etc); only when lowering kept
        // every byte in place.
        let originalBytes = Array(text.utf8)
        let original = originalBytes.count == bytes.count ? originalBytes : nil
        // Found only when a word matches: most texts have none.
        var quotesFound: [Range<Int>]?
        func quotes() -> [Range<Int>] {
            if let quotesFound { return quotesFound }
            let found = VagueSpan.quotedRanges(bytes)
            quotesFound = found
            return found
        }
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [(position: Int, match: Match)] = []
        var reported: Set<String> = []
        for (index, position, end) in candidates {
            let entry = entries[index]
            if taken[position..<end].contains(true) { continue }
            for byte in position..<end { taken[byte] = true }
            let span = VagueSpan(lowered: bytes, original: original, start: position, end: end, quotes: quotes())
            if span.isExact(entry) { continue }
            if reported.insert(entry.word.lowercased()).inserted {
                found.append((position, span.match(entry)))
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.match)
    }

    /// Calls `body` with `loweredBytes(text)`; when only ASCII letters change, as in nearly all
    /// text, they are lowered into a buffer on the stack rather than a new array.
    static func withLoweredBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        let count = text.utf8.count
        if count <= 4096 {
            let fast = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { buffer -> Result? in
                let lowersAsASCII = text.withUTF8 { bytes -> Bool in
                    var ascii = true
                    for index in 0..<count {
                        let byte = bytes[index]
                        if byte >= 0x80 { ascii = false }
                        buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return ascii || !lowersBeyondASCII(bytes)
                }
                if !lowersAsASCII { return nil }
                return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
            if let fast { return fast }
        }
        return loweredBytes(text).withUnsafeBufferPointer(body)
    }

    /// True when lowering the text of `bytes` (valid UTF-8) changes more than its ASCII letters
    /// (full-width or Greek capitals; Japanese has no case). Read from the bytes, eight at a time
    /// while they are ASCII: this runs on every text the lexicon scans.
    static func lowersBeyondASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            if count &- index >= 8, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index &+= 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // Lead bytes E3–E9 start U+3000–U+9FFF: kana, kanji and their punctuation have no case.
            if lead &- 0xE3 < 7 {
                index &+= 3
                continue
            }
            let (value, width) = UTF8Scalar.decode(bytes, at: index)
            if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased { return true }
            index &+= width
        }
        return false
    }

    /// True when lowering `text` changes more than its ASCII letters.
    private static func lowersBeyondASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { lowersBeyondASCII($0) }
    }

    /// The UTF-8 bytes of `text.lowercased()`, without building the lowered string when only ASCII
    /// letters change (Japanese text has no case; full-width and Greek letters do, and take the long way).
    static func loweredBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        var ascii = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 {
                ascii = false
            } else if byte >= 0x41 && byte <= 0x5A {
                bytes[index] = byte | 0x20
            }
        }
        if ascii || !lowersBeyondASCII(text) { return bytes }
        return Array(text.lowercased().utf8)
    }

    /// ASCII letters and digits join words; everything else (spaces, punctuation, Japanese) separates them.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}

/// Scalars read straight from UTF-8 bytes, for scans that meet a non-ASCII byte only now and then.
enum UTF8Scalar {
    /// The scalar value of the multi-byte UTF-8 sequence at `offset` (a String's bytes are valid) and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                | UInt32(bytes[offset + 3] & 0x3F), 4
        )
    }
}
