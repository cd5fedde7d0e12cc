/// Characters that every writer escapes rather than writes raw: C0 and C1 controls and DEL
/// (terminal escapes), the line separators U+2028/U+2029 (JavaScript), and the byte-order mark and
/// U+FFFE/U+FFFF, which libyaml refuses to read back.
enum UnsafeScalar {
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029
            || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF
    }
}
