import Testing

@testable import HandoffKit

extension Rules {
    @Suite("acceptance-missing")
    struct AcceptanceMissingTests {
        let rule = AcceptanceMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(AcceptanceMissing.id == "acceptance-missing")
            #expect(AcceptanceMissing.severity == .blocker)
        }

        @Test("no criterion: a blocker on testing.acceptance_criteria, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.testing.acceptanceCriteria = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "acceptance-missing", severity: .blocker,
                field: "testing.acceptance_criteria")
            RuleExpect.english(finding, message: ["acceptance criterion"], question: ["Given", "when", "then"])
        }

        @Test("no criterion, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.testing.acceptanceCriteria = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "acceptance-missing", severity: .blocker,
                field: "testing.acceptance_criteria")
            RuleExpect.japanese(finding, message: ["受け入れ条件"], question: ["確かめれば"])
        }

        @Test("QA notes are not acceptance criteria, and blank criteria do not count")
        func qaNotesAndBlanks() throws {
            let draft = TestDrafts.load(
                """
                testing:
                  acceptance_criteria: ["", "  "]
                  qa_notes: Test on mobile Safari
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "acceptance-missing", severity: .blocker,
                field: "testing.acceptance_criteria")
        }

        @Test("one criterion is enough")
        func oneCriterion() {
            RuleExpect.silent(rule, TestDrafts.load("testing: {acceptance_criteria: A lead is created}"))
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
