/// Draft fields by path (`timeline.launch`, `systems`): what a question fills, how its answer is
/// written into the draft, and whether a question's type fits the field.
public enum DraftPaths {
    /// The keys of a dotted path: `timeline.launch` → `["timeline", "launch"]`; empty parts are dropped.
    public static func components(_ path: String) -> [String] {
        path.split(separator: ".").map(String.init)
    }

    /// The current value at `path`, or nil when unset.
    public static func value(in draft: Draft, at path: String) -> Value? {
        value(inTree: draft.encoded, at: path)
    }

    /// The value at `path` in an already encoded draft (callers that look up many paths encode once).
    public static func value(inTree tree: Value, at path: String) -> Value? {
        var value: Value? = tree
        for key in components(path) { value = value?[key] }
        return value
    }

    /// Writes `value` at `path` through the draft's own decoding, so an answer is checked exactly
    /// as a file would be. Returns the problems (empty when the value was taken).
    @discardableResult
    public static func apply(_ value: Value, at path: String, to draft: inout Draft) -> [InputError] {
        var context = DecodeContext(source: "answer")
        draft.apply(DocNode(value), at: components(path)[...], in: &context)
        return context.errors
    }

    /// The JSON Schema of the field at `path`, following records and lists of records.
    public static func schema(at path: String) -> Value? {
        var schema: Value? = Draft.schema
        for key in components(path) {
            schema = objectSchema(schema)?["properties"]?[key]
        }
        return schema
    }

    /// The object variant of a schema (records with a shorthand are `anyOf: [string, object]`).
    static func objectSchema(_ schema: Value?) -> Value? {
        guard let schema else { return nil }
        if schema["type"] == .string("array") { return objectSchema(schema["items"]) }
        if schema["type"] == .string("object") { return schema }
        if case .list(let variants)? = schema["anyOf"] {
            return variants.first { $0["type"] == .string("object") }
        }
        return nil
    }

    /// Why `question` cannot fill `path`, if it cannot.
    static func check(question: PromptQuestion, path: String) -> [String] {
        guard let schema = schema(at: path) else {
            return ["'\(path)' is not a draft field (see `handoff schema`)"]
        }
        return check(question: question, schema: schema, path: path)
    }

    private static func check(question: PromptQuestion, schema: Value, path: String) -> [String] {
        var problems: [String] = []
        let type = question.questionType
        if question.text.isBlank { problems.append("'\(path)' has no question text") }
        if question.why.isBlank && type != .records { problems.append("'\(path)' has no `why` (what IT does with the answer)") }
        let kind = kind(of: schema)
        let fits: Bool
        switch type {
        case .text, .longText: fits = kind == "string"
        case .list: fits = kind == "array" && self.kind(of: schema["items"] ?? .null) != "object"
        case .choice: fits = kind == "enum" || kind == "string"
        case .date: fits = kind == "date"
        case .number: fits = kind == "quantity" || kind == "integer"
        case .yesNo: fits = kind == "boolean"
        case .records: fits = kind == "array" && objectSchema(schema["items"]) != nil
        }
        if !fits { problems.append("'\(path)' is a \(kind) field; a \(type.rawValue) question cannot fill it") }
        if type == .choice {
            if question.choices.isEmpty { problems.append("'\(path)' is a choice question without choices") }
            if case .list(let allowed)? = enumValues(schema) {
                for choice in question.choices where !allowed.contains(.string(choice.value ?? "")) {
                    problems.append("'\(path)': choice '\(choice.value ?? "")' is not one of \(allowed.compactMap { if case .string(let s) = $0 { return s } else { return nil } }.joined(separator: ", "))")
                }
            }
        }
        if type == .records {
            if question.fields.isEmpty { problems.append("'\(path)' is a records question without fields") }
            let item = objectSchema(schema["items"])
            for field in question.fields {
                guard let id = field.id, let fieldSchema = item?["properties"]?[id] else {
                    problems.append("'\(path).\(field.id ?? "?")' is not a field of \(path)")
                    continue
                }
                problems += check(question: field, schema: fieldSchema, path: path + "." + id)
            }
        }
        return problems
    }

    private static func enumValues(_ schema: Value) -> Value? {
        if let values = schema["enum"] { return values }
        if case .list(let variants)? = schema["anyOf"] { return variants.compactMap { $0["enum"] }.first }
        return nil
    }

    /// A short name for what a field holds.
    static func kind(of schema: Value) -> String {
        if enumValues(schema) != nil { return "enum" }
        if schema["format"] == .string("date") { return "date" }
        if case .list(let variants)? = schema["anyOf"] {
            if variants.contains(where: { $0["type"] == .string("number") }) { return "quantity" }
            if variants.contains(where: { $0["type"] == .string("object") }) { return "object" }
        }
        if case .string(let type)? = schema["type"] { return type }
        return "value"
    }
}
