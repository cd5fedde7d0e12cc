import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metric-review-missing")
    struct MetricReviewMissingTests {
        let rule = MetricReviewMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricReviewMissing.id == "metric-review-missing")
            #expect(MetricReviewMissing.severity == .warning)
        }

        @Test("the second metric without a review date: a warning on success.metrics[1].review_on, in English")
        func firesInEnglish() throws {
            let draft = MetricTargetMissingTests.twoMetrics.with { $0.success.metrics[1].reviewOn = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-review-missing", severity: .warning,
                field: "success.metrics[1].review_on")
            RuleExpect.english(finding, message: ["'Attendance rate'", "no review date"], question: ["YYYY-MM-DD"])
        }

        @Test("a metric without a review date, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics[1].reviewOn = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-review-missing", severity: .warning,
                field: "success.metrics[1].review_on")
            RuleExpect.japanese(finding, message: ["指標「商談化率」", "振り返り"], question: ["いつ振り返り"])
        }

        @Test("unnamed metrics are reported by position, each once")
        func unnamed() {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {target: 300}
                    - {name: Attendance, review_on: 2026-12-19}
                    - {target: 10%}
                """)
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["success.metrics[0].review_on", "success.metrics[2].review_on"])
            #expect(findings.map { $0.message.contains("metric 1") } == [true, false])
            #expect(findings.last?.message.contains("metric 3") == true)
        }

        @Test("nothing to judge without metrics")
        func noMetrics() {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("the shipped examples have review dates")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
