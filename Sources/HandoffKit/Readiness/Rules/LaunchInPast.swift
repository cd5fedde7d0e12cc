/// `launch-in-past`: a launch date before today is a typo or a plan that has already slipped.
struct LaunchInPast: ReadinessRule {
    static let id = "launch-in-past"
    static let severity = Severity.blocker
    static let summary = Localized(en: "The launch date is not in the past.", ja: "公開日が過去ではない。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A launch date before today is a typo or a plan that has already slipped.",
            ja: "今日より前の公開日は、書き間違いか、すでに遅れている計画です。"),
        example: "timeline:\n  launch: 2020-01-15",
        fix: Localized(
            en: "Set the new launch date.",
            ja: "新しい公開日を書きます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { draft.timeline.launch != nil }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard let launch = draft.timeline.launch, launch < context.today else { return [] }
        return [
            context.finding(
                Self.self, field: "timeline.launch",
                message: Localized(
                    en: "The launch date \(launch) is before today (\(context.today)).",
                    ja: "公開日 \(launch) は今日（\(context.today)）より前です。"),
                question: Localized(
                    en: "What is the new launch date?",
                    ja: "新しい公開日はいつですか。"))
        ]
    }
}
