import Testing

@testable import HandoffKit

extension Rules {
    @Suite("out-of-scope-missing")
    struct OutOfScopeMissingTests {
        let rule = OutOfScopeMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(OutOfScopeMissing.id == "out-of-scope-missing")
            #expect(OutOfScopeMissing.severity == .warning)
        }

        @Test("nothing out of scope: a warning on scope.out_of_scope, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.scope.outOfScope = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "out-of-scope-missing", severity: .warning,
                field: "scope.out_of_scope")
            RuleExpect.english(
                finding, message: ["out of scope", "scope creep"], question: ["not part of this request"])
        }

        @Test("nothing out of scope, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.scope.outOfScope = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "out-of-scope-missing", severity: .warning,
                field: "scope.out_of_scope")
            RuleExpect.japanese(finding, message: ["対象外"], question: ["対象外"])
        }

        @Test("blank entries do not count")
        func blankEntries() throws {
            let draft = TestDrafts.ready.with { $0.scope.outOfScope = [" "] }
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "out-of-scope-missing", severity: .warning,
                field: "scope.out_of_scope")
        }

        @Test("a single out-of-scope item, written as a bare scalar, is enough")
        func scalarShorthand() {
            RuleExpect.silent(rule, TestDrafts.load("scope: {out_of_scope: Redesign of the product page}"))
        }

        @Test("the shipped examples declare what is out of scope")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
