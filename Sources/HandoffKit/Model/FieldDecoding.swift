/// Where a field is stored in its record and how it is decoded there: what `Record.decode` uses
/// instead of the field's `decode` closure. A metatype and an offset cost no reference counting,
/// where a closure stored in the field table is retained and released at every call, on a table
/// every worker thread shares, so its count bounced between the cores for every key of every draft.
struct FieldSlot {
    /// What the field holds, and so which of the type's `decodeField` forms decodes it.
    enum Form {
        case optional, list, value
    }

    let type: any DraftCodable.Type
    let form: Form
    /// The field's offset in its record.
    let offset: Int

    /// The slot of the field at `keyPath`; nil when that is not a stored property (no offset).
    init?<Root, Value>(_ type: any DraftCodable.Type, _ form: Form, _ keyPath: KeyPath<Root, Value>) {
        guard let offset = MemoryLayout<Root>.offset(of: keyPath) else { return nil }
        self.type = type
        self.form = form
        self.offset = offset
    }

    /// Decodes `node` into the field of the record at `record`.
    func decode(_ node: TableNode, intoRecordAt record: UnsafeMutableRawPointer, in context: inout DecodeContext) {
        let storage = record + offset
        switch form {
        case .optional: type.decodeField(node, intoOptional: storage, in: &context)
        case .list: type.decodeField(node, intoList: storage, in: &context)
        case .value: type.decodeField(node, intoValue: storage, in: &context)
        }
    }
}

extension DraftCodable {
    /// A single value into the `Self?` at `storage`, as `Field.value` without a rule decodes it:
    /// null or absent leaves it nil. (Requirements, so that each type's are specialised for it.)
    public static func decodeField(
        _ node: TableNode, intoOptional storage: UnsafeMutableRawPointer, in context: inout DecodeContext
    ) {
        guard !node.isNull else { return }
        // Moved in whole: binding the value (`if let`) would copy it, a retain of a string.
        let decoded = decode(node, in: &context)
        guard case .some = decoded else { return }
        storage.assumingMemoryBound(to: Self?.self).pointee = decoded
    }

    /// A list into the `[Self]` at `storage`, as `Field.list` without a check decodes it: a single
    /// value is a list of one, null an empty list.
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
                if let value = context.at(.index(index), { decode(item, in: &$0) }) {
                    values.append(value)
                }
            }
            list.pointee = values
        } else if node.isNull {
            list.pointee = []
        } else if let value = decode(node, in: &context) {
            list.pointee = [value]
        }
    }

    /// A value always present into the `Self` at `storage`, as `Field.record` decodes it: kept as
    /// it is when the node has the wrong shape.
    public static func decodeField(
        _ node: TableNode, intoValue storage: UnsafeMutableRawPointer, in context: inout DecodeContext
    ) {
        if let value = decode(node, in: &context) { storage.assumingMemoryBound(to: Self.self).pointee = value }
    }
}

/// A field's key as its length and up to three words of its UTF-8, so that a key read from a
/// document is matched against a record's fields with a few integer comparisons: no string is
/// made, retained or walked for each field tried.
struct FieldKeyBytes: Sendable {
    /// The key's length in bytes.
    let count: Int
    /// Bytes 0..<8 (zero-padded when shorter); bytes `count-8..<count` when longer than 8; bytes
    /// 8..<16 when 16 or longer. Together they cover keys of up to 24 bytes; longer keys are
    /// compared in full as well.
    let head: UInt64
    let last: UInt64
    let middle: UInt64

    init(_ key: String) {
        let bytes = Array(key.utf8)
        self = bytes.withUnsafeBufferPointer { FieldKeyBytes(words: $0) }
    }

    private init(count: Int, head: UInt64, last: UInt64, middle: UInt64) {
        self.count = count
        self.head = head
        self.last = last
        self.middle = middle
    }

    /// The words of `bytes`, laid out as `init(_:)` lays out a key's.
    @inline(__always)
    init(words bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard let base = bytes.baseAddress else {
            self.init(count: 0, head: 0, last: 0, middle: 0)
            return
        }
        let raw = UnsafeRawPointer(base)
        guard count >= 8 else {
            var head: UInt64 = 0
            if count >= 4 {
                // Two four-byte loads that overlap cover 4 to 7 bytes; the overlap ORs a byte with itself.
                head = UInt64(raw.loadUnaligned(as: UInt32.self))
                head |= UInt64(raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)) << UInt64((count &- 4) &* 8)
            } else {
                for index in 0..<count { head |= UInt64(bytes[index]) << UInt64(index &* 8) }
            }
            self.init(count: count, head: head, last: 0, middle: 0)
            return
        }
        self.init(
            count: count, head: raw.loadUnaligned(as: UInt64.self),
            last: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self),
            middle: count >= 16 ? raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) : 0)
    }

    /// Whether `other` holds the same words: the same key, for keys of up to 24 bytes.
    @inline(__always)
    func sameWords(_ other: FieldKeyBytes) -> Bool {
        count == other.count && head == other.head && last == other.last && middle == other.middle
    }
}

/// Which field of a record a key names: its index, and the key as written when that is not the
/// field's own spelling (text past ASCII, equal as `String` equality has it).
enum FieldMatch {
    case field(Int)
    case written(Int, String)
}

extension Record {
    /// `field(named:in:from:)` without the key: an ASCII key is matched by its length and words
    /// (`FieldKeyBytes`), so no string is touched for the fields it is not.
    static func fieldIndex(named keyNode: TableNode, in fields: UnsafeBufferPointer<Field<Self>>, from hint: Int) -> FieldMatch? {
        let bytes = keyNode.scalarBytes
        let words = FieldKeyBytes(words: bytes)
        if words.count <= 24 ? (words.head | words.last | words.middle) & 0x8080_8080_8080_8080 == 0 : NodeTable.isASCII(bytes) {
            func matches(_ index: Int) -> Bool {
                fields[index].keyBytes.sameWords(words) && (words.count <= 24 || NodeTable.sameBytes(fields[index].key, bytes))
            }
            let start = min(hint, fields.count)
            for index in start..<fields.count where matches(index) { return .field(index) }
            for index in 0..<start where matches(index) { return .field(index) }
            return nil
        }
        let written = keyNode.text
        return fields.firstIndex { $0.key == written }.map { .written($0, written) }
    }
}
