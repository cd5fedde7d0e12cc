/// A parsed YAML or JSON node that remembers where it came from.
///
/// Drafts and config files are decoded from this tree rather than through `Codable`, so that every
/// error can name the line and column of the offending key or value, and so that JSON and YAML
/// inputs share one decoder.
public struct DocNode: Sendable {
    public enum Kind: Sendable {
        /// A scalar. `plain` is true for an unquoted YAML scalar (or a JSON number, boolean or null),
        /// which may stand for null, a boolean or a number; quoted text is always a string.
        case scalar(String, plain: Bool)
        case sequence([DocNode])
        case mapping([Pair])
    }

    public struct Pair: Sendable {
        public var key: DocNode
        public var value: DocNode
        public init(key: DocNode, value: DocNode) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    /// 1-based line in the source file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

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

    /// A short description of the node's kind for error messages ("a list", "a mapping", "text").
    public var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "nothing (null)" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping of keys to values"
        }
    }
}
