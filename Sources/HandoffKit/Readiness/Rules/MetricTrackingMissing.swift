/// `metric-tracking-missing`: tracking (events, UTM, reports) is IT work that must be built
/// before launch; said late, the first weeks of data are lost.
struct MetricTrackingMissing: ReadinessRule {
    static let id = "metric-tracking-missing"
    static let severity = Severity.warning
    static let summary = Localized(en: "Every metric says how it is tracked.", ja: "各指標の計測方法が書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Tracking is IT work built before launch; said late, the first weeks of data are lost.",
            ja: "計測は公開前に IT が作る作業です。後から言われると最初の数週間のデータが失われます。"),
        example: "success:\n  metrics:\n    - {name: Registrations, target: 300, source: GA4}",
        fix: Localized(
            en: "Say how it is tracked: an analytics event, UTM parameters, a CRM report.",
            ja: "計測方法（解析イベント、UTM パラメータ、CRM のレポートなど）を書きます。"))

    static let check = MetricFieldCheck(
        key: "tracking", value: { $0.pointee.tracking },
        message: {
            Localized(
                en: "Metric '\($0)' does not say how it is tracked; tracking is built before launch or the first data is lost.",
                ja: "指標「\($0)」の計測方法がありません。計測は公開前に作らないと、最初のデータが失われます。")
        },
        noun: Localized(en: "a tracking method", ja: "計測方法"),
        why: Localized(en: "tracking is built before launch or the first data is lost.", ja: "計測は公開前に作らないと、最初のデータが失われます。"),
        question: {
            Localized(
                en: "How is '\($0)' tracked: an analytics event, UTM parameters, a CRM report?",
                ja: "「\($0)」はどう計測しますか（解析イベント、UTM パラメータ、CRM のレポートなど）。")
        })

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.success.metrics.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        Self.check.findings(Self.self, in: draft, context)
    }
}
