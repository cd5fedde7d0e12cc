import Testing

@testable import HandoffKit

/// The one terminal sanitiser: every control and invisible character is made visible; what the
/// executable writes keeps only handoff's own colour sequences.
@Suite("the terminal sanitiser")
struct TerminalSanitiserTests {
    static let payloads: [(String, String)] = [
        ("\u{1B}]52;c;cHduZWQ=\u{07}", "^[]52;c;cHduZWQ=^G"),
        ("\u{1B}]0;title\u{1B}\\", "^[]0;title^[\\"),
        ("\u{1B}[8mhidden", "^[[8mhidden"),
        ("\u{9B}31m", "<U+009B>31m"),
        ("a\rb", "a^Mb"),
        ("\u{7F}", "^?"),
        ("x\u{2028}y", "x<U+2028>y"),
        ("\u{202E}abc", "<U+202E>abc"),
    ]

    @Test("Draft text: each payload is shown, not obeyed", arguments: payloads)
    func sanitize(_ payload: String, _ shown: String) {
        #expect(TerminalText.sanitize(payload) == shown)
    }

    @Test("Output: handoff's own styling passes; a planted sequence, even a colour, is shown", arguments: payloads)
    func output(_ payload: String, _ shown: String) {
        let styled = Styler(enabled: true)("ok", .red)
        #expect(TerminalText.terminalOutput(styled + payload) == styled + shown)
    }

    @Test("Line breaks and tabs stay in text; single-line fields turn them into spaces")
    func lineBreaks() {
        #expect(TerminalText.sanitize("a\nb\tc") == "a\nb\tc")
        #expect(TerminalText.sanitize("a\nb\tc", multiline: false) == "a b c")
    }
}
