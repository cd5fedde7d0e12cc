import Testing

@testable import HandoffKit

extension Rules {
    /// Kind inference walks each text once through every kind's cues, and `Readiness.check` reads
    /// a draft's kind once for the rules that need it; both must answer as the kind-by-kind search
    /// they replaced and as each rule asked on its own.
    @Suite("Kind inference equivalence")
    struct KindInferenceEquivalenceTests {
        /// The search as it was: kinds in order, then texts in order, then each kind's cues in order.
        static func reference(_ texts: [(field: String, text: String)]) -> KindInference.Guess? {
            for (kind, words) in KindInference.cues {
                for (field, text) in texts {
                    if let word = words.first(where: { TermMatch.contains($0, in: text) }) {
                        return KindInference.Guess(kind: kind, evidence: word, field: field)
                    }
                }
            }
            return nil
        }

        static let cueWords = KindInference.cues.flatMap(\.1)

        @Test("texts read as the kind-by-kind search reads them")
        func sameGuessForTexts() {
            var generator = ScanEquivalenceInputs.Generator(state: 0x5EED)
            let texts = ScanEquivalenceInputs.texts(1200, vocabulary: Self.cueWords, seed: 31)
            var start = 0
            var guessed = 0
            var kinds: Set<RequestKind> = []
            while start < texts.count {
                let count = Int.random(in: 1...4, using: &generator)
                let group = texts[start..<min(start + count, texts.count)].enumerated().map { ("field\($0.offset)", $0.element) }
                start += count
                let expected = Self.reference(group)
                #expect(KindInference.guess(labelled: group) == expected, "\(group.map(\.1))")
                if let expected {
                    guessed += 1
                    kinds.insert(expected.kind)
                }
            }
            #expect(guessed > 100)
            #expect(kinds.count == KindInference.cues.count)
        }

        @Test("drafts read as the kind-by-kind search over idea, title and deliverables")
        func sameGuessForDrafts() {
            var guessed = 0
            for draft in Self.kindlessDrafts {
                var texts = [("idea", draft.idea), ("title", draft.title)].compactMap { field, text in text.map { (field, $0) } }
                texts += draft.scope.deliverables.enumerated().map { ("scope.deliverables[\($0.offset)]", $0.element) }
                let expected = Self.reference(texts)
                #expect(KindInference.guess(for: draft) == expected)
                if expected != nil { guessed += 1 }
            }
            #expect(guessed > Self.kindlessDrafts.count / 2)
        }

        /// Generated drafts without a kind, with cue words put into the idea, the title and the
        /// deliverables, so the kind is read from words.
        static let kindlessDrafts: [Draft] = {
            var drafts: [Draft] = []
            for (index, draft) in RuleEngineEquivalenceTests.drafts.enumerated() {
                let word = cueWords[index % cueWords.count]
                let other = cueWords[(index * 5 + 2) % cueWords.count]
                drafts.append(draft.with { $0.kind = nil })
                drafts.append(
                    draft.with {
                        $0.kind = nil
                        $0.scope.deliverables.append("the " + word)
                        if index % 3 == 0 { $0.title = other }
                    })
            }
            return drafts
        }()

        @Test("the report of a draft whose kind is read once is the rules' findings asked one by one")
        func kindReadOnceAgrees() {
            var found = 0
            for draft in Self.kindlessDrafts + RuleEngineEquivalenceTests.drafts {
                let context = TestDrafts.context(draft.language)
                let expected = Readiness.rules.flatMap { $0.findings(for: draft, in: context) }
                #expect(Readiness.check(draft, in: context).findings == expected)
                found += expected.filter { $0.rule == KindUnstated.id || $0.rule == SecurityImpactUnstated.id }.count
            }
            #expect(found > Self.kindlessDrafts.count / 2)
        }
    }
}
