/// `acceptance-missing`: acceptance criteria are how IT and the requester agree the work is done;
/// without them testing and QA are guesswork.
struct AcceptanceMissing: ReadinessRule {
    static let id = "acceptance-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "At least one acceptance criterion.", ja: "受け入れ条件が一つ以上ある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Acceptance criteria are how IT and the requester agree the work is done; without them QA is guesswork.",
            ja: "受け入れ条件は、IT と依頼者が完了に合意するためのものです。ないとテストが当て推量になります。"),
        example: "testing:\n  acceptance_criteria: []",
        fix: Localized(
            en: "Write Given …, when …, then … for each thing that must work.",
            ja: "確かめたいことごとに「〜のとき、〜すると、〜になる」の形で書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.allOpen(draft.testing.acceptanceCriteria) else { return [] }
        return [
            context.finding(
                Self.self, field: "testing.acceptance_criteria",
                message: context.open(
                    context.firstPlaceholder(draft.testing.acceptanceCriteria),
                    noun: Localized(en: "an acceptance criterion", ja: "受け入れ条件"),
                    absent: Localized(
                        en: "No acceptance criterion; without one nobody can say when the work is done, and QA is guesswork.",
                        ja: "受け入れ条件がありません。完了の判断ができず、テストも当て推量になります。"),
                    why: Localized(
                        en: "without one nobody can say when the work is done, and QA is guesswork.",
                        ja: "完了の判断ができず、テストも当て推量になります。")),
                question: Localized(
                    en: "How will you check it works? Try: Given …, when …, then ….",
                    ja: "どう確かめれば完成と言えますか。「〜のとき、〜すると、〜になる」の形で書いてみてください。"))
        ]
    }
}
