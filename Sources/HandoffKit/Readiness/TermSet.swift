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
        trie = Trie(needles, wholeWord: wholeWord)
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

    /// The terms' bytes as a trie, built from the sorted needles in one recursive pass (no array
    /// per node) into one block of integers that the walk reads without bounds checks or
    /// reference counting, and walked only from the starts where a term can match: a whole-word
    /// term (all ASCII) never starts right after a word byte, so such a start walks only into
    /// branches that hold a term matched anywhere (Japanese, mixed).
    final class Trie: @unchecked Sendable {
        // Layout of `table`: the root's child for each byte after a non-word byte (-1: none);
        // the same keeping only branches with a loose term; then per node its first edge, edge
        // count, first terminal and terminal count; then the edges (byte, target) and the
        // terminals (term indices). Written once in `init`, only read after.
        private let table: UnsafeMutableBufferPointer<Int32>
        private static let insideWordRoot = 256
        private static let nodesStart = 512

        init(_ needles: [[UInt8]], wholeWord: [Bool]) {
            let order = needles.indices.filter { !needles[$0].isEmpty }.sorted { a, b in
                needles[a].lexicographicallyPrecedes(needles[b]) || (needles[a] == needles[b] && a < b)
            }
            var builder = Builder()
            _ = builder.addNode(order[...], depth: 0, needles, wholeWord)
            let nodeCount = builder.nodes.count / 4
            let edgesStart = Self.nodesStart + builder.nodes.count
            let terminalsStart = edgesStart + builder.edges.count
            table = .allocate(capacity: terminalsStart + builder.terminals.count)
            table.initialize(repeating: -1)
            for node in 0..<nodeCount {
                let base = Self.nodesStart + node * 4
                table[base] = Int32(edgesStart) + builder.nodes[node * 4]
                table[base + 1] = builder.nodes[node * 4 + 1]
                table[base + 2] = Int32(terminalsStart) + builder.nodes[node * 4 + 2]
                table[base + 3] = builder.nodes[node * 4 + 3]
            }
            for (offset, value) in builder.edges.enumerated() {
                // Targets become the offset of the target node's four integers.
                table[edgesStart + offset] = offset % 2 == 0 ? value : Int32(Self.nodesStart) + value * 4
            }
            for (offset, term) in builder.terminals.enumerated() { table[terminalsStart + offset] = term }

            if nodeCount > 0 {
                for edge in 0..<Int(builder.nodes[1]) {
                    let byte = Int(builder.edges[edge * 2])
                    let child = Int(builder.edges[edge * 2 + 1])
                    table[byte] = Int32(Self.nodesStart + child * 4)
                    if builder.holdsLoose[child] { table[Self.insideWordRoot + byte] = Int32(Self.nodesStart + child * 4) }
                }
            }
        }

        deinit { table.deallocate() }

        /// The trie as it is built: per node (first edge, edge count, first terminal, terminal
        /// count) counted from 0, edges as (byte, node number) pairs.
        private struct Builder {
            var nodes: [Int32] = []
            var edges: [Int32] = []
            var terminals: [Int32] = []
            var holdsLoose: [Bool] = []

            /// Adds the node for the needles of `group`, which share their first `depth` bytes;
            /// returns its number. Its edges are appended before any child's, so they lie together.
            mutating func addNode(_ group: ArraySlice<Int>, depth: Int, _ needles: [[UInt8]], _ wholeWord: [Bool]) -> Int {
                let node = nodes.count / 4
                var rest = group
                let firstTerminal = terminals.count
                var loose = false
                while let first = rest.first, needles[first].count == depth {
                    terminals.append(Int32(first))
                    loose = loose || !wholeWord[first]
                    rest = rest.dropFirst()
                }
                // Children: runs of needles with the same byte at `depth` (the group is sorted),
                // their edges first, then each child.
                let firstEdge = edges.count
                var previous: UInt8?
                for needle in rest where needles[needle][depth] != previous {
                    previous = needles[needle][depth]
                    edges.append(Int32(previous!))
                    edges.append(-1)
                }
                nodes.append(Int32(firstEdge))
                nodes.append(Int32((edges.count - firstEdge) / 2))
                nodes.append(Int32(firstTerminal))
                nodes.append(Int32(terminals.count - firstTerminal))
                holdsLoose.append(loose)
                var edge = firstEdge
                while let first = rest.first {
                    let byte = needles[first][depth]
                    let end = rest.firstIndex { needles[$0][depth] != byte } ?? rest.endIndex
                    let child = addNode(rest[rest.startIndex..<end], depth: depth + 1, needles, wholeWord)
                    edges[edge + 1] = Int32(child)
                    if holdsLoose[child] { holdsLoose[node] = true }
                    edge += 2
                    rest = rest[end...]
                }
                return node
            }
        }

        /// Calls `body(term, start, end)` for every occurrence of a term in `bytes`, read with
        /// ASCII capitals lowered, that could be a match: whole-word terms only from starts that
        /// follow no word byte. With `caselessOnly`, stops and returns false at a scalar that may
        /// have a lower case (`isCaselessLead`).
        @inline(__always)
        func forEachOccurrence(
            in bytes: UnsafeBufferPointer<UInt8>, caselessOnly: Bool, _ body: (Int, Int, Int) -> Void
        ) -> Bool {
            let table = UnsafeBufferPointer(self.table)
            let count = bytes.count
            var previousIsWordByte = false
            for start in 0..<count {
                let raw = bytes[start]
                if caselessOnly && raw >= 0xC0 && !TermSet.isCaselessLead(bytes, at: start) { return false }
                let first = TermSet.lowered(raw)
                var node = Int(table[(previousIsWordByte ? Self.insideWordRoot : 0) + Int(first)])
                previousIsWordByte = TermSet.isWordByte(first)
                var end = start + 1
                while node >= 0 {
                    let terminal = Int(table[node + 2])
                    for slot in terminal..<terminal + Int(table[node + 3]) { body(Int(table[slot]), start, end) }
                    guard end < count else { break }
                    let byte = Int32(TermSet.lowered(bytes[end]))
                    var edge = Int(table[node])
                    let edgesEnd = edge + Int(table[node + 1]) * 2
                    node = -1
                    // A node's edges are in increasing byte order (the needles were sorted), so
                    // the search for a byte that is not there stops at the first greater one.
                    while edge < edgesEnd {
                        let edgeByte = table[edge]
                        if edgeByte >= byte {
                            if edgeByte == byte { node = Int(table[edge + 1]) }
                            break
                        }
                        edge += 2
                    }
                    end += 1
                }
            }
            return true
        }
    }
}
