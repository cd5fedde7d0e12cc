import Testing

@testable import HandoffKit

extension Rules {
    @Suite("metric-target-missing")
    struct MetricTargetMissingTests {
        let rule = MetricTargetMissing()

        /// The ready example with a second, complete metric.
        static var twoMetrics: Draft {
            TestDrafts.ready.with {
                var second = $0.success.metrics[0]
                second.name = "Attendance rate"
                second.baseline = .text("40%")
                second.target = .text("60%")
                $0.success.metrics.append(second)
            }
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MetricTargetMissing.id == "metric-target-missing")
            #expect(MetricTargetMissing.severity == .blocker)
        }

        @Test("the second metric without a target: a blocker on success.metrics[1].target, in English")
        func firesInEnglish() throws {
            let draft = Self.twoMetrics.with { $0.success.metrics[1].target = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-target-missing", severity: .blocker,
                field: "success.metrics[1].target")
            RuleExpect.english(finding, message: ["'Attendance rate'", "no target"], question: ["success", "by when"])
        }

        @Test("a metric without a target, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.metrics[1].target = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-target-missing", severity: .blocker,
                field: "success.metrics[1].target")
            RuleExpect.japanese(finding, message: ["指標「商談化率」", "目標値"], question: ["「商談化率」", "成功"])
        }

        @Test("every metric without a target gets its own finding")
        func oneFindingPerMetric() {
            let draft = Self.twoMetrics.with {
                $0.success.metrics[0].target = nil
                $0.success.metrics[1].target = nil
            }
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["success.metrics[0].target", "success.metrics[1].target"])
            #expect(findings.allSatisfy { $0.severity == .blocker && $0.rule == "metric-target-missing" })
        }

        @Test("a metric without a name is named by its position")
        func unnamedMetric() throws {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {name: Registrations, target: 300}
                    - {source: GA4}
                """)
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-target-missing", severity: .blocker,
                field: "success.metrics[1].target")
            #expect(english.message.contains("metric 2"))
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "metric-target-missing", severity: .blocker,
                field: "success.metrics[1].target")
            #expect(japanese.message.contains("指標2"))
        }

        @Test("a blank target is no target", arguments: [#"target: """#, #"target: "   ""#])
        func blankTarget(line: String) throws {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - name: Registrations
                      \(line)
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "metric-target-missing", severity: .blocker,
                field: "success.metrics[0].target")
        }

        @Test("numbers, zero and texts with units are targets", arguments: ["300", "0", "0.5", "75%", "月200件"])
        func targets(target: String) {
            let draft = TestDrafts.load(
                """
                success:
                  metrics:
                    - {name: Registrations, target: \(target)}
                """)
            RuleExpect.silent(rule, draft)
        }

        @Test("empty metric entries are metrics-missing's business, and no metric means nothing to judge")
        func emptyMetrics() {
            let empty = TestDrafts.load("success: {metrics: [{}]}")
            RuleExpect.silent(rule, empty)
            let none = TestDrafts.ready.with { $0.success.metrics = [] }
            RuleExpect.silent(rule, none)
            #expect(!rule.applies(to: none, in: TestDrafts.context()))
            #expect(rule.applies(to: TestDrafts.ready, in: TestDrafts.context()))
        }

        @Test("the shipped examples have targets")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
            RuleExpect.silent(rule, Self.twoMetrics)
        }
    }
}
