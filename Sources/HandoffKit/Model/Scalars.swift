extension String: DraftCodable {
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> String? {
        guard case .scalar(let text, _) = node.kind else {
            context.fail(node, "expected text, found \(node.kindDescription)")
            return nil
        }
        return text
    }
    public var encoded: Value { .string(self) }
    public var isEmptyValue: Bool { allSatisfy(\.isWhitespace) }
    public static var schema: Value { .object([("type", .string("string"))]) }
}

extension Bool: DraftCodable {
    /// YAML 1.1 spellings are accepted because marketers write `yes` and `no`.
    static let spellings: [String: Bool] = [
        "true": true, "yes": true, "y": true, "on": true,
        "false": false, "no": false, "n": false, "off": false,
    ]

    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> Bool? {
        guard case .scalar(let text, _) = node.kind, let value = spellings[text.lowercased()] else {
            context.fail(
                node, "expected true or false (yes and no also work), found \(describe(node))",
                japanese: "true か false（yes / no も可）を書いてください。書かれているのは \(describe(node)) です。")
            return nil
        }
        return value
    }
    public var encoded: Value { .bool(self) }
    public static var schema: Value { .object([("type", .string("boolean"))]) }
}

/// `'text'` for a scalar, else the node's kind; for error messages.
func describe(_ node: DocNode) -> String {
    if let text = node.scalarText { return "'\(text)'" }
    return node.kindDescription
}

/// A closed set of words, such as stakeholder roles or requirement priorities.
public protocol DraftEnum: DraftCodable, RawRepresentable, CaseIterable where RawValue == String {
    /// What the value is called in messages ("stakeholder role").
    static var valueName: String { get }
}

extension DraftEnum {
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> Self? {
        guard case .scalar(let text, _) = node.kind else {
            context.fail(node, "expected a \(valueName), found \(node.kindDescription)")
            return nil
        }
        if let value = Self(rawValue: text) ?? Self(rawValue: text.lowercased()) { return value }
        let valid = allCases.map(\.rawValue)
        var message = "'\(text)' is not a \(valueName)."
        var japanese = "「\(text)」はここに書ける値ではありません。"
        if let suggestion = Spelling.nearest(to: text, in: valid) {
            message += " Did you mean '\(suggestion)'?"
            japanese += "「\(suggestion)」のことですか。"
        }
        message += " Valid: \(valid.joined(separator: ", "))."
        japanese += "使える値：\(valid.joined(separator: ", "))。"
        context.fail(node, message, japanese: japanese)
        return nil
    }
    public var encoded: Value { .plain(rawValue) }
    public static var schema: Value {
        .object([("type", .string("string")), ("enum", .list(allCases.map { .string($0.rawValue) }))])
    }
}

extension Int: DraftCodable {
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> Int? {
        guard case .scalar(let text, _) = node.kind, let value = Int(text) else {
            context.fail(node, "expected a whole number, found \(describe(node))")
            return nil
        }
        return value
    }
    public var encoded: Value { .int(self) }
    public static var schema: Value { .object([("type", .string("integer"))]) }
}
