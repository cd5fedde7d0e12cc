/// Shared by the per-metric rules (`metric-target-missing`, `metric-source-missing`, …): one
/// finding for every metric that lacks the field.
struct MetricFieldCheck: Sendable {
    var key: String
    var isMissing: @Sendable (Metric) -> Bool
    var message: @Sendable (String) -> Localized
    var question: @Sendable (String) -> Localized

    func findings<R: ReadinessRule>(_ rule: R.Type, in draft: Draft, _ context: RuleContext) -> [Finding] {
        draft.success.metrics.indices.compactMap { index in
            let metric = draft.success.metrics[index]
            guard !metric.isEmptyValue, isMissing(metric) else { return nil }
            let label = draft.metricLabel(index, context.language)
            return context.finding(
                rule, field: "success.metrics[\(index)].\(key)", message: message(label), question: question(label))
        }
    }
}
