/// The source draft carried at the end of every export, so that `check`, `review` and `diff` can
/// read an export back without loss.
public enum SourceBlock {
    /// Sequences that would end the code block the YAML sits in (`{code}` in wiki markup).
    static let guarded = ["{code"]

    /// The normalised draft as YAML, safe inside any export's code block.
    public static func yaml(for draft: Draft) -> String { yamlBytes(for: draft).utf8String }

    /// `yaml(for: draft)`'s UTF-8: the exports copy it into their own bytes, and a `String` of it
    /// would only check again, a few thousand bytes a draft, that it is UTF-8.
    static func yamlBytes(for draft: Draft) -> [UInt8] {
        guard var bytes = planned(draft, .yaml(guards: guards, digesting: false))?.bytes else {
            // Written from the draft, as `YAMLWriter.document(draft.encoded, guarded:)` would.
            var tree = TreeBytes(.yaml(guarded: guarded), capacity: 4096)
            writeFormatted(draft, into: &tree)
            if tree.bytes.last == 0x0A { tree.bytes.removeLast() }
            return tree.bytes
        }
        if bytes.last == 0x0A { bytes.removeLast() }
        return bytes
    }

    /// `yaml(for: draft)` and `ContentDigest.of(draft)` from one walk of the draft; nil for a
    /// draft with a format of its own other than handoff's (not one a loader hands over).
    static func yamlAndDigest(for draft: Draft) -> (digest: String, yaml: String)? {
        yamlBytesAndDigest(for: draft).map { ($0.digest, $0.yaml.utf8String) }
    }

    /// `yamlAndDigest`, the YAML as UTF-8.
    static func yamlBytesAndDigest(for draft: Draft) -> (digest: String, yaml: [UInt8])? {
        guard draft.format == nil || draft.format == HandoffVersion.draftFormat else { return nil }
        // The digest is of the draft as it is: a format the source block adds is not hashed.
        guard var written = planned(draft, .yaml(guards: guards, digesting: true), hashingAddedFormat: false) else {
            var tree = TreeBytes(.yaml(guarded: guarded), capacity: 4096, digesting: true)
            writeFormatted(draft, into: &tree, hashingAddedFormat: false)
            if tree.bytes.last == 0x0A { tree.bytes.removeLast() }
            return (tree.digest, tree.bytes)
        }
        if written.bytes.last == 0x0A { written.bytes.removeLast() }
        return (ContentHash.hex(written.hash), written.bytes)
    }

    /// `yamlBytesAndDigest` for a description that is a JSON string (or holds one): the YAML
    /// written JSON-escaped as `JSONWriter.writeEscaped(utf8:into:)` escapes it, in the walk that
    /// hashes the draft, rather than written and then escaped; with the YAML's length unescaped.
    /// Nil where `yamlBytesAndDigest` is, and for YAML whose escape needs the whole text (a scalar
    /// that may be invisible): the caller then takes `yamlBytesAndDigest`.
    static func yamlEscapedForJSONAndDigest(for draft: Draft) -> (digest: String, escaped: [UInt8], count: Int)? {
        guard draft.format == nil || draft.format == HandoffVersion.draftFormat else { return nil }
        let syntax = WritePlan.Syntax.yamlEscapedForJSON(guards: guards, digesting: true)
        guard var written = planned(draft, syntax, hashingAddedFormat: false) else { return nil }
        // The YAML's last line break, which the source block leaves out, is the escape's two bytes.
        written.bytes.removeLast(2)
        return (ContentHash.hex(written.hash), written.bytes, written.unescapedCount - 1)
    }

    /// What the source block guards, worked out once.
    private static let guards = YAMLWriter.Guards.cached(guarded)

    /// `draft` with handoff's format, written by the draft's `WritePlan` (as `writeFormatted`
    /// writes it); nil when the plan cannot write it.
    /// - Parameter hashingAddedFormat: false leaves a format the draft did not have out of the hash.
    static func planned(
        _ draft: Draft, _ syntax: WritePlan.Syntax, hashingAddedFormat: Bool = true, capacity: Int = 4096
    ) -> (bytes: [UInt8], hash: UInt64, unescapedCount: Int)? {
        withUnsafePointer(to: draft) { pointer in
            guard draft.format == nil else { return WritePlan.draft.write(pointer, syntax, capacity: capacity) }
            return withUnsafePointer(to: formatOnly) { format in
                WritePlan.draft.write(pointer, syntax, firstFieldFrom: format, hashingFirst: hashingAddedFormat, capacity: capacity)
            }
        }
    }

    /// `draft` with handoff's format, written without setting it on a copy (which retains and
    /// releases every text the draft holds): the format's member goes first, where its field is.
    /// - Parameter hashingAddedFormat: false leaves a format the draft did not have out of the digest.
    static func writeFormatted(_ draft: Draft, into tree: inout TreeBytes, hashingAddedFormat: Bool = true) {
        guard draft.format == nil else { return draft.writeRecord(into: &tree) }
        draft.writeRecord(into: &tree) { tree in
            if hashingAddedFormat {
                _ = formatField.write(formatOnly, &tree)
            } else {
                tree.withoutHashing { _ = formatField.write(formatOnly, &$0) }
            }
        }
    }

    /// The draft's first field, its format.
    private static let formatField: Field<Draft> = {
        let field = Draft.fields[0]
        precondition(field.key == "format", "the format is the draft's first field")
        return field
    }()

    /// A draft of the format alone, for `formatField` to write.
    private static let formatOnly: Draft = {
        var draft = Draft()
        draft.format = HandoffVersion.draftFormat
        return draft
    }()

    /// The first line of every Markdown export: invisible when rendered, and unlike anything a
    /// YAML draft starts with (a `# heading` would be a YAML comment).
    public static let markdownMarker = "<!-- handoff markdown export"
}
