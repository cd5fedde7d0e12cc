/// `metric-target-missing`: a metric without a target cannot tell success from failure.
struct MetricTargetMissing: ReadinessRule {
    static let id = "metric-target-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "Every metric has a target.", ja: "各指標に目標値がある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A metric without a target cannot tell success from failure.",
            ja: "目標値のない指標では、成功か失敗か判断できません。"),
        example: "success:\n  metrics:\n    - {name: Registrations, target: TBD}",
        fix: Localized(
            en: "Give the value that means success.",
            ja: "成功とみなす値を書きます。"))

    static let check = MetricFieldCheck(
        key: "target", value: { $0.pointee.target?.text },
        message: { Localized(en: "Metric '\($0)' has no target.", ja: "指標「\($0)」に目標値がありません。") },
        noun: Localized(en: "a target", ja: "目標値"),
        why: Localized(en: "without one nobody can tell success from failure.", ja: "目標がないと成功か失敗か判断できません。"),
        question: {
            Localized(
                en: "What value of '\($0)' means success, and by when?",
                ja: "「\($0)」がどの値になれば成功ですか。いつまでにですか。")
        })

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.success.metrics.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        Self.check.findings(Self.self, in: draft, context)
    }
}
