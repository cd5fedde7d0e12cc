/// Makes text from a draft safe to print: terminal control characters (escape sequences that
/// could recolour, retitle or clear a reviewer's terminal) are shown as visible escapes instead.
public enum TerminalText {
    /// Replaces C0 and C1 controls (except line breaks and tabs when `multiline`) with `\u{…}`-free
    /// visible forms such as `^[` for ESC.
    public static func sanitize(_ text: String, multiline: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || (!multiline && ($0 == "\n" || $0 == "\t")) }) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out += multiline ? String(scalar) : " "
            } else if scalar.value < 0x20 {
                out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                out += "^?"
            } else if needsEscape(scalar) {
                out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
            || (scalar.value >= 0x80 && scalar.value < 0xA0)
            // Bidirectional overrides can make a line read differently from what it is.
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

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
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    public enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "1;31"
        case green = "1;32"
        case yellow = "33"
        case cyan = "36"
    }

    public func callAsFunction(_ text: String, _ style: Style) -> String {
        enabled ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }
}
