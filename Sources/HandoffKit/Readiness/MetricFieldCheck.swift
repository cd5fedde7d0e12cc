/// Shared by the per-metric rules (`metric-target-missing`, `metric-source-missing`, …): one
/// finding for every metric whose field is empty or only a placeholder ("TBD").
struct MetricFieldCheck: Sendable {
    var key: String
    /// The field's text, or nil when it is not there; a date field gives nil or a non-empty text.
    /// Handed the metric's address: handed the metric, each call copied it (a retain of each of
    /// its strings), in each of five rules.
    var value: @Sendable (UnsafePointer<Metric>) -> String?
    /// The message when the field is missing, for the metric's label.
    var message: @Sendable (String) -> Localized
    /// What the field is ("a data source"), for the message that quotes a placeholder.
    var noun: Localized
    /// Why IT needs the field, after the quoted placeholder.
    var why: Localized
    var question: @Sendable (String) -> Localized

    func findings<R: ReadinessRule>(_ rule: R.Type, in draft: Draft, _ context: RuleContext) -> [Finding] {
        // Each metric read where it is: a copy retained every string of it, in each of five rules.
        draft.success.metrics.withUnsafeBufferPointer { metrics in findings(rule, in: draft, metrics, context) }
    }

    private func findings<R: ReadinessRule>(
        _ rule: R.Type, in draft: Draft, _ metrics: UnsafeBufferPointer<Metric>, _ context: RuleContext
    ) -> [Finding] {
        guard let first = metrics.baseAddress else { return [] }
        return metrics.indices.compactMap { index in
            let text = value(first + index)
            // Most fields are answered: that test first, and the walk of every field of the metric
            // only for an open one.
            guard context.isOpen(text), !metrics[index].isEmptyValue else { return nil }
            let label = draft.metricLabel(index, context.language)
            let placeholder = context.placeholder(text)
            let named = Localized(en: "\(noun.en) for '\(label)'", ja: "指標「\(label)」の\(noun.ja)")
            return context.finding(
                rule, field: "success.metrics[\(index)].\(key)",
                message: context.open(placeholder, noun: named, absent: message(label), why: why),
                question: question(label))
        }
    }
}
