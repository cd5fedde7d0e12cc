import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metric-tracking-missing")
    struct MetricTrackingMissingTests {
        let rule = MetricTrackingMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricTrackingMissing.id == "metric-tracking-missing")
            #expect(MetricTrackingMissing.severity == .warning)
        }

        @Test("the second metric without tracking: a warning on success.metrics[1].tracking, in English")
        func firesInEnglish() throws {
            let draft = MetricTargetMissingTests.twoMetrics.with { $0.success.metrics[1].tracking = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-tracking-missing", severity: .warning,
                field: "success.metrics[1].tracking")
            RuleExpect.english(finding, message: ["'Attendance rate'", "tracked", "before launch"], question: ["UTM"])
        }

        @Test("a metric without tracking, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics[0].tracking = "  " }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-tracking-missing", severity: .warning,
                field: "success.metrics[0].tracking")
            RuleExpect.japanese(finding, message: ["指標「資料請求数」", "計測"], question: ["計測"])
        }

        @Test("a source is not tracking")
        func sourceIsNotTracking() throws {
            let draft = TestDrafts.load("success: {metrics: [{name: Registrations, source: Marketo}]}")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-tracking-missing", severity: .warning,
                field: "success.metrics[0].tracking")
        }

        @Test("nothing to judge without metrics")
        func noMetrics() {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("the shipped examples say how they track")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
