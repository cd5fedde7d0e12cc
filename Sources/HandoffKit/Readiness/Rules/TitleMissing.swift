/// `title-missing`: without a title there is no Jira summary and nothing to refer to the request by.
struct TitleMissing: ReadinessRule {
    static let id = "title-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "The request has a title.", ja: "依頼にタイトルがある。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "The title becomes the Jira summary: the name everyone uses for the request on boards, in e-mails and in stand-ups.",
            ja: "タイトルは Jira の要約になり、ボードやメール、朝会で全員がこの名前で依頼を呼びます。"),
        example: "title: TBD",
        fix: Localized(
            en: "Write one line that says what will exist: \"Sign-up form for the December webinar\".",
            ja: "できあがるものを一行で書きます（例：「12月ウェビナーの申込フォーム」）。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.title) else { return [] }
        return [
            context.finding(
                Self.self, field: "title",
                message: context.open(
                    context.placeholder(draft.title), noun: Localized(en: "a title", ja: "タイトル"),
                    absent: Localized(
                        en: "There is no title; it becomes the Jira summary that everyone refers to.",
                        ja: "タイトルがありません。Jira の要約になり、全員がこの名前で依頼を呼びます。"),
                    why: Localized(
                        en: "it becomes the Jira summary that everyone refers to.",
                        ja: "タイトルは Jira の要約になり、全員がこの名前で依頼を呼びます。")),
                question: Localized(
                    en: "In one line, what should the ticket be called?",
                    ja: "このチケットを一行で表すと、どんなタイトルになりますか。"))
        ]
    }
}
