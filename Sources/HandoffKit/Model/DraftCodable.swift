/// A value that can appear in a draft: decoded from a parsed document, rendered to a `Value`, and
/// described by a JSON Schema fragment. Decode, encode and schema come from the same type, so the
/// published schema cannot drift from what the decoder accepts.
public protocol DraftCodable: Equatable, Sendable {
    /// Decodes `node`, recording problems in `context`; nil when the value is unusable. A type
    /// implements this or the `TableNode` form (what files and streams are decoded through), not both.
    static func decode(_ node: DocNode, in context: inout DecodeContext) -> Self?
    /// Decodes a node of a `NodeTable`, as the `DocNode` form would decode its tree.
    static func decode(_ node: TableNode, in context: inout DecodeContext) -> Self?
    /// The value as an ordered tree.
    var encoded: Value { get }
    /// Hands every free-text string the value holds to `walk`, in the order and at the paths
    /// `encoded` holds them; true when the value holds anything (`!isEmptyValue`).
    func walkFreeText(_ walk: inout FreeTextWalk) -> Bool
    /// True for a type whose `walkFreeText` never visits anything (dates, enumerations, numbers).
    static var holdsNoFreeText: Bool { get }
    /// For a record type, lays out its walk in `plan` and returns its steps; nil for any other type.
    static func layOutFreeText(in plan: inout FreeTextPlan.Layout) -> Range<Int>?
    /// For a record type, lays out how `WritePlan` writes it in `plan`, keys at `indent`, and
    /// returns its steps; nil for any other type.
    static func layOutWrites(in plan: inout WritePlan.Layout, indent: Int) -> Range<Int>?
    /// True when the value carries nothing and is left out of output.
    var isEmptyValue: Bool { get }
    /// `encoded`, or nil when the value is empty: what a field writes.
    var encodedUnlessEmpty: Value? { get }
    /// Writes what `encodedUnlessEmpty` holds into `tree`, without building it; false (and
    /// nothing written) when the value is empty.
    func write(into tree: inout TreeBytes) -> Bool
    /// A JSON-Schema-shaped summary of what the value is (text, enum, date, record…), which the
    /// interview and diff read to learn what a field holds and in which order.
    static var schema: Value { get }
    /// Decodes `node` into the `Self?` at `storage`: how `Record.decode` fills a `Field.value`.
    static func decodeField(_ node: TableNode, intoOptional storage: UnsafeMutableRawPointer, in context: inout DecodeContext)
    /// Decodes `node` into the `[Self]` at `storage`: how `Record.decode` fills a `Field.list`.
    static func decodeField(_ node: TableNode, intoList storage: UnsafeMutableRawPointer, in context: inout DecodeContext)
    /// Decodes `node` into the `Self` at `storage`: how `Record.decode` fills a `Field.record`.
    static func decodeField(_ node: TableNode, intoValue storage: UnsafeMutableRawPointer, in context: inout DecodeContext)
    /// Decodes the JSON value at the scanner into the `Self?` at `storage`, as `decodeField(_:intoOptional:in:)`
    /// would decode its node; false (and the document left to its table) at anything else.
    static func decodeJSON(
        _ scanner: inout JSONScanner, intoOptional storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool
    /// The same into the `[Self]` at `storage`, as `decodeField(_:intoList:in:)` would.
    static func decodeJSON(
        _ scanner: inout JSONScanner, intoList storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool
    /// The same into the `Self` at `storage`, as `decodeField(_:intoValue:in:)` would.
    static func decodeJSON(
        _ scanner: inout JSONScanner, intoValue storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool
    /// JSON Schema of every non-null JSON form `decode` accepts, no more and no less: what
    /// `handoff schema` publishes. Null is added by the field (`SchemaFragment.nullable`).
    static var inputSchema: Value { get }
}

extension DraftCodable {
    /// Through the node's tree, for a type that decodes `DocNode`s.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Self? {
        decode(node.docNode, in: &context)
    }

    /// Through a table of the tree, for a type that decodes `TableNode`s.
    public static func decode(_ node: DocNode, in context: inout DecodeContext) -> Self? {
        NodeTable(node).withRoot { decode($0, in: &context) }
    }

    /// False: a value of most types always carries something; text, quantities and records say otherwise.
    public var isEmptyValue: Bool { false }
    /// The encoded value, or nil when there is nothing to write (one encode, not a test and a write).
    public var encodedUnlessEmpty: Value? { isEmptyValue ? nil : encoded }
    /// Through `encodedUnlessEmpty`: scalars build a one-node tree at most.
    public func write(into tree: inout TreeBytes) -> Bool {
        guard let value = encodedUnlessEmpty else { return false }
        tree.value(value)
        return true
    }
}

/// A mapping with named fields: the draft itself and every record inside it.
public protocol Record: DraftCodable {
    /// The empty record: every field nil or empty. Decoding starts from it.
    init()
    /// The fields in the order they are written and asked.
    static var fields: [Field<Self>] { get }
    /// How the record is named in messages: "a system", "a metric".
    static var recordName: String { get }
    /// A field that a bare scalar stands for, so `systems: [Marketo]` means `[{name: Marketo}]`.
    static var shorthand: WritableKeyPath<Self, String?>? { get }
}

extension Record {
    /// None: a bare scalar where the record is expected is an error.
    public static var shorthand: WritableKeyPath<Self, String?>? { nil }

    /// A mapping of the record's own keys (unknown and repeated keys are errors, the others decoded in
    /// place), null for an empty record, or with a `shorthand` a bare scalar that fills that field.
    /// Nil only when the node has the wrong shape; problems inside a field are recorded and the record kept.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> Self? {
        var record = Self()
        return decode(node, into: &record, in: &context) ? record : nil
    }

    /// `decode` into `record`, which holds `Self()`: false (and `record` untouched) when the node
    /// has the wrong shape. Records are filled where they are kept (a draft is almost a
    /// kilobyte): a record returned by value is copied, and every string in it retained, at
    /// each level it passes through.
    static func decode(_ node: TableNode, into record: inout Self, in context: inout DecodeContext) -> Bool {
        if node.isMapping {
            // The field table is read through its buffer and the record filled through a pointer:
            // neither the table, which every thread shares, nor a field of it is retained per key.
            Self.fields.withUnsafeBufferPointer { fields in
                withUnsafeMutablePointer(to: &record) { record in
                    decodePairs(of: node, into: record, fields: fields, in: &context)
                }
            }
            return true
        }
        if node.isNull { return true }
        if node.isScalar {
            let text = node.text
            if let shorthand {
                record[keyPath: shorthand] = text
                return true
            }
            context.fail(
                node,
                "expected \(recordName) with the keys \(fields.map(\.key).joined(separator: ", ")), "
                    + "found \(node.kindDescription) '\(text)'")
            return false
        }
        context.fail(
            node,
            "expected \(recordName) with the keys \(fields.map(\.key).joined(separator: ", ")), found a list")
        return false
    }

    /// A nested record decoded in place, into the field at `storage` (which holds `Self()`, as
    /// the record around it was made so): kept as it is when the node has the wrong shape.
    public static func decodeField(
        _ node: TableNode, intoValue storage: UnsafeMutableRawPointer, in context: inout DecodeContext
    ) {
        _ = decode(node, into: &storage.assumingMemoryBound(to: Self.self).pointee, in: &context)
    }

    /// A list of records, each decoded in place at the end of the list: a single record is a
    /// list of one, null an empty list.
    public static func decodeField(
        _ node: TableNode, intoList storage: UnsafeMutableRawPointer, in context: inout DecodeContext
    ) {
        let list = storage.assumingMemoryBound(to: [Self].self)
        if node.isSequence {
            var values: [Self] = []
            values.reserveCapacity(node.count)
            var index = 0
            for item in node.items {
                defer { index += 1 }
                if item.isNull { continue }
                values.append(Self())
                let decoded = values.withUnsafeMutableBufferPointer { buffer in
                    context.at(.index(index)) { decode(item, into: &buffer[buffer.count - 1], in: &$0) }
                }
                if !decoded { values.removeLast() }
            }
            list.pointee = values
        } else if node.isNull {
            list.pointee = []
        } else {
            var record = Self()
            if decode(node, into: &record, in: &context) { list.pointee = [record] }
        }
    }

    /// Decodes the pairs of the mapping `node` into the fields of `record`.
    private static func decodePairs(
        of node: TableNode, into record: UnsafeMutablePointer<Self>, fields: UnsafeBufferPointer<Field<Self>>,
        in context: inout DecodeContext
    ) {
        // Which fields were given, by their index in `fields`, as bits: keys are the fields'
        // own, so this tells a repeated key without hashing every key or allocating.
        var seen: UInt64 = 0
        var seenPast64: Set<Int> = []
        // Keys usually come in field order (handoff writes them so): the search starts after the last one found.
        var expected = 0
        for (keyNode, value) in node.pairs {
            guard keyNode.isScalar else {
                context.fail(keyNode, "a key must be a single word, not \(keyNode.kindDescription)")
                continue
            }
            let fieldIndex: Int
            let key: String
            switch Self.fieldIndex(named: keyNode, in: fields, from: expected) {
            case .field(let index):
                fieldIndex = index
                key = fields[index].key
            case .written(let index, let written):
                fieldIndex = index
                key = written
            case nil:
                context.unknownKey(keyNode.text, at: keyNode, valid: fields.map(\.key), container: recordName)
                continue
            }
            expected = fieldIndex + 1
            let repeated: Bool
            if fieldIndex < 64 {
                repeated = seen & (1 << UInt64(fieldIndex)) != 0
                seen |= 1 << UInt64(fieldIndex)
            } else {
                repeated = !seenPast64.insert(fieldIndex).inserted
            }
            if repeated {
                context.at(.key(key)) {
                    $0.fail(keyNode, "'\(key)' is given twice; keep one")
                }
                continue
            }
            if let slot = fields[fieldIndex].slot {
                // Through the field's type: a metatype, which costs no reference counting.
                context.at(.key(key)) { slot.decode(value, intoRecordAt: UnsafeMutableRawPointer(record), in: &$0) }
            } else {
                context.at(.key(key)) { fields[fieldIndex].decode(&record.pointee, value, &$0) }
            }
        }
    }

    /// The field whose key `keyNode` holds, with the key as written: compared as bytes (an ASCII
    /// key is equal to a field's key only byte for byte), or, past ASCII, as `String` equality
    /// has it (a Kelvin sign for `K`), without making a string of the key unless it is not ASCII.
    static func field(named keyNode: TableNode, in fields: [Field<Self>]) -> (Int, String)? {
        fields.withUnsafeBufferPointer { field(named: keyNode, in: $0, from: 0) }
    }

    /// The same, trying the fields from `hint` on first, then those before it.
    static func field(named keyNode: TableNode, in fields: UnsafeBufferPointer<Field<Self>>, from hint: Int) -> (Int, String)? {
        switch fieldIndex(named: keyNode, in: fields, from: hint) {
        case .field(let index): return (index, fields[index].key)
        case .written(let index, let written): return (index, written)
        case nil: return nil
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
                NodeTable(node).withRoot { field.decode(&self, $0, &context) }
            } else if let nested = field.applyNested {
                nested(&self, path.dropFirst(), node, &context)
            } else {
                context.fail(node, "'\(key)' has no fields inside it")
            }
        }
    }

    /// A mapping of the fields that hold something, in field order.
    public var encoded: Value {
        .map(Self.fields.compactMap { field in field.encode(self).map { Value.Entry(field.key, $0) } })
    }

    /// The map `encoded` builds, written field by field; an empty record takes back its braces.
    public func write(into tree: inout TreeBytes) -> Bool {
        let start = tree.mark
        tree.beginMap()
        var wrote = false
        // Through the buffer: a `for field in` loop copies every `Field` (a dozen references).
        Self.fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].write(self, &tree) { wrote = true }
        }
        tree.endMap()
        if !wrote { tree.rollback(to: start) }
        return wrote
    }

    /// The map of the record's fields after `leading` members, which stand for fields left nil
    /// (never empty: `leading` writes something).
    func writeRecord(into tree: inout TreeBytes, leading: (inout TreeBytes) -> Void) {
        tree.beginMap()
        leading(&tree)
        Self.fields.withUnsafeBufferPointer { fields in
            for index in fields.indices { _ = fields[index].write(self, &tree) }
        }
        tree.endMap()
    }

    /// The whole record as `encoded` is, an empty one as `{}`: what an export of a draft writes.
    func writeRecord(into tree: inout TreeBytes) {
        if !write(into: &tree) { tree.value(.map([])) }
    }

    /// True when no field holds anything: the record is left out of output.
    public var isEmptyValue: Bool {
        // Each field asked whether it holds anything, not encoded: the exports ask this of every
        // system, metric and stakeholder, and an encoding builds the field's whole `Value`. By
        // index: `allSatisfy` copied each field out of the buffer (its dozen closures retained).
        Self.fields.withUnsafeBufferPointer { fields in fields.indices.allSatisfy { fields[$0].holdsNothing(self) } }
    }

    /// A record is empty when none of its fields encodes: one encoding answers both.
    public var encodedUnlessEmpty: Value? {
        let value = encoded
        if case .map(let entries) = value, entries.isEmpty { return nil }
        return value
    }

    /// The name of `definition` under the schema's `$defs`.
    public static var definitionName: String { String(describing: Self.self) }

    /// A reference to `definition`, which `DraftSchema` gathers under `$defs`.
    public static var inputSchema: Value { .object([("$ref", .string("#/$defs/" + definitionName))]) }

    /// `decode`'s rules for a record: a mapping of its own keys only, null (an empty record), or
    /// with a shorthand any scalar, which fills that field.
    public static var definition: Value {
        let shortField = shorthand.flatMap { shorthand in fields.first { $0.keyPathMatches(shorthand) }?.key }
        let description = shortField.map { "\(recordName), or a single value standing for {\($0): …}" } ?? recordName
        let required = fields.filter { $0.whenMissing != nil }.map { Value.string($0.key) }
        let types = SchemaFragment.typed(["object", "null"] + (shortField == nil ? [] : ["string", "number", "boolean"]))
        return .object([
            ("description", .string(description)),
            ("type", types["type"]),
            ("properties", .map(fields.map { Value.Entry($0.key, $0.inputSchema()) })),
            ("required", required.isEmpty ? nil : .list(required)),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// The keys and shapes of the fields, for code that walks the format without a value.
    public static var fieldShapes: [(key: String, shape: FieldShape)] { fields.map { ($0.key, $0.shape) } }

    /// An object with the fields' summaries in field order; with a shorthand, also a string standing for it.
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

/// What a field holds, for code that walks the format's structure (the schema's `$defs`, tests
/// that generate drafts) rather than a value.
public enum FieldShape: @unchecked Sendable {
    case value(any DraftCodable.Type)
    case list(any DraftCodable.Type)
    case record(any Record.Type)

    /// The record type inside, if the field holds records.
    public var recordType: (any Record.Type)? {
        switch self {
        case .record(let type): return type
        case .value(let type), .list(let type): return type as? any Record.Type
        }
    }
}

/// A further rule on a field's value (`format` is fixed, `id` has a shape), with the JSON Schema
/// of what it lets through, so the decoder's check and the published schema are one definition.
public struct FieldRule<T>: Sendable {
    /// Why `value`, read from `node`, is not acceptable here, or nil.
    let problem: @Sendable (T, TableNode) -> String?
    /// JSON Schema of the non-null JSON forms the rule accepts (replaces the type's `inputSchema`).
    var inputSchema: Value { makeInputSchema() }
    /// Made only when a schema is asked for: the field tables are built on the first draft of
    /// every run, and an enumeration's schema (its cases and their words) cost more to build
    /// than the rest of its field.
    private let makeInputSchema: @Sendable () -> Value

    /// A rule whose check is `problem` and whose accepted JSON forms are `inputSchema`; the two must agree.
    public init(
        inputSchema: @autoclosure @escaping @Sendable () -> Value, problem: @escaping @Sendable (T, TableNode) -> String?
    ) {
        self.problem = problem
        makeInputSchema = inputSchema
    }
}

/// One named field of a record, built from a key path. The closures share the key path, so
/// decoding, encoding and the schema always agree on what the field is.
public struct Field<Root>: @unchecked Sendable {
    /// The key as written in drafts (`business_goal`).
    public let key: String
    /// One-line description of the field: its `description` in `schema` and in `handoff schema`.
    public let summary: String
    /// The key's bytes as words, for matching keys read from a document.
    let keyBytes: FieldKeyBytes
    let decode: (inout Root, TableNode, inout DecodeContext) -> Void
    let encode: (Root) -> Value?
    let schema: () -> Value
    /// The published JSON Schema of the field, null included unless the field is required.
    let inputSchema: () -> Value
    let keyPath: AnyKeyPath
    /// How `Record.decode` decodes the field without calling `decode`: where it is stored and the
    /// type that decodes it; nil when only the closure knows (a computed property, a field with a check).
    var slot: FieldSlot? = nil
    /// What the field holds: a value, a list of values or a nested record.
    public let shape: FieldShape
    /// For a field a file must have: the message when it is missing (null counts as missing).
    public var whenMissing: String? = nil
    /// For nested records: applies a value deeper down the path, keeping the other fields.
    var applyNested: ((inout Root, ArraySlice<String>, DocNode, inout DecodeContext) -> Void)? = nil
    /// Walks the free text of the field of the record at `root` (the record's address) under its
    /// key, without copying the record or building its `Value` tree; true when the field holds
    /// anything (`encode` gives a value).
    var walkText: (_ root: UnsafeRawPointer, inout FreeTextWalk) -> Bool = { _, _ in false }
    /// Writes the key and what `encode` returns into the tree, nothing when that is nil; true when written.
    var write: (Root, inout TreeBytes) -> Bool = { _, _ in false }
    /// Whether `encode` gives nil, told from the value's `isEmptyValue` without encoding it.
    let holdsNothing: (Root) -> Bool

    func keyPathMatches(_ other: AnyKeyPath) -> Bool { keyPath == other }

    /// A single value; null or absent leaves it nil.
    /// - Parameter check: returns why a decoded value is not acceptable here, or nil. The schema
    ///   does not see it: draft fields state such rules with `rule:` instead.
    public static func value<T: DraftCodable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, T?>, _ summary: String,
        check: (@Sendable (T) -> String?)? = nil
    ) -> Field {
        value(key, keyPath, summary, rule: check.map { check in FieldRule(inputSchema: T.inputSchema) { value, _ in check(value) } })
    }

    /// A single value with a rule the schema states too.
    /// - Parameter whenMissing: makes the field required in files, with this message when it is not there.
    public static func value<T: DraftCodable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, T?>, _ summary: String,
        rule: FieldRule<T>?, whenMissing: String? = nil
    ) -> Field {
        let read = StoredProperty.reader(keyPath)
        let store = StoredProperty.writer(keyPath)
        let treeKey = TreeBytes.Key(key)
        return Field(
            key: key, summary: summary, keyBytes: FieldKeyBytes(key),
            decode: { root, node, context in
                guard !node.isNull else { return }
                guard let value = T.decode(node, in: &context) else { return }
                if let problem = rule?.problem(value, node) {
                    context.fail(node, problem)
                    return
                }
                store(&root, value)
            },
            encode: { root in root[keyPath: keyPath]?.encodedUnlessEmpty },
            schema: { described(T.schema, summary) },
            inputSchema: {
                // Made here rather than with the field: see `FieldRule.inputSchema`.
                let inputSchema = rule?.inputSchema ?? T.inputSchema
                return described(whenMissing == nil ? SchemaFragment.nullable(inputSchema) : inputSchema, summary)
            },
            keyPath: keyPath, slot: rule == nil ? FieldSlot(T.self, .optional, keyPath) : nil, shape: .value(T.self),
            whenMissing: whenMissing,
            walkText: FreeText.fieldWalk(key, keyPath, isAbsent: { $0.pointee == nil }) { value, walk in
                value.pointee?.walkFreeText(&walk) ?? false
            },
            write: { root, tree in
                guard let value = read(root) else { return false }
                let start = tree.mark
                tree.key(treeKey)
                if value.write(into: &tree) { return true }
                tree.rollback(to: start)
                return false
            }, holdsNothing: { root in read(root)?.isEmptyValue ?? true })
    }

    /// A list; a single value where a list is expected is taken as a list of one.
    public static func list<T: DraftCodable>(
        _ key: String, _ keyPath: WritableKeyPath<Root, [T]>, _ summary: String,
        check: (@Sendable (T) -> String?)? = nil
    ) -> Field {
        let read = StoredProperty.reader(keyPath)
        let store = StoredProperty.writer(keyPath)
        let treeKey = TreeBytes.Key(key)
        return Field(
            key: key, summary: summary, keyBytes: FieldKeyBytes(key),
            decode: { root, node, context in
                func decodeItem(_ item: TableNode, _ context: inout DecodeContext) -> T? {
                    guard let value = T.decode(item, in: &context) else { return nil }
                    if let problem = check?(value) {
                        context.fail(item, problem)
                        return nil
                    }
                    return value
                }
                if node.isSequence {
                    var values: [T] = []
                    values.reserveCapacity(node.count)
                    for (index, item) in node.items.enumerated() {
                        if item.isNull { continue }
                        if let value = context.at(.index(index), { decodeItem(item, &$0) }) {
                            values.append(value)
                        }
                    }
                    store(&root, values)
                } else if node.isNull {
                    store(&root, [])
                } else if let value = decodeItem(node, &context) {
                    store(&root, [value])
                }
            },
            encode: { root in
                let values = root[keyPath: keyPath].compactMap(\.encodedUnlessEmpty)
                return values.isEmpty ? nil : .list(values)
            },
            schema: {
                described(
                    .object([("type", .string("array")), ("items", T.schema)]), summary)
            },
            inputSchema: { described(SchemaFragment.list(of: T.inputSchema), summary) },
            keyPath: keyPath, slot: check == nil ? FieldSlot(T.self, .list, keyPath) : nil, shape: .list(T.self),
            walkText: FreeText.fieldWalk(key, keyPath, isAbsent: { $0.pointee.isEmpty }) { values, walk in
                // Numbered as `encode` numbers them: empty items are left out (and hold no text).
                // Through the buffer: a `for value in` loop copies every item.
                values.pointee.withUnsafeBufferPointer { items in
                    var index = 0
                    for item in items.indices {
                        walk.path.append(.index(index))
                        if items[item].walkFreeText(&walk) { index += 1 }
                        walk.path.removeLast()
                    }
                    return index > 0
                }
            },
            write: { root, tree in
                let values = read(root)
                guard !values.isEmpty else { return false }
                let start = tree.mark
                tree.key(treeKey)
                tree.beginList()
                var wrote = false
                for value in values where value.write(into: &tree) { wrote = true }
                tree.endList()
                if !wrote { tree.rollback(to: start) }
                return wrote
            }, holdsNothing: { root in read(root).holdsNothing })
    }

    /// A nested record, always present (empty when absent).
    public static func record<T: Record>(
        _ key: String, _ keyPath: WritableKeyPath<Root, T>, _ summary: String
    ) -> Field {
        let read = StoredProperty.reader(keyPath)
        let store = StoredProperty.writer(keyPath)
        let treeKey = TreeBytes.Key(key)
        return Field(
            key: key, summary: summary, keyBytes: FieldKeyBytes(key),
            decode: { root, node, context in
                if let value = T.decode(node, in: &context) { store(&root, value) }
            },
            encode: { root in root[keyPath: keyPath].encodedUnlessEmpty },
            schema: { described(T.schema, summary) },
            inputSchema: { described(T.inputSchema, summary) },
            keyPath: keyPath, slot: FieldSlot(T.self, .value, keyPath), shape: .record(T.self),
            applyNested: { root, path, node, context in
                var value = root[keyPath: keyPath]
                value.apply(node, at: path, in: &context)
                root[keyPath: keyPath] = value
            },
            walkText: FreeText.fieldWalk(key, keyPath) { value, walk in value.pointee.walkFreeText(&walk) },
            write: { root, tree in
                let start = tree.mark
                tree.key(treeKey)
                if read(root).write(into: &tree) { return true }
                tree.rollback(to: start)
                return false
            }, holdsNothing: { root in read(root).isEmptyValue })
    }

    private static func described(_ schema: Value, _ summary: String) -> Value {
        guard case .map(var entries) = schema else { return schema }
        entries.removeAll { $0.key == "description" }
        entries.insert(Value.Entry("description", .string(summary)), at: 0)
        return .map(entries)
    }
}
