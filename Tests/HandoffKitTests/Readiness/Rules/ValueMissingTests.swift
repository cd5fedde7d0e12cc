import Testing

@testable import HandoffKit

extension Rules {
    @Suite("value-missing")
    struct ValueMissingTests {
        let rule = ValueMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ValueMissing.id == "value-missing")
            #expect(ValueMissing.severity == .warning)
        }

        @Test("no value estimate: a warning on objective.value, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.objective.value = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "value-missing", severity: .warning, field: "objective.value")
            RuleExpect.english(finding, message: ["ROI"], question: ["worth", "rough number"])
        }

        @Test("no value estimate, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.objective.value = "" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "value-missing", severity: .warning,
                field: "objective.value")
            RuleExpect.japanese(finding, message: ["期待効果", "ROI"], question: ["概算"])
        }

        @Test("a whitespace-only value is missing")
        func blankValue() throws {
            let draft = TestDrafts.load(
                """
                objective: {problem: Lost sign-ups, business_goal: Pipeline, value: "   "}
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "value-missing", severity: .warning, field: "objective.value")
        }

        @Test("the shipped examples estimate their value")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }

        @Test("a rough value alone satisfies the rule")
        func roughValue() {
            RuleExpect.silent(rule, TestDrafts.load("objective: {value: ~40 leads}"))
        }
    }
}
