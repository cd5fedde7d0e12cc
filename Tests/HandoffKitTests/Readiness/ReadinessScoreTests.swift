import Testing

@testable import HandoffKit

extension Rules {
    /// The readiness score: the share of the weight of applicable rules that passes (blocker 10,
    /// warning 3, info 1; each failing rule counted once at its worst finding). The ready example
    /// has every rule applicable except system-unknown (no catalogue) and open-questions (no
    /// questions): a total weight of 161.
    @Suite("Readiness score")
    struct ReadinessScoreTests {
        static func check(_ draft: Draft, _ language: Language = .en, configuration: Configuration = Configuration())
            -> ReadinessReport
        {
            Readiness.check(draft, in: TestDrafts.context(language, configuration: configuration))
        }

        @Test("the ready example scores 100 with no findings")
        func readyScores100() {
            let report = Self.check(TestDrafts.ready)
            #expect(report.score == 100)
            #expect(report.findings.isEmpty, "\(report.findings)")
            #expect(report.isReady)
        }

        @Test("the Japanese example loses one blocker's weight: 157 of 167")
        func japaneseExample() {
            let report = Self.check(TestDrafts.japanese, .ja)
            #expect(report.findings.map(\.rule) == ["personal-data-without-legal"])
            #expect(report.score == 94)
            #expect(!report.isReady)
        }

        @Test("more problems score lower than fewer")
        func moreProblemsScoreLower() {
            let steps: [(inout Draft) -> Void] = [
                { $0.change.iterations = nil },  // info
                { $0.objective.value = nil },  // warning
                { $0.scope.outOfScope = [] },  // warning
                { $0.testing.acceptanceCriteria = [] },  // blocker
                { $0.success.metrics[0].source = nil },  // blocker
                { $0.title = nil },  // blocker
            ]
            var draft = TestDrafts.ready
            var previous = Self.check(draft).score
            for (index, step) in steps.enumerated() {
                step(&draft)
                let score = Self.check(draft).score
                #expect(score < previous, "step \(index): \(score) is not below \(previous)")
                previous = score
            }
        }

        @Test("a blocker weighs more than a warning, a warning more than an info")
        func severityWeights() {
            let info = Self.check(TestDrafts.ready.with { $0.change.iterations = nil })
            let warning = Self.check(TestDrafts.ready.with { $0.objective.value = nil })
            let blocker = Self.check(TestDrafts.ready.with { $0.testing.acceptanceCriteria = [] })
            #expect(info.score == 99)  // 174 of 175
            #expect(warning.score == 98)  // 172 of 175
            #expect(blocker.score == 94)  // 165 of 175
        }

        @Test("rules with nothing to judge do not count: no metrics")
        func notApplicableMetricRules() throws {
            let draft = TestDrafts.ready.with { $0.success.metrics = [] }
            let report = Self.check(draft)
            #expect(report.findings.map(\.rule) == ["metrics-missing"])
            // The five per-metric rules (29 points) leave the total: 10 lost of 146, not of 175.
            #expect(report.score == 93)
            let context = TestDrafts.context()
            let applicable = Readiness.rules.filter { $0.applies(to: draft, in: context) }.map(\.id)
            for id in [
                "metric-target-missing", "metric-source-missing", "metric-baseline-missing",
                "metric-tracking-missing", "metric-review-missing",
            ] {
                #expect(!applicable.contains(id), "\(id)")
            }
            #expect(applicable.contains("metrics-missing"))
        }

        @Test("open questions count only once there are questions")
        func openQuestionsApplyWhenAsked() {
            let answered = TestDrafts.ready.with {
                $0.review.questions = [ReviewQuestion(by: "IT", text: "Which workspace?", answered: true)]
            }
            #expect(Self.check(answered).score == 100)
            let open = TestDrafts.ready.with {
                $0.review.questions = [ReviewQuestion(by: "IT", text: "Which workspace?")]
            }
            let report = Self.check(open)
            #expect(report.findings.map(\.rule) == ["open-questions"])
            #expect(report.score == 94)  // 161 of 171
        }

        @Test("the catalogue rule counts only with a catalogue")
        func catalogueRule() {
            let complete = RuleExpect.configuration("systems: [Marketo, Website CMS]")
            #expect(Self.check(TestDrafts.ready, configuration: complete).score == 100)
            let partial = RuleExpect.configuration("systems: [Marketo]")
            let report = Self.check(TestDrafts.ready, configuration: partial)
            #expect(report.findings.map(\.rule) == ["system-unknown"])
            #expect(report.score == 99)  // 161 of 162
        }

        @Test("a failing rule counts once, however many findings it has")
        func ruleCountsOnce() {
            let twoMetrics = MetricTargetMissingTests.twoMetrics
            let one = Self.check(twoMetrics.with { $0.success.metrics[0].source = nil })
            let both = Self.check(
                twoMetrics.with {
                    $0.success.metrics[0].source = nil
                    $0.success.metrics[1].source = nil
                })
            #expect(one.findings.count == 1)
            #expect(both.findings.count == 2)
            #expect(one.score == both.score)
            #expect(one.score == 94)
        }

        @Test("a rule's worst finding decides what it costs")
        func worstFinding() {
            let urgent = TestDrafts.ready.with { $0.timeline.launch = CivilDate(year: 2026, month: 11, day: 27) }
            let withReason = Self.check(urgent)
            let withoutReason = Self.check(urgent.with { $0.timeline.reason = nil })
            #expect(withReason.findings.map(\.severity) == [.warning])
            #expect(withoutReason.findings.map(\.severity) == [.blocker])
            #expect(withoutReason.score < withReason.score)
            #expect(withReason.isReady)
            #expect(!withoutReason.isReady)
        }

        @Test("the verdict depends only on blockers, not on the score")
        func verdictIgnoresScore() {
            let warningsOnly = Self.check(
                TestDrafts.ready.with {
                    $0.objective.value = nil
                    $0.scope.outOfScope = []
                    $0.stakeholders.removeAll { $0.role == .businessOwner || $0.role == .itContact }
                    $0.change.iterations = nil
                    $0.change.peopleAffected = nil
                })
            let oneBlocker = Self.check(TestDrafts.ready.with { $0.testing.acceptanceCriteria = [] })
            #expect(warningsOnly.count(.blocker) == 0)
            #expect(warningsOnly.count(.warning) == 3)
            #expect(warningsOnly.count(.info) == 3)
            #expect(warningsOnly.isReady)
            #expect(!oneBlocker.isReady)
            #expect(oneBlocker.count(.blocker) == 1)
            // The blocked draft even scores higher than the ready one.
            #expect(warningsOnly.score == 93)  // 163 of 175
            #expect(oneBlocker.score == 94)  // 165 of 175
            #expect(oneBlocker.score > warningsOnly.score)
        }

        @Test("a report's verdict is read from its findings alone")
        func reportVerdict() {
            let warning = Finding(
                rule: "value-missing", severity: .warning, field: "objective.value", message: "m", question: "q")
            let info = Finding(rule: "kgi-missing", severity: .info, field: "success.kgi", message: "m", question: "q")
            let blocker = Finding(
                rule: "title-missing", severity: .blocker, field: "title", message: "m", question: "q")
            #expect(ReadinessReport(findings: [], score: 0).isReady)
            #expect(ReadinessReport(findings: [warning, info], score: 10).isReady)
            #expect(!ReadinessReport(findings: [warning, blocker], score: 99).isReady)
            #expect(!ReadinessReport(findings: [blocker], score: 100).isReady)
        }

        @Test("an empty draft scores low but within 0–100, in either language")
        func emptyDraft() {
            for language in [Language.en, .ja] {
                let report = Self.check(Draft(), language)
                // Applicable weight 99; only vague-language and sensitive-data (3 each) pass.
                #expect(report.score == 6)
                #expect(!report.isReady)
                // title, problem, business goal, deliverables, systems, launch, metrics, acceptance.
                #expect(report.count(.blocker) == 8)
                if language == .ja {
                    #expect(report.findings.allSatisfy { $0.message.hasJapanese && $0.question.hasJapanese })
                } else {
                    #expect(report.findings.allSatisfy { !$0.message.hasJapanese && !$0.question.hasJapanese })
                }
            }
        }

        @Test("findings come in the order of the rules")
        func findingOrder() {
            let report = Self.check(Draft())
            let order = Readiness.ruleIDs
            let positions = report.findings.map { finding in order.firstIndex(of: finding.rule) ?? -1 }
            #expect(!positions.contains(-1))
            #expect(positions == positions.sorted())
            #expect(report.findings.first?.rule == "title-missing")
        }
    }

    @Suite("Readiness rule registry")
    struct ReadinessRegistryTests {
        /// Every rule of docs/rules.md, in its order, with each rule's usual severity.
        static let design: [(String, Severity)] = [
            ("title-missing", .blocker), ("title-too-long", .blocker), ("objective-missing", .blocker),
            ("value-missing", .warning), ("vague-language", .warning), ("scope-missing", .blocker),
            ("out-of-scope-missing", .warning), ("must-overload", .warning), ("systems-missing", .blocker),
            ("system-change-missing", .warning), ("system-unknown", .info),
            ("personal-data-without-legal", .blocker), ("lead-form-without-sales", .warning),
            ("approver-missing", .warning), ("it-contact-missing", .info), ("launch-missing", .blocker),
            ("launch-in-past", .blocker), ("deadline-inside-lead-time", .warning), ("milestones-missing", .info),
            ("metrics-missing", .blocker), ("metric-target-missing", .blocker), ("metric-source-missing", .blocker),
            ("metric-baseline-missing", .warning), ("metric-tracking-missing", .warning),
            ("metric-review-missing", .warning), ("kgi-missing", .info), ("acceptance-missing", .blocker),
            ("iterations-unstated", .info), ("change-impact-unstated", .info), ("open-questions", .blocker),
            ("sensitive-data", .warning), ("acceptance-untestable", .warning), ("contact-invalid", .warning),
            ("traffic-unstated", .info), ("security-impact-unstated", .warning), ("maintenance-unstated", .warning),
            // Not in the design's table: says which kind a draft without one was checked as.
            ("kind-unstated", .info),
        ]

        @Test("37 rules with the design's ids, in the design's order")
        func ids() {
            #expect(Readiness.rules.count == 37)
            #expect(Readiness.ruleIDs == Self.design.map(\.0))
            #expect(Set(Readiness.ruleIDs).count == Readiness.ruleIDs.count)
        }

        @Test("each rule's usual severity is the design's")
        func severities() {
            let actual = Readiness.rules.map { type(of: $0).severity }
            #expect(actual == Self.design.map(\.1))
        }

        @Test("each rule has a summary in both languages")
        func summaries() {
            for rule in Readiness.rules {
                let summary = type(of: rule).summary
                #expect(!summary.en.isEmpty && !summary.en.hasJapanese, "\(rule.id)")
                #expect(summary.ja.hasJapanese, "\(rule.id)")
            }
        }

        @Test("each rule explains why, shows an example and says how to fix it, in both languages")
        func explanations() {
            for rule in Readiness.rules {
                let explanation = type(of: rule).explanation
                #expect(!explanation.why.en.hasJapanese && explanation.why.ja.hasJapanese, "\(rule.id)")
                #expect(!explanation.fix.en.hasJapanese && explanation.fix.ja.hasJapanese, "\(rule.id)")
                #expect(explanation.example.contains(":"), "\(rule.id): the example is a piece of a draft")
            }
        }
    }
}
