/// `change-impact-unstated`: every change meets resistance; plan for the people it affects.
struct ChangeImpactUnstated: ReadinessRule {
    static let id = "change-impact-unstated"
    static let severity = Severity.info
    static let summary = Localized(en: "The people affected are named.", ja: "影響を受ける人が書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Every change meets resistance; the people it affects need to be told and prepared.",
            ja: "変更には必ず抵抗があります。影響を受ける人に伝え、準備してもらう必要があります。"),
        example: "change:\n  people_affected: \"\"",
        fix: Localized(
            en: "Name whose daily work changes and how they will be told.",
            ja: "誰の日々の仕事が変わり、どう伝えるかを書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.change.peopleAffected) else { return [] }
        return [
            context.finding(
                Self.self, field: "change.people_affected",
                message: context.open(
                    context.placeholder(draft.change.peopleAffected),
                    noun: Localized(en: "a list of the people affected", ja: "影響を受ける人"),
                    absent: Localized(
                        en: "Nothing is said about the people this changes work for; unprepared teams resist or work around it.",
                        ja: "この変更で仕事が変わる人について書かれていません。準備のないチームは抵抗したり回避したりします。"),
                    why: Localized(
                        en: "unprepared teams resist or work around the change.", ja: "準備のないチームは抵抗したり回避したりします。")),
                question: Localized(
                    en: "Whose daily work changes (SDRs, support, editors), and how will they be told?",
                    ja: "誰の日々の仕事が変わりますか（インサイドセールス、サポート、編集者など）。どう伝えますか。"))
        ]
    }
}
