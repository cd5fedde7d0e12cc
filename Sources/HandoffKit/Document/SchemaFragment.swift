/// Building blocks of the published JSON Schema (`inputSchema` of the model's types).
///
/// The decoder reads every scalar as text, so one YAML value reaches a JSON Schema validator in
/// several JSON types depending on the YAML reader: `yes` is `true` to a YAML 1.1 reader and
/// `"yes"` to a YAML 1.2 one, `123` is a number, `~` is null. A fragment therefore lists every
/// JSON type whose text the decoder accepts, and patterns spell out the decoder's own rules.
public enum SchemaFragment {
    /// Ends a pattern at the true end of the text. Python's `$` also matches before a final line
    /// break (so `^yes$` would pass "yes\n", which the decoder refuses); ECMA-262's does not.
    public static let end = "$(?!\\n)"

    /// `{"type": …}` with one name as a string and several as a list, plus more keywords.
    public static func typed(_ types: [String], _ keywords: [(String, Value?)] = []) -> Value {
        .object([("type", typeValue(types))] + keywords)
    }

    /// The JSON types a schema names in `type` (empty when it has none).
    public static func types(of schema: Value) -> [String] {
        switch schema["type"] {
        case .string(let name)?: return [name]
        case .list(let names)?:
            return names.compactMap { if case .string(let name) = $0 { return name } else { return nil } }
        default: return []
        }
    }

    /// `schema` that also accepts null: the decoder leaves a field out, or skips a list item,
    /// when it is `~`, `null` or empty. Record definitions accept null themselves.
    public static func nullable(_ schema: Value) -> Value {
        guard case .map(var entries) = schema else { return schema }
        if schema["$ref"] != nil { return schema }
        guard let place = entries.firstIndex(where: { $0.key == "type" }), !isTypeAgnostic(schema) else {
            return .object([("anyOf", .list([schema, typed(["null"])]))])
        }
        let types = types(of: schema)
        if !types.contains("null") { entries[place].value = typeValue(types + ["null"]) }
        return .map(entries)
    }

    /// A list of `item`, or a single `item` (taken as a list of one), or null (an empty list).
    /// When `item` only constrains by type, the two forms merge into one flat schema, since
    /// `items` applies to arrays only and `pattern` or `properties` never to arrays.
    public static func list(of item: Value) -> Value {
        let item = nullable(item)
        let array = typed(["array"], [("items", item)])
        guard case .map(var entries) = item, item["$ref"] == nil, !isTypeAgnostic(item),
            let place = entries.firstIndex(where: { $0.key == "type" })
        else {
            return .object([("anyOf", .list([array, item]))])
        }
        entries[place].value = typeValue(["array"] + types(of: item))
        entries.insert(Value.Entry("items", item), at: place + 1)
        return .map(entries)
    }

    /// A pattern that matches any of `spellings` in any ASCII letter case, and nothing else
    /// (the decoder folds ASCII letters only, so `İ` or the Kelvin sign never stand for `i`, `k`).
    public static func caseInsensitive(_ spellings: [String]) -> String {
        let alternatives = spellings.map { spelling in
            spelling.unicodeScalars.map { scalar -> String in
                let character = Character(scalar)
                if character.isASCII, character.isLetter {
                    return "[" + character.uppercased() + character.lowercased() + "]"
                }
                return escaped(scalar)
            }.joined()
        }
        return "^(?:" + alternatives.joined(separator: "|") + ")" + end
    }

    /// `scalar` as a literal in a regular expression.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\^$.|?*+()[]{}".unicodeScalars.contains(scalar) ? "\\" + String(scalar) : String(scalar)
    }

    /// Keywords that apply to every type, so the schema cannot merge with others by type.
    private static func isTypeAgnostic(_ schema: Value) -> Bool {
        ["enum", "const", "anyOf", "oneOf", "allOf", "not", "$ref"].contains { schema[$0] != nil }
    }

    private static func typeValue(_ types: [String]) -> Value {
        types.count == 1 ? .string(types[0]) : .list(types.map(Value.string))
    }
}

extension String {
    /// The text with ASCII letters lowered, or nil when it holds anything but ASCII: the spellings
    /// the decoder folds (`MUST`, `Yes`) are ASCII, and a Unicode fold would let `K` (Kelvin sign)
    /// pass for `k`, which no JSON Schema pattern could say.
    var asciiLowercased: String? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
