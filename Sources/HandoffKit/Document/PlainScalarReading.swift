/// What other YAML readers make of an unquoted scalar that the decoder reads as text.
///
/// The decoder keeps every scalar's text, but an editor's YAML plugin or a script hands `123`
/// over as a number and `yes` as a boolean, and `007` comes out as 7. For free text that is
/// harmless (the schema accepts numbers and booleans there); for an identifier it means two
/// tools reading one file disagree on its value, so such an id must be quoted.
public enum PlainScalarReading {
    /// "a number" or "a boolean" when a YAML 1.1 reader (PyYAML's rules, which the published
    /// schema is checked against) would not read `text`, unquoted, as a string; nil for text.
    /// (A YAML 1.2 reader also takes `1e3`, `08` and `0o17` for numbers; 1.1 reads them as text.)
    public static func nonText(_ text: String) -> String? {
        if booleans.contains(text) { return "a boolean" }
        guard let first = text.unicodeScalars.first, "-+.0123456789".unicodeScalars.contains(first) else { return nil }
        for pattern in numberPatterns {
            guard let regex = try? Regex(pattern) else { continue }
            if (try? regex.wholeMatch(in: text)) != nil { return "a number" }
        }
        return nil
    }

    /// YAML 1.1's booleans as PyYAML resolves them (not `y` and `n`, which the 1.1 spec lists).
    static let booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    static let numberPatterns = [
        // Integers: binary, octal, decimal with '_', hex, base 60. Then floats, infinity, NaN.
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
        "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
    ]
}
