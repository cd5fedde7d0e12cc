/// `metric-source-missing`: a metric whose data source is unknown is one nobody can report on.
struct MetricSourceMissing: ReadinessRule {
    static let id = "metric-source-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "Every metric names its data source.", ja: "各指標にデータの出どころがある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "IT must know where a number comes from to collect it.",
            ja: "IT は数字をどこから取るかを知る必要があります。"),
        example: "success:\n  metrics:\n    - {name: Registrations, target: 300, source: TBD}",
        fix: Localized(
            en: "Name the source: GA4, Marketo, Salesforce, a spreadsheet.",
            ja: "出どころ（GA4、Marketo、Salesforce、スプレッドシートなど）を書きます。"))

    static let check = MetricFieldCheck(
        key: "source", value: { $0.pointee.source },
        message: {
            Localized(
                en: "Metric '\($0)' has no data source; IT must know where the number comes from to collect it.",
                ja: "指標「\($0)」のデータの出どころがありません。IT はどこから数字を取るか知る必要があります。")
        },
        noun: Localized(en: "a data source", ja: "データの出どころ"),
        why: Localized(en: "IT must know where the number comes from to collect it.", ja: "IT はどこから数字を取るか知る必要があります。"),
        question: {
            Localized(
                en: "Where will '\($0)' be read from (GA4, Marketo, Salesforce, a spreadsheet)?",
                ja: "「\($0)」はどこから取りますか（GA4、Marketo、Salesforce、スプレッドシートなど）。")
        })

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.success.metrics.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        Self.check.findings(Self.self, in: draft, context)
    }
}
