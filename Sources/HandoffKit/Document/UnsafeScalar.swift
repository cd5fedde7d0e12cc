/// Characters that every writer escapes rather than writes raw: C0 and C1 controls and DEL
/// (terminal escapes), the line separators U+2028/U+2029 (JavaScript), and the byte-order mark and
/// U+FFFE/U+FFFF, which libyaml refuses to read back.
enum UnsafeScalar {
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value < 0xA0) || value == 0x2028 || value == 0x2029
            || value == 0xFEFF || value == 0xFFFE || value == 0xFFFF
    }

    /// Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069), zero-width characters
    /// and every other format character (Unicode category Cf): they change how text reads
    /// without being seen, so a ticket could read differently from what it holds. Writers that
    /// have an escape (JSON, YAML) escape them; text for people shows them as `[U+202E]`.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        // Format characters live only in these ranges; the property lookup is for them alone, so
        // Japanese and other text costs a comparison or two.
        let value = scalar.value
        let candidate =
            value == 0xAD || (0x600...0x8E2).contains(value) || value == 0x180E || (0x200B...0x206F).contains(value)
            || value == 0xFEFF || (0xFFF9...0xFFFB).contains(value) || value >= 0x110BD
        return candidate && scalar.properties.generalCategory == .format
    }

    /// Each scalar of `text` with whether it is invisible where it stands: a zero-width joiner
    /// inside an emoji sequence (👩‍💻) is part of the emoji, not a hidden character.
    static func forEach(_ text: String, _ body: (Unicode.Scalar, _ invisible: Bool) -> Void) {
        let scalars = text.unicodeScalars
        var previous: Unicode.Scalar?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let nextIndex = scalars.index(after: index)
            var invisible = isInvisible(scalar)
            if invisible, scalar == "\u{200D}", let previous, nextIndex != scalars.endIndex,
                isEmojiPart(previous), isEmojiPart(scalars[nextIndex])
            {
                invisible = false
            }
            body(scalar, invisible)
            previous = scalar
            index = nextIndex
        }
    }

    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2000 && (scalar.properties.isEmoji || scalar.value == 0xFE0F)
    }

    /// True when `text` holds a character that `forEach` calls invisible.
    static func containsInvisible(_ text: String) -> Bool {
        guard text.unicodeScalars.contains(where: isInvisible) else { return false }
        var found = false
        forEach(text) { _, invisible in found = found || invisible }
        return found
    }

    /// The visible stand-in for an invisible character in text for people: `[U+202E]`.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
    }

    /// `text` with each invisible character replaced by its visible stand-in.
    static func showingInvisibles(_ text: String) -> String {
        guard containsInvisible(text) else { return text }
        var out = ""
        forEach(text) { scalar, invisible in
            if invisible { out += visible(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The scalar starting at `index` of valid UTF-8 `bytes`, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
