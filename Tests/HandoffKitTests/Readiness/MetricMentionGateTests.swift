import Testing

@testable import HandoffKit

extension Rules {
    /// `lead-form-without-sales` takes metric mentions (申込率, "sign-up rate") out of a change with
    /// Foundation's search only when the change may hold one; the byte test that decides must
    /// never skip a text the search would change.
    @Suite("Metric mention gate")
    struct MetricMentionGateTests {
        static let vocabulary =
            SystemTraits.metricMentions + SystemTraits.formWords + SystemTraits.leadWords + [
                "rate", "Rate", "RATE", "ｒａｔｅ", "率", "数", "\u{F961}", "\u{F9DB}", "申込\u{F961}", "登録\u{F9DB}",
                "申込率\u{301}", "sign-up rat", "ate", "e\u{301}", "r\u{301}ate", "申し\u{3099}込み率", "integrate",
                "separate", "数字", "比率", "ＳＩＧＮ-ＵＰ ＲＡＴＥ",
            ]

        static func withoutMentions(_ lowered: String) -> String {
            var text = lowered
            for mention in SystemTraits.metricMentions { text = text.replacingAll(mention, with: " ") }
            return text
        }

        @Test("every mention ends in one of the endings the byte test looks for")
        func mentionsEndInAnEnding() {
            for mention in SystemTraits.metricMentions {
                #expect(SystemTraits.metricMentionEndings.contains { mention.lowercased().hasSuffix($0) }, "\(mention)")
            }
        }

        @Test("a text the byte test lets pass is one the search leaves as it is")
        func gateNeverSkipsAMention() {
            var passed = 0
            var searched = 0
            var changed = 0
            for text in ScanEquivalenceInputs.texts(600, vocabulary: Self.vocabulary, seed: 404) {
                let lowered = text.lowercased()
                let replaced = Self.withoutMentions(lowered)
                if SystemTraits.mayMentionMetric(lowered) {
                    searched += 1
                    if replaced != lowered { changed += 1 }
                } else {
                    passed += 1
                    #expect(replaced == lowered, "\(text.debugDescription)")
                }
            }
            #expect(passed > 50)
            #expect(searched > 50)
            #expect(changed > 30)
        }

        @Test("whether a system collects leads is what it was with the search on every change")
        func collectsLeadsAgrees() {
            let configuration = Configuration()
            var collecting = 0
            let texts = ScanEquivalenceInputs.texts(600, vocabulary: Self.vocabulary, seed: 405)
            for (index, text) in texts.enumerated() {
                var system = AffectedSystem()
                system.change = text
                system.name = ["Marketo", "the website", nil, "HubSpot", "社内CMS"][index % 5]
                let expected = Self.referenceCollectsLeads(system, configuration: configuration)
                #expect(SystemTraits.collectsLeads(system, configuration: configuration) == expected, "\(text.debugDescription)")
                if expected { collecting += 1 }
            }
            #expect(collecting > 50)
        }

        /// `collectsLeads` as it was, searching every change for every mention.
        static func referenceCollectsLeads(_ system: AffectedSystem, configuration: Configuration) -> Bool {
            let change = withoutMentions((system.change ?? "").lowercased())
            if SystemTraits.otherPurposeTerms.containsAny(in: change) { return false }
            if SystemTraits.leadTerms.containsAny(in: change) || SystemTraits.formTerms.containsAny(in: change) { return true }
            guard SystemTraits.isLeadSystem(system, configuration: configuration) else { return false }
            return !SystemTraits.sendOnlyTerms.containsAny(in: change)
        }
    }
}
