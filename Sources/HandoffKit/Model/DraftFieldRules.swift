extension FieldRule<String> {
    /// `format` names the one format this version reads.
    static let draftFormat = FieldRule(
        inputSchema: .object([("type", .string("string")), ("const", .string(HandoffVersion.draftFormat))])
    ) { format, _ in
        format == HandoffVersion.draftFormat
            ? nil : "'\(format)' is not a format this version reads; use `format: \(HandoffVersion.draftFormat)`"
    }

    /// `id` names a file in the store: 1 to 64 letters, digits, '-', '_' or '.', starting with a
    /// letter or digit, and text to every YAML reader (see `PlainScalarReading`).
    static let draftID = FieldRule(
        inputSchema: .object([
            ("type", .string("string")),
            ("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}" + SchemaFragment.end)),
        ])
    ) { id, node in
        guard DraftLoader.isValidID(id) else {
            return "'\(id)' is not a valid id: use 1 to 64 letters, digits, '-', '_' or '.', starting "
                + "with a letter or digit"
        }
        if node.isPlainScalar, let reading = PlainScalarReading.nonText(id) {
            return "'\(id)' would be read as \(reading) by other YAML tools; quote it (id: \"\(id)\") so "
                + "every tool reads the same id"
        }
        return nil
    }
}
