import Testing

@testable import HandoffKit

@Suite("Shipped examples")
struct ExampleDraftTests {
    @Test("the ready example has no blocker")
    func readyExampleIsReady() {
        let report = Readiness.check(TestDrafts.ready, in: TestDrafts.context())
        #expect(report.isReady, "\(report.findings.filter { $0.severity == .blocker })")
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.score == 100)
    }

    @Test("the half-formed example loads and is not ready")
    func halfFormedIsNotReady() {
        let draft = TestDrafts.load(TestDrafts.exampleText("half-formed-idea.yaml"))
        let report = Readiness.check(draft, in: TestDrafts.context())
        #expect(!report.isReady)
        #expect(report.findings.contains { $0.rule == "vague-language" })
        #expect(report.score < 50)
    }

    @Test("the Japanese example reports in Japanese")
    func japaneseReportsInJapanese() {
        let draft = TestDrafts.japanese
        #expect(draft.lang == .ja)
        let report = Readiness.check(draft, in: TestDrafts.context(.ja))
        let legal = report.findings.first { $0.rule == "personal-data-without-legal" }
        #expect(legal != nil)
        #expect(legal?.message.contains("法務") == true)
    }
}
