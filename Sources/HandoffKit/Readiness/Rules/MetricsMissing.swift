/// `metrics-missing`: without a success metric nobody can say later whether the work paid off,
/// and the data needed to judge it is not collected from day one.
struct MetricsMissing: ReadinessRule {
    static let id = "metrics-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "Success is measured by at least one metric.", ja: "成功を測る指標が一つ以上ある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "The data to judge success must be planned before launch, or it will not exist.",
            ja: "成果を判断するデータは公開前に計画しないと、後から取れません。"),
        example: "success:\n  metrics: []",
        fix: Localized(
            en: "Add the number that will tell you it worked.",
            ja: "うまくいったことを示す数字を加えます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard draft.success.metrics.holdsNothing else { return [] }
        return [
            context.finding(
                Self.self, field: "success.metrics",
                message: Localized(
                    en: "No success metric; the data to judge success must be planned before launch, or it will not exist.",
                    ja: "成功の指標がありません。成果を判断するデータは公開前に計画しないと、後から取れません。"),
                question: Localized(
                    en: "Which number will tell you it worked (registrations, conversion rate, leads)?",
                    ja: "うまくいったことを示す数字は何ですか（登録数、コンバージョン率、リード数など）。"))
        ]
    }
}
