import Testing

@testable import HandoffKit

extension Rules {
    /// Words are matched the way people read them: these are the false positives a substring
    /// search produced (a Sales warning for "leadership", personal data for "company name").
    @Suite("Term matching in system traits")
    struct TermMatchTests {
        @Test(
            "English terms match whole words only",
            arguments: [
                ("lead", "New lead form", true), ("lead", "Leadership dashboard", false),
                ("lead", "misleading copy", false), ("leads", "route leads to SDRs", true),
                ("name", "name", true), ("name", "rename the field", false),
            ])
        func wholeWords(term: String, text: String, expected: Bool) {
            #expect(TermMatch.contains(term, in: text) == expected)
        }

        @Test("Japanese terms match inside text, but not inside a longer loanword")
        func japaneseFalseFriends() {
            #expect(TermMatch.contains("フォーム", in: "資料請求フォームを追加"))
            #expect(!TermMatch.contains("フォーム", in: "配信プラットフォームの設定変更"))
            #expect(TermMatch.contains("フォーム", in: "プラットフォームに登録フォームを追加"))
            #expect(!TermMatch.contains("リード", in: "リードタイムの短縮"))
        }

        @Test(
            "personal data: a person's name or address, not a company's or a page's",
            arguments: [
                (["name", "email"], true), (["Full name"], true), (["work e-mail"], true), (["company name"], false),
                (["campaign name", "product name"], false), (["web address"], false), (["mobile app version"], false),
                (["mobile number"], true), (["氏名", "メールアドレス"], true), (["会社名"], false),
            ])
        func personalData(items: [String], expected: Bool) {
            #expect(SystemTraits.mentionsPersonalData(items) == expected, "\(items)")
        }

        @Test("a platform change in Japanese does not ask for Sales; a form does")
        func leadFormInJapanese() {
            let platform = TestDrafts.load(
                """
                lang: ja
                systems: [{name: 配信基盤, change: 配信プラットフォームの設定変更}]
                """)
            #expect(RuleExpect.findings(LeadFormWithoutSales(), platform, .ja).isEmpty)
            let form = TestDrafts.load(
                """
                lang: ja
                systems: [{name: Web サイト, change: 資料請求フォームの設置}]
                """)
            #expect(RuleExpect.findings(LeadFormWithoutSales(), form, .ja).count == 1)
        }

        @Test("lower-case words that start like AWS keys are not secrets; real key shapes are")
        func caseSensitiveKeys() {
            #expect(SensitiveText.scan("Target the asia-pacific-focused-campaign audience").isEmpty)
            #expect(SensitiveText.scan("AWS key AKIAIOSFODNN7EXAMPLE in the config") != [])
            #expect(SensitiveText.scan("AIzaSyA1234567890abcdefghijklmnopqrstuv") != [])
        }
    }

    @Suite("Score weights for escalating rules")
    struct EscalationScoreTests {
        @Test("a rule that escalates to a blocker weighs as a blocker in the total, so the score stays in 0...100")
        func escalationWeighsItsWorstFinding() {
            // Launch in 5 business days with a hard deadline and no reason: deadline-inside-lead-time blocks.
            let draft = TestDrafts.ready.with {
                $0.timeline.launch = CivilDate(year: 2026, month: 11, day: 27)
                $0.timeline.reason = nil
            }
            let report = Readiness.check(draft, in: TestDrafts.context())
            #expect(report.findings.map(\.rule) == ["deadline-inside-lead-time"])
            #expect(report.findings.first?.severity == .blocker)
            #expect(!report.isReady)
            #expect(report.score < 100 && report.score > 80)
        }
    }
}
