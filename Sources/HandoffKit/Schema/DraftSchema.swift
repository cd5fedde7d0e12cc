/// The JSON Schema of the draft format, generated from the model's field descriptors, so editors
/// and other tools validate drafts by the same rules the decoder applies.
public enum DraftSchema {
    public static let identifier = "https://handoff.invalid/schema/handoff-1.json"

    public static var document: Value {
        guard case .map(var entries) = Draft.schema else { return Draft.schema }
        entries.removeAll { $0.key == "description" }
        var properties = entries.first { $0.key == "properties" }?.value
        // `format` is fixed: say so in the schema.
        if case .map(var fields)? = properties, let index = fields.firstIndex(where: { $0.key == "format" }) {
            fields[index].value = .object([
                ("description", .string("Always \(HandoffVersion.draftFormat); written by the tool.")),
                ("const", .string(HandoffVersion.draftFormat)),
            ])
            if let idIndex = fields.firstIndex(where: { $0.key == "id" }), case .map(var id) = fields[idIndex].value {
                id.append(Value.Entry("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")))
                fields[idIndex].value = .map(id)
            }
            properties = .map(fields)
            entries = entries.map { $0.key == "properties" ? Value.Entry("properties", .map(fields)) : $0 }
        }
        return .map(
            [
                Value.Entry("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                Value.Entry("$id", .string(identifier)),
                Value.Entry("title", .string("handoff draft (\(HandoffVersion.draftFormat))")),
                Value.Entry(
                    "description",
                    .string(
                        "A marketing request for IT. Every field is optional: a half-formed idea is a valid draft "
                            + "that is not ready yet; `handoff check` says what is missing.")),
            ] + entries)
    }
}
