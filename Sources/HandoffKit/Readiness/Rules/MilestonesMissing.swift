/// `milestones-missing`: a launch more than six weeks out needs intermediate dates, or slips are
/// discovered in the last week.
struct MilestonesMissing: ReadinessRule {
    static let id = "milestones-missing"
    static let severity = Severity.info
    static let summary = Localized(
        en: "A launch more than 6 weeks out has milestones.", ja: "6週間より先の公開にはマイルストーンがある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A launch more than six weeks out without intermediate dates shows its slips only in the last week.",
            ja: "6 週間より先の公開に途中の日付がないと、遅れが最後の週まで見えません。"),
        example: "timeline:\n  launch: (in 3 months)\n  milestones: []",
        fix: Localized(
            en: "Add the dates that matter on the way: copy final, design approved, test start.",
            ja: "途中の大事な日付（原稿確定、デザイン承認、テスト開始など）を加えます。"))
    static let horizonDays = 42

    func applies(to draft: Draft, in context: RuleContext) -> Bool { draft.timeline.launch != nil }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard let launch = draft.timeline.launch, context.today.days(until: launch) > Self.horizonDays,
            draft.timeline.milestones.holdsNothing
        else { return [] }
        let weeks = context.today.days(until: launch) / 7
        return [
            context.finding(
                Self.self, field: "timeline.milestones",
                message: Localized(
                    en: "Launch is about \(weeks) weeks away and there are no milestones; slips then show up only at the end.",
                    ja: "公開まで約\(weeks)週間ありますが、マイルストーンがありません。遅れが最後まで見えません。"),
                question: Localized(
                    en: "Which intermediate dates matter (copy final, design approved, test start)?",
                    ja: "途中の大事な日付は何ですか（原稿確定、デザイン承認、テスト開始など）。"))
        ]
    }
}
