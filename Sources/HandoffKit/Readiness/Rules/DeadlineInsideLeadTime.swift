/// `deadline-inside-lead-time`: a launch sooner than IT's usual lead time (business days) is an
/// urgent project. With a hard deadline and no stated reason it blocks: nobody can judge whether
/// to reshuffle other work for it.
struct DeadlineInsideLeadTime: ReadinessRule {
    static let id = "deadline-inside-lead-time"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "The launch leaves IT its usual lead time.", ja: "公開日まで IT の通常のリードタイムがある。")

    func applies(to draft: Draft, in context: RuleContext) -> Bool { draft.timeline.launch != nil }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard let launch = draft.timeline.launch, launch >= context.today else { return [] }
        let leadTime = context.configuration.effectiveLeadTimeDays
        let available = context.today.businessDays(until: launch)
        guard available < leadTime else { return [] }
        let hardWithoutReason = draft.timeline.deadline == .hard && draft.timeline.reason.isBlank
        return [
            context.finding(
                Self.self, hardWithoutReason ? .blocker : .warning,
                field: hardWithoutReason ? "timeline.reason" : "timeline.launch",
                message: context.text(
                    "Launch on \(launch) is \(available) business day\(available == 1 ? "" : "s") away; IT's usual lead time is \(leadTime)."
                        + (hardWithoutReason ? " The deadline is hard but no reason is given." : ""),
                    "公開日 \(launch) まで営業日で\(available)日です。IT の通常のリードタイムは\(leadTime)営業日です。"
                        + (hardWithoutReason ? "期限は厳守とされていますが、理由が書かれていません。" : "")),
                question: hardWithoutReason
                    ? context.text(
                        "What makes \(launch) immovable, and what happens if it slips?",
                        "\(launch) を動かせない理由は何ですか。遅れたら何が起きますか。")
                    : context.text(
                        "Can the date move, or the scope shrink to fit it?",
                        "日付を動かすか、間に合うように範囲を絞れますか。"))
        ]
    }
}
