/// `deadline-inside-lead-time`: a launch sooner than IT's usual lead time (business days) is an
/// urgent project. With a hard deadline and no stated reason it blocks: nobody can judge whether
/// to reshuffle other work for it.
struct DeadlineInsideLeadTime: ReadinessRule {
    static let id = "deadline-inside-lead-time"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "The launch leaves IT its usual lead time.", ja: "公開日まで IT の通常のリードタイムがある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A launch sooner than IT's usual lead time is an urgent project; with a hard deadline and no reason nobody can judge whether to reshuffle other work.",
            ja: "IT の通常のリードタイムより早い公開は緊急案件です。期限厳守で理由がないと、他の作業を動かすべきか判断できません。"),
        example: "timeline:\n  launch: (in 3 business days)\n  deadline: hard",
        fix: Localized(
            en: "Move the date, shrink the scope, or give the reason the date cannot move.",
            ja: "日付を動かすか、範囲を絞るか、日付を動かせない理由を書きます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { draft.timeline.launch != nil }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard let launch = draft.timeline.launch, launch >= context.today else { return [] }
        let leadTime = context.configuration.effectiveLeadTimeDays
        let available = context.today.businessDays(until: launch)
        guard available < leadTime else { return [] }
        let reason = context.isOpen(draft.timeline.reason) ? nil : draft.timeline.reason.map(Self.oneLine)
        let hardWithoutReason = draft.timeline.deadline == .hard && reason == nil
        let when: Localized
        if launch == context.today {
            when = Localized(en: "Launch on \(launch) is today", ja: "公開日 \(launch) は今日です")
        } else if available == 0 {
            when = Localized(
                en: "Launch on \(launch) leaves no business day before it", ja: "公開日 \(launch) まで営業日がありません")
        } else {
            when = Localized(
                en: "Launch on \(launch) is \(available) business day\(available == 1 ? "" : "s") away",
                ja: "公開日 \(launch) まで営業日で\(available)日です")
        }
        let placeholder = context.placeholder(draft.timeline.reason)
        var missingReason = Localized(en: " The deadline is hard but no reason is given.", ja: "期限は厳守とされていますが、理由が書かれていません。")
        if let placeholder {
            missingReason = Localized(
                en: " The deadline is hard, and its reason is still '\(Self.oneLine(placeholder))'.",
                ja: "期限は厳守とされていますが、理由は「\(Self.oneLine(placeholder))」のままです。")
        }
        let question: Localized
        if hardWithoutReason {
            question = Localized(
                en: "What makes \(launch) immovable, and what happens if it slips?",
                ja: "\(launch) を動かせない理由は何ですか。遅れたら何が起きますか。")
        } else if let reason {
            // The date is tied to something the requester named: ask what must be live for it.
            question = Localized(
                en: "The date is tied to '\(reason)': which part must be live by then, and what could follow later?",
                ja: "日付の理由は「\(reason)」とのことです。その日までに必要な部分はどれで、後回しにできるものはどれですか。")
        } else {
            question = Localized(
                en: "Can the date move, or the scope shrink to fit it?",
                ja: "日付を動かすか、間に合うように範囲を絞れますか。")
        }
        return [
            context.finding(
                Self.self, hardWithoutReason ? .blocker : .warning,
                field: hardWithoutReason ? "timeline.reason" : "timeline.launch",
                message: Localized(
                    en: "\(when.en); IT's usual lead time is \(leadTime) business day\(leadTime == 1 ? "" : "s")." + (hardWithoutReason ? missingReason.en : ""),
                    ja: "\(when.ja)。IT の通常のリードタイムは\(leadTime)営業日です。" + (hardWithoutReason ? missingReason.ja : "")),
                question: question)
        ]
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace }.joined(separator: " ")
    }
}
