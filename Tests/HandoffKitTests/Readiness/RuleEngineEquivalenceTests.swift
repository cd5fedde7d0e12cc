import Testing

@testable import HandoffKit

extension Rules {
    /// The rule engine asks each rule for its findings and whether it applies in one call, and
    /// rules name a field only once they report it; both must answer as the separate questions
    /// and the full lists of fields did, on generated drafts that reach every field.
    @Suite("Rule engine equivalence")
    struct RuleEngineEquivalenceTests {
        static let drafts: [Draft] = {
            var generator = DraftGenerator(seed: 0xC0FF_EE12)
            var drafts = [TestDrafts.ready, TestDrafts.japanese]
            for _ in 0..<250 {
                guard let yaml = try? generator.draft() else { continue }
                for case .success(let loaded) in DraftLoader.load(text: yaml, source: "test.yaml", requireFormat: false) {
                    drafts.append(loaded.draft)
                }
            }
            // Generated text seldom names a script or a cookie: put security words into the fields
            // the rule walks, one or two at a time, so that which field is first is put to the test.
            let words = OperationsCues.securityWords
            var variants: [Draft] = []
            for (index, draft) in drafts.enumerated() {
                let word = words[index % words.count]
                let other = words[(index * 7 + 3) % words.count]
                variants.append(draft.with { $0.details.direction = "via " + word })
                variants.append(draft.with { $0.scope.deliverables.append("a new " + word) })
                variants.append(
                    draft.with {
                        if !$0.systems.isEmpty { $0.systems[$0.systems.count - 1].change = other + " for the form" }
                        $0.details.cookies = word
                    })
                variants.append(draft.with { $0.title = ($0.title ?? "") + " " + other })
            }
            return drafts + variants
        }()

        @Test("every rule's evaluation is its findings and whether it applies")
        func evaluateAnswersBothQuestions() {
            #expect(Self.drafts.count > 60)
            var applied = 0
            var found = 0
            for draft in Self.drafts {
                let context = TestDrafts.context(draft.language)
                for rule in Readiness.rules {
                    let (findings, applies) = rule.evaluate(draft, in: context)
                    #expect(findings == rule.findings(for: draft, in: context), "\(rule.id)")
                    #expect(applies == rule.applies(to: draft, in: context), "\(rule.id)")
                    if applies { applied += 1 }
                    found += findings.count
                }
            }
            #expect(applied > Self.drafts.count)
            #expect(found > Self.drafts.count)
        }

        @Test("each rule called on its own type is the rule at its place in the list, with the same answers")
        func rulesCalledByTypeAreTheList() {
            for draft in Self.drafts.prefix(80) {
                let context = TestDrafts.context(draft.language)
                for (index, rule) in Readiness.rules.enumerated() {
                    let direct = Readiness.evaluate(ruleAt: index, draft, in: context)
                    let listed = rule.evaluate(draft, in: context)
                    #expect(direct.findings == listed.findings, "\(rule.id)")
                    #expect(direct.applies == listed.applies, "\(rule.id)")
                }
            }
            // A finding names its rule: the order is checked on drafts where every rule reports.
            let empty = Draft()
            let context = TestDrafts.context(.en)
            for (index, rule) in Readiness.rules.enumerated() {
                for finding in Readiness.evaluate(ruleAt: index, empty, in: context).findings { #expect(finding.rule == rule.id) }
            }
        }

        /// The list of fields `firstBuiltThing` walks, as it was written before it named fields lazily.
        static func builtThings(_ draft: Draft) -> [(field: String, text: String?)] {
            var texts: [(String, String?)] = [("idea", draft.idea), ("title", draft.title)]
            texts += draft.scope.deliverables.enumerated().map { ("scope.deliverables[\($0.offset)]", $0.element) }
            texts += draft.scope.requirements.enumerated().map { ("scope.requirements[\($0.offset)].text", $0.element.text) }
            texts += draft.systems.enumerated().map { ("systems[\($0.offset)].change", $0.element.change) }
            texts += [
                ("details.tags", draft.details.tags), ("details.cookies", draft.details.cookies),
                ("details.consent_banner", draft.details.consentBanner), ("details.direction", draft.details.direction),
            ]
            return texts
        }

        @Test("the first security word found, and its field, are those of the full list of fields")
        func firstBuiltThingAgrees() {
            var found = 0
            for draft in Self.drafts {
                let expected = OperationsCues.first(of: OperationsCues.securityTerms, in: Self.builtThings(draft))
                let actual = OperationsCues.firstBuiltThing(with: OperationsCues.securityTerms, in: draft)
                #expect(actual?.field == expected?.field)
                #expect(actual?.word == expected?.word)
                if expected != nil { found += 1 }
            }
            #expect(found > Self.drafts.count / 2)
        }
    }
}
