/// `scope-missing`: without deliverables there is nothing to estimate or schedule.
struct ScopeMissing: ReadinessRule {
    static let id = "scope-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "At least one deliverable is named.", ja: "成果物が一つ以上ある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Without deliverables there is nothing to estimate or schedule.",
            ja: "成果物がないと、見積もりも日程調整もできません。"),
        example: "scope:\n  deliverables: []",
        fix: Localized(
            en: "List what will exist when the work is done: a page, a form, an e-mail, a report.",
            ja: "完成したときにできあがるもの（ページ、フォーム、メール、レポートなど）を挙げます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.allOpen(draft.scope.deliverables) else { return [] }
        return [
            context.finding(
                Self.self, field: "scope.deliverables",
                message: context.open(
                    context.firstPlaceholder(draft.scope.deliverables), noun: Localized(en: "a deliverable", ja: "成果物"),
                    absent: Localized(
                        en: "No deliverable is named; IT cannot estimate or schedule work whose result is unknown.",
                        ja: "成果物がありません。何ができあがるのか分からない作業は、見積もりも日程調整もできません。"),
                    why: Localized(
                        en: "IT cannot estimate or schedule work whose result is unknown.",
                        ja: "何ができあがるのか分からない作業は、見積もりも日程調整もできません。")),
                question: Localized(
                    en: "What will exist when this is done (a page, a form, an e-mail, a report)?",
                    ja: "完成したら何ができあがっていますか（ページ、フォーム、メール、レポートなど）。"))
        ]
    }
}
