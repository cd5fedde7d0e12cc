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

    /// Printable ASCII (with line breaks and tabs) needs nothing: checked on bytes, as most
    /// output is that.
    private static func needsWork(_ text: String) -> Bool {
        var text = text
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }
        }
        return !plain && text.unicodeScalars.contains(where: needsEscape)
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
