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

    /// `yaml(for: draft)` and `ContentDigest.of(draft)` from one walk of the draft; nil for a
    /// draft with a format of its own other than handoff's (not one a loader hands over).
    static func yamlAndDigest(for draft: Draft) -> (digest: String, yaml: String)? {
        guard draft.format == nil || draft.format == HandoffVersion.draftFormat else { return nil }
        var formatted = draft
        formatted.format = HandoffVersion.draftFormat
        var tree = TreeBytes(.yaml(guarded: guarded), capacity: 4096, digesting: true)
        formatted.writeRecord(into: &tree)
        if tree.bytes.last == 0x0A { tree.bytes.removeLast() }
        var tagged = tree.tagged
        if draft.format == nil {
            // The digest is of the draft as it is, without the format the source block adds: its
            // key and value, the first member of the top-level map, come out of the tagged bytes.
            let added = formatMember
            guard tagged.count > added.count, tagged[1...added.count].elementsEqual(added) else { return nil }
            tagged.removeSubrange(1...added.count)
        }
        return (ContentDigest.of(tagged: tagged), tree.text)
    }

    /// The tagged bytes of the `format` member, as the digest's walk writes it: a draft of that
    /// member alone, without the braces of its map.
    private static let formatMember: [UInt8] = {
        var draft = Draft()
        draft.format = HandoffVersion.draftFormat
        var tree = TreeBytes(.digest)
        draft.writeRecord(into: &tree)
        return Array(tree.bytes.dropFirst().dropLast())
    }()

    /// The first line of every Markdown export: invisible when rendered, and unlike anything a
    /// YAML draft starts with (a `# heading` would be a YAML comment).
    public static let markdownMarker = "<!-- handoff markdown export"
}
