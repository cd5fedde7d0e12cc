/// `launch-missing`: without a launch date no schedule can be agreed.
struct LaunchMissing: ReadinessRule {
    static let id = "launch-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "A launch date is set.", ja: "公開日が決まっている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Without a launch date no schedule can be agreed.",
            ja: "公開日がないと日程を合意できません。"),
        example: "timeline:\n  deadline: hard",
        fix: Localized(
            en: "Set timeline.launch (YYYY-MM-DD) and say what the date is tied to.",
            ja: "timeline.launch（YYYY-MM-DD）を書き、その日付が何に連動しているかを書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard draft.timeline.launch == nil else { return [] }
        return [
            context.finding(
                Self.self, field: "timeline.launch",
                message: Localized(
                    en: "There is no launch date; IT cannot plan or agree a schedule without one.",
                    ja: "公開日がありません。日付がないと IT は計画も日程の合意もできません。"),
                question: Localized(
                    en: "By which date must it be live (YYYY-MM-DD), and what is the date tied to?",
                    ja: "いつまでに公開する必要がありますか（YYYY-MM-DD）。その日付は何に連動していますか。"))
        ]
    }
}
