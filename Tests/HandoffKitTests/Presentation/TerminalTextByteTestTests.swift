import Testing

@testable import HandoffKit

/// `TerminalText` decides on bytes whether a text may hold a control or invisible character;
/// only then does it look at each scalar. The byte test must never pass a text the scalar test
/// would stop.
@Suite("Terminal text byte test")
struct TerminalTextByteTestTests {
    static func reference(_ text: String) -> Bool { text.unicodeScalars.contains(where: TerminalText.needsEscape) }

    @Test("each scalar of the first three planes and the tag plane, alone and among Japanese text")
    func everyScalar() {
        let ranges: [ClosedRange<UInt32>] = [0...0x2FFFF, 0xE0000...0xE0FFF, 0x10FFF0...0x10FFFF]
        var stopped = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let alone = String(Character(scalar))
                let expected = TerminalText.needsEscape(scalar)
                #expect(TerminalText.needsWork(alone) == expected, "U+\(String(value, radix: 16))")
                #expect(TerminalText.needsWork("申込フォーム" + alone + "ａ") == expected, "U+\(String(value, radix: 16))")
                if expected { stopped += 1 }
            }
        }
        // Controls, C1 controls and the format characters are among them.
        #expect(stopped > 100)
    }

    @Test("a stopping scalar at every offset of an eight-byte word, after ASCII and after Japanese")
    func everyWordOffset() {
        let stoppers = ["\u{1B}", "\u{7F}", "\u{85}", "\u{AD}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{E0001}"]
        let passers = ["\t", "\n", "~", " ", "é", "申", "ａ"]
        for prefixLength in 0...17 {
            let ascii = String(repeating: "x", count: prefixLength)
            for prefix in [ascii, "日本" + ascii] {
                for stopper in stoppers {
                    let text = prefix + stopper + String(repeating: "y", count: 9)
                    #expect(TerminalText.needsWork(text), "\(text.debugDescription)")
                }
                for passer in passers {
                    let text = prefix + passer + String(repeating: "y", count: 9)
                    #expect(!TerminalText.needsWork(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("generated texts with Japanese, full-width and invisible characters")
    func generatedTexts() {
        var stopped = 0
        let vocabulary = ["\u{1B}[1;31m", "\u{85}", "\u{202E}", "\u{2028}", "\u{180E}", "\u{600}", "\u{FFF9}", "👩‍💻", "ｔｅｓｔ", "日本語"]
        for text in ScanEquivalenceInputs.texts(2000, vocabulary: vocabulary, seed: 0x7E47) {
            let expected = Self.reference(text)
            #expect(TerminalText.needsWork(text) == expected, "\(text.debugDescription)")
            if expected { stopped += 1 }
        }
        #expect(stopped > 100)
    }
}
