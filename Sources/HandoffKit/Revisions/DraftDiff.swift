/// What changed between two drafts, field by field: every leaf of the drafts' value trees
/// (`title`, `systems[1].change`, `scope.deliverables[2]`) that only the new one has (added), only
/// the old one has (removed), or both have with different values (changed).
///
/// Lists are compared position by position, the way their paths read: `systems[1]` of the old
/// draft is compared with `systems[1]` of the new one. `format` is left out: it marks the file
/// format, not the request.
public struct DraftDiff: Sendable, Equatable {
    /// How a field differs: only in the new draft, only in the old one, or in both with other values.
    public enum Kind: String, Sendable, CaseIterable {
        case added, removed, changed
    }

    /// One field that differs. `old` is nil for an added field, `new` for a removed one.
    public struct Change: Sendable, Equatable {
        /// Added, removed or changed.
        public var kind: Kind
        /// The leaf's path, such as `systems[1].change` or `scope.deliverables[2]`.
        public var field: String
        /// The interview section the field belongs to, which orders and groups the changes.
        public var section: Section
        /// The value in the old draft; nil when the field is added.
        public var old: Value?
        /// The value in the new draft; nil when the field is removed.
        public var new: Value?

        /// A change as given; nothing checks that `old` and `new` agree with `kind`.
        public init(kind: Kind, field: String, section: Section, old: Value?, new: Value?) {
            self.kind = kind
            self.field = field
            self.section = section
            self.old = old
            self.new = new
        }
    }

    /// Every difference in interview order: by section, then in the order the fields are asked.
    public var changes: [Change]

    /// Top-level keys that are not compared.
    static let ignoredKeys: Set<String> = ["format"]

    /// Compares two drafts in interview order (the field order of the draft schema), `format` aside.
    public init(old: Draft, new: Draft) {
        self.init(old: old.encoded, new: new.encoded, schema: Self.draftSchema)
    }

    /// Compares two value trees, such as `Draft.encoded`.
    /// - Parameter schema: the JSON Schema the trees follow, whose property order is the order
    ///   fields are asked in; without it, fields keep the order of the trees.
    public init(old: Value, new: Value, schema: Value? = nil) {
        var found: [Change] = []
        Self.compare(Self.withoutIgnored(old), Self.withoutIgnored(new), path: "", into: &found)
        let sectionOrder = Dictionary(uniqueKeysWithValues: Section.allCases.enumerated().map { ($1, $0) })
        let keyed = found.enumerated().map { offset, change in
            (
                change: change, section: sectionOrder[change.section]!,
                position: Self.position(of: change.field, in: schema), offset: offset
            )
        }
        changes = keyed.sorted { a, b in
            if a.section != b.section { return a.section < b.section }
            if a.position != b.position { return a.position.lexicographicallyPrecedes(b.position) }
            return a.offset < b.offset
        }.map(\.change)
    }

    static let draftSchema: Value = Draft.schema

    /// Where `field` sits in the order of `schema`: for each step of the path, the key's place
    /// among its record's properties or the list index. Steps the schema does not know sort last.
    static func position(of field: String, in schema: Value?) -> [Int] {
        guard let schema else { return [] }
        var node: Value? = schema
        var out: [Int] = []
        for step in steps(of: field) {
            switch step {
            case .index(let index):
                out.append(index)
                node = node.flatMap { unwrap($0)?["items"] }
            case .key(let key):
                guard case .map(let properties)? = node.flatMap({ unwrap($0)?["properties"] }),
                    let place = properties.firstIndex(where: { $0.key == key })
                else {
                    out.append(Int.max)
                    node = nil
                    continue
                }
                out.append(place)
                node = properties[place].value
            }
        }
        return out
    }

    /// The object or array member of a schema that may be written in a short form (`anyOf`).
    private static func unwrap(_ schema: Value) -> Value? {
        guard case .list(let members)? = schema["anyOf"] else { return schema }
        return members.first { $0["properties"] != nil || $0["items"] != nil }
    }

    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    /// `systems[1].data[0]` → key systems, index 1, key data, index 0.
    static func steps(of field: String) -> [Step] {
        var steps: [Step] = []
        var key = ""
        var index: String?
        for character in field {
            if var digits = index {
                if character == "]" {
                    steps.append(.index(Int(digits) ?? 0))
                    index = nil
                } else {
                    digits.append(character)
                    index = digits
                }
                continue
            }
            switch character {
            case ".":
                if !key.isEmpty { steps.append(.key(key)) }
                key = ""
            case "[":
                if !key.isEmpty { steps.append(.key(key)) }
                key = ""
                index = ""
            default:
                key.append(character)
            }
        }
        if !key.isEmpty { steps.append(.key(key)) }
        return steps
    }

    /// True when the drafts agree on every field compared.
    public var isEmpty: Bool { changes.isEmpty }
    /// The fields only the new draft has, in interview order.
    public var added: [Change] { changes.filter { $0.kind == .added } }
    /// The fields only the old draft has, in interview order.
    public var removed: [Change] { changes.filter { $0.kind == .removed } }
    /// The fields both drafts have with different values, in interview order.
    public var changed: [Change] { changes.filter { $0.kind == .changed } }

    /// How many changes are of `kind`.
    public func count(_ kind: Kind) -> Int { changes.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    // MARK: Flattening

    /// The leaves of `value` with their paths, in tree order: `title`, `scope.requirements[0].priority`.
    /// An empty list or map is a leaf of its own.
    public static func leaves(of value: Value, path: String = "") -> [(field: String, value: Value)] {
        var out: [(field: String, value: Value)] = []
        collect(value, path: path, into: &out)
        return out
    }

    private static func collect(_ value: Value, path: String, into out: inout [(field: String, value: Value)]) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            for entry in entries { collect(entry.value, path: join(path, entry.key), into: &out) }
        case .list(let items) where !items.isEmpty:
            for (index, item) in items.enumerated() { collect(item, path: path + "[\(index)]", into: &out) }
        default:
            out.append((path, value))
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func withoutIgnored(_ value: Value) -> Value {
        guard case .map(let entries) = value else { return value }
        return .map(entries.filter { !ignoredKeys.contains($0.key) })
    }

    private static func compare(_ old: Value?, _ new: Value?, path: String, into out: inout [Change]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (let old?, nil):
            for leaf in leaves(of: old, path: path) {
                out.append(
                    Change(kind: .removed, field: leaf.field, section: Section(field: leaf.field), old: leaf.value, new: nil))
            }
        case (nil, let new?):
            for leaf in leaves(of: new, path: path) {
                out.append(
                    Change(kind: .added, field: leaf.field, section: Section(field: leaf.field), old: nil, new: leaf.value))
            }
        case (.map(let oldEntries)?, .map(let newEntries)?):
            for key in mergedKeys(oldEntries.map(\.key), newEntries.map(\.key)) {
                compare(
                    oldEntries.first { $0.key == key }?.value, newEntries.first { $0.key == key }?.value,
                    path: join(path, key), into: &out)
            }
        case (.list(let oldItems)?, .list(let newItems)?):
            for index in 0..<max(oldItems.count, newItems.count) {
                compare(
                    index < oldItems.count ? oldItems[index] : nil, index < newItems.count ? newItems[index] : nil,
                    path: path + "[\(index)]", into: &out)
            }
        case (let old?, let new?):
            if old == new { return }
            if isContainer(old) || isContainer(new) {
                // A value that changed shape (a text that became a list): what went and what came.
                compare(old, nil, path: path, into: &out)
                compare(nil, new, path: path, into: &out)
            } else {
                out.append(Change(kind: .changed, field: path, section: Section(field: path), old: old, new: new))
            }
        }
    }

    private static func isContainer(_ value: Value) -> Bool {
        switch value {
        case .map(let entries): return !entries.isEmpty
        case .list(let items): return !items.isEmpty
        default: return false
        }
    }

    /// The keys of both maps, each once, keeping the order both follow (the model's field order):
    /// a key only the old map has sits where it sat there.
    static func mergedKeys(_ old: [String], _ new: [String]) -> [String] {
        let newSet = Set(new)
        var out: [String] = []
        var seen = Set<String>()
        var position = 0
        for key in old {
            if newSet.contains(key) {
                while position < new.count {
                    let next = new[position]
                    position += 1
                    if seen.insert(next).inserted { out.append(next) }
                    if next == key { break }
                }
            } else if seen.insert(key).inserted {
                out.append(key)
            }
        }
        for key in new[position...] where seen.insert(key).inserted { out.append(key) }
        return out
    }
}
