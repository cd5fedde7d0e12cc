/// The vague-word lexicon as a byte trie over the lowered words of both languages, so that a text
/// is walked once from each position instead of once per word.
struct VagueTrie: Sendable {
    /// The child of the root for each first byte (-1: none), to skip most positions at one load.
    private var rootChildren: [Int32]
    /// Children of node `n` are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, with their targets.
    private var edgeStart: [Int32]
    private var edgeBytes: [UInt8]
    private var edgeTargets: [Int32]
    /// Entries (indices into the lexicon's ordered entries) whose word ends at node `n`.
    private var terminalStart: [Int32]
    private var terminalEntries: [Int32]

    init(words: [[UInt8]]) {
        // Built with flat lists rather than dictionaries: the lexicon is built for every `check`,
        // and hashing ~3,000 nodes cost more than checking one draft.
        var childBytes: [[UInt8]] = [[]]
        var childNodes: [[Int32]] = [[]]
        var terminals: [[Int32]] = [[]]
        for (entry, word) in words.enumerated() where !word.isEmpty {
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
        self.rootChildren = rootChildren
        edgeStart = []
        edgeBytes = []
        edgeTargets = []
        terminalStart = []
        terminalEntries = []
        edgeStart.reserveCapacity(childBytes.count + 1)
        terminalStart.reserveCapacity(childBytes.count + 1)
        for node in childBytes.indices {
            edgeStart.append(Int32(edgeBytes.count))
            edgeBytes.append(contentsOf: childBytes[node])
            edgeTargets.append(contentsOf: childNodes[node])
            terminalStart.append(Int32(terminalEntries.count))
            terminalEntries.append(contentsOf: terminals[node])
        }
        edgeStart.append(Int32(edgeBytes.count))
        terminalStart.append(Int32(terminalEntries.count))
    }

    /// Calls `body(entry, start, end)` for every occurrence of every word in `bytes`, overlapping
    /// ones included, in order of start and then of length.
    func forEachOccurrence(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) -> Void) {
        rootChildren.withUnsafeBufferPointer { root in
            edgeStart.withUnsafeBufferPointer { edgeStart in
                edgeBytes.withUnsafeBufferPointer { edgeBytes in
                    edgeTargets.withUnsafeBufferPointer { edgeTargets in
                        terminalStart.withUnsafeBufferPointer { terminalStart in
                            terminalEntries.withUnsafeBufferPointer { terminalEntries in
                                for start in 0..<bytes.count {
                                    var node = Int(root[Int(bytes[start])])
                                    var end = start + 1
                                    while node >= 0 {
                                        for t in Int(terminalStart[node])..<Int(terminalStart[node + 1]) {
                                            body(Int(terminalEntries[t]), start, end)
                                        }
                                        guard end < bytes.count else { break }
                                        let byte = bytes[end]
                                        var next = -1
                                        for e in Int(edgeStart[node])..<Int(edgeStart[node + 1]) where edgeBytes[e] == byte {
                                            next = Int(edgeTargets[e])
                                            break
                                        }
                                        node = next
                                        end += 1
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
