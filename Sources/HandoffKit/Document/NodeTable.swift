#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed document as one flat array of fixed-size nodes over one buffer of bytes: what drafts
/// are decoded from.
///
/// A `DocNode` tree costs an array per mapping and sequence and a `String` per key and scalar, all
/// built, retained and freed for every document of a stream. Here a document is its nodes in
/// source order (a collection is followed by its children, each subtree ending where its `next`
/// says), the document's text as it was read (not a copy), where a scalar without escapes is
/// read in place, and the decoded text of the others. Scalars become strings only when a decoder asks.
public struct NodeTable: Sendable {
    /// What a node is.
    enum Kind: UInt8 {
        /// An unquoted YAML scalar, or a JSON number, boolean or null (`DocNode`'s `plain: true`).
        case plainScalar
        case quotedScalar
        case sequence
        case mapping
    }

    /// One node. Offsets and counts fit in 32 bits: a document is at most a few megabytes.
    struct Entry {
        var kind: Kind
        /// 1-based line and column (in Unicode scalars), as `DocNode` has them.
        var line: Int32
        var column: Int32
        /// A scalar's text: `start..<end` of the text's UTF-8 when it lies within it, else of
        /// `bytes` from the text's length on.
        var start: Int32
        var end: Int32
        /// A sequence's items, or a mapping's pairs (each a key node, then a value node).
        var count: Int32
        /// The index of the node after this one's subtree.
        var next: Int32
    }

    var entries: [Entry] = []
    /// The document's text, where scalars without escapes are read in place; empty for a table of a tree.
    var text = ""
    /// The decoded text of the scalars that are not read in place, at offsets past the text's.
    var bytes: [UInt8] = []

    init(entries: [Entry], text: String, bytes: [UInt8]) {
        self.entries = entries
        self.text = text
        self.bytes = bytes
    }

    /// The table of a tree parsed elsewhere (Yams, or a node built in code).
    public init(_ root: DocNode) {
        append(root)
    }

    private mutating func append(_ node: DocNode) {
        let line = Int32(clamping: node.line)
        let column = Int32(clamping: node.column)
        switch node.kind {
        case .scalar(let text, let plain):
            let start = Int32(bytes.count)
            bytes.append(contentsOf: text.utf8)
            entries.append(
                Entry(
                    kind: plain ? .plainScalar : .quotedScalar, line: line, column: column, start: start,
                    end: Int32(bytes.count), count: 0, next: Int32(entries.count + 1)))
        case .sequence(let items):
            let index = entries.count
            entries.append(Entry(kind: .sequence, line: line, column: column, start: 0, end: 0, count: Int32(items.count), next: 0))
            for item in items { append(item) }
            entries[index].next = Int32(entries.count)
        case .mapping(let pairs):
            let index = entries.count
            entries.append(Entry(kind: .mapping, line: line, column: column, start: 0, end: 0, count: Int32(pairs.count), next: 0))
            for pair in pairs {
                append(pair.key)
                append(pair.value)
            }
            entries[index].next = Int32(entries.count)
        }
    }

    /// Runs `body` on the root node; the node and every node reached from it are valid only inside.
    /// Always inlined: through a generic closure a draft decoded inside would come out by copy.
    @inline(__always)
    public func withRoot<Result, Failure: Error>(_ body: (TableNode) throws(Failure) -> Result) throws(Failure) -> Result {
        // A native string (what a reader makes) hands its bytes over without a copy. `withUTF8`
        // does not carry a typed error through, so the outcome comes out as a value.
        var text = text
        let outcome = text.withUTF8 { source in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { bytes -> Swift.Result<Result, Failure> in
                    do throws(Failure) {
                        return .success(try body(TableNode(entries: entries, source: source, bytes: bytes, index: 0)))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        return try outcome.get()
    }

    /// The root as a `DocNode` tree, for code that walks one.
    public var docNode: DocNode { withRoot(\.docNode) }

    /// A string of `bytes`, which must be valid UTF-8 cut at scalar boundaries: copied once, not
    /// validated again as `String(decoding:as:)` would, and marked ASCII when it is, as the
    /// standard library marks the strings it validates (its fast paths depend on that flag).
    @inline(__always)
    static func string(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        let isASCII = Self.isASCII(bytes)
        return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
    }

    /// Whether the text of an unquoted scalar is one of YAML's spellings of null (`~`, `null`,
    /// `Null`, `NULL`, nothing).
    @inline(__always)
    static func isNullSpelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            return bytes.elementsEqual("null".utf8) || bytes.elementsEqual("Null".utf8) || bytes.elementsEqual("NULL".utf8)
        default: return false
        }
    }

    /// Whether every byte is below 0x80: eight at a time, then the rest.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var high: UInt64 = 0
        var index = 0
        while index &+ 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index &+= 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Whether two byte runs are equal: one length test, then `memcmp` (a generic element-wise
    /// comparison costs several times more on the short keys this compares).
    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    /// Whether `text`'s UTF-8 is `bytes`, for a string whose bytes are at hand (a literal, a native string).
    static func sameBytes(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { sameBytes($0, bytes) } ?? text.utf8.elementsEqual(bytes)
    }
}

/// A node of a `NodeTable`, valid inside the table's `withRoot`: a position in its arrays, so
/// passing one around costs no reference counting.
public struct TableNode {
    let entries: UnsafeBufferPointer<NodeTable.Entry>
    /// The UTF-8 of the table's text, where scalars without escapes are read in place.
    let source: UnsafeBufferPointer<UInt8>
    /// The table's other scalar bytes, at offsets from `source.count` on.
    let bytes: UnsafeBufferPointer<UInt8>
    let index: Int

    @inline(__always)
    private var entry: NodeTable.Entry { entries[index] }

    /// 1-based line in the source.
    public var line: Int { Int(entry.line) }
    /// 1-based column, counted in Unicode scalars.
    public var column: Int { Int(entry.column) }

    /// True for a scalar, quoted or not.
    @inline(__always)
    public var isScalar: Bool { entry.kind == .plainScalar || entry.kind == .quotedScalar }
    /// True for an unquoted scalar (`DocNode`'s `plain`), which may stand for null, a boolean or a number.
    public var isPlainScalar: Bool { entry.kind == .plainScalar }
    /// True for a sequence.
    @inline(__always)
    public var isSequence: Bool { entry.kind == .sequence }
    /// True for a mapping.
    @inline(__always)
    public var isMapping: Bool { entry.kind == .mapping }

    /// A scalar's UTF-8 bytes (empty for a collection), valid as long as the node.
    @inline(__always)
    public var scalarBytes: UnsafeBufferPointer<UInt8> {
        let entry = entry
        let start = Int(entry.start)
        let end = Int(entry.end)
        if end <= source.count { return UnsafeBufferPointer(rebasing: source[start..<end]) }
        return UnsafeBufferPointer(rebasing: bytes[(start - source.count)..<(end - source.count)])
    }

    /// A scalar's text, made a string now; "" for a collection. A table's bytes are valid UTF-8
    /// (they come from a `String`, or were encoded from scalars), so they are copied without
    /// being validated again.
    public var text: String { NodeTable.string(validUTF8: scalarBytes) }

    /// The scalar's text, or nil for a collection.
    public var scalarText: String? { isScalar ? text : nil }

    /// A sequence's items, or a mapping's pairs.
    public var count: Int { Int(entry.count) }

    /// True for YAML's null spellings (`~`, `null`, nothing) when unquoted.
    @inline(__always)
    public var isNull: Bool {
        guard entry.kind == .plainScalar else { return false }
        return NodeTable.isNullSpelling(scalarBytes)
    }

    /// A short description of the node's kind for error messages, as `DocNode.kindDescription` words it.
    public var kindDescription: String {
        switch entry.kind {
        case .plainScalar, .quotedScalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        }
    }

    /// The node after this one's subtree: the next item, or from a key its value.
    var nextSibling: TableNode { at(Int(entry.next)) }
    /// The first child of a collection (meaningful only when `count > 0`).
    var firstChild: TableNode { at(index + 1) }

    private func at(_ index: Int) -> TableNode {
        TableNode(entries: entries, source: source, bytes: bytes, index: index)
    }

    /// Whether this scalar's text is `name` as `String` equality has it: equal bytes, or, past
    /// ASCII, canonically equivalent text (a Kelvin sign for `K`).
    public func textEquals(_ name: String) -> Bool {
        guard isScalar else { return false }
        let bytes = scalarBytes
        if NodeTable.sameBytes(name, bytes) { return true }
        let allASCII = bytes.allSatisfy { $0 < 0x80 } && name.utf8.allSatisfy { $0 < 0x80 }
        return !allASCII && text == name
    }

    /// A sequence's items in order; nothing for another node.
    public var items: Items { Items(first: firstChild, count: isSequence ? count : 0) }

    /// A mapping's pairs in source order; nothing for another node.
    public var pairs: Pairs { Pairs(first: firstChild, count: isMapping ? count : 0) }

    /// Item `offset` of a sequence (`offset < count`): reached by skipping the subtrees before it.
    public func item(_ offset: Int) -> TableNode {
        var node = firstChild
        for _ in 0..<offset { node = node.nextSibling }
        return node
    }

    /// The value under `key` in a mapping; nil for a missing key or a node that is no mapping.
    public subscript(key: String) -> TableNode? {
        for pair in pairs where pair.key.textEquals(key) { return pair.value }
        return nil
    }

    /// The items of a sequence.
    public struct Items: Sequence, IteratorProtocol {
        var node: TableNode
        var left: Int
        init(first: TableNode, count: Int) {
            node = first
            left = count
        }
        /// The next item.
        public mutating func next() -> TableNode? {
            guard left > 0 else { return nil }
            left -= 1
            defer { node = node.nextSibling }
            return node
        }
    }

    /// The key–value pairs of a mapping.
    public struct Pairs: Sequence, IteratorProtocol {
        var node: TableNode
        var left: Int
        init(first: TableNode, count: Int) {
            node = first
            left = count
        }
        /// The next pair.
        public mutating func next() -> (key: TableNode, value: TableNode)? {
            guard left > 0 else { return nil }
            left -= 1
            let key = node
            let value = key.nextSibling
            node = value.nextSibling
            return (key, value)
        }
    }

    /// The subtree as a `DocNode`, for code that walks a tree.
    public var docNode: DocNode {
        let kind: DocNode.Kind
        switch entry.kind {
        case .plainScalar: kind = .scalar(text, plain: true)
        case .quotedScalar: kind = .scalar(text, plain: false)
        case .sequence: kind = .sequence(items.map(\.docNode))
        case .mapping: kind = .mapping(pairs.map { DocNode.Pair(key: $0.key.docNode, value: $0.value.docNode) })
        }
        return DocNode(kind, line: line, column: column)
    }
}
