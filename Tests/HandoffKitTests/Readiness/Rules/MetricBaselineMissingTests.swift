import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metric-baseline-missing")
    struct MetricBaselineMissingTests {
        let rule = MetricBaselineMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricBaselineMissing.id == "metric-baseline-missing")
            #expect(MetricBaselineMissing.severity == .warning)
        }

        @Test("the second metric without a baseline: a warning on success.metrics[1].baseline, in English")
        func firesInEnglish() throws {
            let draft = MetricTargetMissingTests.twoMetrics.with { $0.success.metrics[1].baseline = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-baseline-missing", severity: .warning,
                field: "success.metrics[1].baseline")
            RuleExpect.english(finding, message: ["'Attendance rate'", "no baseline"], question: ["today", "0"])
        }

        @Test("a metric without a baseline, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics[1].baseline = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-baseline-missing", severity: .warning,
                field: "success.metrics[1].baseline")
            RuleExpect.japanese(finding, message: ["指標「商談化率」", "現状値"], question: ["今の値"])
        }

        @Test("a baseline of 0 is a baseline")
        func zero() {
            let draft = TestDrafts.load("success: {metrics: [{name: Registrations, baseline: 0}]}")
            #expect(draft.success.metrics[0].baseline == .number("0"))
            RuleExpect.silent(rule, draft)
        }

        @Test("a blank baseline is no baseline")
        func blankBaseline() throws {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {name: Registrations, baseline: "", target: 300}
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-baseline-missing", severity: .warning,
                field: "success.metrics[0].baseline")
        }

        @Test("nothing to judge without metrics")
        func noMetrics() {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("the shipped examples have baselines")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
