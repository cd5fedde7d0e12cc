/// The JSON Schema of the draft format, generated from the model's field table (each field's
/// `inputSchema`), so editors and other tools accept exactly what the decoder accepts: the same
/// shorthands, spellings, letter cases and nulls.
public enum DraftSchema {
    /// The schema's `$id`. The host is reserved (.invalid): the id names the schema, nothing is served there.
    public static let identifier = "https://handoff.invalid/schema/handoff-1.json"

    /// The whole schema, as `handoff schema` prints it: the draft's properties at the root, its records under `$defs`.
    public static var document: Value {
        // The root is a mapping, never null or a shorthand, unlike the records inside it.
        guard case .map(var root) = Draft.definition else { return Draft.definition }
        root.removeAll { $0.key == "description" }
        if let place = root.firstIndex(where: { $0.key == "type" }) { root[place].value = .string("object") }
        let definitions = records(in: Draft.self).filter { $0.definitionName != Draft.definitionName }
        return .map(
            [
                Value.Entry("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                Value.Entry("$id", .string(identifier)),
                Value.Entry("title", .string("handoff draft (\(HandoffVersion.draftFormat))")),
                Value.Entry(
                    "description",
                    .string(
                        "A marketing request for IT. Every field but `format` is optional: a half-formed idea is "
                            + "a valid draft that is not ready yet; `handoff check` says what is missing. Text "
                            + "fields take any scalar; yes/no fields and choices take any letter case.")),
            ] + root + [
                Value.Entry(
                    "$defs", .map(definitions.map { Value.Entry($0.definitionName, $0.definition) }))
            ])
    }

    /// Every record type reachable from `root`, each once, in the order the fields name them.
    static func records(in root: any Record.Type) -> [any Record.Type] {
        var found: [any Record.Type] = []
        func visit(_ type: any Record.Type) {
            guard !found.contains(where: { $0.definitionName == type.definitionName }) else { return }
            found.append(type)
            for (_, shape) in type.fieldShapes {
                if let nested = shape.recordType { visit(nested) }
            }
        }
        visit(root)
        return found
    }
}
