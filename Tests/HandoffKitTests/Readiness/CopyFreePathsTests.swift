import Testing

@testable import HandoffKit

extension Rules {
    /// The check reads drafts, metrics and findings where they are instead of copying them: the
    /// findings move from each rule into the report, `sensitive-data` tallies a text before it
    /// scans it, the metric rules read a metric through its address. Each must answer exactly as
    /// the plain composition of the pieces does.
    @Suite("Readiness: the copy-free paths")
    struct CopyFreePathsTests {
        /// Texts for every branch of the sensitive scan: secrets in both languages and cases,
        /// anchors at the very end, full-width look-alikes, lists, long tokens that are no secret.
        static let tricky = [
            "Log in with PASSWORD: hunter22x", "パスワード：abc12345", "管理画面の暗証番号は 4821", "ｐａｓｓｗｏｒｄ： ｘｙｚ",
            "a@example.com, b@example.com, c@example.com", "ａ＠ｅｘａｍｐｌｅ．ｃｏｍ、ｂ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            "+81 90-1234-5678 / 090-2345-6789 / (555) 123-4567", "https://www.example.com/products/webinar-december",
            "connect with key AKIAIOSFODNN7EXAMPLE", "ends with the word token", "ends with トークン", "秘密鍵",
            "締め切りは未定です", "Sign-up form for the December webinar (EMEA)", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "ToKeN=abcdefghij0123456789", "-----BEGIN RSA PRIVATE KEY-----", "2026-12-05 15:00 and 2026-12-06 16:00",
        ]

        /// The ready draft with `texts` spread over fields the walk reaches, in several lists.
        static func draft(with texts: [String], japanese: Bool = false) -> Draft {
            (japanese ? TestDrafts.japanese : TestDrafts.ready).with { draft in
                for (index, text) in texts.enumerated() {
                    switch index % 6 {
                    case 0: draft.idea = (draft.idea ?? "") + text
                    case 1: draft.scope.deliverables.append(text)
                    case 2:
                        if !draft.scope.requirements.isEmpty {
                            draft.scope.requirements[index % draft.scope.requirements.count].text = text
                        }
                    case 3: if !draft.systems.isEmpty { draft.systems[index % draft.systems.count].change = text }
                    case 4: draft.compliance.notes = text
                    default: draft.testing.acceptanceCriteria.append(text)
                    }
                }
            }
        }

        static var drafts: [Draft] {
            var drafts = [Draft(), TestDrafts.ready, TestDrafts.japanese]
            for start in stride(from: 0, to: tricky.count, by: 3) {
                let texts = Array(tricky[start...] + tricky[..<start])
                drafts.append(draft(with: Array(texts.prefix(7))))
                drafts.append(draft(with: Array(texts.suffix(9)), japanese: true))
            }
            return drafts + RuleEngineEquivalenceTests.drafts.prefix(60)
        }

        @Test("a report's findings are every rule's findings, in rule order, moved over as they are")
        func findingsInRuleOrder() {
            var severalRules = 0
            for draft in Self.drafts {
                for language in [Language.en, .ja] {
                    let context = TestDrafts.context(language)
                    let expected = Readiness.rules.flatMap { $0.findings(for: draft, in: context) }
                    let report = Readiness.check(draft, in: context)
                    #expect(report.findings == expected)
                    if Set(expected.map(\.rule)).count >= 3 { severalRules += 1 }
                }
            }
            // The move is put to the test where findings of many rules follow one another.
            #expect(severalRules > 20)
        }

        @Test("sensitive-data reports, text by text and in field order, what the full scans find")
        func sensitiveDataAsTheFullScans() {
            let rule = SensitiveData()
            var reported = 0
            for draft in Self.drafts {
                let context = TestDrafts.context(.en)
                // The reference: every text with its field, every precise scan run on it.
                var expected: [(field: String, kind: SensitiveText.Kind)] = []
                for (field, text) in draft.freeText() {
                    for kind in SensitiveScanGateTests.reference(text) { expected.append((field, kind)) }
                }
                let findings = rule.findings(for: draft, in: context)
                #expect(findings.map(\.field) == expected.map(\.field))
                for (finding, (_, kind)) in zip(findings, expected) {
                    switch kind {
                    case .secret(let what): #expect(finding.message.hasPrefix("This text holds \(what.en);"))
                    case .emailList(let count): #expect(finding.message.hasPrefix("This text holds \(count) e-mail"))
                    case .phoneList(let count): #expect(finding.message.hasPrefix("This text holds \(count) phone"))
                    }
                }
                reported += findings.count
            }
            #expect(reported > 30)
        }

        @Test("the tally's gate lets through every text a precise scan finds something in")
        func tallyGateIsExact() {
            for text in Self.tricky + Self.tricky.map({ $0 + "。" }) + Self.tricky.map({ "ん" + $0.uppercased() }) {
                let tally = SensitiveTextTally.of(text)
                let reference = SensitiveScanGateTests.reference(text)
                if !reference.isEmpty { #expect(tally.mayFindAnything, "\(text.debugDescription)") }
                #expect(SensitiveText.scan(text) == reference, "\(text.debugDescription)")
                #expect(tally.mayHoldSecret == SensitiveTextTally(text).mayHoldSecret)
            }
        }

        @Test("a metric rule names each open metric in order, read where it is")
        func metricRulesInOrder() {
            let draft = TestDrafts.ready.with { draft in
                let metric = draft.success.metrics.first ?? Metric()
                draft.success.metrics = (0..<5).map { index in
                    var copy = metric
                    copy.name = index == 3 ? "申込数" : "Metric \(index)"
                    if index % 2 == 1 { copy.target = .text("TBD") }
                    if index == 2 { copy.target = nil }
                    if index >= 3 { copy.source = "未定" }
                    return copy
                }
            }
            let context = TestDrafts.context(.en)
            let targets = MetricTargetMissing().findings(for: draft, in: context).map(\.field)
            #expect(targets == ["success.metrics[1].target", "success.metrics[2].target", "success.metrics[3].target"])
            let sources = MetricSourceMissing().findings(for: draft, in: context).map(\.field)
            #expect(sources == ["success.metrics[3].source", "success.metrics[4].source"])
        }

        @Test("a list holds nothing, and its texts are all open, exactly when the plain forms say so")
        func listQuestions() {
            let context = TestDrafts.context(.en)
            for draft in Self.drafts {
                #expect(draft.success.metrics.holdsNothing == draft.success.metrics.allSatisfy(\.isEmptyValue))
                #expect(draft.timeline.milestones.holdsNothing == draft.timeline.milestones.allSatisfy(\.isEmptyValue))
                for texts in [draft.scope.deliverables, draft.scope.outOfScope, draft.testing.acceptanceCriteria] {
                    #expect(context.allOpen(texts) == texts.allSatisfy { context.isOpen($0) })
                }
            }
            #expect([Metric]().holdsNothing)
            #expect([Metric(), Metric()].holdsNothing)
            var sourced = Metric()
            sourced.source = "GA4"
            #expect(![Metric(), sourced].holdsNothing)
            #expect(context.allOpen([]))
            #expect(context.allOpen(["TBD", "  ", "未定"]))
            #expect(!context.allOpen(["TBD", "Sign-up form"]))
        }
    }
}
