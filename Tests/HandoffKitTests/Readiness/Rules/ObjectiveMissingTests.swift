import Testing

@testable import HandoffKit

extension Rules {
    @Suite("objective-missing")
    struct ObjectiveMissingTests {
        let rule = ObjectiveMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ObjectiveMissing.id == "objective-missing")
            #expect(ObjectiveMissing.severity == .blocker)
        }

        @Test("no problem: a blocker on objective.problem, in English")
        func problemMissingInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.objective.problem = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "objective-missing", severity: .blocker,
                field: "objective.problem")
            RuleExpect.english(finding, message: ["problem is not stated"], question: ["what goes wrong"])
        }

        @Test("no business goal: a blocker on objective.business_goal, in English")
        func goalMissingInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.objective.businessGoal = "  " }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "objective-missing", severity: .blocker,
                field: "objective.business_goal")
            RuleExpect.english(finding, message: ["business goal is not stated"], question: ["company goals"])
        }

        @Test("missing problem and goal are reported in Japanese")
        func bothMissingInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.objective.problem = nil
                $0.objective.businessGoal = nil
            }
            let findings = RuleExpect.findings(rule, draft, .ja)
            #expect(findings.map(\.field) == ["objective.problem", "objective.business_goal"])
            try #require(findings.count == 2)
            RuleExpect.check(findings[0], rule: "objective-missing", severity: .blocker, field: "objective.problem")
            RuleExpect.japanese(findings[0], message: ["課題"], question: ["困って"])
            RuleExpect.japanese(findings[1], message: ["ビジネス目標"], question: ["会社目標"])
        }

        @Test("an objective section with only why_now and value is still missing both")
        func onlyOtherObjectiveFields() {
            let draft = TestDrafts.load(
                """
                objective:
                  why_now: The webinar is in December
                  value: 40 leads
                """)
            #expect(RuleExpect.findings(rule, draft).map(\.field) == ["objective.problem", "objective.business_goal"])
        }

        @Test("the shipped examples state problem and goal")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }

        @Test("value and why_now are not needed by this rule")
        func onlyProblemAndGoalMatter() {
            let draft = TestDrafts.ready.with {
                $0.objective.value = nil
                $0.objective.whyNow = nil
            }
            RuleExpect.silent(rule, draft)
        }
    }
}
