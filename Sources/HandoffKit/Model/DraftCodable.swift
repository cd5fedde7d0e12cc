/// A value that can appear in a draft: decoded from a `DocNode`, rendered to a `Value`, and
/// described by a JSON Schema fragment. Decode, encode and schema come from the same type, so the
/// published schema cannot drift from what the decoder accepts.
public protocol DraftCodable: Equatable, Sendable {
    /// Decodes `node`, recording problems in `context`; nil when the value is unusable.
    static func decode(_ node: DocNode, in context: inout DecodeContext) -> Self?
    /// The value as an ordered tree.
    var encoded: Value { get }
    /// True when the value carries nothing and is left out of output.
    var isEmptyValue: Bool { get }
    /// JSON Schema of the value.
    static var schema: Value { get }
}

extension DraftCodable {
    public var isEmptyValue: Bool { false }
}

/// A mapping with named fields: the draft itself and every record inside it.
public protocol Record: DraftCodable {
    init()
    /// The fields in the order they are written and asked.
    static var fields: [Field<Self>] { get }
    /// How the record is named in messages: "a system", "a metric".
    static var recordName: String { get }
    /// A field that a bare scalar stands for, so `systems: [Marketo]` means `[{name: Marketo}]`.
    static var shorthand: WritableKeyPath<Self, String?>? { get }
}

extension Record {
    public static var shorthand: WritableKeyPath<Self, String?>? { nil }

    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> Self? {
        var record = Self()
        switch node.kind {
        case .mapping(let pairs):
            let fields = Self.fields
            var seen: Set<String> = []
            for pair in pairs {
                guard let key = pair.key.scalarText, case .scalar(_, _) = pair.key.kind else {
                    context.fail(pair.key, "a key must be a single word, not \(pair.key.kindDescription)")
                    continue
                }
                guard let field = fields.first(where: { $0.key == key }) else {
                    context.unknownKey(
                        key, at: pair.key, valid: fields.map(\.key), container: recordName)
                    continue
                }
                if !seen.insert(key).inserted {
                    context.at(.key(key)) {
                        $0.fail(pair.key, "'\(key)' is given twice; keep one")
                    }
                    continue
                }
                context.at(.key(key)) { field.decode(&record, pair.value, &$0) }
            }
            return record
        case .scalar(let text, _) where node.isNull:
            _ = text
            return record
        case .scalar(let text, _):
            if let shorthand {
                record[keyPath: shorthand] = text
                return record
            }
            context.fail(
                node,
                "expected \(recordName) with the keys \(fields.map(\.key).joined(separator: ", ")), "
                    + "found \(node.kindDescription) '\(text)'")
            return nil
        case .sequence:
            context.fail(
                node,
                "expected \(recordName) with the keys \(fields.map(\.key).joined(separator: ", ")), found a list")
            return nil
        }
    }

    /// Sets the field at `path` (keys from this record down) from `node`, through the same
    /// decoding (and checks) a file goes through; other fields are kept.
    public mutating func apply(_ node: DocNode, at path: ArraySlice<String>, in context: inout DecodeContext) {
        guard let key = path.first else { return }
        guard let field = Self.fields.first(where: { $0.key == key }) else {
            context.unknownKey(key, at: node, valid: Self.fields.map(\.key), container: Self.recordName)
            return
        }
        context.at(.key(key)) { context in
            if path.count == 1 {
                field.decode(&self, node, &context)
            } else if let nested = field.applyNested {
                nested(&self, path.dropFirst(), node, &context)
            } else {
                context.fail(node, "'\(key)' has no fields inside it")
            }
        }
    }

    public var encoded: Value {
        .map(Self.fields.compactMap { field in field.encode(self).map { Value.Entry(field.key, $0) } })
    }

    public var isEmptyValue: Bool {
        Self.fields.allSatisfy { $0.encode(self) == nil }
    }

    public static var schema: Value {
        let object = Value.object([
            ("type", .string("object")),
            ("description", .string(recordName)),
            ("properties", .map(fields.map { Value.Entry($0.key, $0.schema()) })),
            ("additionalProperties", .bool(false)),
        ])
        guard let shorthand else { return object }
        let shortField = fields.first { $0.keyPathMatches(shorthand) }?.key ?? "name"
        return .object([
            (
                "anyOf",
                .list([
                    .object([
                        ("type", .string("string")),
                        ("description", .string("shorthand for {\(shortField): …}")),
                    ]),
                    object,
                ])
            )
        ])
    }
}

/// One named field of a record, built from a key path. The three closures share the key path, so
/// decoding, encoding and the schema always agree on what the field is.
public struct Field<Root>: @unchecked Sendable {
    public let key: String
    public let summary: String
    let decode: (inout Root, DocNode, inout DecodeContext) -> Void
    let encode: (Root) -> Value?
    let schema: () -> Value
    let keyPath: AnyKeyPath
    /// For nested records: applies a value deeper down the path, keeping the other fields.
    var applyNested: ((inout Root, ArraySlice<String>, DocNode, inout DecodeContext) -> Void)? = nil

    func keyPathMatches(_ other: AnyKeyPath) -> Bool { keyPath == other }

    /// A single value; null or absent leaves it nil.
    /// - Parameter check: returns why a decoded value is not acceptable here, or nil.
    public static func value<T: DraftCodable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, T?>, _ summary: String,
        check: (@Sendable (T) -> String?)? = nil
    ) -> Field {
        Field(
            key: key, summary: summary,
            decode: { root, node, context in
                guard !node.isNull else { return }
                guard let value = T.decode(node, in: &context) else { return }
                if let problem = check?(value) {
                    context.fail(node, problem)
                    return
                }
                root[keyPath: keyPath] = value
            },
            encode: { root in
                guard let value = root[keyPath: keyPath], !value.isEmptyValue else { return nil }
                return value.encoded
            },
            schema: { described(T.schema, summary) },
            keyPath: keyPath)
    }

    /// A list; a single value where a list is expected is taken as a list of one.
    public static func list<T: DraftCodable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, [T]>, _ summary: String,
        check: (@Sendable (T) -> String?)? = nil
    ) -> Field {
        Field(
            key: key, summary: summary,
            decode: { root, node, context in
                func decodeItem(_ item: DocNode, _ context: inout DecodeContext) -> T? {
                    guard let value = T.decode(item, in: &context) else { return nil }
                    if let problem = check?(value) {
                        context.fail(item, problem)
                        return nil
                    }
                    return value
                }
                switch node.kind {
                case .sequence(let items):
                    var values: [T] = []
                    values.reserveCapacity(items.count)
                    for (index, item) in items.enumerated() {
                        if item.isNull { continue }
                        if let value = context.at(.index(index), { decodeItem(item, &$0) }) {
                            values.append(value)
                        }
                    }
                    root[keyPath: keyPath] = values
                case _ where node.isNull:
                    root[keyPath: keyPath] = []
                default:
                    if let value = decodeItem(node, &context) { root[keyPath: keyPath] = [value] }
                }
            },
            encode: { root in
                let values = root[keyPath: keyPath].filter { !$0.isEmptyValue }
                return values.isEmpty ? nil : .list(values.map(\.encoded))
            },
            schema: {
                described(
                    .object([("type", .string("array")), ("items", T.schema)]), summary)
            },
            keyPath: keyPath)
    }

    /// A nested record, always present (empty when absent).
    public static func record<T: Record>(
        _ key: String, _ keyPath: WritableKeyPath<Root, T>, _ summary: String
    ) -> Field {
        Field(
            key: key, summary: summary,
            decode: { root, node, context in
                if let value = T.decode(node, in: &context) { root[keyPath: keyPath] = value }
            },
            encode: { root in
                let value = root[keyPath: keyPath]
                return value.isEmptyValue ? nil : value.encoded
            },
            schema: { described(T.schema, summary) },
            keyPath: keyPath,
            applyNested: { root, path, node, context in
                var value = root[keyPath: keyPath]
                value.apply(node, at: path, in: &context)
                root[keyPath: keyPath] = value
            })
    }

    private static func described(_ schema: Value, _ summary: String) -> Value {
        guard case .map(var entries) = schema else { return schema }
        entries.removeAll { $0.key == "description" }
        entries.insert(Value.Entry("description", .string(summary)), at: 0)
        return .map(entries)
    }
}
