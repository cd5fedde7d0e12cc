import HandoffTestSupport
import Testing

@testable import HandoffKit

/// `isAllWhitespace` settles most texts from their first bytes; it must agree with breaking the
/// text into characters (`allSatisfy(\.isWhitespace)`) on every text, above all on those its
/// shortcut is about: white space beyond ASCII, kana beside the ideographic space, marks that
/// join a space.
@Suite("All-white-space test")
struct AllWhitespaceTests {
    /// Every white space scalar Unicode names, a few that look like it and are not, kana and
    /// kanji that share lead bytes with white space, and marks that join what comes before.
    static let alphabet: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2005}", "\u{200A}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        // Not white space, though near it or sharing its lead bytes.
        "\u{00}", "\u{1F}", "\u{7F}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{180E}", "\u{3001}", "\u{3042}", "\u{30A2}",
        "\u{1681}", "\u{2010}", "\u{00C9}", "\u{4E00}", "a", "-", "\u{1F600}",
        // Marks that join the scalar before them into one character.
        "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{3099}",
    ]

    static let tricky: [String] = [
        "", " ", "   ", "\u{3000}", "\u{3000}\u{3000}", "\u{3000}あ", "あ", "\u{3001}", "\u{85}", "\u{A0}x", "\u{2028}",
        "\u{2029} ", "\u{202F}", "\u{205F}", "\u{1680}", "\u{1681}", "\u{200B}", " \u{0301}", "\u{3000}\u{3099}",
        "\r\n", "\u{0B}\u{0C}", "\u{00}", "x", "é", "\u{1F600}", " a", "\t\u{3000}\n",
    ]

    @Test("agrees with the character walk on tricky texts", arguments: tricky)
    func agreesOnTrickyTexts(text: String) {
        #expect(text.isAllWhitespace == text.allSatisfy(\.isWhitespace))
        #expect(text.isEmptyValue == text.allSatisfy(\.isWhitespace))
        #expect(Substring(text).isAllWhitespace == text.allSatisfy(\.isWhitespace))
    }

    @Test("agrees with the character walk on generated texts")
    func agreesOnGeneratedTexts() {
        var random = SplitMix(seed: 20_261_202)
        var sawWhitespace = 0
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 5) {
                // White space is drawn as often as the rest, so that all-white texts are common.
                let pick = random.next() % 2 == 0 ? random.next() % 17 : random.next() % UInt64(Self.alphabet.count)
                scalars.append(Self.alphabet[Int(pick)])
            }
            let text = String(scalars)
            let expected = text.allSatisfy(\.isWhitespace)
            if expected { sawWhitespace += 1 }
            #expect(text.isAllWhitespace == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // The generator reaches both answers often.
        #expect(sawWhitespace > 2_000 && sawWhitespace < 18_000)
    }

    @Test("a blank optional and a blank quantity follow it")
    func blankOptionalAndQuantity() {
        #expect((nil as String?).isBlank)
        #expect(("\u{3000} " as String?).isBlank)
        #expect(!("\u{3000}あ" as String?).isBlank)
        #expect(Quantity.text("\u{A0}\u{2028}").isEmptyValue)
        #expect(!Quantity.text("ア").isEmptyValue)
    }
}
