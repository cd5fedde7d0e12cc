import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metrics-missing")
    struct MetricsMissingTests {
        let rule = MetricsMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricsMissing.id == "metrics-missing")
            #expect(MetricsMissing.severity == .blocker)
        }

        @Test("no metric: a blocker on success.metrics, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metrics-missing", severity: .blocker,
                field: "success.metrics")
            RuleExpect.english(finding, message: ["success metric"], question: ["which number"])
        }

        @Test("no metric, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metrics-missing", severity: .blocker,
                field: "success.metrics")
            RuleExpect.japanese(finding, message: ["指標"], question: ["数字"])
        }

        @Test("empty metric entries are no metric")
        func emptyEntries() throws {
            let draft = TestDrafts.load(
                """
                success:
                  metrics: [{}, {name: ""}]
                """)
            #expect(draft.success.metrics.count == 2)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metrics-missing", severity: .blocker,
                field: "success.metrics")
        }

        @Test("a KGI alone is not a metric")
        func kgiIsNotAMetric() throws {
            let draft = TestDrafts.load("success: {kgi: Qualified pipeline}")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metrics-missing", severity: .blocker,
                field: "success.metrics")
        }

        @Test("a metric given by name only satisfies this rule (its fields are other rules' business)")
        func nameOnly() {
            RuleExpect.silent(rule, TestDrafts.load("success: {metrics: [Registrations]}"))
        }

        @Test("the shipped examples have metrics")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
