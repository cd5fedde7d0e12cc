import Testing

@testable import HandoffKit

/// "TBD", "I don't know", 「未定」 typed where content is needed: kept as typed (nothing the
/// marketer wrote is dropped), said back as an open point IT will need, listed in the summary, and
/// the draft stays not ready. Real content that merely contains such a word is an answer.
@Suite("Interview: a placeholder is an open point, not an answer")
struct InterviewPlaceholderTests {
    let cases = InterviewIssueCasesTests()

    static let placeholders: [(Language, String)] = [
        (.en, "TBD"), (.en, "I don't know"), (.en, "not sure yet"), (.ja, "未定"), (.ja, "わからない"), (.ja, "確認中です"),
    ]

    @Test("a placeholder business goal is kept, said back, listed, and keeps the draft not ready", arguments: placeholders)
    func placeholderGoal(_ language: Language, _ said: String) {
        let engine = cases.engine(language, TestDrafts.load("idea: x\ntitle: y\nobjective: {problem: Sign-ups get lost}"))
        cases.feed(engine, "/goto objective.business_goal")
        #expect(engine.prompt?.key == "objective.business_goal")
        let response = engine.handle(said)
        #expect(engine.draft.objective.businessGoal == said, "what was typed is kept")
        #expect(engine.state.unsure.contains("objective.business_goal"))
        #expect(cases.notices(response) == [InterviewText.notedAsOpen(said)(language)])
        #expect(engine.prompt?.key != "objective.business_goal")
        let summary = engine.summaryLines()
        #expect(summary.contains(.text(InterviewText.unsureHeading(language))))
        #expect(summary.contains { if case .text(let line) = $0 { return line.contains("/goto objective.business_goal") } else { return false } })
        let report = Readiness.check(engine.draft, in: TestDrafts.context(language))
        #expect(report.findings.contains { $0.rule == "objective-missing" && $0.field == "objective.business_goal" })
    }

    @Test("a placeholder launch date is an open point, and nothing unreadable is stored", arguments: [(Language.en, "TBD"), (.ja, "未定")])
    func placeholderDate(_ language: Language, _ said: String) {
        let engine = cases.engine(language, TestDrafts.load("idea: x\ntitle: y"))
        cases.feed(engine, "/goto timeline.launch")
        #expect(engine.prompt?.key == "timeline.launch")
        let response = engine.handle(said)
        #expect(engine.draft.timeline.launch == nil)
        #expect(engine.state.unsure.contains("timeline.launch"))
        #expect(cases.notices(response) == [InterviewText.notedAsOpen(said)(language)])
    }

    @Test("real content that contains such a word is an answer", arguments: [
        (Language.en, "Unknown Pleasures tribute page"), (.ja, "不明点を問い合わせるフォーム"),
    ])
    func realContent(_ language: Language, _ said: String) {
        let engine = cases.engine(language, TestDrafts.load("idea: x\ntitle: y"))
        cases.feed(engine, "/goto scope.deliverables")
        let response = engine.handle(said)
        #expect(engine.draft.scope.deliverables == [said])
        #expect(!engine.state.unsure.contains("scope.deliverables"))
        #expect(!cases.notices(response).contains(InterviewText.notedAsOpen(said)(language)))
    }

    @Test("answering the open point later takes it off the list", arguments: [(Language.en, "TBD", "Pipeline growth for FY27"), (.ja, "未定", "FY27 の商談創出")])
    func answeredLater(_ language: Language, _ placeholder: String, _ answer: String) {
        let engine = cases.engine(language, TestDrafts.load("idea: x\ntitle: y\nobjective: {problem: Sign-ups get lost}"))
        cases.feed(engine, "/goto objective.business_goal", placeholder, "/goto objective.business_goal", answer)
        #expect(engine.draft.objective.businessGoal == answer)
        #expect(!engine.state.unsure.contains("objective.business_goal"))
    }
}
