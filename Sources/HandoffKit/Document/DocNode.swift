/// A parsed YAML or JSON node that remembers where it came from.
///
/// Drafts and config files are decoded from a parsed document rather than through `Codable`, so
/// that every error can name the line and column of the offending key or value, and so that JSON
/// and YAML inputs share one decoder. The decoder reads the document's flat form (`NodeTable`);
/// this tree is what Yams' nodes become and what code that walks a document (Jira, exports) reads.
public struct DocNode: Sendable {
    /// What the node holds: a scalar's text, a sequence's items or a mapping's key–value pairs in source order.
    public enum Kind: Sendable {
        /// A scalar. `plain` is true for an unquoted YAML scalar (or a JSON number, boolean or null),
        /// which may stand for null, a boolean or a number; quoted text is always a string.
        case scalar(String, plain: Bool)
        case sequence([DocNode])
        case mapping([Pair])
    }

    /// One key–value pair of a mapping; the key is a node too, so errors can point at it.
    public struct Pair: Sendable {
        /// The key node, usually a scalar; its position is the key's line and column.
        public var key: DocNode
        /// The value node under the key.
        public var value: DocNode
        /// Pairs `key` with `value`.
        public init(key: DocNode, value: DocNode) {
            self.key = key
            self.value = value
        }
    }

    /// What the node holds; see `Kind`.
    public var kind: Kind
    /// 1-based line in the source file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// A node of `kind` found at `line` and `column` (both 1-based; 0 for a node built in code).
    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for YAML's null spellings (`~`, `null`, nothing) when unquoted.
    public var isNull: Bool {
        guard case .scalar(let text, let plain) = kind, plain else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A short description of the node's kind for error messages ("a list", "a single value", "nothing (null)").
    public var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        }
    }
}

extension DocNode {
    /// The value under `key` in a mapping; nil for a missing key or a node that is no mapping.
    subscript(key: String) -> DocNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    /// The items of a sequence; nil for a node that is no sequence.
    var items: [DocNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs of a mapping; nil for a node that is no mapping.
    var pairs: [DocNode.Pair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }
}

extension DocNode {
    /// A node for a value built in code (an answer), positioned nowhere.
    public init(_ value: Value) {
        switch value {
        case .null: self.init(.scalar("", plain: true), line: 0, column: 0)
        case .bool(let flag): self.init(.scalar(flag ? "true" : "false", plain: true), line: 0, column: 0)
        case .number(let text), .plain(let text): self.init(.scalar(text, plain: true), line: 0, column: 0)
        case .string(let text): self.init(.scalar(text, plain: false), line: 0, column: 0)
        case .list(let items): self.init(.sequence(items.map(DocNode.init)), line: 0, column: 0)
        case .map(let entries):
            self.init(
                .mapping(entries.map { Pair(key: DocNode(.string($0.key)), value: DocNode($0.value)) }), line: 0, column: 0)
        }
    }
}
