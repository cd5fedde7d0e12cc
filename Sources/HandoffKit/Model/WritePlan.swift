/// How a draft is written as YAML, compact JSON or its digest's tagged bytes, laid out once: per
/// field, flat steps with its offset, its kind and its key already in each syntax's bytes (the
/// YAML key with its indent, which a field's place in the draft fixes), so that writing a draft
/// is one loop over steps into one `ByteBuffer`. Written field by field through the field
/// table's closures (`Field.write`, `TreeBytes`), a draft cost about seventy instructions a byte
/// of YAML: closures and key paths per field, frames pushed and popped, the hash fed a byte at a
/// time and each string scanned, then copied. The steps hold no references, so the threads that
/// write drafts at the same time never count references on the plan.
///
/// Writes exactly what `TreeBytes` writes for `Record.writeRecord` (`TreeBytesEquivalenceTests`
/// hold it to the `Value` tree's YAML, JSON and digest).
public final class WritePlan: @unchecked Sendable {
    enum Kind: UInt8 {
        /// `String?`; `[String]`; `Quantity?`; `CivilDate?`; `RunsUntil?`; `Bool?`; `Int?`.
        case text, texts, quantity, date, until, bool, int
        /// A value written as a plain scalar by its `PlainScalarField` type (an enumeration).
        case plain
        /// A nested record; a list of records.
        case record, records
        /// Anything else, through the field's `encode` (in `others`).
        case other
    }

    struct Step {
        var kind: Kind
        /// Where the field is in its record.
        var offset = 0
        /// The column the key starts at in YAML.
        var indent = 0
        /// For a record or a list of records: its type's steps.
        var nested = 0..<0
        /// For a list of records: the type of its items, and their stride.
        var itemType: (any DraftCodable.Type)?
        var itemStride = 0
        /// For `.plain`: the type that reads the value.
        var plainType: (any PlainScalarField.Type)?
        /// For `.other`: its encoding, in `others`.
        var other = 0
        /// `key:` after `indent` spaces; `"key":`; the key and a zero byte, as the digest tags it.
        var yamlKey = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var jsonKey = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var digestKey = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    }

    /// The plan of a draft.
    static let draft = WritePlan(Draft.self)

    private let steps: UnsafeMutableBufferPointer<Step>
    /// The steps of the root record.
    let root: Range<Int>
    private let others: [(UnsafeRawPointer) -> Value?]
    /// Lists are read in place (`ArrayInPlace`), which holds on this platform for these items.
    private let arraysInPlace: Bool

    init<Root: Record>(_: Root.Type) {
        var layout = Layout()
        root = layout.layOut(Root.self, indent: 0)
        steps = .allocate(capacity: max(1, layout.steps.count))
        _ = steps.initialize(from: layout.steps)
        others = layout.others
        arraysInPlace = layout.itemsInPlace && ArrayInPlace.readsArrays()
    }

    deinit { steps.deallocate() }

    /// How many fields go through their `encode` rather than a step of their kind.
    var otherCount: Int { others.count }

    /// The steps as they are laid out, before they go into the plan's buffer.
    public struct Layout {
        var steps: [Step] = []
        var others: [(UnsafeRawPointer) -> Value?] = []
        /// Every list's items are aligned as `ArrayInPlace` reads them.
        var itemsInPlace = true

        private static func stride<Item: DraftCodable>(of _: Item.Type) -> Int { MemoryLayout<Item>.stride }
        private static func alignment<Item: DraftCodable>(of _: Item.Type) -> Int { MemoryLayout<Item>.alignment }

        /// Appends the steps of `Root`'s fields with their keys at `indent`, then those of the
        /// records inside it, so that a record's own steps stay together. What a field's type is
        /// comes from comparing types and from `layOutWrites`, never from a conformance check
        /// (which searches the binary's conformances, some two hundred thousand instructions a type).
        mutating func layOut<Root: Record>(_: Root.Type, indent: Int) -> Range<Int> {
            var own: [(step: Step, nested: (any DraftCodable.Type)?, field: Field<Root>)] = []
            for field in Root.fields {
                var step = Step(kind: .other, indent: indent)
                Self.setKeys(field.key, indent: indent, of: &step)
                guard let keyPath = field.keyPath as? PartialKeyPath<Root>,
                    let offset = MemoryLayout<Root>.offset(of: keyPath)
                else {
                    own.append((other(field, step), nil, field))
                    continue
                }
                step.offset = offset
                var nested: (any DraftCodable.Type)?
                switch field.shape {
                case .value(let type):
                    if let kind = Self.scalarKinds.first(where: { $0.type == type })?.kind {
                        step.kind = kind
                    } else if let plainType = PlainScalars.types.first(where: { $0 == type }) {
                        step.kind = .plain
                        step.plainType = plainType
                    } else {
                        step = other(field, step)
                    }
                case .list(let type) where type == String.self: step.kind = .texts
                case .list(let type):
                    step.kind = .records
                    step.itemType = type
                    step.itemStride = Self.stride(of: type)
                    if Self.alignment(of: type) > ArrayInPlace.largestAlignment { itemsInPlace = false }
                    nested = type
                case .record(let type):
                    step.kind = .record
                    nested = type
                }
                own.append((step, nested, field))
            }
            let start = steps.count
            steps += own.map(\.step)
            for (index, entry) in own.enumerated() {
                guard let nested = entry.nested else { continue }
                // A list's items are maps under its dashes, two columns in; a record's keys, two in.
                let nestedIndent = steps[start + index].kind == .records ? indent + 4 : indent + 2
                if let range = nested.layOutWrites(in: &self, indent: nestedIndent) {
                    steps[start + index].nested = range
                } else {
                    steps[start + index] = other(entry.field, steps[start + index])
                }
            }
            return start..<start + own.count
        }

        private static let scalarKinds: [(type: any DraftCodable.Type, kind: Kind)] = [
            (String.self, .text), (Quantity.self, .quantity), (CivilDate.self, .date), (RunsUntil.self, .until),
            (Bool.self, .bool), (Int.self, .int),
        ]

        private mutating func other<Root>(_ field: Field<Root>, _ step: Step) -> Step {
            var step = step
            step.kind = .other
            step.other = others.count
            let encode = field.encode
            others.append { record in encode(record.assumingMemoryBound(to: Root.self).pointee) }
            return step
        }

        /// The key's bytes in each syntax, in memory that is never freed: a plan lives as long
        /// as the program.
        private static func setKeys(_ key: String, indent: Int, of step: inout Step) {
            precondition(
                !key.utf8.contains(UInt8(ascii: "{")) && YAMLWriter.plainAllowed(key), "a field's key is written plain in YAML")
            var json: [UInt8] = []
            JSONWriter.writeString(key, into: &json)
            step.yamlKey = stored(Array(repeating: 0x20, count: indent) + Array(key.utf8) + [UInt8(ascii: ":")])
            step.jsonKey = stored(json + [UInt8(ascii: ":")])
            step.digestKey = stored(Array(key.utf8) + [0])
        }

        private static func stored(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
            return UnsafeBufferPointer(buffer)
        }
    }

    /// The syntax a `PlanWriter` writes.
    enum Syntax {
        /// Block YAML with `guards` (see `YAMLWriter.document`), and the digest's hash beside it
        /// when `digesting`.
        case yaml(guards: YAMLWriter.Guards, digesting: Bool)
        /// The YAML as `JSONWriter.writeEscaped(utf8:)` escapes it, for a JSON string holding it.
        case yamlEscapedForJSON(guards: YAMLWriter.Guards, digesting: Bool)
        /// Compact JSON.
        case json
        /// Only the digest's hash of the tagged bytes.
        case digest
    }

    /// Writes the record at `record` (of the plan's root type) in `syntax`: the bytes, the
    /// digest's hash (FNV-1a, as `TreeBytes` takes it) and the length of the bytes before any JSON
    /// escape (`.yamlEscapedForJSON`), or nil for a value the plan cannot write (a field outside it
    /// that encodes as a map or list, or in JSON-escaped YAML a scalar that may be invisible).
    /// - Parameters:
    ///   - firstFieldFrom: a record whose first field is written in place of the record's own.
    ///   - hashingFirst: false leaves that first field out of the hash.
    func write(
        _ record: UnsafeRawPointer, _ syntax: Syntax, firstFieldFrom: UnsafeRawPointer? = nil, hashingFirst: Bool = true,
        capacity: Int = 4096
    ) -> (bytes: [UInt8], hash: UInt64, unescapedCount: Int)? {
        var writer = PlanWriter(
            syntax, steps: UnsafePointer(steps.baseAddress!), others: others, arraysInPlace: arraysInPlace, capacity: capacity)
        writer.writeRoot(record, root, firstFieldFrom: firstFieldFrom, hashingFirst: hashingFirst)
        if writer.gaveUp { return nil }
        return (writer.bytes(), writer.hash, writer.unescapedCount)
    }
}

/// A type whose values the write plan writes as plain scalars, read at an address holding an
/// optional value: the draft's enumerations, named in `PlainScalars.types`.
protocol PlainScalarField: DraftCodable {
    /// The plain text of the `Self?` at `address`, or nil for nil.
    static func plainText(at address: UnsafeRawPointer) -> String?
}

extension PlainScalarField where Self: DraftEnum {
    static func plainText(at address: UnsafeRawPointer) -> String? {
        address.assumingMemoryBound(to: Self?.self).pointee?.rawValue
    }
}

extension Language: PlainScalarField {}
extension RequestKind: PlainScalarField {}
extension Role: PlainScalarField {}
extension Priority: PlainScalarField {}
extension DeadlineKind: PlainScalarField {}
extension LegalReview: PlainScalarField {}
extension SecurityImpact: PlainScalarField {}

enum PlainScalars {
    /// Listed rather than found by a conformance check (see `WritePlan.Layout.layOut`); an
    /// enumeration missing here is written through its field's `encode`, as any other type.
    static let types: [any PlainScalarField.Type] = [
        Language.self, RequestKind.self, Role.self, Priority.self, DeadlineKind.self, LegalReview.self, SecurityImpact.self,
    ]
}

extension DraftCodable {
    /// Nil: not a record.
    public static func layOutWrites(in plan: inout WritePlan.Layout, indent: Int) -> Range<Int>? { nil }
}

extension Record {
    /// The steps of the record's fields, keys at `indent`.
    public static func layOutWrites(in plan: inout WritePlan.Layout, indent: Int) -> Range<Int>? {
        plan.layOut(Self.self, indent: indent)
    }
}
