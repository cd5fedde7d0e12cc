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
    /// False: most types may hold text.
    public static var holdsNoFreeText: Bool { false }
    /// Nil: not a record.
    public static func layOutFreeText(in plan: inout FreeTextPlan.Layout) -> Range<Int>? { nil }

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

extension Draft {
    /// Every free-text string of the draft, in the order `visitFreeText` hands them, with no
    /// field path: for a scan that names a field only for the few texts it reports
    /// (`freeTextFields(at:)` names them). Walked by `FreeTextPlan.draft`, not field by field.
    func visitFreeTextUnnamed(_ visit: (_ text: String) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walk = FreeTextWalk(keepsPath: false) { text, _ in visit(text) }
            withUnsafePointer(to: self) { FreeTextPlan.draft.walk(UnsafeRawPointer($0), &walk, visit) }
        }
    }
}

extension DraftCodable {
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
    /// The steps of the record's fields.
    public static func layOutFreeText(in plan: inout FreeTextPlan.Layout) -> Range<Int>? { plan.layOut(Self.self) }

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
    /// True: nothing to walk.
    public static var holdsNoFreeText: Bool { true }
}

extension RunsUntil {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
    /// True: nothing to walk.
    public static var holdsNoFreeText: Bool { true }
}

extension DraftEnum {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
    /// True: nothing to walk.
    public static var holdsNoFreeText: Bool { true }
}

extension Bool {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
    /// True: nothing to walk.
    public static var holdsNoFreeText: Bool { true }
}

extension Int {
    /// Holds no free text; never empty.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool { true }
    /// True: nothing to walk.
    public static var holdsNoFreeText: Bool { true }
}

extension Quantity {
    /// The text of a quantity written as text (a number is written as a number); false when blank.
    public func walkFreeText(_ walk: inout FreeTextWalk) -> Bool {
        guard text.startsVisibly || !isEmptyValue else { return false }
        if case .text(let text) = self { walk.visit(text) }
        return true
    }
}

/// The walk of `Draft.visitFreeTextUnnamed`, laid out once: per record type, the offset and
/// kind of each field that may hold free text, so that a draft is walked by a loop over flat
/// steps. Walking field by field through each field's `walkText` cost about two hundred
/// instructions a field (three closures called, their contexts retained), and a draft has a
/// hundred-odd fields, most of them empty. Without paths, a left-out key (`excludedKeys`) only
/// mutes what is under it, so its field is simply not laid out; a field of a type it does not
/// know is walked by its own `walkText`. The steps hold no references, so the threads that walk
/// drafts at the same time never count references on the plan.
public final class FreeTextPlan: @unchecked Sendable {
    enum Kind: UInt8 {
        /// A `String?`; `[String]`; a `Quantity?`.
        case text, texts, quantity
        /// A nested record; a list of records.
        case record, records
        /// Walked by the field's own `walkText`.
        case field
    }

    struct Step {
        var kind: Kind
        /// Where the field is in its record.
        var offset = 0
        /// For a record or a list of records: its type's steps, `nested` in `steps`.
        var nested = 0..<0
        /// For a list of records: the type of its items.
        var itemType: (any DraftCodable.Type)?
        /// For `.field`: its walk, in `fieldWalks`.
        var fieldWalk = 0
    }

    /// The plan of a draft.
    static let draft = FreeTextPlan(Draft.self)

    private let steps: UnsafeMutableBufferPointer<Step>
    /// The steps of the root record.
    private let root: Range<Int>
    let fieldWalks: [(UnsafeRawPointer, inout FreeTextWalk) -> Bool]

    init<Root: Record>(_: Root.Type) {
        var layout = Layout()
        root = layout.layOut(Root.self)
        steps = .allocate(capacity: max(1, layout.steps.count))
        _ = steps.initialize(from: layout.steps)
        fieldWalks = layout.fieldWalks
    }

    deinit { steps.deallocate() }

    /// The steps as they are laid out, before they go into the plan's buffer.
    public struct Layout {
        var steps: [Step] = []
        var fieldWalks: [(UnsafeRawPointer, inout FreeTextWalk) -> Bool] = []

        /// A record's own step with what is still to lay out for it: the type of a nested record
        /// and the field's index in its record's `fields`. Not generic, so the array of them has
        /// one type for every record; a tuple holding the `Field<Root>` itself was a new type per
        /// record, whose metadata the runtime built from its mangled name on the first draft.
        struct Pending {
            var step: Step
            var nested: (any DraftCodable.Type)?
            var field: Int
        }

        /// Appends the steps of `Root`'s fields, then those of the records inside it, so that a
        /// record's own steps stay together. What a field's type is comes from its requirements
        /// (`holdsNoFreeText`, `layOutFreeText`): asking whether it conforms to a protocol
        /// searched the binary's conformances, some two hundred thousand instructions a type.
        mutating func layOut<Root: Record>(_: Root.Type) -> Range<Int> {
            let fields = Root.fields
            var own: [Pending] = []
            for (index, field) in fields.enumerated() where !FreeText.excludedKeys.contains(field.key) {
                func pending(_ step: Step, _ nested: (any DraftCodable.Type)? = nil) -> Pending {
                    Pending(step: step, nested: nested, field: index)
                }
                guard let keyPath = field.keyPath as? PartialKeyPath<Root>,
                    let offset = MemoryLayout<Root>.offset(of: keyPath)
                else {
                    own.append(pending(ownWalk(field)))
                    continue
                }
                switch field.shape {
                case .value(let type) where type == String.self: own.append(pending(Step(kind: .text, offset: offset)))
                case .value(let type) where type == Quantity.self:
                    own.append(pending(Step(kind: .quantity, offset: offset)))
                case .list(let type) where type == String.self: own.append(pending(Step(kind: .texts, offset: offset)))
                case .value(let type) where type.holdsNoFreeText, .list(let type) where type.holdsNoFreeText: continue
                case .list(let type): own.append(pending(Step(kind: .records, offset: offset, itemType: type), type))
                case .record(let type): own.append(pending(Step(kind: .record, offset: offset), type))
                default: own.append(pending(ownWalk(field)))
                }
            }
            let start = steps.count
            for entry in own { steps.append(entry.step) }
            for (index, entry) in own.enumerated() {
                guard let nested = entry.nested else { continue }
                if let range = nested.layOutFreeText(in: &self) {
                    steps[start + index].nested = range
                } else {
                    // A list of some other type: walked by the field itself.
                    steps[start + index] = ownWalk(fields[entry.field])
                }
            }
            return start..<start + own.count
        }

        private mutating func ownWalk<Root>(_ field: Field<Root>) -> Step {
            fieldWalks.append(field.walkText)
            return Step(kind: .field, fieldWalk: fieldWalks.count - 1)
        }
    }

    /// Hands every free-text string of the record at `record` (of the plan's type) to `visit`:
    /// a text field's straight, the others' through `walk`, whose visitor must be `visit`.
    func walk(_ record: UnsafeRawPointer, _ walk: inout FreeTextWalk, _ visit: (String) -> Void) {
        self.walk(record, root, &walk, visit)
    }

    private func walk(_ record: UnsafeRawPointer, _ range: Range<Int>, _ walk: inout FreeTextWalk, _ visit: (String) -> Void) {
        for index in range {
            let step = steps[index]
            let field = record + step.offset
            switch step.kind {
            // A text is visited unless it is blank, as `String.walkFreeText` visits it, but without
            // the walk's visitor in between.
            case .text:
                // Matched in place: `if let` copied the string out (a retain and a release a text).
                switch field.assumingMemoryBound(to: String?.self).pointee {
                case .some(let text) where text.startsVisibly || !text.isEmptyValue: visit(text)
                default: break
                }
            case .texts:
                field.assumingMemoryBound(to: [String].self).pointee.withUnsafeBufferPointer { texts in
                    for text in texts.indices where texts[text].startsVisibly || !texts[text].isEmptyValue { visit(texts[text]) }
                }
            case .quantity:
                switch field.assumingMemoryBound(to: Quantity?.self).pointee {
                case .some(let quantity): _ = quantity.walkFreeText(&walk)
                case .none: break
                }
            case .record: self.walk(field, step.nested, &walk, visit)
            case .records:
                Self.forEachItem(step.itemType!, of: field) { item in self.walk(item, step.nested, &walk, visit) }
            case .field: _ = fieldWalks[step.fieldWalk](record, &walk)
            }
        }
    }

    private static func forEachItem<Item: DraftCodable>(_: Item.Type, of list: UnsafeRawPointer, _ body: (UnsafeRawPointer) -> Void) {
        list.assumingMemoryBound(to: [Item].self).pointee.withUnsafeBufferPointer { items in
            guard let base = items.baseAddress else { return }
            for index in items.indices { body(UnsafeRawPointer(base + index)) }
        }
    }
}
