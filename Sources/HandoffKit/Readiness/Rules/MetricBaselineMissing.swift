/// `metric-baseline-missing`: without today's value, a result cannot be called an improvement.
struct MetricBaselineMissing: ReadinessRule {
    static let id = "metric-baseline-missing"
    static let severity = Severity.warning
    static let summary = Localized(en: "Every metric has a baseline.", ja: "各指標に現状値がある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Without today's value the result cannot be called an improvement.",
            ja: "今の値がないと、結果が改善かどうか言えません。"),
        example: "success:\n  metrics:\n    - {name: Conversion rate, target: 5%}",
        fix: Localized(
            en: "Give today's value; 0 is fine for something new.",
            ja: "今の値を書きます。新しい取り組みなら 0 で構いません。"))

    static let check = MetricFieldCheck(
        key: "baseline", value: { $0.pointee.baseline?.text },
        message: {
            Localized(
                en: "Metric '\($0)' has no baseline; without today's value the result cannot be compared.",
                ja: "指標「\($0)」に現状値がありません。今の値がないと結果を比べられません。")
        },
        noun: Localized(en: "a baseline", ja: "現状値"),
        why: Localized(en: "without today's value the result cannot be compared.", ja: "今の値がないと結果を比べられません。"),
        question: {
            Localized(
                en: "What is '\($0)' today (0 is a fine answer for something new)?",
                ja: "「\($0)」の今の値はいくつですか（新しい取り組みなら 0 で構いません）。")
        })

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.success.metrics.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        Self.check.findings(Self.self, in: draft, context)
    }
}
