import Testing

@testable import HandoffKit

extension Rules {
    @Suite("iterations-unstated")
    struct IterationsUnstatedTests {
        let rule = IterationsUnstated()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(IterationsUnstated.id == "iterations-unstated")
            #expect(IterationsUnstated.severity == .info)
        }

        @Test("nothing on pivots: an info on change.iterations, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.change.iterations = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "iterations-unstated", severity: .info,
                field: "change.iterations")
            RuleExpect.english(finding, message: ["after launch"], question: ["A/B", "none"])
        }

        @Test("nothing on pivots, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.change.iterations = "\n" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "iterations-unstated", severity: .info,
                field: "change.iterations")
            RuleExpect.japanese(finding, message: ["方針転換"], question: ["なし"])
        }

        @Test("people affected do not answer the pivot question")
        func peopleAffectedOnly() throws {
            let draft = TestDrafts.load("change: {people_affected: SDRs}")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "iterations-unstated", severity: .info,
                field: "change.iterations")
        }

        @Test("saying 'none' is an answer")
        func noneIsAnAnswer() {
            RuleExpect.silent(rule, TestDrafts.load("change: {iterations: none}"))
            RuleExpect.silent(rule, TestDrafts.load("change: {iterations: なし}"))
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
