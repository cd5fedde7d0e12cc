import Testing

@testable import HandoffKit

extension Rules {
    @Suite("acceptance-untestable")
    struct AcceptanceUntestableTests {
        let rule = AcceptanceUntestable()

        static func draft(_ criterion: String) -> Draft {
            TestDrafts.load("testing: {acceptance_criteria: [\"\(criterion)\"]}")
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(AcceptanceUntestable.id == "acceptance-untestable")
            #expect(AcceptanceUntestable.severity == .warning)
        }

        @Test(
            "a criterion with no observable outcome fires, quoting it and asking for devices and what is seen",
            arguments: ["page works on mobile", "Looks good on all browsers", "The form works properly", "Everything is fine after launch"])
        func firesInEnglish(criterion: String) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.draft(criterion)), rule: "acceptance-untestable", severity: .warning,
                field: "testing.acceptance_criteria[0]")
            RuleExpect.english(finding, message: ["'\(criterion)'", "tester"], question: ["devices", "browsers", "see"])
        }

        @Test(
            "in Japanese too",
            arguments: ["スマホで正しく表示されること", "問題なく動作すること", "見た目がいい感じになっていること"])
        func firesInJapanese(criterion: String) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.draft(criterion), .ja), rule: "acceptance-untestable",
                severity: .warning, field: "testing.acceptance_criteria[0]")
            RuleExpect.japanese(finding, message: ["「\(criterion)」"], question: ["端末", "ブラウザ"])
        }

        @Test(
            "a criterion a tester can pass or fail is silent",
            arguments: [
                "Given a visitor submits the form, when the data is valid, then a Marketo lead is created within 1 minute",
                "On iPhone Safari the thank-you page shows the webinar date", "The coupon works only once per e-mail address: a second use shows an error message",
                "フォーム送信後、サンクスページに受付番号が表示されること", "送信すると 1 分以内に確認メールが届くこと",
                "Page loads in under 2 seconds on 4G",
            ])
        func silent(criterion: String) {
            RuleExpect.silent(rule, Self.draft(criterion))
        }

        @Test("a placeholder is left to acceptance-missing")
        func placeholder() {
            RuleExpect.silent(rule, Self.draft("TBD"))
            #expect(!rule.applies(to: Self.draft("未定"), in: TestDrafts.context()))
        }
    }
}
