/// The quick test in front of `PlaceholderLexicon.placeholder(in:)`. Normalising a text costs
/// more than the rest of a rule, and almost every field is real content, so each text is first
/// walked once through an automaton of anchors: one piece (no space, no apostrophe) of every phrase.
/// Whatever way the lexicon accepts a text (the whole phrase, the phrase between filler words, a
/// placeholder clause before a guess, a subject before a Japanese term), that piece is in the
/// text's lowered bytes; an English phrase's piece with no letter or digit glued to either side
/// (normalising only drops spaces, quotes, brackets and fillers around a phrase), a Japanese
/// term's anywhere. Text made only of fillers counts as the empty phrase: its first letter starts
/// a filler. Text with nothing the normaliser keeps, or with letters whose lowering is not ASCII
/// lowering, always takes the long way.
extension PlaceholderLexicon {
    struct AnchorRule: Sendable {
        /// The piece may sit anywhere (a Japanese term after its subject).
        var anywhere = false
        /// The piece must not touch an ASCII letter or digit on either side.
        var alone = false
        /// The piece must start at the text's first letter (a filler before nothing).
        var atFirstLetter = false
    }

    /// The pieces as one automaton, with the rule each piece's occurrence must pass.
    final class Anchors: Sendable {
        let automaton: ByteAutomaton
        let rules: [AnchorRule]

        init(whole: Set<String>, japanese: [String]) {
            var words: [[UInt8]] = []
            var rules: [AnchorRule] = []
            func add(_ phrase: String, _ rule: AnchorRule) {
                let pieces = phrase.utf8.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "'") }
                guard let longest = pieces.max(by: { $0.count < $1.count }) else { return }
                words.append(Array(longest))
                rules.append(rule)
            }
            for phrase in whole where !phrase.isEmpty { add(phrase, AnchorRule(alone: true)) }
            for term in japanese { add(term, AnchorRule(anywhere: true)) }
            if whole.contains("") {
                for filler in PlaceholderLexicon.fillerPrefixes {
                    let bytes = Array(filler.utf8.prefix { $0 != UInt8(ascii: " ") })
                    if !bytes.isEmpty {
                        words.append(bytes)
                        rules.append(AnchorRule(atFirstLetter: true))
                    }
                }
            }
            automaton = ByteAutomaton(words)
            self.rules = rules
        }
    }

    /// False only when `text` cannot be a placeholder; true sends it to the full test.
    func mayBePlaceholder(_ text: String) -> Bool {
        // Read where it is: `var text = text` for `withUTF8` retained the text and released it
        // again, on every field a rule asks about.
        withUTF8InPlace(text) { mayBePlaceholder(utf8: $0) }
    }

    /// `mayBePlaceholder(_:)` of a text's UTF-8 bytes.
    private func mayBePlaceholder(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        // The UTF-8 offset of the first scalar normalising cannot drop (an ASCII letter or
        // digit, kana or a kanji), or -1; decoded from the bytes, as this runs on every field.
        var firstLetter = -1
        var offset = 0
        while offset < count {
            // Once the first letter is known, ASCII needs nothing: passed eight bytes at a time.
            if firstLetter >= 0, count &- offset >= 8,
                UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                offset &+= 8
                continue
            }
            let lead = bytes[offset]
            if lead < 0x80 {
                if firstLetter < 0, Self.isASCIIAlphanumeric(lead) { firstLetter = offset }
                offset += 1
                continue
            }
            // Lead bytes E3–E9 start U+3000–U+9FFF, which has no case: once the first letter
            // is known, nothing in them needs decoding.
            if firstLetter >= 0, lead &- 0xE3 < 7 {
                offset += 3
                continue
            }
            let (value, width) = UTF8Scalar.decode(bytes, at: offset)
            if (0x3000...0x9FFF).contains(value) {
                if firstLetter < 0, value >= 0x3041, value != 0x30FC { firstLetter = offset }
            } else if let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased {
                return true
            }
            offset += width
        }
        guard firstLetter >= 0 else { return true }
        // The automaton folds ASCII capitals itself: no lowered copy.
        let rules = anchors.rules
        let walk = anchors.automaton.forEachOccurrence(in: bytes) { anchor, start, end in
            let rule = rules[anchor]
            if rule.anywhere { return true }
            if rule.alone, start == 0 || !Self.isASCIIAlphanumeric(bytes[start - 1]),
                end == count || !Self.isASCIIAlphanumeric(bytes[end])
            {
                return true
            }
            return rule.atFirstLetter && start == firstLetter
        }
        return walk == .stopped
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}
