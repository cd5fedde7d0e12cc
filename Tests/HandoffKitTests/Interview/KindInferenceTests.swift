import Testing

@testable import HandoffKit

@Suite("the kind read from the idea")
struct KindInferenceTests {
    @Test(
        "ideas in English and Japanese read as the kind a person would name",
        arguments: [
            ("A landing page with a lead form for the spring campaign", RequestKind.form),
            ("We need a way for people to register for the December webinar", .form),
            ("メルマガ配信を毎月したい", .email),
            ("Send the December newsletter to enterprise prospects", .email),
            ("春の新製品キャンペーンの特設ページを作りたい", .landingPage),
            ("A campaign landing page reached from our ads", .landingPage),
            ("Add the LinkedIn pixel to the product pages", .tracking),
            ("製品ページに広告のタグを入れたい", .tracking),
            ("Sync webinar attendees from ON24 into Salesforce", .integration),
            ("ON24 の参加者を Salesforce に連携したい", .integration),
            ("A monthly CSV of webinar leads for the agency", .dataExport),
            ("料金ページの文言を差し替えたい", .contentChange),
            ("Replace the banner on the pricing page", .contentChange),
        ])
    func reads(_ idea: String, _ kind: RequestKind) {
        #expect(KindInference.guess(in: [idea])?.kind == kind, "\(idea)")
    }

    @Test("words that only contain a cue are no cue; nothing named, no guess")
    func noGuess() {
        #expect(KindInference.guess(in: ["Train the SDR team on the new lead routing"]) == nil)
        #expect(KindInference.guess(in: ["Move the platform to the new plan"]) == nil)
        #expect(KindInference.guess(in: ["プラットフォームの研修"]) == nil)
    }

    @Test("the guess names its words and where they are; a stated kind wins")
    func evidence() {
        let draft = TestDrafts.load("title: Quarterly update\nscope: {deliverables: [Newsletter for January]}")
        #expect(KindInference.guess(for: draft) == KindInference.Guess(kind: .email, evidence: "newsletter", field: "scope.deliverables[0]"))
        #expect(KindInference.effectiveKind(of: draft.with { $0.kind = .other }) == .other)
    }

    @Test("the interview offers the kind back from the idea")
    func offered() {
        let hints = IdeaHints(texts: ["メルマガ配信を12月にしたい"], configuration: Configuration(), today: TestDrafts.today)
        #expect(hints.kind == .email)
    }
}
