/// Where each field of a draft was written in its source, so a finding about
/// `success.metrics[0].source` can point at its line and column. Kept as the parsed table and
/// resolved only for the fields that findings name: a pipeline that checks thousands of drafts
/// pays nothing for drafts that are ready.
public struct FieldPositions: Sendable {
    /// A place in the source text.
    public struct Position: Sendable, Equatable {
        /// 1-based line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars.
        public var column: Int
        /// A position as given.
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    let table: NodeTable

    /// Positions read from the tree the draft was decoded from.
    public init(root: DocNode) { self.table = NodeTable(root) }

    /// Positions read from the table the draft was decoded from.
    public init(table: NodeTable) { self.table = table }

    /// The position of the key (or list item) `field` names, or of the nearest enclosing field
    /// that exists ("stakeholders" when there is no stakeholder to point at; the document's
    /// start when nothing of the path was written).
    public func position(of field: String) -> Position {
        var field = field
        // Findings name fields with plain paths (`a.b[2].c`); walking their bytes costs a fraction
        // of splitting them into strings. Anything else takes the general path.
        return table.withRoot { root in
            field.withUTF8 { Self.walkPlainPath($0, from: root) } ?? Self.positionByComponents(of: field, from: root)
        }
    }

    /// `walkPlainPath(_:from:)` from the root.
    func walkPlainPath(_ path: UnsafeBufferPointer<UInt8>) -> Position? {
        table.withRoot { Self.walkPlainPath(path, from: $0) }
    }

    /// `positionByComponents(of:from:)` from the root.
    func positionByComponents(of field: String) -> Position {
        table.withRoot { Self.positionByComponents(of: field, from: $0) }
    }

    /// The position of `path` when it is made of non-empty keys joined by `.` and `[digits]`
    /// indices, or nil for any other shape.
    static func walkPlainPath(_ path: UnsafeBufferPointer<UInt8>, from root: TableNode) -> Position? {
        var node = root
        var found = Position(line: root.line, column: root.column)
        var index = 0
        var lost = false  // a step did not exist: the rest is only checked for shape
        while index < path.count {
            if path[index] == UInt8(ascii: "[") {
                var value = 0
                var digits = 0
                index += 1
                while index < path.count, path[index] >= UInt8(ascii: "0"), path[index] <= UInt8(ascii: "9") {
                    // Past 15 digits the path is left to the general path, before the value can overflow.
                    if digits < 16 { value = value * 10 + Int(path[index] - UInt8(ascii: "0")) }
                    digits += 1
                    index += 1
                }
                guard digits > 0, digits < 16, index < path.count, path[index] == UInt8(ascii: "]") else { return nil }
                index += 1
                if index < path.count {
                    guard path[index] == UInt8(ascii: "[") || path[index] == UInt8(ascii: ".") else { return nil }
                    if path[index] == UInt8(ascii: ".") {
                        index += 1
                        guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                    }
                }
                if lost { continue }
                guard node.isSequence, value < node.count else {
                    lost = true
                    continue
                }
                let item = node.item(value)
                found = Position(line: item.line, column: item.column)
                node = item
            } else {
                let keyStart = index
                while index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") {
                    guard path[index] != UInt8(ascii: "]") else { return nil }
                    index += 1
                }
                let key = UnsafeBufferPointer(rebasing: path[keyStart..<index])
                guard !key.isEmpty else { return nil }
                if index < path.count, path[index] == UInt8(ascii: ".") {
                    index += 1
                    guard index < path.count, path[index] != UInt8(ascii: "."), path[index] != UInt8(ascii: "[") else { return nil }
                }
                if lost { continue }
                guard let pair = node.pairs.first(where: { Self.scalar($0.key, equals: key) }) else {
                    lost = true
                    continue
                }
                found = Position(line: pair.key.line, column: pair.key.column)
                node = pair.value
            }
        }
        return found
    }

    /// Whether the key node's text is `key`, as `String` equality has it: equal bytes, or, past
    /// ASCII, canonically equivalent text (a Kelvin sign for `K`).
    static func scalar(_ node: TableNode, equals key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard node.isScalar else { return false }
        let bytes = node.scalarBytes
        if NodeTable.sameBytes(bytes, key) { return true }
        let allASCII = bytes.allSatisfy { $0 < 0x80 } && key.allSatisfy { $0 < 0x80 }
        return !allASCII && node.text == String(decoding: key, as: UTF8.self)
    }

    /// The general path: `field` split into keys and indices first.
    static func positionByComponents(of field: String, from root: TableNode) -> Position {
        var node = root
        var found = Position(line: root.line, column: root.column)
        for component in Self.components(field) {
            switch component {
            case .key(let key) where node.isMapping:
                guard let pair = node.pairs.first(where: { $0.key.isScalar && $0.key.text == key }) else { return found }
                found = Position(line: pair.key.line, column: pair.key.column)
                node = pair.value
            case .index(let index) where node.isSequence:
                guard index >= 0, index < node.count else { return found }
                let item = node.item(index)
                found = Position(line: item.line, column: item.column)
                node = item
            default:
                // A shorthand (`- Marketo` for a system) holds the field inside one scalar.
                return found
            }
        }
        return found
    }

    static func components(_ field: String) -> [DecodeContext.PathComponent] {
        var out: [DecodeContext.PathComponent] = []
        for part in field.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { out.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { out.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else if !rest.isEmpty {
                out.append(.key(String(rest)))
            }
        }
        return out
    }
}
