/// The byte writers of the scalar types: each writes itself into a `TreeBytes` as `encoded` would
/// hold it, without building the one-node `Value` (an allocation per scalar, a hundred per draft,
/// and for each export the draft is written twice: its digest and its source block).
extension String {
    /// The text as a string, nothing when it is empty.
    public func write(into tree: inout TreeBytes) -> Bool {
        if !startsWithNonBlankScalar && isEmptyValue { return false }
        tree.string(self)
        return true
    }

    /// True when the first scalar is not white space, so that `isEmptyValue` (every character
    /// white space; a character is as its first scalar) is false: told from the first bytes, where
    /// `isEmptyValue` breaks text that does not start with visible ASCII (Japanese) into characters.
    var startsWithNonBlankScalar: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return false }
            if first < 0x80 { return first > 0x20 && first < 0x7F }
            let value = UnsafeScalar.decode(bytes, at: 0).0.value
            // The scalars with Unicode's White_Space property above ASCII.
            switch value {
            case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return false
            default: return true
            }
        }
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
