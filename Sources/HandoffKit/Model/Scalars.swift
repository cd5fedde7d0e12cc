extension String: DraftCodable {
    /// Any scalar, as written (`2027` and `yes` stay text); a mapping or list is an error.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> String? {
        guard node.isScalar else {
            context.fail(node, "expected text, found \(node.kindDescription)")
            return nil
        }
        return node.text
    }
    /// The text as a string value.
    public var encoded: Value { .string(self) }
    /// True for empty or all-whitespace text, which counts as not answered and is left out.
    public var isEmptyValue: Bool { isAllWhitespace }
    /// A plain JSON Schema string.
    public static var schema: Value { .object([("type", .string("string"))]) }
    /// Any scalar is text: `title: 2027` or `idea: yes` is what the marketer wrote, whatever a
    /// YAML reader makes of it.
    public static var inputSchema: Value { SchemaFragment.typed(["string", "number", "boolean"]) }
}

extension Bool: DraftCodable {
    /// YAML 1.1 spellings are accepted because marketers write `yes` and `no`.
    static let spellings: [String: Bool] = [
        "true": true, "yes": true, "y": true, "on": true,
        "false": false, "no": false, "n": false, "off": false,
    ]

    /// `true`/`false` or a YAML 1.1 spelling (`yes`, `no`, `y`, `n`, `on`, `off`) in any letter case.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Bool? {
        guard node.isScalar, let folded = node.text.asciiLowercased, let value = spellings[folded] else {
            context.fail(
                node, "expected true or false (yes and no also work), found \(describe(node))",
                japanese: "true か false（yes / no も可）を書いてください。書かれているのは \(describe(node)) です。")
            return nil
        }
        return value
    }
    /// The value as a boolean.
    public var encoded: Value { .bool(self) }
    /// A plain JSON Schema boolean.
    public static var schema: Value { .object([("type", .string("boolean"))]) }
    /// A YAML 1.1 reader hands `yes` over as `true`, a YAML 1.2 one as `"yes"`: both are accepted.
    public static var inputSchema: Value {
        let words = spellings.keys.sorted { (spellings[$0]! ? 0 : 1, $0) < (spellings[$1]! ? 0 : 1, $1) }
        return SchemaFragment.typed(["boolean", "string"], [("pattern", .string(SchemaFragment.caseInsensitive(words)))])
    }
}

/// `'text'` for a scalar, else the node's kind; for error messages.
func describe(_ node: DocNode) -> String {
    if let text = node.scalarText { return "'\(text)'" }
    return node.kindDescription
}

/// `'text'` for a scalar, else the node's kind; for error messages.
func describe(_ node: TableNode) -> String {
    if let text = node.scalarText { return "'\(text)'" }
    return node.kindDescription
}

/// A closed set of words, such as stakeholder roles or requirement priorities.
public protocol DraftEnum: DraftCodable, RawRepresentable, CaseIterable where RawValue == String {
    /// What the value is called in messages ("stakeholder role").
    static var valueName: String { get }
    /// Other spellings (lowercase) that stand for a value, e.g. `true` for `yes`. They are
    /// accepted in any letter case, like the values themselves, and the schema lists them too.
    static var aliases: KeyValuePairs<String, Self> { get }
    /// Said after the list of valid values when a value is refused, e.g. "(true and false also work)".
    static var aliasNote: String? { get }
}

extension DraftEnum {
    /// None, unless the type lists its own.
    public static var aliases: KeyValuePairs<String, Self> { [:] }
    /// None, unless the type says one.
    public static var aliasNote: String? { nil }

    /// Every accepted spelling in lowercase: the values, then the aliases.
    static var spellings: [String] { allCases.map(\.rawValue) + aliases.map(\.key) }

    /// A value or an alias in any ASCII letter case; anything else is an error that lists the valid
    /// values and, when one is close, suggests it.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Self? {
        if node.isScalar, let value = matchingASCII(node.scalarBytes) { return value }
        return decodeByText(node, in: &context)
    }

    /// The value or alias that ASCII `bytes` spell in any letter case, compared as bytes with no
    /// string made; nil for anything else (which `decodeByText` then reads and words the error of).
    static func matchingASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Self? {
        guard bytes.count <= 32, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lowered -> Self? in
            for index in 0..<bytes.count {
                let byte = bytes[index]
                lowered[index] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            }
            let folded = UnsafeBufferPointer(rebasing: lowered[0..<bytes.count])
            for value in allCases where NodeTable.sameBytes(value.rawValue, folded) { return value }
            for alias in aliases where NodeTable.sameBytes(alias.key, folded) { return alias.value }
            return nil
        }
    }

    /// `decode` through the scalar's text: the reference the byte path is tested against, and
    /// what words the errors.
    static func decodeByText(_ node: TableNode, in context: inout DecodeContext) -> Self? {
        guard node.isScalar else {
            context.fail(
                node,
                "expected a \(valueName) (\(allCases.map(\.rawValue).joined(separator: ", "))), found \(node.kindDescription)")
            return nil
        }
        let text = node.text
        if let folded = text.asciiLowercased {
            if let value = Self(rawValue: folded) { return value }
            if let alias = aliases.first(where: { $0.key == folded }) { return alias.value }
        }
        let valid = allCases.map(\.rawValue)
        var message = "'\(text)' is not a \(valueName)."
        var japanese = "「\(text)」はここに書ける値ではありません。"
        if let suggestion = Spelling.nearest(to: text, in: valid) {
            message += " Did you mean '\(suggestion)'?"
            japanese += "「\(suggestion)」のことですか。"
        }
        message += " Valid: \(valid.joined(separator: ", "))."
        if let aliasNote { message.removeLast(); message += " \(aliasNote)." }
        japanese += "使える値：\(valid.joined(separator: ", "))。"
        context.fail(node, message, japanese: japanese)
        return nil
    }
    /// The raw value as a plain scalar: a string in JSON, unquoted in YAML (`must`, `hard`).
    public var encoded: Value { .plain(rawValue) }
    /// A JSON Schema string enum of the raw values (aliases are for input only: see `inputSchema`).
    public static var schema: Value {
        .object([("type", .string("string")), ("enum", .list(allCases.map { .string($0.rawValue) }))])
    }
    /// The values in any ASCII letter case (`MUST`, `Hard`), listed as `examples` for editors'
    /// completion. `true` and `false` as aliases also let JSON booleans in, which is how a YAML
    /// 1.1 reader hands over a bare `yes` or `no`.
    public static var inputSchema: Value {
        let spellings = spellings
        let types = spellings.contains("true") && spellings.contains("false") ? ["string", "boolean"] : ["string"]
        return SchemaFragment.typed(
            types,
            [
                ("pattern", .string(SchemaFragment.caseInsensitive(spellings))),
                ("examples", .list(allCases.map { .string($0.rawValue) })),
            ])
    }
}

extension Int: DraftCodable {
    /// A whole number, quoted or not; an unquoted `1.0` or `2e1` counts too. Anything else is an error.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Int? {
        guard node.isScalar, let value = Int(node.text) ?? (node.isPlainScalar ? integral(node.text) : nil)
        else {
            context.fail(node, "expected a whole number, found \(describe(node))")
            return nil
        }
        return value
    }

    /// An unquoted number with no fractional part (`1.0`, `2e1`): JSON Schema counts it as an
    /// integer, so the loader does too. Quoted, it is text, and stays refused.
    private static func integral(_ text: String) -> Int? {
        guard let number = Double(text), number.isFinite, number == number.rounded(.towardZero),
            abs(number) < 9.0e15
        else { return nil }
        return Int(number)
    }
    /// The value as an integer.
    public var encoded: Value { .int(self) }
    /// A plain JSON Schema integer.
    public static var schema: Value { .object([("type", .string("integer"))]) }
    /// Swift's `Int(_:)` grammar as text, or a JSON integer in range (which includes an unquoted
    /// `1.0`: the loader takes it too).
    public static var inputSchema: Value {
        SchemaFragment.typed(
            ["integer", "string"],
            [
                ("pattern", .string("^[-+]?[0-9]+" + SchemaFragment.end)),
                ("minimum", .int(Int.min)), ("maximum", .int(Int.max)),
            ])
    }
}

extension StringProtocol {
    /// `allSatisfy(\.isWhitespace)`, decided from the first bytes when the text starts with
    /// anything but white space, as nearly every answer does: a character is white space when its
    /// first scalar is, so a first scalar that is not settles it without breaking the whole text
    /// into characters (some four hundred instructions for a Japanese answer).
    var isAllWhitespace: Bool {
        var bytes = utf8.makeIterator()
        guard let lead = bytes.next() else { return true }
        if lead > 0x20 && lead < 0x7F { return false }
        // White space beyond ASCII (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
        // U+202F, U+205F, U+3000) starts with C2, E1, E2 or E3; of E3 only U+3000 (E3 80 80),
        // where kana start too.
        if lead >= 0xC3 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3 { return false }
        if lead == 0xE3 && (bytes.next() != 0x80 || bytes.next() != 0x80) { return false }
        return allSatisfy(\.isWhitespace)
    }
}
