import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metric-source-missing")
    struct MetricSourceMissingTests {
        let rule = MetricSourceMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricSourceMissing.id == "metric-source-missing")
            #expect(MetricSourceMissing.severity == .blocker)
        }

        @Test("the second metric without a source: a blocker on success.metrics[1].source, in English")
        func firesInEnglish() throws {
            let draft = MetricTargetMissingTests.twoMetrics.with { $0.success.metrics[1].source = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-source-missing", severity: .blocker,
                field: "success.metrics[1].source")
            RuleExpect.english(finding, message: ["'Attendance rate'", "no data source"], question: ["GA4"])
        }

        @Test("a metric without a source, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics[0].source = "" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-source-missing", severity: .blocker,
                field: "success.metrics[0].source")
            RuleExpect.japanese(finding, message: ["指標「資料請求数」", "出どころ"], question: ["どこから"])
        }

        @Test("a whitespace-only source is no source")
        func blankSource() throws {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {name: Registrations, source: "  "}
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-source-missing", severity: .blocker,
                field: "success.metrics[0].source")
        }

        @Test("each metric without a source is reported, those with one are not")
        func perMetric() {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {name: Registrations}
                    - {name: Attendance, source: Zoom}
                    - {name: Pipeline}
                """)
            #expect(
                RuleExpect.findings(rule, draft).map(\.field) == [
                    "success.metrics[0].source", "success.metrics[2].source",
                ])
        }

        @Test("nothing to judge without metrics")
        func noMetrics() {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("the shipped examples name their sources")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
