/// The JSON Schema of the draft format, generated from the model's field descriptors, so editors
/// and other tools validate drafts by the same rules the decoder applies.
public enum DraftSchema {
    public static let identifier = "https://handoff.invalid/schema/handoff-1.json"

    public static var document: Value {
        guard case .map(var entries) = Draft.schema else { return Draft.schema }
        entries.removeAll { $0.key == "description" }
        // `format` is fixed and `id` has a shape the loader enforces: say both in the schema.
        entries = entries.map { entry in
            guard entry.key == "properties", case .map(let fields) = entry.value else { return entry }
            return Value.Entry("properties", .map(fields.map(refine)))
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

    private static func refine(_ field: Value.Entry) -> Value.Entry {
        switch field.key {
        case "format":
            return Value.Entry(
                "format",
                .object([
                    ("description", .string("Always \(HandoffVersion.draftFormat); written by the tool.")),
                    ("const", .string(HandoffVersion.draftFormat)),
                ]))
        case "id":
            guard case .map(var schema) = field.value else { return field }
            schema.append(Value.Entry("pattern", .string("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")))
            return Value.Entry("id", .map(schema))
        default:
            return field
        }
    }
}
