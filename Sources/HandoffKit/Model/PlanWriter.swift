/// Writes records by a `WritePlan`'s steps into one `ByteBuffer`, in one syntax, hashing the
/// digest's tagged bytes (see `TreeBytes.Syntax.digest`) over whole runs as it goes.
///
/// A member is written as it comes and taken back when it turns out to hold nothing (a record
/// with no field filled in): the bytes are cut back and the hash restored, which is cheaper than
/// asking every record first.
struct PlanWriter: ~Copyable {
    private var out: ByteBuffer
    private(set) var hash = ContentHash.offsetBasis
    /// A value outside the plan encoded as a map or list, which this writer does not lay out, or
    /// (JSON-escaped YAML) a scalar that may be invisible, which only the whole text tells apart.
    private(set) var gaveUp = false
    private let yaml: Bool
    /// The YAML is written JSON-escaped (`YAMLScalarBytes.write(escapingForJSON:)`).
    private let escaping: Bool
    private let json: Bool
    private var hashing: Bool
    private let guards: YAMLWriter.Guards
    private let steps: UnsafePointer<WritePlan.Step>
    private let others: [(UnsafeRawPointer) -> Value?]
    /// Lists are read through `ArrayInPlace`.
    private let arraysInPlace: Bool

    init(
        _ syntax: WritePlan.Syntax, steps: UnsafePointer<WritePlan.Step>, others: [(UnsafeRawPointer) -> Value?],
        arraysInPlace: Bool, capacity: Int
    ) {
        // The buffer first: assigned after the other members, the optimizer took it for a
        // reassignment and freed the memory it had not yet allocated.
        let writesBytes = if case .digest = syntax { false } else { true }
        out = ByteBuffer(capacity: writesBytes ? capacity : 64)
        var guards = YAMLWriter.Guards.none
        var digesting = false
        var escaping = false
        switch syntax {
        case .yaml(let yamlGuards, let yamlDigesting):
            guards = yamlGuards
            digesting = yamlDigesting
        case .yamlEscapedForJSON(let yamlGuards, let yamlDigesting):
            guards = yamlGuards
            digesting = yamlDigesting
            escaping = true
        case .json, .digest: break
        }
        self.escaping = escaping
        yaml = switch syntax {
        case .yaml, .yamlEscapedForJSON: true
        case .json, .digest: false
        }
        json = if case .json = syntax { true } else { false }
        hashing = if case .digest = syntax { true } else { digesting }
        self.guards = guards
        self.steps = steps
        self.others = others
        self.arraysInPlace = arraysInPlace
    }

    /// The bytes written.
    func bytes() -> [UInt8] { out.bytes() }

    /// Where the writing stands, for `takeBack`.
    private var mark: (count: Int, hash: UInt64, addedByEscapes: Int) { (out.count, hash, out.addedByEscapes) }

    /// Forgets what was written since `mark` (a member that turned out to hold nothing).
    @inline(__always)
    private mutating func takeBack(to mark: (count: Int, hash: UInt64, addedByEscapes: Int)) {
        out.truncate(to: mark.count)
        out.addedByEscapes = mark.addedByEscapes
        hash = mark.hash
    }

    /// How many bytes were written, less what JSON escapes added: the length of the YAML that
    /// `.yamlEscapedForJSON` wrote escaped.
    var unescapedCount: Int { out.count - out.addedByEscapes }

    /// The root record as a map; an empty one as `{}`, as `Record.writeRecord` writes it.
    mutating func writeRoot(_ record: UnsafeRawPointer, _ range: Range<Int>, firstFieldFrom: UnsafeRawPointer?, hashingFirst: Bool) {
        hash(7)
        if json { out.append(UInt8(ascii: "{")) }
        var wrote = false
        if let first = firstFieldFrom, !range.isEmpty {
            let hashed = hashing
            let hashBefore = hash
            if !hashingFirst { hashing = false }
            wrote = member(first, steps + range.lowerBound, first: true, dash: false)
            hashing = hashed
            if !hashingFirst { hash = hashBefore }
        }
        // The record's own first field is nil when another stands for it: written, it adds nothing.
        wrote = fields(record, range, wroteBefore: wrote, dash: false)
        hash(8)
        if json {
            out.append(UInt8(ascii: "}"))
        } else if yaml && !wrote {
            out.append(UInt8(ascii: "{"))
            out.append(UInt8(ascii: "}"))
            newline()
        }
    }

    /// The members of the record at `record`; true when any was written. `dash`: the record is
    /// a list item, whose first key goes on the dash line.
    private mutating func fields(_ record: UnsafeRawPointer, _ range: Range<Int>, wroteBefore: Bool = false, dash: Bool) -> Bool {
        var wrote = wroteBefore
        for index in range where member(record, steps + index, first: !wrote, dash: dash && !wrote) { wrote = true }
        return wrote
    }

    @inline(__always)
    private mutating func key(_ step: UnsafePointer<WritePlan.Step>, first: Bool, dash: Bool) {
        if yaml {
            let start = out.count
            out.append(step.pointee.yamlKey)
            // The item's first key takes the place of the dash and its space.
            if dash { out.set(UInt8(ascii: "-"), at: start + step.pointee.indent - 2) }
        } else if json {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(step.pointee.jsonKey)
        }
        if hashing { hash(step.pointee.digestKey) }
    }

    /// One field's member; false, with nothing written, when the field holds nothing.
    private mutating func member(_ record: UnsafeRawPointer, _ step: UnsafePointer<WritePlan.Step>, first: Bool, dash: Bool) -> Bool {
        let field = record + step.pointee.offset
        switch step.pointee.kind {
        case .text:
            return Self.withBytes(of: field.assumingMemoryBound(to: String?.self)) { bytes in
                guard Self.holdsText(bytes) else { return false }
                key(step, first: first, dash: dash)
                string(bytes, indent: step.pointee.indent)
                return true
            } ?? false
        case .texts:
            return Self.strings(at: field, inPlace: arraysInPlace) { base, count in
                guard count > 0, let base else { return false }
                return list(step, first: first, dash: dash) { writer in
                    var wrote = false
                    let indent = step.pointee.indent + 2
                    for index in 0..<count where writer.item(base + index, indent: indent, first: !wrote) { wrote = true }
                    return wrote
                }
            }
        case .quantity:
            guard let quantity = field.assumingMemoryBound(to: Quantity?.self).pointee else { return false }
            let text = quantity.text
            return withUTF8InPlace(text) { bytes in
                if let first = bytes.first, first > 0x20, first < 0x7F {
                    // Visible ASCII first: not empty.
                } else if quantity.isEmptyValue {
                    return false
                }
                key(step, first: first, dash: dash)
                if case .number = quantity { plain(bytes, tag: 2) } else { string(bytes, indent: step.pointee.indent) }
                return true
            }
        case .date:
            guard let date = field.assumingMemoryBound(to: CivilDate?.self).pointee else { return false }
            key(step, first: first, dash: dash)
            self.date(date)
            return true
        case .until:
            guard let until = field.assumingMemoryBound(to: RunsUntil?.self).pointee else { return false }
            key(step, first: first, dash: dash)
            switch until {
            case .date(let date): self.date(date)
            case .permanent: plain("permanent", tag: 4)
            }
            return true
        case .bool:
            guard let flag = field.assumingMemoryBound(to: Bool?.self).pointee else { return false }
            key(step, first: first, dash: dash)
            bool(flag)
            return true
        case .int:
            guard let number = field.assumingMemoryBound(to: Int?.self).pointee else { return false }
            key(step, first: first, dash: dash)
            plain(String(number), tag: 2)
            return true
        case .plain:
            guard let text = step.pointee.plainType!.plainText(at: field) else { return false }
            key(step, first: first, dash: dash)
            plain(text, tag: 4)
            return true
        case .record:
            let mark = self.mark
            key(step, first: first, dash: dash)
            if yaml { newline() } else if json { out.append(UInt8(ascii: "{")) }
            hash(7)
            guard fields(field, step.pointee.nested, dash: false) else {
                takeBack(to: mark)
                return false
            }
            if json { out.append(UInt8(ascii: "}")) }
            hash(8)
            return true
        case .records:
            return Self.records(at: field, step, inPlace: arraysInPlace) { base, count, stride in
                guard count > 0, let base else { return false }
                return list(step, first: first, dash: dash) { writer in
                    var wrote = false
                    for index in 0..<count where writer.recordItem(base + index * stride, step.pointee.nested, first: !wrote) {
                        wrote = true
                    }
                    return wrote
                }
            }
        case .other:
            guard let value = others[step.pointee.other](record) else { return false }
            key(step, first: first, dash: dash)
            self.value(value, indent: step.pointee.indent)
            return true
        }
    }

    /// A list member: its key, then what `items` writes; taken back when that is nothing.
    @inline(__always)
    private mutating func list(
        _ step: UnsafePointer<WritePlan.Step>, first: Bool, dash: Bool, _ items: (inout PlanWriter) -> Bool
    ) -> Bool {
        let mark = self.mark
        key(step, first: first, dash: dash)
        if yaml { newline() } else if json { out.append(UInt8(ascii: "[")) }
        hash(5)
        guard items(&self) else {
            takeBack(to: mark)
            return false
        }
        if json { out.append(UInt8(ascii: "]")) }
        hash(6)
        return true
    }

    /// A string item of a list whose dashes are at `indent`; false for blank text, left out.
    private mutating func item(_ text: UnsafePointer<String>, indent: Int, first: Bool) -> Bool {
        Self.withBytes(of: text) { bytes in
            guard Self.holdsText(bytes) else { return false }
            if yaml {
                out.reserve(indent + 1)
                out.appendReservedSpaces(indent)
                out.appendReserved(UInt8(ascii: "-"))
            } else if json && !first {
                out.append(UInt8(ascii: ","))
            }
            string(bytes, indent: indent)
            return true
        }
    }

    /// A record item of a list; taken back when none of its fields holds anything.
    private mutating func recordItem(_ record: UnsafeRawPointer, _ range: Range<Int>, first: Bool) -> Bool {
        let mark = self.mark
        if json {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
        }
        hash(7)
        guard fields(record, range, dash: yaml) else {
            takeBack(to: mark)
            return false
        }
        if json { out.append(UInt8(ascii: "}")) }
        hash(8)
        return true
    }

    /// The strings of the `[String]` at `list`, where they are when `inPlace` (`ArrayInPlace`).
    @inline(__always)
    private static func strings<Result>(
        at list: UnsafeRawPointer, inPlace: Bool, _ body: (UnsafePointer<String>?, Int) -> Result
    ) -> Result {
        guard inPlace else {
            return list.assumingMemoryBound(to: [String].self).pointee.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
        }
        let (base, count) = ArrayInPlace.elements(at: list)
        return body(base.assumingMemoryBound(to: String.self), count)
    }

    /// The records of the list at `list` (of the step's item type), where they are when `inPlace`.
    @inline(__always)
    private static func records<Result>(
        at list: UnsafeRawPointer, _ step: UnsafePointer<WritePlan.Step>, inPlace: Bool,
        _ body: (_ base: UnsafeRawPointer?, _ count: Int, _ stride: Int) -> Result
    ) -> Result {
        guard inPlace else { return withItems(of: step.pointee.itemType!, at: list, body) }
        let (base, count) = ArrayInPlace.elements(at: list)
        return body(base, count, step.pointee.itemStride)
    }

    private static func withItems<Item: DraftCodable, Result>(
        of _: Item.Type, at list: UnsafeRawPointer, _ body: (_ base: UnsafeRawPointer?, _ count: Int, _ stride: Int) -> Result
    ) -> Result {
        list.assumingMemoryBound(to: [Item].self).pointee.withUnsafeBufferPointer { items in
            body(items.baseAddress.map(UnsafeRawPointer.init), items.count, MemoryLayout<Item>.stride)
        }
    }

    // MARK: Scalars

    /// The UTF-8 of the string at `text` in place, or nil for nil. A string copied out of the
    /// record to be read (`pointee`, `if let`) costs a retain and a release, each a locked
    /// read-modify-write, because the compiler cannot tell that the closure leaves the record
    /// alone; `withUTF8` called on the string where it is borrows it instead. It writes only to
    /// make a string contiguous, which every string on Linux already is (native, small or a
    /// literal): the record is read, never changed.
    @inline(__always)
    private static func withBytes<Result>(
        of text: UnsafePointer<String?>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result? {
        UnsafeMutablePointer(mutating: text).pointee?.withUTF8(body)
    }

    /// `withBytes(of:_:)` of a string that is there.
    @inline(__always)
    private static func withBytes<Result>(of text: UnsafePointer<String>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        UnsafeMutablePointer(mutating: text).pointee.withUTF8(body)
    }

    /// The text whose UTF-8 `bytes` is, for what only a `String` answers (rare text): the same
    /// string, as a string's bytes are always valid UTF-8.
    @inline(__always)
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `String.write` writes the text: not empty or blank.
    @inline(__always)
    private static func holdsText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first > 0x20 && first < 0x7F { return true }
        // Lead bytes E3–E9 start U+3000–U+9FFF (kana, kanji), where only U+3000 is white space.
        if first &- 0xE3 < 7 && bytes.count >= 3 && (first != 0xE3 || bytes[1] != 0x80 || bytes[2] != 0x80) { return true }
        let text = text(bytes)
        return text.startsWithNonBlankScalar || !text.isEmptyValue
    }

    private mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, indent: Int) {
        if hashing {
            hash(3)
            hash(bytes)
            hash(0)
        }
        if yaml {
            let written = YAMLScalarBytes.write(
                bytes, of: Self.text(bytes), indent: indent, guards: guards, escapingForJSON: escaping, into: &out)
            if !written { gaveUp = true }
        } else if json {
            JSONStringBytes.write(bytes, of: Self.text(bytes), into: &out)
        }
    }

    /// A number (`tag` 2) or a keyword or date (4): as it is in YAML, quoted in JSON unless a number.
    private mutating func plain(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt8) {
        if hashing {
            hash(tag)
            hash(bytes)
            hash(0)
        }
        if escaping {
            out.append(0x20)
            if !JSONStringBytes.writeEscaped(bytes, quoted: false, into: &out) { gaveUp = true }
            newline()
        } else if yaml {
            out.reserve(bytes.count + 2)
            out.appendReserved(0x20)
            if let base = bytes.baseAddress { out.appendReserved(base, count: bytes.count) }
            out.appendReserved(0x0A)
        } else if json {
            if tag == 2 {
                out.append(bytes)
            } else {
                JSONStringBytes.write(bytes, of: String(decoding: bytes, as: UTF8.self), into: &out)
            }
        }
    }

    private mutating func plain(_ text: String, tag: UInt8) {
        withUTF8InPlace(text) { plain($0, tag: tag) }
    }

    private mutating func bool(_ flag: Bool) {
        if hashing {
            hash(1)
            hash(flag ? 1 : 0)
        }
        if yaml {
            plainBytes(flag ? " true" : " false")
            newline()
        } else if json {
            plainBytes(flag ? "true" : "false")
        }
    }

    /// A YAML line break, JSON-escaped when `escaping`.
    @inline(__always)
    private mutating func newline() { YAMLScalarBytes.newline(escapingForJSON: escaping, into: &out) }

    private mutating func plainBytes(_ literal: StaticString) {
        out.append(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// `YYYY-MM-DD`, as `CivilDate.description` writes it, without making the string.
    private mutating func date(_ date: CivilDate) {
        guard (0...9999).contains(date.year), (1...12).contains(date.month), (1...31).contains(date.day) else {
            return plain(date.description, tag: 4)
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { digits in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    digits[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(date.year, 4, at: 0)
            digits[4] = UInt8(ascii: "-")
            put(date.month, 2, at: 5)
            digits[7] = UInt8(ascii: "-")
            put(date.day, 2, at: 8)
            plain(UnsafeBufferPointer(digits), tag: 4)
        }
    }

    /// A value from a field outside the plan: scalars as their kinds are written; a map or a
    /// list gives up the whole writing (`gaveUp`).
    private mutating func value(_ value: Value, indent: Int) {
        switch value {
        case .null:
            hash(0)
            if yaml {
                plainBytes(" null")
                newline()
            } else if json {
                plainBytes("null")
            }
        case .bool(let flag): bool(flag)
        case .number(let text): plain(text, tag: 2)
        case .plain(let text): plain(text, tag: 4)
        case .string(let text): withUTF8InPlace(text) { string($0, indent: indent) }
        case .list, .map: gaveUp = true
        }
    }

    @inline(__always)
    private mutating func hash(_ byte: UInt8) {
        if hashing { hash = (hash ^ UInt64(byte)) &* ContentHash.prime }
    }

    @inline(__always)
    private mutating func hash(_ bytes: UnsafeBufferPointer<UInt8>) {
        hash = ContentHash.feed(bytes, into: hash)
    }
}

/// An array's elements read where they are. Reading an array from a record copies its one
/// reference, which costs a retain and a release (each a locked read-modify-write), and a list of
/// records, whose type the plan holds as `any DraftCodable.Type`, went through generic code that
/// looks up the array's metadata at every list (some fifteen hundred instructions each). Every
/// array is one reference to a buffer object whose header (the object's two words, then the
/// count and the capacity) comes before the elements, at the same offset for elements aligned to
/// at most `largestAlignment`: `WritePlan` reads lists so only where `readsArrays` says that
/// holds, and the record keeps the buffer alive while it is read.
enum ArrayInPlace {
    /// The largest alignment of an element that starts right after the header.
    static let largestAlignment = 16

    /// The first element and the count of the array at `array`.
    @inline(__always)
    static func elements(at array: UnsafeRawPointer) -> (base: UnsafeRawPointer, count: Int) {
        let buffer = array.load(as: UnsafeRawPointer.self)
        return (buffer + 32, buffer.load(fromByteOffset: 16, as: Int.self))
    }

    /// Whether `elements(at:)` reads what arrays hold here, tried on arrays of strings and of
    /// pairs of them, empty and not.
    static func readsArrays() -> Bool {
        guard MemoryLayout<[String]>.size == MemoryLayout<UnsafeRawPointer>.size else { return false }
        func reads<Element>(_ array: [Element]) -> Bool {
            withUnsafePointer(to: array) { pointer in
                let read = elements(at: UnsafeRawPointer(pointer))
                return array.withUnsafeBufferPointer { buffer in
                    read.count == buffer.count && (buffer.isEmpty || read.base == UnsafeRawPointer(buffer.baseAddress!))
                }
            }
        }
        let texts = ["a", "bc", String(repeating: "long ", count: 20)]
        return reads([String]()) && reads(texts) && reads(Array(repeating: "x", count: 100))
            && reads(texts.map { ($0, $0) }) && reads([(String, Int)]())
    }
}
