/// `lead-form-without-sales`: a lead form's fields trade visitor friction against what Sales needs
/// to close; Sales should agree to them before the form is built.
struct LeadFormWithoutSales: ReadinessRule {
    static let id = "lead-form-without-sales"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Sales takes part when leads are collected.", ja: "リードを集めるときは営業が関わっている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A lead form's fields trade visitor friction against what Sales needs to close; Sales should agree before it is built.",
            ja: "リード獲得フォームの項目は、入力の手間と営業に必要な情報のバランスで決まります。作る前に営業と合意します。"),
        example: "systems:\n  - {name: Marketo, change: new demo request form}",
        fix: Localized(
            en: "Add a sales stakeholder who agrees the fields and the follow-up.",
            ja: "項目とフォロー方法に合意する営業の担当者を加えます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.systems.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard !context.hasStakeholder(draft, .sales) else { return [] }
        let collecting = draft.systems.indices.filter {
            SystemTraits.collectsLeads(draft.systems[$0], configuration: context.configuration)
        }
        // Name the system where the leads end up (Marketo) rather than the page that embeds the form.
        let stores = collecting.first { SystemTraits.isLeadSystem(draft.systems[$0], configuration: context.configuration) }
        guard let index = stores ?? collecting.first else { return [] }
        let name = draft.systemLabel(index, context.language)
        return [
            context.finding(
                Self.self, field: "stakeholders",
                message: Localized(
                    en: "\(name) collects leads, but no Sales stakeholder is named; the form's fields trade visitor friction against what Sales needs.",
                    ja: "\(name) でリードを集めますが、営業の関係者がいません。フォーム項目は、入力の手間と営業が必要な情報のバランスで決まります。"),
                question: Localized(
                    en: "Who in Sales should agree on the form fields and on how these leads are followed up?",
                    ja: "フォーム項目とリードのフォロー方法について、営業の誰と合意しますか。"))
        ]
    }
}
