import Testing

@testable import HandoffKit

extension Rules {
    /// The quick test in front of the placeholder lexicon only turns away text the full test would
    /// reject too: over generated texts made of the lexicon's own phrases, fillers and guesses,
    /// with Japanese, full-width, invisible and oddly-cased characters, it answers as the full test.
    @Suite("Placeholder quick test")
    struct PlaceholderQuickTestTests {
        static let vocabulary =
            PlaceholderLexicon.english + PlaceholderLexicon.japaneseTerms + PlaceholderLexicon.fillerPrefixes
            + PlaceholderLexicon.fillerSuffixes + PlaceholderLexicon.guessWords + ["owner", "date", "担当者", "数値は", "を", "で"]

        @Test("the lexicon answers as without the quick test", arguments: [
            PlaceholderSettings(), PlaceholderSettings(en: ["ask Bob", "#later"], ja: ["担当に聞く", "x確認"]),
        ])
        func sameAnswers(extra: PlaceholderSettings) {
            let lexicon = PlaceholderLexicon(extra: extra)
            var placeholders = 0
            let inputs = ScanEquivalenceInputs.texts(3000, vocabulary: Self.vocabulary + extra.en + extra.ja, seed: 7)
                + Self.vocabulary + Self.vocabulary.map { "  " + $0.uppercased() + "?" }
            for text in inputs {
                let expected = lexicon.placeholderUnfiltered(in: text)
                #expect(lexicon.placeholder(in: text) == expected, "\(text.debugDescription)")
                if expected != nil { placeholders += 1 }
            }
            // Enough of the inputs are placeholders for the comparison to mean something.
            #expect(placeholders > 300)
        }

        /// `normalise` returns a phrase as it is when its bytes say it is in normal form already;
        /// the full normaliser must agree, on the built-in phrases and on generated text with
        /// edge spaces, apostrophes, ー, full-width letters, combining marks and upper case.
        @Test("a phrase taken as already normal is one the full normaliser leaves as it is")
        func normalFormShortcut() {
            let edges = ["'", " ", "  ", "ー", "Ａ", "\u{3099}", "A", "’", "?", "。", "\u{3000}", "\t", "-", "é"]
            let inputs = Self.vocabulary + ScanEquivalenceInputs.texts(3000, vocabulary: Self.vocabulary + edges, seed: 23)
            var shortcuts = 0
            for text in inputs {
                #expect(PlaceholderLexicon.normalise(text) == PlaceholderLexicon.normaliseInFull(text), "\(text.debugDescription)")
                if PlaceholderLexicon.isInNormalForm(text) {
                    shortcuts += 1
                    #expect(PlaceholderLexicon.normaliseInFull(text) == text, "\(text.debugDescription)")
                }
            }
            // Most built-in phrases take the shortcut, and so do enough generated texts to count.
            #expect(Self.vocabulary.filter(PlaceholderLexicon.isInNormalForm).count * 10 > Self.vocabulary.count * 8)
            #expect(shortcuts > 300)
            #expect(!PlaceholderLexicon.isInNormalForm("'tbd"))
            #expect(!PlaceholderLexicon.isInNormalForm("まだー"))
            #expect(!PlaceholderLexicon.isInNormalForm("not  sure"))
        }

        @Test("ordinary content is turned away without normalising")
        func contentTurnedAway() {
            let lexicon = PlaceholderLexicon()
            for text in ["Marketo", "GA4 dashboard", "Increase sign-ups by 20%", "資料請求フォームを追加", "Issue list"] {
                #expect(!lexicon.mayBePlaceholder(text), "\(text)")
            }
            for text in ["TBD", "owner unknown", "担当者未定", "still ?", "現在 です", "ＴＢＤ"] {
                #expect(lexicon.mayBePlaceholder(text), "\(text)")
            }
        }

        @Test("is open: blank text, with or without a printable first byte")
        func openText() {
            let lexicon = PlaceholderLexicon()
            #expect(lexicon.isOpen(nil))
            #expect(lexicon.isOpen(" \u{3000}\n"))
            #expect(lexicon.isOpen(""))
            #expect(!lexicon.isOpen("Marketo"))
            #expect(!lexicon.isOpen("\u{3000}資料請求"))
        }
    }
}
