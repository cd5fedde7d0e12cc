/// A metric's baseline or target: a number (`300`, `0.5`) or a text with its unit (`75%`, `5営業日`).
public enum Quantity: DraftCodable, Hashable {
    case number(String)
    case text(String)

    /// An unquoted scalar in JSON's number grammar is a number; any other scalar is text with its unit.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Quantity? {
        guard node.isScalar else {
            context.fail(node, "expected a number or a text with its unit (e.g. 300, 75%, 5営業日), found \(node.kindDescription)")
            return nil
        }
        let text = node.text
        if node.isPlainScalar, isNumber(text) { return .number(text) }
        return .text(text)
    }

    /// JSON's number grammar, which YAML's core schema also reads as a number.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let digits = scalars.prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty else { return false }
        if digits.count > 1 && digits.first == "0" { return false }
        scalars = scalars.dropFirst(digits.count)
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            let fraction = scalars.prefix { ("0"..."9").contains($0) }
            guard !fraction.isEmpty else { return false }
            scalars = scalars.dropFirst(fraction.count)
        }
        if scalars.first == "e" || scalars.first == "E" {
            scalars = scalars.dropFirst()
            if scalars.first == "+" || scalars.first == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix { ("0"..."9").contains($0) }
            guard !exponent.isEmpty else { return false }
            scalars = scalars.dropFirst(exponent.count)
        }
        return scalars.isEmpty
    }

    /// The quantity as written, number or text.
    public var text: String {
        switch self {
        case .number(let text), .text(let text): return text
        }
    }

    /// A number stays a number; text is a string.
    public var encoded: Value {
        switch self {
        case .number(let text): return .number(text)
        case .text(let text): return .string(text)
        }
    }

    /// True for empty or all-whitespace text, which counts as not answered.
    public var isEmptyValue: Bool { text.isAllWhitespace }

    /// Any scalar: a number stays a number, anything else is text with its unit. Quoted empty
    /// text is accepted (and left out like an empty answer), so there is no `minLength`.
    public static var inputSchema: Value { SchemaFragment.typed(["number", "string", "boolean"]) }

    /// A number, or a non-empty text.
    public static var schema: Value {
        .object([
            (
                "anyOf",
                .list([
                    .object([("type", .string("number"))]),
                    .object([("type", .string("string")), ("minLength", .int(1))]),
                ])
            )
        ])
    }
}
