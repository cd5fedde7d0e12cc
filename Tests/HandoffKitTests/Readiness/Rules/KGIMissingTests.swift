import Testing

@testable import HandoffKit

extension Rules {
    @Suite("kgi-missing")
    struct KGIMissingTests {
        let rule = KGIMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(KGIMissing.id == "kgi-missing")
            #expect(KGIMissing.severity == .info)
        }

        @Test("no KGI: an info on success.kgi, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.success.kgi = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "kgi-missing", severity: .info, field: "success.kgi")
            RuleExpect.english(finding, message: ["KGI", "conversion"], question: ["conversion"])
        }

        @Test("no KGI, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.success.kgi = " " }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "kgi-missing", severity: .info, field: "success.kgi")
            RuleExpect.japanese(finding, message: ["KGI", "目標"], question: ["コンバージョン"])
        }

        @Test("metrics without a KGI still miss the KGI")
        func metricsAreNotAKGI() throws {
            let draft = TestDrafts.ready.with { $0.success.kgi = nil }
            #expect(!draft.success.metrics.isEmpty)
            #expect(RuleExpect.findings(rule, draft).count == 1)
        }

        @Test("the shipped examples state a KGI")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
            RuleExpect.silent(rule, TestDrafts.load("success: {kgi: Paid sign-ups}"))
        }
    }
}
