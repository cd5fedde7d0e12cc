import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Vague lexicon: exact is not vague")
    struct VagueExactnessTests {
        let lexicon = VagueLexicon()

        @Test(
            "numbers, quoted names and proper nouns make the word exact",
            arguments: [
                "Invite teams of more than 3 people", "Keep the data 30 days or more",
                "Companies with 50 or more employees", "An FAQ of the 12 most asked questions",
                "More than three reminders are never sent", "The 「シンプル」 plan is shown first",
                "Customers on the \"Simple\" tier", "ETC車載器の購入者向けキャンペーン", "ETC2.0 対応車載器のページ",
                "ETC 2.0 owners get the coupon", "A Learn more button under each product",
            ])
        func exact(text: String) {
            #expect(lexicon.matches(in: text).isEmpty, "\(lexicon.matches(in: text))")
        }

        @Test(
            "real vagueness still fires",
            arguments: [
                ("Discount on some of the gift sets", "some"), ("バナー、動画など", "など"), ("We want more sign-ups", "more"),
                ("Send reminders etc.", "etc."), ("More reminders than last year", "more"),
            ])
        func vague(text: String, word: String) {
            #expect(lexicon.matches(in: text).map(\.word).contains(word), "\(lexicon.matches(in: text))")
        }

        @Test("a selection asks which, a missing number asks how many, each quoting the phrase")
        func questionsFit() throws {
            let selection = try #require(lexicon.matches(in: "Discount on some of the gift sets").first)
            #expect(selection.phrase == "some of the gift sets")
            #expect(selection.followUp.en.contains("which gift sets"), "\(selection.followUp.en)")
            #expect(!selection.followUp.en.contains("how many"))
            let count = try #require(lexicon.matches(in: "We want more sign-ups this quarter").first)
            #expect(count.followUp.en.contains("'more sign-ups'"), "\(count.followUp.en)")
            #expect(count.followUp.en.contains("how many sign-ups"), "\(count.followUp.en)")
            let japanese = try #require(lexicon.matches(in: "一部のギフトセットを割引").first)
            #expect(japanese.followUp.ja.contains("「一部のギフトセット」"), "\(japanese.followUp.ja)")
            #expect(japanese.followUp.ja.contains("どのギフトセット"), "\(japanese.followUp.ja)")
        }
    }
}
