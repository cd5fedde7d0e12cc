import Testing

@testable import HandoffKit

extension Rules {
    @Suite("launch-missing")
    struct LaunchMissingTests {
        let rule = LaunchMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(LaunchMissing.id == "launch-missing")
            #expect(LaunchMissing.severity == .blocker)
        }

        @Test("no launch date: a blocker on timeline.launch, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.timeline.launch = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "launch-missing", severity: .blocker, field: "timeline.launch")
            RuleExpect.english(finding, message: ["no launch date"], question: ["YYYY-MM-DD"])
        }

        @Test("no launch date, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.timeline.launch = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "launch-missing", severity: .blocker,
                field: "timeline.launch")
            RuleExpect.japanese(finding, message: ["公開日"], question: ["公開", "YYYY-MM-DD"])
        }

        @Test("milestones and a reason do not replace a launch date")
        func milestonesAreNotALaunch() throws {
            let draft = TestDrafts.load(
                """
                timeline:
                  deadline: hard
                  reason: Invitations go out on 2026-12-05
                  milestones: [{name: Copy final, date: 2026-11-30}]
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "launch-missing", severity: .blocker, field: "timeline.launch")
        }

        @Test("any launch date satisfies this rule, even one in the past")
        func anyDate() {
            RuleExpect.silent(rule, TestDrafts.load("timeline: {launch: 2020-01-01}"))
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
