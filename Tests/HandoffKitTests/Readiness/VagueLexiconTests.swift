import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Vague lexicon")
    struct VagueLexiconTests {
        let lexicon = VagueLexicon()

        func words(_ text: String) -> [String] { lexicon.matches(in: text).map(\.word) }

        @Test(
            "English words match whole words only",
            arguments: [
                ("ASAP", ["ASAP"]),
                ("asap", ["ASAP"]),
                ("(ASAP)", ["ASAP"]),
                ("more", ["more"]),
                ("moreover", []),
                ("just", ["just"]),
                ("adjust", []),
                ("justice", []),
                ("someone", []),
                ("fast-track", ["fast"]),
                ("breakfast", []),
                ("better.", ["better"]),
                ("Better2", []),
                ("etc.", ["etc."]),
                ("etc", ["etc"]),
                ("user-friendly", ["user-friendly"]),
            ])
        func wholeWords(text: String, expected: [String]) {
            #expect(words(text) == expected)
        }

        @Test(
            "Japanese words match inside text, and English words next to Japanese",
            arguments: [
                ("なるべく対応してください", ["なるべく"]),
                ("早急に", ["早急"]),
                ("いい感じにしたい", ["いい感じ"]),
                ("バナーなど", ["など"]),
                ("もっと増やす", ["もっと"]),
                ("ASAPで", ["ASAP"]),
                ("至急ASAP", ["至急", "ASAP"]),
            ])
        func japanese(text: String, expected: [String]) {
            #expect(words(text) == expected)
        }

        @Test(
            "kinds",
            arguments: [
                ("ASAP", VagueLexicon.Kind.time), ("soon", .time), ("早急", .time),
                ("more", .quantity), ("もっと", .quantity),
                ("better", .quality), ("いい感じ", .quality),
                ("etc.", .openEnded), ("など", .openEnded),
                ("just", .minimiser), ("simple", .minimiser), ("簡単", .minimiser),
                ("if possible", .hedge), ("なるべく", .hedge), ("よしなに", .hedge),
            ])
        func kinds(word: String, kind: VagueLexicon.Kind) {
            #expect(lexicon.matches(in: "x \(word) x") == [VagueLexicon.Match(word: word, kind: kind)])
        }

        @Test("longer phrases win over the words inside them")
        func longestFirst() {
            #expect(words("as soon as possible") == ["as soon as possible"])
            #expect(lexicon.matches(in: "なるべく早く").map(\.kind) == [.time])
            #expect(words("なるべく早く") == ["なるべく早く"])
            #expect(words("大至急") == ["大至急"])
        }

        @Test("matches come in text order, each word once")
        func orderAndOnce() {
            #expect(words("some better forms, some better pages, ASAP") == ["some", "better", "ASAP"])
            #expect(words("ASAP ASAP asap") == ["ASAP"])
        }

        @Test("plain specific text has no match")
        func specificText() {
            #expect(words("").isEmpty)
            #expect(words("Registrations from 0 to 300 by 2026-12-18, tracked in GA4").isEmpty)
            #expect(words("フォームを送信すると、1分以内に Marketo にリードが作成される").isEmpty)
        }

        @Test("configured words are added, as whole words in English and anywhere in Japanese")
        func extraWords() {
            var extra = VagueWordSettings()
            extra.en = ["Synergy", "circle back"]
            extra.ja = ["ふわっと"]
            let lexicon = VagueLexicon(extra: extra)
            #expect(lexicon.matches(in: "synergy") == [VagueLexicon.Match(word: "Synergy", kind: .configured)])
            #expect(lexicon.matches(in: "synergyless").isEmpty)
            #expect(lexicon.matches(in: "we circle back later").map(\.word) == ["circle back"])
            #expect(lexicon.matches(in: "ふわっとした画面").map(\.kind) == [.configured])
            // The built-in words are still there.
            #expect(lexicon.matches(in: "ASAP").map(\.word) == ["ASAP"])
            #expect(VagueLexicon().matches(in: "synergy").isEmpty)
        }

        @Test("an empty configured word matches nothing")
        func emptyExtraWord() {
            var extra = VagueWordSettings()
            extra.en = [""]
            #expect(VagueLexicon(extra: extra).matches(in: "A sign-up form").isEmpty)
        }

        @Test("follow-ups quote the word and ask by kind")
        func followUps() {
            let cases: [(VagueLexicon.Kind, String, String)] = [
                (.time, "which date", "いつ"),
                (.quantity, "how many", "どれだけ"),
                (.quality, "which measure", "どの指標"),
                (.openEnded, "list every item", "すべて挙げて"),
                (.minimiser, "what exactly is included", "作業量"),
                (.hedge, "required or not", "必須ですか"),
                (.configured, "what exactly do you mean", "具体的に何ですか"),
            ]
            for (kind, english, japanese) in cases {
                let text = kind.followUp("WORD")
                #expect(text.en.contains("'WORD'") && text.en.contains(english), "\(kind): \(text.en)")
                #expect(text.ja.contains("「WORD」") && text.ja.contains(japanese), "\(kind): \(text.ja)")
                #expect(text(.ja) == text.ja && text(.en) == text.en)
            }
        }
    }
}
