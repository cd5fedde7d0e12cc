/// The byte writers of the scalar types: each writes itself into a `TreeBytes` as `encoded` would
/// hold it, without building the one-node `Value` (an allocation per scalar, a hundred per draft,
/// and for each export the draft is written twice: its digest and its source block).
extension String {
    /// The text as a string, nothing when it is empty.
    public func write(into tree: inout TreeBytes) -> Bool {
        if isEmptyValue { return false }
        tree.string(self)
        return true
    }
}

extension Bool {
    /// The value as a boolean.
    public func write(into tree: inout TreeBytes) -> Bool {
        tree.bool(self)
        return true
    }
}

extension Int {
    /// The value as a number.
    public func write(into tree: inout TreeBytes) -> Bool {
        tree.int(self)
        return true
    }
}

extension DraftEnum {
    /// The raw value as a plain scalar.
    public func write(into tree: inout TreeBytes) -> Bool {
        tree.plain(rawValue)
        return true
    }
}

extension CivilDate {
    /// The date as a plain scalar.
    public func write(into tree: inout TreeBytes) -> Bool {
        tree.plain(description)
        return true
    }
}

extension RunsUntil {
    /// The date or `permanent` as a plain scalar.
    public func write(into tree: inout TreeBytes) -> Bool {
        tree.plain(description)
        return true
    }
}

extension Quantity {
    /// A number as a number, text as a string; nothing when it is empty.
    public func write(into tree: inout TreeBytes) -> Bool {
        if isEmptyValue { return false }
        switch self {
        case .number(let text): tree.number(text)
        case .text(let text): tree.string(text)
        }
        return true
    }
}
