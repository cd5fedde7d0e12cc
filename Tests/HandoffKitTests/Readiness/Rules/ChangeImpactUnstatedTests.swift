import Testing

@testable import HandoffKit

extension Rules {
    @Suite("change-impact-unstated")
    struct ChangeImpactUnstatedTests {
        let rule = ChangeImpactUnstated()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ChangeImpactUnstated.id == "change-impact-unstated")
            #expect(ChangeImpactUnstated.severity == .info)
        }

        @Test("nothing on people affected: an info on change.people_affected, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.change.peopleAffected = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "change-impact-unstated", severity: .info,
                field: "change.people_affected")
            RuleExpect.english(finding, message: ["people"], question: ["whose daily work"])
        }

        @Test("nothing on people affected, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.change.peopleAffected = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "change-impact-unstated", severity: .info,
                field: "change.people_affected")
            RuleExpect.japanese(finding, message: ["変更", "人"], question: ["仕事"])
        }

        @Test("iterations do not answer who is affected")
        func iterationsOnly() throws {
            let draft = TestDrafts.load("change: {iterations: A/B test after week one}")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "change-impact-unstated", severity: .info,
                field: "change.people_affected")
        }

        @Test("the shipped examples say who is affected")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
