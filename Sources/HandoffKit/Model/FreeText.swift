/// The free text of a draft for the rules that scan prose (`sensitive-data`): every string, walked
/// field by field rather than through `encoded` (which built a `Value` tree of the whole draft),
/// with its field path kept as steps and spelled out (`requirements[3].text`) only for the texts
/// a rule reports. Contact fields (e-mail addresses that belong there) and the fields written by
/// the tool are left out.
enum FreeText {
    static let excludedKeys: Set<String> = ["format", "id", "lang", "email", "role", "priority", "deadline", "legal_review"]

    /// The strings in `value`, for the types that have no walk of their own.
    static func walk(_ value: Value, _ walk: inout FreeTextWalk) {
        switch value {
        case .string(let text): walk.visit(text)
        case .list(let items):
            for (index, item) in items.enumerated() {
                walk.path.append(.index(index))
                Self.walk(item, &walk)
                walk.path.removeLast()
            }
        case .map(let entries):
            for entry in entries where !excludedKeys.contains(entry.key) {
                walk.path.append(.key(entry.key))
                Self.walk(entry.value, &walk)
                walk.path.removeLast()
            }
        default: break
        }
    }

    /// A field's walk under `key` over the value at `keyPath` of the record at the address it is
    /// given, muted for the left-out keys (decided once, when the field is made). A stored
    /// property is reached at its offset, so neither the record nor the value is copied.
    /// - Parameter isAbsent: true for a value that holds nothing at a glance (nil, an empty
    ///   list), which is not walked at all: most fields of a draft are not filled in.
    static func fieldWalk<Root, Value>(
        _ key: String, _ keyPath: KeyPath<Root, Value>, isAbsent: @escaping (UnsafePointer<Value>) -> Bool = { _ in false },
        _ body: @escaping (UnsafePointer<Value>, inout FreeTextWalk) -> Bool
    ) -> (UnsafeRawPointer, inout FreeTextWalk) -> Bool {
        let muted = excludedKeys.contains(key)
        let step = FreeTextWalk.Step.key(key)
        guard let offset = MemoryLayout<Root>.offset(of: keyPath) else {
            return { root, walk in
                let value = root.assumingMemoryBound(to: Root.self).pointee[keyPath: keyPath]
                return withUnsafePointer(to: value) { isAbsent($0) ? false : walk.field(step, muted: muted, $0, body) }
            }
        }
        return { root, walk in
            let value = (root + offset).assumingMemoryBound(to: Value.self)
            return isAbsent(value) ? false : walk.field(step, muted: muted, value, body)
        }
    }
}

/// A walk over the free text of a value: where it is (the steps from the draft down) and what
/// to do with each text. Numbering follows `encoded`: empty items of a list are not counted.
public struct FreeTextWalk {
    /// One step of a field path: a key, or a position among the non-empty items of a list — the
    /// decoder's path components, so both name a field the same way.
    public typealias Step = DecodeContext.PathComponent

    /// The steps from the draft down to a value, kept only by a walk that names fields: a scan
    /// that reports few texts walks without them (each step held a key's string, retained and
    /// released at every field), then names just its texts' fields in a second walk.
    public struct Path {
        /// The steps, empty when they are not kept.
        public internal(set) var steps: [Step] = []
        let isKept: Bool

        @inline(__always)
        mutating func append(_ step: Step) {
            if isKept { steps.append(step) }
        }

        @inline(__always)
        mutating func removeLast() {
            if isKept { steps.removeLast() }
        }
    }

    /// The steps to the value being walked.
    public internal(set) var path: Path
    /// Above zero inside a field whose text is not free text: its emptiness still counts (an item
    /// holding only an e-mail address keeps its place in the numbering), its strings are not visited.
    var muted = 0
    let visitor: (String, [Step]) -> Void

    /// A walk handing each text to `visitor` with its path, or with no path unless `keepsPath`.
    init(keepsPath: Bool = true, visitor: @escaping (String, [Step]) -> Void) {
        path = Path(isKept: keepsPath)
        self.visitor = visitor
    }

    /// Hands `text` to the visitor with the current path, unless inside a left-out field.
    public func visit(_ text: String) {
        if muted == 0 { visitor(text, path.steps) }
    }

    /// Walks the field at `value` one step down with `body`; `muted` for the left-out keys.
    /// Returns what `body` returns: whether the field holds anything.
    @inline(__always)
    mutating func field<Value>(
        _ step: Step, muted: Bool, _ value: UnsafePointer<Value>, _ body: (UnsafePointer<Value>, inout FreeTextWalk) -> Bool
    ) -> Bool {
        // Nothing inside a left-out field is visited, so its step is never named.
        if muted {
            self.muted += 1
            defer { self.muted -= 1 }
            return body(value, &self)
        }
        path.append(step)
        defer { path.removeLast() }
        return body(value, &self)
    }
}

extension DraftCodable {
    /// Walks the strings in the value's encoded form, as `encoded` holds them; contact, enum and
    /// tool-written keys inside it are skipped. False, with nothing visited, when the value is empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool {
        guard !isEmptyValue else { return false }
        FreeText.walk(encoded, &walk)
        return true
    }

    /// Every free-text string of the value with its field path spelled out, as `visit` is handed
    /// them; the path is named only when `visit` asks for it.
    func visitFreeText(_ visit: (_ text: String, _ field: () -> String) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walk = FreeTextWalk { text, path in visit(text) { DecodeContext.render(path) } }
            _ = walkFreeText(&walk)
        }
    }
}

extension DraftCodable {
    /// Every free-text string of the value, in the order `visitFreeText` hands them, with no
    /// field path: for a scan that names a field only for the few texts it reports
    /// (`freeTextFields(at:)` names them).
    func visitFreeTextUnnamed(_ visit: (_ text: String) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walk = FreeTextWalk(keepsPath: false) { text, _ in visit(text) }
            _ = walkFreeText(&walk)
        }
    }

    /// The field paths of the texts at `ordinals` (ascending, counted from 0) in the order
    /// `visitFreeTextUnnamed` hands them.
    func freeTextFields(at ordinals: [Int]) -> [String] {
        var fields: [String] = []
        var ordinal = 0
        var walk = FreeTextWalk { _, path in
            if fields.count < ordinals.count, ordinals[fields.count] == ordinal { fields.append(DecodeContext.render(path)) }
            ordinal += 1
        }
        _ = walkFreeText(&walk)
        return fields
    }
}

extension Record {
    /// Walks the free text of each field; contact, enum and tool-written fields
    /// (`FreeText.excludedKeys`) are walked muted. False when no field holds anything, which is
    /// `isEmptyValue` found without encoding the record.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool {
        // The fields read the record where it is, through its address.
        withUnsafePointer(to: self) { record in
            Self.fields.withUnsafeBufferPointer { fields in
                var holdsAnything = false
                for index in fields.indices where fields[index].walkText(record, &walk) { holdsAnything = true }
                return holdsAnything
            }
        }
    }
}

extension String {
    /// Visits the string itself unless it is empty or blank (which `encoded` leaves out).
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool {
        guard startsVisibly || !isEmptyValue else { return false }
        walk.visit(self)
        return true
    }

    /// True when the first scalar is plainly not white space (printable ASCII, kana or kanji), so
    /// the text is not blank: decided from its first bytes, where asking its first `Character`
    /// would break the text into graphemes (most Japanese text starts with kana or kanji).
    var startsVisibly: Bool {
        let utf8 = self.utf8
        guard !utf8.isEmpty else { return false }
        let first = utf8[utf8.startIndex]
        if first > 0x20, first < 0x7F { return true }
        // Lead bytes E3–E9 start U+3000–U+9FFF, where only U+3000 (E3 80 80) is white space.
        guard first &- 0xE3 < 7 else { return false }
        guard first == 0xE3 else { return true }
        let second = utf8.index(after: utf8.startIndex)
        return utf8[second] != 0x80 || utf8[utf8.index(after: second)] != 0x80
    }
}

// Dates, enumerations, numbers and yes/no are written as plain scalars, never as text: there is
// no free text in them to visit, and encoding them (a date formats itself) only to find none
// cost more than walking the strings of the draft.

extension CivilDate {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
}

extension RunsUntil {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
}

extension DraftEnum {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
}

extension Bool {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
}

extension Int {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
}

extension Quantity {
    /// The text of a quantity written as text (a number is written as a number); false when blank.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool {
        guard text.startsVisibly || !isEmptyValue else { return false }
        if case .text(let text) = self { walk.visit(text) }
        return true
    }
}
