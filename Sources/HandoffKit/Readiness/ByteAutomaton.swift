/// A fixed list of byte strings as an Aho–Corasick automaton: one table step per byte of a text
/// finds every occurrence of every string, where walking a trie from every start walked each
/// kana's three bytes into branches that hold dozens of Japanese words. ASCII capitals in the
/// text are folded as it is read (the strings are given lowered). Bytes that occur in no string
/// share one column of the table, so it stays small. Built once per list; only read after.
final class ByteAutomaton: @unchecked Sendable {
    /// How a walk ended.
    enum Walk: Equatable {
        /// Every byte was read.
        case finished
        /// The body asked to stop.
        case stopped
        /// A scalar that may have a lower case was met (`TermSet.isCaselessLead`).
        case casedScalar
    }

    /// Per byte, its column once ASCII capitals are folded (0: in no string).
    private let columns: UnsafeMutableBufferPointer<UInt8>
    /// `columns` for `stepCaseless`: a lead byte whose scalar may have a lower case (by
    /// `TermSet.isCaselessLead`) goes to the escape column, the last, whose every step is -1. So
    /// that walk tests each byte once, on its step, rather than first whether it is such a lead.
    private let caselessColumns: UnsafeMutableBufferPointer<UInt8>
    /// Per state and column: the next state's row (its number times `columnCount`) shifted left
    /// once, with the low bit set when some string ends in that state.
    private let steps: UnsafeMutableBufferPointer<Int32>
    /// The strings ending in state `s` are `endingStrings[endingStart[s]..<endingStart[s + 1]]`.
    private let endingStart: UnsafeMutableBufferPointer<Int32>
    private let endingStrings: UnsafeMutableBufferPointer<Int32>
    private let lengths: UnsafeMutableBufferPointer<Int32>
    private let columnCount: Int

    /// An automaton of `strings`, identified by their index; empty ones are never found.
    init(_ strings: [[UInt8]]) {
        var columnOf = [UInt8](repeating: 0, count: 256)
        var columnCount = 1
        for string in strings {
            for byte in string where columnOf[Int(byte)] == 0 {
                columnOf[Int(byte)] = UInt8(columnCount)
                columnCount += 1
            }
        }
        let escapeColumn = columnCount
        columnCount += 1
        self.columnCount = columnCount
        columns = .allocate(capacity: 256)
        caselessColumns = .allocate(capacity: 256)
        for byte in 0..<256 {
            let column = columnOf[Int(Self.folded(UInt8(byte)))]
            columns[byte] = column
            caselessColumns[byte] = Self.needsCaselessTest(UInt8(byte)) ? UInt8(escapeColumn) : column
        }

        // The trie of the strings, its edges as linked lists in flat arrays (a state's first edge,
        // each edge's next sibling, column and child; -1 ends a list): an array per state cost
        // more to build and free than the rest of the automaton.
        // Every byte of every string makes at most one state: reserved at once, so the arrays are
        // never copied as they grow. A string is kept as the state where it ends, and each state
        // counts the strings ending there (an array of them per state cost a release each).
        let byteCount = strings.reduce(0) { $0 + $1.count }
        var firstEdge: [Int32] = [-1]
        firstEdge.reserveCapacity(byteCount + 1)
        var nextEdge: [Int32] = []
        nextEdge.reserveCapacity(byteCount)
        var edgeColumn: [Int32] = []
        edgeColumn.reserveCapacity(byteCount)
        var edgeChild: [Int32] = []
        edgeChild.reserveCapacity(byteCount)
        var endState = [Int](repeating: -1, count: strings.count)
        var ownCount: [Int32] = [0]
        ownCount.reserveCapacity(byteCount + 1)
        for (index, string) in strings.enumerated() where !string.isEmpty {
            var state = 0
            for byte in string {
                let column = Int32(columnOf[Int(byte)])
                var edge = Int(firstEdge[state])
                while edge >= 0, edgeColumn[edge] != column { edge = Int(nextEdge[edge]) }
                if edge >= 0 {
                    state = Int(edgeChild[edge])
                } else {
                    let child = firstEdge.count
                    nextEdge.append(firstEdge[state])
                    edgeColumn.append(column)
                    edgeChild.append(Int32(child))
                    firstEdge[state] = Int32(edgeChild.count - 1)
                    firstEdge.append(-1)
                    ownCount.append(0)
                    state = child
                }
            }
            endState[index] = state
            ownCount[state] += 1
        }
        // Breadth first, each state's row starts as a copy of its failure's (complete by then, as
        // the failure is shallower), then its own edges replace their columns; a child's failure
        // is where the copied row led. A state ends whatever its failure ends: its own strings,
        // then its failure's (counted here, listed below). Rows are written encoded, so building
        // costs a copy per state rather than a pass per entry.
        let stateCount = firstEdge.count
        steps = .allocate(capacity: stateCount * columnCount)
        // Only the root's row is written before it is read: every other row is first a copy.
        steps.baseAddress!.initialize(repeating: 0, count: columnCount)
        // Every row is a copy of the root's at first, and no edge takes the escape column: the
        // escape is in every row.
        steps[escapeColumn] = -1
        var failure = [Int](repeating: 0, count: stateCount)
        var ends = [Bool](repeating: false, count: stateCount)
        var endingCount = ownCount
        var queue = [0]
        queue.reserveCapacity(stateCount)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let row = state * columnCount
            if state != 0 {
                let from = failure[state] * columnCount
                (steps.baseAddress! + row).initialize(from: steps.baseAddress! + from, count: columnCount)
                endingCount[state] += endingCount[failure[state]]
            }
            var edge = Int(firstEdge[state])
            while edge >= 0 {
                let column = Int(edgeColumn[edge])
                let child = Int(edgeChild[edge])
                let fallback = state == 0 ? 0 : Int(steps[row + column] >> 1) / columnCount
                failure[child] = fallback
                ends[child] = ownCount[child] > 0 || ends[fallback]
                steps[row + column] = Int32(child * columnCount) << 1 | (ends[child] ? 1 : 0)
                queue.append(child)
                edge = Int(nextEdge[edge])
            }
        }
        // Each state's strings: its own in the order given, then its failure's, whose list is
        // complete before it is copied (the failure comes earlier breadth first).
        endingStart = .allocate(capacity: stateCount + 1)
        var total: Int32 = 0
        for state in 0..<stateCount {
            endingStart[state] = total
            total += endingCount[state]
        }
        endingStart[stateCount] = total
        endingStrings = .allocate(capacity: max(1, Int(total)))
        var filled = [Int32](repeating: 0, count: stateCount)
        for (index, state) in endState.enumerated() where state >= 0 {
            endingStrings[Int(endingStart[state] + filled[state])] = Int32(index)
            filled[state] += 1
        }
        for state in queue where state != 0 {
            let from = Int(endingStart[failure[state]])
            let count = Int(endingCount[failure[state]])
            guard count > 0 else { continue }
            (endingStrings.baseAddress! + Int(endingStart[state] + ownCount[state]))
                .initialize(from: endingStrings.baseAddress! + from, count: count)
        }
        lengths = .allocate(capacity: max(1, strings.count))
        for (index, string) in strings.enumerated() { lengths[index] = Int32(string.count) }
    }

    deinit {
        columns.deallocate()
        caselessColumns.deallocate()
        steps.deallocate()
        endingStart.deallocate()
        endingStrings.deallocate()
        lengths.deallocate()
    }

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// Whether `TermSet.isCaselessLead` may be false at `byte`: any lead byte but those it always
    /// accepts (0xC2 and 0xE3–0xE9, which start only caseless scalars).
    static func needsCaselessTest(_ byte: UInt8) -> Bool {
        byte >= 0xC0 && byte != 0xC2 && !(0xE3...0xE9).contains(byte)
    }

    /// Calls `body(string, start, end)` for every occurrence of a string in `bytes`, read with
    /// ASCII capitals folded, in order of end (and, at one end, of length from the longest),
    /// until `body` returns true. With `stopAtCasedScalar`, stops at a scalar that may have a
    /// lower case (`TermSet.isCaselessLead`).
    @inline(__always)
    func forEachOccurrence(
        in bytes: UnsafeBufferPointer<UInt8>, stopAtCasedScalar: Bool = false, _ body: (Int, Int, Int) -> Bool
    ) -> Walk {
        var row = 0
        var index = 0
        while true {
            let next = stopAtCasedScalar ? stepCaseless(bytes, from: index, row: row) : step(bytes, from: index, row: row)
            guard next.index >= 0 else { return .casedScalar }
            index = next.index
            row = next.row
            guard row & 1 != 0 else { return .finished }
            row >>= 1
            let state = row / columnCount
            for slot in Int(endingStart[state])..<Int(endingStart[state &+ 1]) {
                let found = Int(endingStrings[slot])
                if body(found, index &- Int(lengths[found]), index) { return .stopped }
            }
        }
    }

    /// Reads `bytes` from `index` in the state at `row` up to the first byte after which some
    /// string ends: its end and the step taken there (the low bit set), or the text's end and
    /// the row reached (the low bit clear). Apart from the body it serves, so that the few
    /// values it keeps stay in registers.
    @inline(never)
    private func step(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, row: Int) -> (index: Int, row: Int) {
        let columns = UnsafeBufferPointer(self.columns)
        let steps = UnsafeBufferPointer(self.steps)
        let count = bytes.count
        var row = row
        var index = index
        while index < count {
            let step = Int(steps[row &+ Int(columns[Int(bytes[index])])])
            index &+= 1
            if step & 1 != 0 { return (index, step) }
            row = step >> 1
        }
        return (index, row << 1)
    }

    /// `step` that stops before a scalar that may have a lower case, with -1 for its index.
    @inline(never)
    private func stepCaseless(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, row: Int) -> (index: Int, row: Int) {
        let columns = UnsafeBufferPointer(self.columns)
        let caselessColumns = UnsafeBufferPointer(self.caselessColumns)
        let steps = UnsafeBufferPointer(self.steps)
        let count = bytes.count
        var row = row
        var index = index
        while index < count {
            let byte = bytes[index]
            var step = Int(steps[row &+ Int(caselessColumns[Int(byte)])])
            if step & 1 != 0 {
                if step >= 0 { return (index &+ 1, step) }
                // The escape: a lead byte to look at closely, then the step it takes.
                if !TermSet.isCaselessLead(bytes, at: index) { return (-1, row) }
                step = Int(steps[row &+ Int(columns[Int(byte)])])
                if step & 1 != 0 { return (index &+ 1, step) }
            }
            index &+= 1
            row = step >> 1
        }
        return (index, row << 1)
    }
}
