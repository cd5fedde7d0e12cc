import Testing

@testable import HandoffKit

extension Rules {
    /// A `TermSet` answers as the word-by-word `TermMatch` search it replaced, on every list the
    /// rules use it for.
    @Suite("Term sets")
    struct TermSetTests {
        static let lists: [(String, [String])] =
            [
                ("peak words", OperationsCues.peakWords), ("security words", OperationsCues.securityWords),
                ("judgements", AcceptanceUntestable.judgements), ("outcomes", AcceptanceUntestable.outcomes),
                ("false friends", ["フォーム", "リード", "lead", "form"]),
                ("other purposes", SystemTraits.otherPurposes), ("lead words", SystemTraits.leadWords),
                ("form words", SystemTraits.formWords), ("send-only words", SystemTraits.sendOnlyWords),
                ("lead systems", SystemTraits.leadSystems),
            ] + KindInference.cues.map { ("kind \($0.0.rawValue)", $0.1) }

        @Test("the first term found is the one the word-by-word search finds", arguments: lists.indices)
        func sameFirstTerm(list: Int) {
            let (name, words) = Self.lists[list]
            let set = TermSet(words)
            var found = 0
            for text in ScanEquivalenceInputs.texts(400, vocabulary: words, seed: UInt64(list) + 1) {
                let expected = words.first { TermMatch.contains($0, in: text) }
                #expect(set.first(in: text) == expected, "\(name): \(text.debugDescription)")
                if expected != nil { found += 1 }
            }
            // The inputs are built from the list, so most of them hold a term.
            #expect(found > 30)
        }

        /// True when every scalar of `text` that is not ASCII passes `TermSet.isCaselessLead`.
        static func isCaseless(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { bytes in bytes.indices.allSatisfy { bytes[$0] < 0xC0 || TermSet.isCaselessLead(bytes, at: $0) } }
        }

        @Test("text the scan reads as caseless is lowered by the lexicon to its bytes with ASCII letters lowered")
        func caselessTextLowersOnlyASCII() {
            let cased = [
                "ＡＢＣ", "Ｚｚ", "ａ", "Ａ", "＠", "［］", "｛", "\u{FF3B}", "\u{FF20}", "À", "Þ", "ß", "µ", "\u{A0}", "Ω", "\u{2126}",
                "\u{212A}", "\u{212B}", "Ⅻ", "\u{2183}", "→", "—", "…", "“", "\u{2060}", "ΣΑΣ", "Ж", "İ", "Ǆ", "ｶﾞ", "\u{F961}", "ﬁ",
                "\u{1F600}", "e\u{301}", "\u{E0041}", "未定", "フォーム", "、", "。", "ー",
            ]
            var caseless = 0
            var other = 0
            for text in ScanEquivalenceInputs.texts(600, vocabulary: cased + OperationsCues.securityWords, seed: 2026) {
                guard Self.isCaseless(text) else {
                    other += 1
                    continue
                }
                caseless += 1
                let expected = VagueLexicon.withLoweredBytes(text) { Array($0) }
                #expect(Array(text.utf8).map(TermSet.lowered) == expected, "\(text.debugDescription)")
            }
            #expect(caseless > 100)
            #expect(other > 100)
        }

        @Test("a false friend hides the term only where it covers it")
        func falseFriends() {
            let set = TermSet(["フォーム"])
            #expect(set.first(in: "配信プラットフォームの設定") == nil)
            #expect(set.first(in: "プラットフォームに登録フォームを追加") == "フォーム")
        }
    }
}
