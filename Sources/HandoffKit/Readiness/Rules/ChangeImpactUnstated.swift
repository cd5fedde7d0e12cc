/// `change-impact-unstated`: every change meets resistance; plan for the people it affects.
struct ChangeImpactUnstated: ReadinessRule {
    static let id = "change-impact-unstated"
    static let severity = Severity.info
    static let summary = Localized(en: "The people affected are named.", ja: "影響を受ける人が書かれている。")

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard draft.change.peopleAffected.isBlank else { return [] }
        return [
            context.finding(
                Self.self, field: "change.people_affected",
                message: context.text(
                    "Nothing is said about the people this changes work for; unprepared teams resist or work around it.",
                    "この変更で仕事が変わる人について書かれていません。準備のないチームは抵抗したり回避したりします。"),
                question: context.text(
                    "Whose daily work changes (SDRs, support, editors), and how will they be told?",
                    "誰の日々の仕事が変わりますか（インサイドセールス、サポート、編集者など）。どう伝えますか。"))
        ]
    }
}
