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
        guard let value = decode(node, in: &context) else { return }
        storage.assumingMemoryBound(to: Self?.self).pointee = value
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
