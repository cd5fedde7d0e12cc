/// `value-missing`: the CFO asks for ROI; without an estimate the request competes blind.
struct ValueMissing: ReadinessRule {
    static let id = "value-missing"
    static let severity = Severity.warning
    static let summary = Localized(en: "The expected value or ROI is estimated.", ja: "期待効果や ROI の見込みがある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "IT and finance weigh every request against its return; without an estimate the request competes blind.",
            ja: "IT と経理はすべての依頼を効果と比べて判断します。見込みがないと比べようがありません。"),
        example: "objective:\n  value: TBD",
        fix: Localized(
            en: "Give a rough number: leads, revenue, hours saved.",
            ja: "概算で構わないので数字で書きます（リード数、売上、削減時間など）。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.objective.value) else { return [] }
        return [
            context.finding(
                Self.self, field: "objective.value",
                message: context.open(
                    context.placeholder(draft.objective.value), noun: Localized(en: "a value estimate", ja: "期待効果"),
                    absent: Localized(
                        en: "No expected value or ROI estimate; IT and finance weigh every request against its return.",
                        ja: "期待効果や ROI の見込みがありません。IT と経理はすべての依頼を効果と比べて判断します。"),
                    why: Localized(
                        en: "IT and finance weigh every request against its return.",
                        ja: "IT と経理はすべての依頼を効果と比べて判断します。")),
                question: Localized(
                    en: "What is it worth if it works: leads, revenue, hours saved? A rough number is fine.",
                    ja: "うまくいった場合の価値は何ですか（リード数、売上、削減時間など）。概算で構いません。"))
        ]
    }
}
