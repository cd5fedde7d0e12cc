/// `kgi-missing`: goals are best anchored on a conversion-level goal (KGI) with the KPIs beneath it.
struct KGIMissing: ReadinessRule {
    static let id = "kgi-missing"
    static let severity = Severity.info
    static let summary = Localized(
        en: "A conversion-level goal (KGI) sits above the metrics.", ja: "指標の上に最終目標（KGI）がある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Goals are best anchored on a conversion-level goal with the metrics beneath it; it is what the CFO asks about.",
            ja: "目標は最終的なコンバージョン目標（KGI）に結びつけ、その下に指標を置くのが基本です。CFO が聞くのもここです。"),
        example: "success:\n  kgi: 未定",
        fix: Localized(
            en: "Name the conversion this drives: pipeline, purchases, renewals.",
            ja: "最終的につながるコンバージョン（商談、購入、契約更新など）を書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.success.kgi) else { return [] }
        return [
            context.finding(
                Self.self, field: "success.kgi",
                message: context.open(
                    context.placeholder(draft.success.kgi), noun: Localized(en: "a KGI", ja: "KGI"),
                    absent: Localized(
                        en: "No KGI: the conversion-level goal that the metrics serve (e.g. qualified pipeline, paid sign-ups).",
                        ja: "KGI（指標がつながる最終的なコンバージョン目標。例：有効商談、有料登録）がありません。"),
                    why: Localized(
                        en: "the KGI is the conversion-level goal the metrics serve (e.g. qualified pipeline, paid sign-ups).",
                        ja: "KGI は指標がつながる最終的なコンバージョン目標です（例：有効商談、有料登録）。")),
                question: Localized(
                    en: "Which conversion does this ultimately drive: pipeline, purchases, renewals?",
                    ja: "最終的にどのコンバージョンにつながりますか（商談、購入、契約更新など）。"))
        ]
    }
}
