/// Where each field of a draft was written in its source, so a finding about
/// `success.metrics[0].source` can point at its line and column. Kept as the parsed tree and
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

    let root: DocNode

    /// Positions read from the tree the draft was decoded from.
    public init(root: DocNode) { self.root = root }

    /// The position of the key (or list item) `field` names, or of the nearest enclosing field
    /// that exists ("stakeholders" when there is no stakeholder to point at; the document's
    /// start when nothing of the path was written).
    public func position(of field: String) -> Position {
        var node = root
        var found = Position(line: root.line, column: root.column)
        for component in Self.components(field) {
            switch (component, node.kind) {
            case (.key(let key), .mapping(let pairs)):
                guard let pair = pairs.first(where: { $0.key.scalarText == key }) else { return found }
                found = Position(line: pair.key.line, column: pair.key.column)
                node = pair.value
            case (.index(let index), .sequence(let items)):
                guard items.indices.contains(index) else { return found }
                found = Position(line: items[index].line, column: items[index].column)
                node = items[index]
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
