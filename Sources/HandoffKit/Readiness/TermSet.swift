/// A fixed list of terms matched exactly as `TermMatch.contains` matches each one, but in one
/// walk of the text through a byte trie: the rules ask "which of these ~50 words is in this
/// field?" of every field of every draft, and lowering the text once per word cost more than
/// the rest of `check` together.
struct TermSet: Sendable {
    let terms: [String]
    private let wholeWord: [Bool]
    /// Per term, the longer words that contain it without meaning it, with where the term sits in each.
    private let falseFriends: [[(bytes: [UInt8], offset: Int)]]
    private let trie: VagueTrie

    init(_ terms: [String]) {
        self.terms = terms
        let needles = terms.map { Array($0.lowercased().utf8) }
        wholeWord = needles.map { needle in needle.allSatisfy { $0 < 0x80 } }
        falseFriends = zip(terms, needles).map { term, needle in
            (TermMatch.falseFriends[term] ?? []).compactMap { word in
                let bytes = Array(word.utf8)
                return TermSet.firstOffset(of: needle, in: bytes).map { (bytes, $0) }
            }
        }
        // A whole-word term is dropped after a letter or digit below, so the walk skips those starts.
        trie = VagueTrie(words: needles, startsWord: wholeWord)
    }

    /// The first term in the list's order that occurs in `text`, as `terms.first { TermMatch.contains($0, in: text) }`.
    func first(in text: String) -> String? { firstIndex(in: text).map { terms[$0] } }

    func containsAny(in text: String) -> Bool { firstIndex(in: text) != nil }

    func firstIndex(in text: String) -> Int? {
        var best = Int.max
        VagueLexicon.withLoweredBytes(text) { bytes in
            trie.forEachOccurrence(in: bytes) { term, start, end in
                guard term < best else { return }
                if wholeWord[term] {
                    let before = start == 0 || !TermSet.isWordByte(bytes[start - 1])
                    let after = end == bytes.count || !TermSet.isWordByte(bytes[end])
                    guard before, after else { return }
                } else if !falseFriends[term].isEmpty {
                    let covered = falseFriends[term].contains { word, offset in
                        let from = start - offset
                        guard from >= 0, from + word.count <= bytes.count else { return false }
                        return word.indices.allSatisfy { bytes[from + $0] == word[$0] }
                    }
                    if covered { return }
                }
                best = term
            }
        }
        return best == Int.max ? nil : best
    }

    /// Lowered text: the same word bytes as `TermMatch` (letters and digits only; upper case is gone).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { start in
            needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }
}
