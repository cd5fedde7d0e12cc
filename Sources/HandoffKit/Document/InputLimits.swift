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
    /// Largest CSV or Markdown export read back: such a file is read whole (its drafts are in
    /// its cells or code blocks), so it is capped as a whole; it may carry many drafts.
    public var maxTextExportBytes: Int = 16 << 20
    /// Largest answer typed in an interview. It stays well inside a document, and the writer
    /// breaks a long line into lines the reader takes.
    public var maxAnswerBytes: Int = 256 * 1024

    /// The standard limits; change a field afterwards to loosen or tighten one.
    public init() {}
    /// The limits handoff uses unless a caller asks for others.
    public static let standard = InputLimits()
}
