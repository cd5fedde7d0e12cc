import Testing

@testable import HandoffKit

extension Rules {
    @Suite("launch-in-past")
    struct LaunchInPastTests {
        let rule = LaunchInPast()

        static func launch(_ text: String) -> Draft {
            TestDrafts.ready.with { $0.timeline.launch = try! CivilDate.parse(text).get() }
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(LaunchInPast.id == "launch-in-past")
            #expect(LaunchInPast.severity == .blocker)
        }

        @Test("a launch yesterday: a blocker on timeline.launch, in English")
        func firesInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2026-11-19")), rule: "launch-in-past", severity: .blocker,
                field: "timeline.launch")
            RuleExpect.english(
                finding, message: ["2026-11-19", "before today", "2026-11-20"], question: ["new launch date"])
        }

        @Test("a launch in the past, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.timeline.launch = CivilDate(year: 2025, month: 2, day: 24) }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "launch-in-past", severity: .blocker,
                field: "timeline.launch")
            RuleExpect.japanese(finding, message: ["公開日 2025-02-24", "今日（2026-11-20）"], question: ["新しい公開日"])
        }

        @Test(
            "only dates before today fire",
            arguments: [
                ("2026-11-19", true), ("2025-12-31", true), ("2026-10-20", true), ("2026-11-20", false),
                ("2026-11-21", false), ("2027-01-01", false),
            ])
        func boundary(date: String, fires: Bool) {
            #expect(RuleExpect.findings(rule, Self.launch(date)).isEmpty != fires)
        }

        @Test("today comes from the context")
        func todayFromContext() {
            let draft = Self.launch("2026-12-04")
            #expect(RuleExpect.findings(rule, draft).isEmpty)
            let later = CivilDate(year: 2026, month: 12, day: 5)!
            #expect(RuleExpect.findings(rule, draft, today: later).count == 1)
        }

        @Test("no launch date: nothing to judge")
        func noLaunch() {
            let draft = TestDrafts.ready.with { $0.timeline.launch = nil }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
            #expect(rule.applies(to: TestDrafts.ready, in: TestDrafts.context()))
        }

        @Test("the shipped examples launch after today")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
