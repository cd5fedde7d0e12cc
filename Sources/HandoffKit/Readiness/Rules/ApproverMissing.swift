/// `approver-missing`: without a business owner or approver, nobody can say yes to scope or date
/// changes, and approvals stall the schedule.
struct ApproverMissing: ReadinessRule {
    static let id = "approver-missing"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "A business owner or approver is named.", ja: "ビジネスオーナーか承認者がいる。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "When scope or dates must change, IT needs someone who can decide.",
            ja: "範囲や日程を変える必要が出たとき、IT には決められる人が必要です。"),
        example: "stakeholders:\n  - {role: approver, name: TBD}",
        fix: Localized(
            en: "Name the business owner or approver.",
            ja: "ビジネスオーナーか承認者を書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard !context.hasStakeholder(draft, .businessOwner, .approver) else { return [] }
        let placeholder = context.stakeholderPlaceholder(draft, .businessOwner, .approver)
        return [
            context.finding(
                Self.self, field: "stakeholders",
                message: context.open(
                    placeholder, noun: Localized(en: "the name of an owner or approver", ja: "ビジネスオーナー・承認者"),
                    absent: Localized(
                        en: "No business owner or approver is named; when scope or dates must change, IT needs someone who can decide.",
                        ja: "ビジネスオーナーも承認者もいません。範囲や日程を変える必要が出たとき、決められる人が必要です。"),
                    why: Localized(
                        en: "when scope or dates must change, IT needs someone who can decide.",
                        ja: "範囲や日程を変える必要が出たとき、決められる人が必要です。")),
                question: Localized(
                    en: "Who owns the result and can approve changes to scope or date?",
                    ja: "成果に責任を持ち、範囲や日程の変更を承認できるのは誰ですか。"))
        ]
    }
}
