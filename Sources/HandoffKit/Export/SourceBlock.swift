/// The source draft carried at the end of every export, so that `check`, `review` and `diff` can
/// read an export back without loss.
public enum SourceBlock {
    /// Sequences that would end the code block the YAML sits in (`{code}` in wiki markup).
    static let guarded = ["{code"]

    /// The normalised draft as YAML, safe inside any export's code block.
    public static func yaml(for draft: Draft) -> String {
        var draft = draft
        draft.format = HandoffVersion.draftFormat
        // Written from the draft, as `YAMLWriter.document(draft.encoded, guarded:)` would.
        var tree = TreeBytes(.yaml(guarded: guarded), capacity: 4096)
        draft.writeRecord(into: &tree)
        if tree.bytes.last == 0x0A { tree.bytes.removeLast() }
        return tree.text
    }

    /// The first line of every Markdown export: invisible when rendered, and unlike anything a
    /// YAML draft starts with (a `# heading` would be a YAML comment).
    public static let markdownMarker = "<!-- handoff markdown export"
}
