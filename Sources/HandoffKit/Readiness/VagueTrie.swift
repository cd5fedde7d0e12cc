/// The vague-word lexicon as a byte trie over the lowered words of both languages, so that a text
/// is walked once from each position instead of once per word.
///
/// The walk folds ASCII capitals itself, so callers hand it the text's own bytes instead of a
/// lowered copy (letters whose lowering is not ASCII lowering still need a lowered copy). Words
/// that only count at the start of a word (an English word must not be glued to a letter or
/// digit before it) are not even looked for after an ASCII letter or digit: in English prose
/// that skips most positions.
struct VagueTrie: Sendable {
    /// The child of the root for each first byte, capitals folded (-1: none), to skip most
    /// positions at one load.
    private var rootChildren: [Int32]
    /// The same after an ASCII letter or digit: -1 too for a byte that only starts words that
    /// must start a word.
    private var rootChildrenInsideWord: [Int32]
    /// Children of node `n` are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, with their targets.
    private var edgeStart: [Int32]
    private var edgeBytes: [UInt8]
    private var edgeTargets: [Int32]
    /// For a node with many children (the second and third bytes of kana and kanji), where its
    /// 256-entry row of children starts in `denseChildren`; -1 for a node whose edges are scanned.
    private var denseRow: [Int32]
    private var denseChildren: [Int32]
    /// Entries (indices into the lexicon's ordered entries) whose word ends at node `n`.
    private var terminalStart: [Int32]
    private var terminalEntries: [Int32]

    /// Nodes with at least this many children get a dense row: a linear scan past it costs more.
    static let denseThreshold = 6

    /// A trie of `words` (lowered: a capital in a word never matches). `startsWord[i]` says that
    /// the caller drops every occurrence of word `i` right after an ASCII letter or digit, so the
    /// walk need not find those; missing entries are false.
    init(words: [[UInt8]], startsWord: [Bool] = []) {
        // Built with flat lists rather than dictionaries: the lexicon is built for every `check`,
        // and hashing ~3,000 nodes cost more than checking one draft.
        var childBytes: [[UInt8]] = [[]]
        var childNodes: [[Int32]] = [[]]
        var terminals: [[Int32]] = [[]]
        // Per first byte: whether some word starting with it may be found inside a word.
        var foundInsideWord = [Bool](repeating: false, count: 256)
        for (entry, word) in words.enumerated() where !word.isEmpty {
            if !(entry < startsWord.count && startsWord[entry]) { foundInsideWord[Int(word[0])] = true }
            var node = 0
            for byte in word {
                if let slot = childBytes[node].firstIndex(of: byte) {
                    node = Int(childNodes[node][slot])
                } else {
                    let next = childBytes.count
                    childBytes.append([])
                    childNodes.append([])
                    terminals.append([])
                    childBytes[node].append(byte)
                    childNodes[node].append(Int32(next))
                    node = next
                }
            }
            terminals[node].append(Int32(entry))
        }
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (byte, child) in zip(childBytes[0], childNodes[0]) { rootChildren[Int(byte)] = child }
        for capital in 0x41...0x5A where rootChildren[capital] < 0 { rootChildren[capital] = rootChildren[capital | 0x20] }
        self.rootChildren = rootChildren
        rootChildrenInsideWord = (0..<256).map { byte in foundInsideWord[Int(Self.folded(UInt8(byte)))] ? rootChildren[byte] : -1 }
        edgeStart = []
        edgeBytes = []
        edgeTargets = []
        denseRow = []
        denseChildren = []
        terminalStart = []
        terminalEntries = []
        edgeStart.reserveCapacity(childBytes.count + 1)
        terminalStart.reserveCapacity(childBytes.count + 1)
        denseRow.reserveCapacity(childBytes.count)
        for node in childBytes.indices {
            edgeStart.append(Int32(edgeBytes.count))
            edgeBytes.append(contentsOf: childBytes[node])
            edgeTargets.append(contentsOf: childNodes[node])
            terminalStart.append(Int32(terminalEntries.count))
            terminalEntries.append(contentsOf: terminals[node])
            if childBytes[node].count >= Self.denseThreshold {
                denseRow.append(Int32(denseChildren.count))
                var row = [Int32](repeating: -1, count: 256)
                for (byte, child) in zip(childBytes[node], childNodes[node]) { row[Int(byte)] = child }
                for capital in 0x41...0x5A where row[capital] < 0 { row[capital] = row[capital | 0x20] }
                denseChildren.append(contentsOf: row)
            } else {
                denseRow.append(-1)
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        terminalStart.append(Int32(terminalEntries.count))
    }

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// Calls `body(entry, start, end)` for every occurrence of every word in `bytes` with ASCII
    /// capitals folded, overlapping ones included, in order of start and then of length; an
    /// occurrence of a word that must start a word is left out when an ASCII letter or digit
    /// comes before it (it may also be reported: callers test that themselves).
    func forEachOccurrence(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) -> Void) {
        withTables { root, insideWord, edgeStart, edgeBytes, edgeTargets, denseRow, denseChildren, terminalStart, terminals in
            let count = bytes.count
            var previousInWord = false
            var start = 0
            while start < count {
                let first = bytes[start]
                var node = Int(previousInWord ? insideWord[Int(first)] : root[Int(first)])
                previousInWord = Self.isASCIIAlphanumeric(first)
                var end = start &+ 1
                while node >= 0 {
                    var terminal = Int(terminalStart[node])
                    let terminalEnd = Int(terminalStart[node &+ 1])
                    while terminal < terminalEnd {
                        body(Int(terminals[terminal]), start, end)
                        terminal &+= 1
                    }
                    guard end < count else { break }
                    let byte = bytes[end]
                    let row = Int(denseRow[node])
                    if row >= 0 {
                        node = Int(denseChildren[row &+ Int(byte)])
                    } else {
                        let folded = Self.folded(byte)
                        var next = -1
                        var edge = Int(edgeStart[node])
                        let edgeEnd = Int(edgeStart[node &+ 1])
                        while edge < edgeEnd {
                            if edgeBytes[edge] == folded {
                                next = Int(edgeTargets[edge])
                                break
                            }
                            edge &+= 1
                        }
                        node = next
                    }
                    end &+= 1
                }
                start &+= 1
            }
        }
    }

    private typealias Table = UnsafeBufferPointer<Int32>

    /// The tables as buffers, for a walk without bounds checks or reference counting.
    @inline(__always)
    private func withTables(
        _ body: (Table, Table, Table, UnsafeBufferPointer<UInt8>, Table, Table, Table, Table, Table) -> Void
    ) {
        rootChildren.withUnsafeBufferPointer { root in
            rootChildrenInsideWord.withUnsafeBufferPointer { insideWord in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeBytes.withUnsafeBufferPointer { edgeBytes in
                        edgeTargets.withUnsafeBufferPointer { edgeTargets in
                            denseRow.withUnsafeBufferPointer { denseRow in
                                denseChildren.withUnsafeBufferPointer { denseChildren in
                                    terminalStart.withUnsafeBufferPointer { terminalStart in
                                        terminalEntries.withUnsafeBufferPointer { terminals in
                                            body(
                                                root, insideWord, edgeStart, edgeBytes, edgeTargets, denseRow,
                                                denseChildren, terminalStart, terminals)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
