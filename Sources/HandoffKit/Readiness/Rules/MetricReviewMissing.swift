/// `metric-review-missing`: without a review date, results are never looked at.
struct MetricReviewMissing: ReadinessRule {
    static let id = "metric-review-missing"
    static let severity = Severity.warning
    static let summary = Localized(en: "Every metric has a review date.", ja: "各指標に振り返りの日付がある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Results nobody schedules a look at are never reviewed.",
            ja: "振り返る日を決めない結果は、見直されることがありません。"),
        example: "success:\n  metrics:\n    - {name: Registrations, target: 300}",
        fix: Localized(
            en: "Set review_on to the date the numbers will be looked at.",
            ja: "数字を見直す日を review_on に書きます。"))

    static let check = MetricFieldCheck(
        key: "review_on", value: { $0.pointee.reviewOn.map(\.description) },
        message: {
            Localized(
                en: "Metric '\($0)' has no review date; results nobody schedules a look at are never reviewed.",
                ja: "指標「\($0)」に振り返りの日付がありません。日付を決めないと結果は見直されません。")
        },
        noun: Localized(en: "a review date", ja: "振り返りの日付"),
        why: Localized(en: "results nobody schedules a look at are never reviewed.", ja: "日付を決めないと結果は見直されません。"),
        question: {
            Localized(
                en: "On which date will you review '\($0)' (YYYY-MM-DD)?",
                ja: "「\($0)」をいつ振り返りますか（YYYY-MM-DD）。")
        })

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.success.metrics.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        Self.check.findings(Self.self, in: draft, context)
    }
}
