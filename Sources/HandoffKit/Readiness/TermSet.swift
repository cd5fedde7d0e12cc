/// A fixed list of terms matched exactly as `TermMatch.contains` matches each one, but in one
/// walk of the text through an automaton (`ByteAutomaton`): the rules ask "which of these ~50 words is in this
/// field?" of every field of every draft, and lowering the text once per word cost more than
/// the rest of `check` together. A class: the sets live in static lets and are handed to scans
/// and closures per text, where a struct's dozen arrays were retained and released at every copy.
final class TermSet: Sendable {
    let terms: [String]
    private let wholeWord: [Bool]
    /// Per term, the longer words that contain it without meaning it, with where the term sits in each.
    private let falseFriends: [[(bytes: [UInt8], offset: Int)]]
    private let automaton: ByteAutomaton

    init(_ terms: [String]) {
        self.terms = terms
        let needles = terms.map { Array($0.lowercased().utf8) }
        let wholeWord = needles.map { needle in needle.allSatisfy { $0 < 0x80 } }
        self.wholeWord = wholeWord
        falseFriends = zip(terms, needles).map { term, needle in
            (TermMatch.falseFriends[term] ?? []).compactMap { word in
                let bytes = Array(word.utf8)
                return TermSet.firstOffset(of: needle, in: bytes).map { (bytes, $0) }
            }
        }
        automaton = ByteAutomaton(needles)
    }

    /// The first term in the list's order that occurs in `text`, as `terms.first { TermMatch.contains($0, in: text) }`.
    func first(in text: String) -> String? { firstIndex(in: text).map { terms[$0] } }

    func containsAny(in text: String) -> Bool { firstIndex(in: text) != nil }

    func firstIndex(in text: String) -> Int? {
        var text = text
        // Text of caseless scalars is scanned as it is, its ASCII letters lowered as they are
        // read; other text (or a long one) is lowered the lexicon's way first.
        if text.utf8.count <= 4096, let found = text.withUTF8({ scan($0, caselessOnly: true) }) { return found }
        return VagueLexicon.withLoweredBytes(text) { scan($0, caselessOnly: false) ?? nil }
    }

    /// The lowest term index found in `bytes`, read with ASCII letters lowered; nil inside when
    /// none is. With `caselessOnly`, nil outside when some scalar may have a lower case.
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, caselessOnly: Bool) -> Int?? {
        var best = Int.max
        let walk = automaton.forEachOccurrence(in: bytes, stopAtCasedScalar: caselessOnly) { term, start, end in
            guard term < best else { return false }
            if wholeWord[term] {
                let before = start == 0 || !TermSet.isWordByte(TermSet.lowered(bytes[start - 1]))
                let after = end == bytes.count || !TermSet.isWordByte(TermSet.lowered(bytes[end]))
                guard before, after else { return false }
            } else if !falseFriends[term].isEmpty {
                let covered = falseFriends[term].contains { word, offset in
                    let from = start - offset
                    guard from >= 0, from + word.count <= bytes.count else { return false }
                    return word.indices.allSatisfy { TermSet.lowered(bytes[from + $0]) == word[$0] }
                }
                if covered { return false }
            }
            best = term
            // Not stopped at the first term found: a scalar with a lower case further on sends the
            // whole text to the lowered scan, where that scalar may lower to a word byte.
            return false
        }
        guard walk != .casedScalar else { return nil }
        return .some(best == Int.max ? nil : best)
    }

    /// A byte with ASCII capitals lowered: lowered text is unchanged by it.
    @inline(__always)
    static func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Whether the scalar whose lead byte is at `index` has no lower case, judged by its first
    /// bytes: U+0080–U+00BF, U+2000–U+207F, U+3000–U+9FFF (kana, kanji, CJK punctuation),
    /// U+FF00–U+FF20 and U+FF3B–U+FF7F (full-width forms but the capitals). False for any other
    /// scalar, which may have one: that text is lowered the lexicon's way.
    @inline(__always)
    static func isCaselessLead(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0xC2, 0xE3...0xE9: return true
        case 0xE2: return index + 1 < bytes.count && (bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81)
        case 0xEF:
            guard index + 2 < bytes.count else { return false }
            return bytes[index + 1] == 0xBD || (bytes[index + 1] == 0xBC && !(0xA1...0xBA).contains(bytes[index + 2]))
        default: return false
        }
    }

    /// Lowered text: the same word bytes as `TermMatch` (letters and digits only; upper case is gone).
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }
}
