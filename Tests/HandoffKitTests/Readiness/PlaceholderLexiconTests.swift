import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Placeholder lexicon")
    struct PlaceholderLexiconTests {
        let lexicon = PlaceholderLexicon()

        @Test(
            "the ways people write 'I don't know' are placeholders, returned as written",
            arguments: [
                "I don't know", "I dont know", "not sure", "Not sure yet.", "not sure who, maybe someone in Legal?", "TBD",
                "tbc", "?", "???", "n/a", "N/A", "unknown", "Unknown - check with Legal", "TBD (probably GA4)", "no idea",
                "source TBD", "to be decided", "わからない", "分かりません", "未定", "未定です", "確認中", "確認中です。", "不明",
                "検討中", "要確認", "担当者未定", "数値は確認中", "まだ決まっていません", "未定（たぶん来月）", "「未定」",
            ])
        func placeholders(text: String) {
            #expect(lexicon.placeholder(in: text, language: nil) == text.trimmingWhitespace)
        }

        @Test(
            "real content that contains such words is not a placeholder",
            arguments: [
                "Unknown Pleasures tribute page", "不明点を問い合わせるフォーム", "A form for questions people are not sure about",
                "Show 'TBD' next to sessions whose speaker is not announced", "申込ステータスを未確認から確認済みに変える",
                "none", "なし", "Marketo", "GA4", "Legal desk", "Aiko Sato", "検討中の顧客にクーポンを送る",
            ])
        func content(text: String) {
            #expect(lexicon.placeholder(in: text, language: nil) == nil)
        }

        @Test("configured phrases count too, in either language")
        func configured() {
            let custom = PlaceholderLexicon(extra: PlaceholderSettings(en: ["ask Bob"], ja: ["担当に聞く"]))
            #expect(custom.placeholder(in: "Ask Bob", language: .en) == "Ask Bob")
            #expect(custom.placeholder(in: "担当に聞く", language: .ja) == "担当に聞く")
            #expect(lexicon.placeholder(in: "Ask Bob", language: .en) == nil)
        }

        @Test("configured phrases come from handoff.yaml")
        func fromConfiguration() {
            let configuration = RuleExpect.configuration("placeholders: {en: [ask marketing ops], ja: [後ほど]}")
            #expect(configuration.placeholders.en == ["ask marketing ops"])
            let context = TestDrafts.context(configuration: configuration)
            #expect(context.isOpen("Ask Marketing Ops"))
        }
    }
}
