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

    @Test("Output as bytes is the output of the same text as a String, sanitised or passed through")
    func bytesAsTheString() {
        let styled = Styler(enabled: true)("ok", .red)
        let vocabulary = Self.payloads.map(\.0) + [styled, "\u{00AD}", "\u{200B}", "\u{FFFB}", "\u{E0041}", "👩‍💻", "ｔｂｄ", "未定"]
        var changed = 0
        var unchanged = 0
        for text in ScanEquivalenceInputs.texts(400, vocabulary: vocabulary, seed: 77) {
            let expected = TerminalText.terminalOutput(text)
            #expect(TerminalText.terminalOutput(bytes: Array(text.utf8)) == Array(expected.utf8), "\(text.debugDescription)")
            if expected == text { unchanged += 1 } else { changed += 1 }
        }
        #expect(changed > 30)
        #expect(unchanged > 30)
    }
}
