/// Limits on what handoff will read, so that a hostile or broken input fails fast with a clear
/// error instead of exhausting memory (large files, deep nesting, YAML alias bombs).
public struct InputLimits: Sendable {
    /// Largest single document, in bytes. A marketer's draft is a few kilobytes.
    public var maxDocumentBytes: Int = 1 << 20
    /// Longest line, in bytes.
    public var maxLineBytes: Int = 64 * 1024
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int = 32
    /// Most nodes after aliases are expanded; stops "billion laughs" alias bombs.
    public var maxNodes: Int = 100_000

    public init() {}
    public static let standard = InputLimits()
}
