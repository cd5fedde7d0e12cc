/// Drafts decoded straight from JSON bytes, as the field tables lay them out: no node table, no
/// field path, a string made once from the line's bytes for each text.
///
/// It is only ever right or silent: each value is decoded by the type's own `TableNode` decoding
/// (through a one-node table of the scalar), and at the first thing that is not a valid draft in
/// the plain JSON that `JSONReader` takes (an unknown or repeated key, a problem recorded, a
/// shape the field does not take, a limit) it gives up, and the document is read again the
/// usual way, whose tree carries the lines, columns and field paths that the errors name.
extension DraftLoader {
    /// The draft in `chunk` when it is a valid draft written as plain JSON; nil otherwise (the
    /// caller then loads it through its table, which words every problem).
    static func loadJSON(chunk: DocumentChunk, source: String, requireFormat: Bool, limits: InputLimits) -> LoadedDraft? {
        guard chunk.error == nil else { return nil }
        var text = chunk.text
        var draft = Draft()
        // Where the draft's keys are, passed on for the positions its findings may ask for.
        var keys: [FieldPositions.RootKey] = []
        keys.reserveCapacity(Draft.fields.count)
        var rootKeys: [FieldPositions.RootKey]? = consume keys
        let decoded = text.withUTF8 { bytes -> Bool in
            var scanner = JSONScanner(bytes: bytes, limits: limits)
            scanner.skipSpace()
            guard scanner.next == UInt8(ascii: "{") else { return false }
            var context = DecodeContext(pathless: source)
            guard Draft.decodeJSON(&scanner, into: &draft, depth: 0, in: &context, rootKeys: &rootKeys) else { return false }
            scanner.skipSpace()
            return scanner.atEnd
        }
        guard decoded else { return nil }
        // A file must name its format: when it does not, the table's path words the error.
        if requireFormat {
            for field in Draft.fields where field.whenMissing != nil && field.encode(draft) == nil { return nil }
        }
        return LoadedDraft(
            draft: consume draft, source: source, documentIndex: chunk.index,
            positions: FieldPositions(unparsed: chunk, limits: limits, rootKeys: rootKeys ?? []))
    }
}

extension DraftCodable {
    /// A scalar into the `Self?` at `storage`, as `decodeField(_:intoOptional:in:)` decodes it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoOptional storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        scanner.scalar(depth: depth) { node in
            decodeField(node, intoOptional: storage, in: &context)
            return context.isClean
        }
    }

    /// A list of scalars (or one scalar) into the `[Self]` at `storage`, as
    /// `decodeField(_:intoList:in:)` decodes it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoList storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        guard scanner.next == UInt8(ascii: "[") else {
            return scanner.scalar(depth: depth) { node in
                decodeField(node, intoList: storage, in: &context)
                return context.isClean
            }
        }
        guard scanner.enter(depth: depth) else { return false }
        var values: [Self] = []
        if !scanner.openIsEmpty(close: UInt8(ascii: "]")) {
            while true {
                let item = scanner.scalar(depth: depth + 1) { node in
                    if node.isNull { return true }
                    guard let value = decode(node, in: &context) else { return false }
                    values.append(value)
                    return context.isClean
                }
                guard item, let more = scanner.separator(close: UInt8(ascii: "]")) else { return false }
                if !more { break }
            }
        }
        storage.assumingMemoryBound(to: [Self].self).pointee = values
        return true
    }

    /// A scalar into the `Self` at `storage`, as `decodeField(_:intoValue:in:)` decodes it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoValue storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        scanner.scalar(depth: depth) { node in
            decodeField(node, intoValue: storage, in: &context)
            return context.isClean
        }
    }
}

extension String {
    /// `DraftCodable.decodeJSON(_:intoOptional:depth:in:)` for text: any scalar is text, so the
    /// string is made straight from the scanner's bytes, with no one-node table, witness or
    /// decoding context between (text fields are most of a draft's values).
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoOptional storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        scanner.scalarText(depth: depth) { bytes, plain in
            if plain && NodeTable.isNullSpelling(bytes) { return true }
            storage.assumingMemoryBound(to: String?.self).pointee = NodeTable.string(validUTF8: bytes)
            return true
        }
    }

    /// `DraftCodable.decodeJSON(_:intoList:depth:in:)` for text, the same way: a scalar is a list
    /// of one, null an empty list, and null items are left out.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoList storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        let list = storage.assumingMemoryBound(to: [String].self)
        guard scanner.next == UInt8(ascii: "[") else {
            return scanner.scalarText(depth: depth) { bytes, plain in
                list.pointee = plain && NodeTable.isNullSpelling(bytes) ? [] : [NodeTable.string(validUTF8: bytes)]
                return true
            }
        }
        guard scanner.enter(depth: depth) else { return false }
        var values: [String] = []
        if !scanner.openIsEmpty(close: UInt8(ascii: "]")) {
            while true {
                let item = scanner.scalarText(depth: depth + 1) { bytes, plain in
                    if !(plain && NodeTable.isNullSpelling(bytes)) { values.append(NodeTable.string(validUTF8: bytes)) }
                    return true
                }
                guard item, let more = scanner.separator(close: UInt8(ascii: "]")) else { return false }
                if !more { break }
            }
        }
        list.pointee = values
        return true
    }
}

extension Record {
    /// An object of the record's own keys into `record` (which holds `Self()`), the scanner on
    /// its `{`: each key matched by its bytes, each value decoded where the field is kept.
    static func decodeJSON(
        _ scanner: inout JSONScanner, into record: UnsafeMutablePointer<Self>, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        var none: [FieldPositions.RootKey]? = nil
        return decodeJSON(&scanner, into: record, depth: depth, in: &context, rootKeys: &none)
    }

    /// The same, noting each key's place in `rootKeys` when it is given (for the draft's own mapping).
    static func decodeJSON(
        _ scanner: inout JSONScanner, into record: UnsafeMutablePointer<Self>, depth: Int, in context: inout DecodeContext,
        rootKeys: inout [FieldPositions.RootKey]?
    ) -> Bool {
        guard scanner.enter(depth: depth) else { return false }
        if scanner.openIsEmpty(close: UInt8(ascii: "}")) { return true }
        return Self.fields.withUnsafeBufferPointer { fields in
            var seen: UInt64 = 0
            var expected = 0
            while true {
                let keyStart = scanner.index
                let keyLineBreaks = scanner.lineBreaks
                guard let key = scanner.key(depth: depth + 1), let fieldIndex = Self.fieldIndex(ofASCII: key, in: fields, from: expected),
                    fieldIndex < 64, seen & (1 << UInt64(fieldIndex)) == 0
                else { return false }
                seen |= 1 << UInt64(fieldIndex)
                expected = fieldIndex + 1
                guard scanner.colon(keyStart: keyStart, keyLineBreaks: keyLineBreaks) else { return false }
                rootKeys?.append(
                    FieldPositions.RootKey(key: (keyStart + 1)..<(keyStart + 1 + key.count), keyOffset: keyStart, valueOffset: scanner.index))
                let decoded: Bool
                if let slot = fields[fieldIndex].slot {
                    let storage = UnsafeMutableRawPointer(record) + slot.offset
                    switch slot.form {
                    case .optional: decoded = slot.type.decodeJSON(&scanner, intoOptional: storage, depth: depth + 1, in: &context)
                    case .list: decoded = slot.type.decodeJSON(&scanner, intoList: storage, depth: depth + 1, in: &context)
                    case .value: decoded = slot.type.decodeJSON(&scanner, intoValue: storage, depth: depth + 1, in: &context)
                    }
                } else {
                    // A field with a rule of its own takes a scalar here; anything else, the table's path.
                    decoded = scanner.scalar(depth: depth + 1) { node in
                        fields[fieldIndex].decode(&record.pointee, node, &context)
                        return context.isClean
                    }
                }
                guard decoded, let more = scanner.separator(close: UInt8(ascii: "}")) else { return false }
                if !more { return true }
            }
        }
    }

    /// An object, null or (with a shorthand) a scalar into the record at `storage`, as
    /// `decodeField(_:intoValue:in:)` decodes it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoValue storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        if scanner.next == UInt8(ascii: "{") {
            return decodeJSON(&scanner, into: storage.assumingMemoryBound(to: Self.self), depth: depth, in: &context)
        }
        return scanner.scalar(depth: depth) { node in
            decodeField(node, intoValue: storage, in: &context)
            return context.isClean
        }
    }

    /// An object or a scalar into the `Self?` at `storage`, as `decodeField(_:intoOptional:in:)` decodes it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoOptional storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        if scanner.next == UInt8(ascii: "{") {
            var value = Self()
            guard decodeJSON(&scanner, into: &value, depth: depth, in: &context) else { return false }
            storage.assumingMemoryBound(to: Self?.self).pointee = value
            return true
        }
        return scanner.scalar(depth: depth) { node in
            decodeField(node, intoOptional: storage, in: &context)
            return context.isClean
        }
    }

    /// A list of records (objects, or scalars a shorthand stands for), or one record, into the
    /// `[Self]` at `storage`, as `decodeField(_:intoList:in:)` decodes it: each record filled
    /// where the list keeps it.
    public static func decodeJSON(
        _ scanner: inout JSONScanner, intoList storage: UnsafeMutableRawPointer, depth: Int, in context: inout DecodeContext
    ) -> Bool {
        let list = storage.assumingMemoryBound(to: [Self].self)
        switch scanner.next {
        case UInt8(ascii: "{"):
            var record = Self()
            guard decodeJSON(&scanner, into: &record, depth: depth, in: &context) else { return false }
            list.pointee = [record]
            return true
        case UInt8(ascii: "["):
            break
        default:
            return scanner.scalar(depth: depth) { node in
                decodeField(node, intoList: storage, in: &context)
                return context.isClean
            }
        }
        guard scanner.enter(depth: depth) else { return false }
        var values: [Self] = []
        if !scanner.openIsEmpty(close: UInt8(ascii: "]")) {
            while true {
                let item: Bool
                if scanner.next == UInt8(ascii: "{") {
                    values.append(Self())
                    item = values.withUnsafeMutableBufferPointer { buffer in
                        decodeJSON(&scanner, into: buffer.baseAddress! + (buffer.count - 1), depth: depth + 1, in: &context)
                    }
                } else {
                    item = scanner.scalar(depth: depth + 1) { node in
                        if node.isNull { return true }
                        values.append(Self())
                        let decoded = values.withUnsafeMutableBufferPointer { buffer in
                            decode(node, into: &buffer[buffer.count - 1], in: &context)
                        }
                        return decoded && context.isClean
                    }
                }
                guard item, let more = scanner.separator(close: UInt8(ascii: "]")) else { return false }
                if !more { break }
            }
        }
        list.pointee = values
        return true
    }

    /// The field whose key is `key`, ASCII bytes, trying the fields from `hint` on first; nil
    /// for a key that is no field's or not ASCII.
    static func fieldIndex(ofASCII key: UnsafeBufferPointer<UInt8>, in fields: UnsafeBufferPointer<Field<Self>>, from hint: Int) -> Int? {
        let words = FieldKeyBytes(words: key)
        guard words.count <= 24, (words.head | words.last | words.middle) & 0x8080_8080_8080_8080 == 0 else { return nil }
        let start = min(hint, fields.count)
        for index in start..<fields.count where fields[index].keyBytes.sameWords(words) { return index }
        for index in 0..<start where fields[index].keyBytes.sameWords(words) { return index }
        return nil
    }
}
