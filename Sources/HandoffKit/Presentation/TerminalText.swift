/// The one sanitiser for text that reaches a terminal: control characters (escape sequences that
/// could recolour, retitle or clear a reviewer's terminal, write its clipboard with OSC 52, ring
/// its bell) and invisible characters (direction overrides, zero-width characters) are shown as
/// visible forms instead. Renderers pass draft text through it as they lay it out, and the
/// executable passes everything it writes through `terminalOutput`, so text that a renderer forgot
/// cannot reach the terminal raw either.
public enum TerminalText {
    /// Replaces C0 and C1 controls (except line breaks and tabs when `multiline`) with visible
    /// forms such as `^[` for ESC, and invisible characters with `<U+202E>`.
    public static func sanitize(_ text: String, multiline: Bool = true) -> String {
        guard needsWork(text) || (!multiline && text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 })) else { return text }
        var out = ""
        UnsafeScalar.forEach(text) { scalar, invisible in append(scalar, invisible, to: &out, multiline: multiline) }
        return out
    }

    /// What the executable writes to stdout or stderr: `sanitize`, except that the colour
    /// sequences `Styler` produces (`ESC [ 1;31 m` and the like) are kept. Colour cannot write a clipboard
    /// or a title, and draft text was sanitised (its ESC made `^[`) before it was styled.
    public static func terminalOutput(_ text: String) -> String {
        guard needsWork(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var invisible: [Bool] = []
        invisible.reserveCapacity(scalars.count)
        UnsafeScalar.forEach(text) { _, hidden in invisible.append(hidden) }
        var out = ""
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\u{1B}", let end = styleSequenceEnd(scalars, from: index) {
                out.unicodeScalars.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            append(scalars[index], invisible[index], to: &out, multiline: true)
            index += 1
        }
        return out
    }

    /// `terminalOutput` of UTF-8 bytes: the bytes themselves when no scalar in them may need an
    /// escape, as nearly always, so a report made as bytes is written without a `String` between.
    public static func terminalOutput(bytes: [UInt8]) -> [UInt8] {
        if bytes.withUnsafeBufferPointer({ !mayNeedEscape($0) }) { return bytes }
        return Array(terminalOutput(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// The index of the `m` that ends one of `Styler`'s own sequences (`ESC [ 1;31 m`) starting
    /// at `start`, or nil. Only those pass: a planted `ESC [ 8 m` (concealed text) does not.
    private static func styleSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var parameters = ""
        var index = start + 2
        while index < scalars.count, index - start < 8 {
            let scalar = scalars[index]
            if scalar == "m" { return styleParameters.contains(parameters) ? index : nil }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
            parameters.unicodeScalars.append(scalar)
            index += 1
        }
        return nil
    }

    private static let styleParameters: Set<String> = Set(Styler.Style.allCases.map(\.rawValue) + ["0"])

    private static func append(_ scalar: Unicode.Scalar, _ invisible: Bool, to out: inout String, multiline: Bool) {
        if scalar == "\n" || scalar == "\t" {
            out += multiline ? String(scalar) : " "
        } else if scalar.value < 0x20 {
            out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        } else if scalar.value == 0x7F {
            out += "^?"
        } else if invisible || isControl(scalar) {
            out += "<U+" + hex(scalar.value) + ">"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// True when some scalar of `text` is a control or may be invisible. Checked on bytes, as
    /// all output goes through here: only a byte sequence that can encode such a scalar sends
    /// the text to the scalar-by-scalar test.
    static func needsWork(_ text: String) -> Bool {
        var text = text
        let plain = text.withUTF8 { bytes in !mayNeedEscape(bytes) }
        return !plain && text.unicodeScalars.contains(where: needsEscape)
    }

    /// False when no scalar encoded in `bytes` (valid UTF-8, as a String's are) can be a control
    /// or invisible. The scalars `needsEscape` can accept lie below U+0020 and at U+007F, in
    /// U+0080–U+009F, at U+00AD, in U+0600–U+08FF, U+1800–U+18FF, U+200B–U+200F, U+2028–U+202F,
    /// U+2060–U+207F, U+FE00–U+FEFF and from U+FFC0; those ranges are told by the first byte or two of a sequence, so
    /// Japanese text (U+3000–U+9FFF, lead bytes E3–E9) and full-width forms (EF BC–BE) pass quickly.
    static func mayNeedEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            // Reports are mostly printable ASCII: eight bytes at a time while none of them is
            // below U+0020 or from U+007F up. The lowest flag of the test is always a true one
            // (a borrow or carry only climbs from a flagged byte), so the printable bytes before
            // it are passed too; tab and newline, which pass, go the byte way.
            if let base, index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                let deleteOrAbove = (word &+ 0x0101_0101_0101_0101 | word) & high
                let flags = belowSpace | deleteOrAbove
                if flags == 0 {
                    index += 8
                    continue
                }
                index += flags.trailingZeroBitCount >> 3
            }
            let lead = bytes[index]
            switch lead {
            case 0x20..<0x7F, 0x0A, 0x09:
                index += 1
            case 0xC2:
                // C1 controls (C2 80–9F) and the soft hyphen (C2 AD); the rest of Latin-1 passes.
                if index + 1 < count, bytes[index + 1] < 0xA0 || bytes[index + 1] == 0xAD { return true }
                index += 2
            case 0xC3...0xD7:
                index += 2
            case 0xE3...0xEE:
                index += 3
            case 0xE0:
                // U+0800–U+08FF: E0 A0–A3.
                if index + 1 < count, bytes[index + 1] <= 0xA3 { return true }
                index += 3
            case 0xE1:
                // U+1800–U+18FF: E1 A0–A3.
                if index + 1 < count, bytes[index + 1] >= 0xA0, bytes[index + 1] <= 0xA3 { return true }
                index += 3
            case 0xE2:
                // Zero-width characters and marks (U+200B–U+200F), line and paragraph separators,
                // direction embeddings (U+2028–U+202F) and U+2060–U+207F; dashes, quotes and the
                // ellipsis (U+2010–U+2027, U+2030–U+205F) pass.
                guard index + 2 < count else { return true }
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80, (0x8B...0x8F).contains(third) || (0xA8...0xAF).contains(third) { return true }
                if second == 0x81, third >= 0xA0 { return true }
                index += 3
            case 0xEF:
                // U+FE00–U+FEFF (EF B8–BB) and U+FFC0–U+FFFF (EF BF); full-width forms (EF BC–BE) pass.
                if index + 1 < count, bytes[index + 1] >= 0xB8, bytes[index + 1] < 0xBC || bytes[index + 1] == 0xBF {
                    return true
                }
                index += 3
            default:
                // Other controls, U+0080–U+00BF (C2), U+0600–U+07FF (D8–DF), four-byte sequences.
                return true
            }
        }
        return false
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
            || (scalar.value >= 0x80 && scalar.value < 0xA0) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A control, or a possible invisible character (direction overrides, zero-width and other
    /// format characters make a line read differently from what it holds).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { isControl(scalar) || UnsafeScalar.isInvisible(scalar) }

    /// Display width in terminal columns: East Asian wide characters count two.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 || (value >= 0x300 && value <= 0x36F) || value == 0x200B || (value >= 0xFE00 && value <= 0xFE0F) {
            return 0
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value) || (0x3041...0x33FF).contains(value)
            || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xA000...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
            || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }
}

/// ANSI styling that can be switched off as a whole (not a terminal, `NO_COLOR`, `--no-color`).
public struct Styler: Sendable {
    /// False for plain text: every style is then left out.
    public var enabled: Bool
    /// A styler that styles (`enabled`) or passes text through.
    public init(enabled: Bool) { self.enabled = enabled }

    /// The ANSI SGR codes the tool uses; the raw value goes between `ESC[` and `m`.
    public enum Style: String, Sendable, CaseIterable {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case green = "1;32"
        case yellow = "33"
        case cyan = "36"
    }

    /// `text` in `style`, reset after it; `text` unchanged when styling is off.
    public func callAsFunction(_ text: String, _ style: Style) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }
}
