/// A fixed list of terms matched exactly as `TermMatch.contains` matches each one, but in one
/// walk of the text through a byte trie: the rules ask "which of these ~50 words is in this
/// field?" of every field of every draft, and lowering the text once per word cost more than
/// the rest of `check` together. A class: the sets live in static lets and are handed to scans
/// and closures per text, where a struct's dozen arrays were retained and released at every copy.
final class TermSet: Sendable {
    let terms: [String]
    private let wholeWord: [Bool]
    /// Per term, the longer words that contain it without meaning it, with where the term sits in each.
    private let falseFriends: [[(bytes: [UInt8], offset: Int)]]
    private let trie: Trie

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
        trie = Trie(needles)
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
        let complete = trie.forEachOccurrence(in: bytes, caselessOnly: caselessOnly) { term, start, end in
            guard term < best else { return }
            if wholeWord[term] {
                let before = start == 0 || !TermSet.isWordByte(TermSet.lowered(bytes[start - 1]))
                let after = end == bytes.count || !TermSet.isWordByte(TermSet.lowered(bytes[end]))
                guard before, after else { return }
            } else if !falseFriends[term].isEmpty {
                let covered = falseFriends[term].contains { word, offset in
                    let from = start - offset
                    guard from >= 0, from + word.count <= bytes.count else { return false }
                    return word.indices.allSatisfy { TermSet.lowered(bytes[from + $0]) == word[$0] }
                }
                if covered { return }
            }
            best = term
        }
        guard complete else { return nil }
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

    /// The terms' bytes as an Aho–Corasick automaton: one table step per byte of the text,
    /// where walking a trie from every start walked each kana's three bytes into branches that
    /// hold dozens of Japanese terms. Bytes that occur in no term share one column of the table,
    /// so it stays small. Every occurrence of every term is reported; the whole-word and
    /// false-friend tests are the caller's, as they were for the trie.
    final class Trie: @unchecked Sendable {
        /// Per byte, its column once ASCII capitals are folded (0: in no term).
        private let columns: UnsafeMutableBufferPointer<UInt8>
        /// Per state and column: the next state's row (its number times `columnCount`) shifted
        /// left once, with the low bit set when some term ends in that state. Written once in
        /// `init`, only read after.
        private let steps: UnsafeMutableBufferPointer<Int32>
        /// The terms ending in state `s` are `endingTerms[endingStart[s]..<endingStart[s + 1]]`.
        private let endingStart: UnsafeMutableBufferPointer<Int32>
        private let endingTerms: UnsafeMutableBufferPointer<Int32>
        private let termLengths: UnsafeMutableBufferPointer<Int32>
        private let columnCount: Int

        init(_ needles: [[UInt8]]) {
            var columnOf = [UInt8](repeating: 0, count: 256)
            var columnCount = 1
            for needle in needles {
                for byte in needle where columnOf[Int(byte)] == 0 {
                    columnOf[Int(byte)] = UInt8(columnCount)
                    columnCount += 1
                }
            }
            self.columnCount = columnCount
            columns = .allocate(capacity: 256)
            for byte in 0..<256 { columns[byte] = columnOf[Int(TermSet.lowered(UInt8(byte)))] }

            // The trie of the needles, its missing edges -1 until the failure links fill them.
            var next: [Int32] = Array(repeating: -1, count: columnCount)
            var ending: [[Int32]] = [[]]
            for (term, needle) in needles.enumerated() where !needle.isEmpty {
                var state = 0
                for byte in needle {
                    let slot = state * columnCount + Int(columnOf[Int(byte)])
                    if next[slot] < 0 {
                        next[slot] = Int32(ending.count)
                        ending.append([])
                        next.append(contentsOf: repeatElement(-1, count: columnCount))
                    }
                    state = Int(next[slot])
                }
                ending[state].append(Int32(term))
            }
            // Breadth first, each state's failure is known before its children's: a missing edge
            // goes where the failure's goes, and a state ends whatever its failure ends.
            var failure = [Int](repeating: 0, count: ending.count)
            var queue: [Int] = []
            for column in 0..<columnCount {
                if next[column] < 0 {
                    next[column] = 0
                } else {
                    queue.append(Int(next[column]))
                }
            }
            var head = 0
            while head < queue.count {
                let state = queue[head]
                head += 1
                ending[state] += ending[failure[state]]
                for column in 0..<columnCount {
                    let slot = state * columnCount + column
                    let fallback = next[failure[state] * columnCount + column]
                    if next[slot] < 0 {
                        next[slot] = fallback
                    } else {
                        failure[Int(next[slot])] = Int(fallback)
                        queue.append(Int(next[slot]))
                    }
                }
            }
            steps = .allocate(capacity: next.count)
            for (slot, target) in next.enumerated() {
                steps[slot] = (target * Int32(columnCount)) << 1 | (ending[Int(target)].isEmpty ? 0 : 1)
            }
            endingStart = .allocate(capacity: ending.count + 1)
            endingTerms = .allocate(capacity: max(1, ending.reduce(0) { $0 + $1.count }))
            var filled = 0
            for (state, terms) in ending.enumerated() {
                endingStart[state] = Int32(filled)
                for term in terms {
                    endingTerms[filled] = term
                    filled += 1
                }
            }
            endingStart[ending.count] = Int32(filled)
            termLengths = .allocate(capacity: max(1, needles.count))
            for (term, needle) in needles.enumerated() { termLengths[term] = Int32(needle.count) }
        }

        deinit {
            columns.deallocate()
            steps.deallocate()
            endingStart.deallocate()
            endingTerms.deallocate()
            termLengths.deallocate()
        }

        /// Calls `body(term, start, end)` for every occurrence of a term in `bytes`, read with
        /// ASCII capitals lowered. With `caselessOnly`, stops and returns false at a scalar that
        /// may have a lower case (`isCaselessLead`).
        @inline(__always)
        func forEachOccurrence(
            in bytes: UnsafeBufferPointer<UInt8>, caselessOnly: Bool, _ body: (Int, Int, Int) -> Void
        ) -> Bool {
            let columns = UnsafeBufferPointer(self.columns)
            let steps = UnsafeBufferPointer(self.steps)
            let count = bytes.count
            var row = 0
            var index = 0
            while index < count {
                let raw = bytes[index]
                if caselessOnly && raw >= 0xC0 && !TermSet.isCaselessLead(bytes, at: index) { return false }
                let step = Int(steps[row &+ Int(columns[Int(raw)])])
                row = step >> 1
                index &+= 1
                if step & 1 != 0 {
                    let state = row / columnCount
                    for slot in Int(endingStart[state])..<Int(endingStart[state + 1]) {
                        let term = Int(endingTerms[slot])
                        body(term, index - Int(termLengths[term]), index)
                    }
                }
            }
            return true
        }
    }
}
