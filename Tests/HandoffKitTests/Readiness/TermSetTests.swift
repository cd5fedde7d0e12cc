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

        @Test("text is lowered to the bytes the lexicon's lowering gives, whichever way it takes")
        func loweredAsTheLexiconLowers() {
            let cased = [
                "ＡＢＣ", "Ｚｚ", "ａ", "Ａ", "＠", "［］", "｛", "\u{FF3B}", "\u{FF20}", "À", "Þ", "ß", "µ", "\u{A0}", "Ω", "\u{2126}",
                "\u{212A}", "\u{212B}", "Ⅻ", "\u{2183}", "→", "—", "…", "“", "\u{2060}", "ΣΑΣ", "Ж", "İ", "Ǆ", "ｶﾞ", "\u{F961}", "ﬁ",
                "\u{1F600}", "e\u{301}", "\u{E0041}", "未定", "フォーム", "、", "。", "ー",
            ]
            var general = 0
            for text in ScanEquivalenceInputs.texts(600, vocabulary: cased + OperationsCues.securityWords, seed: 2026) {
                let expected = VagueLexicon.withLoweredBytes(text) { Array($0) }
                #expect(TermSet.withLoweredBytes(text) { Array($0) } == expected, "\(text.debugDescription)")
                if expected != Array(text.utf8).map({ $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) { general += 1 }
            }
            // Some texts lower beyond ASCII, so both ways are compared.
            #expect(general > 30)
            let long = String(repeating: "Ａｂ未定 ", count: 500)
            #expect(TermSet.withLoweredBytes(long) { Array($0) } == VagueLexicon.withLoweredBytes(long) { Array($0) })
        }

        @Test("a false friend hides the term only where it covers it")
        func falseFriends() {
            let set = TermSet(["フォーム"])
            #expect(set.first(in: "配信プラットフォームの設定") == nil)
            #expect(set.first(in: "プラットフォームに登録フォームを追加") == "フォーム")
        }
    }
}
