import Testing

@testable import HandoffKit

extension Rules {
    @Suite("scope-missing")
    struct ScopeMissingTests {
        let rule = ScopeMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ScopeMissing.id == "scope-missing")
            #expect(ScopeMissing.severity == .blocker)
        }

        @Test("no deliverable: a blocker on scope.deliverables, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.scope.deliverables = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "scope-missing", severity: .blocker,
                field: "scope.deliverables")
            RuleExpect.english(finding, message: ["deliverable", "estimate"], question: ["what will exist"])
        }

        @Test("no deliverable, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.scope.deliverables = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "scope-missing", severity: .blocker,
                field: "scope.deliverables")
            RuleExpect.japanese(finding, message: ["成果物"], question: ["できあがって"])
        }

        @Test("blank deliverables do not count")
        func blankDeliverables() throws {
            let draft = TestDrafts.load(
                """
                scope:
                  deliverables: ["", "   "]
                """)
            #expect(draft.scope.deliverables.count == 2)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "scope-missing", severity: .blocker,
                field: "scope.deliverables")
        }

        @Test("requirements without deliverables are still no deliverable")
        func requirementsAreNotDeliverables() throws {
            let draft = TestDrafts.ready.with { $0.scope.deliverables = [] }
            #expect(!draft.scope.requirements.isEmpty)
            #expect(RuleExpect.findings(rule, draft).count == 1)
        }

        @Test("one deliverable is enough, even next to a blank one")
        func oneDeliverable() {
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.scope.deliverables = ["", "Sign-up form"] })
            RuleExpect.silent(rule, TestDrafts.load("scope: {deliverables: Sign-up form}"))
        }

        @Test("the shipped examples name deliverables")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
