/// `it-contact-missing`: involving IT early is the cheapest way to find what else IT needs.
struct ITContactMissing: ReadinessRule {
    static let id = "it-contact-missing"
    static let severity = Severity.info
    static let summary = Localized(en: "An IT contact is involved.", ja: "IT の窓口がいる。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Involving IT early surfaces what else it needs before dates are promised.",
            ja: "早めに IT を巻き込むと、日程を約束する前に必要なことが分かります。"),
        example: "stakeholders: [{role: business_owner, name: Ken Ito}]",
        fix: Localized(
            en: "Add the IT contact you talked to (role: it_contact).",
            ja: "相談した IT の窓口を加えます（role: it_contact）。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard !context.hasStakeholder(draft, .itContact) else { return [] }
        return [
            context.finding(
                Self.self, field: "stakeholders",
                message: context.open(
                    context.stakeholderPlaceholder(draft, .itContact), noun: Localized(en: "the name of an IT contact", ja: "IT の窓口"),
                    absent: Localized(
                        en: "No IT contact is named; involving IT early surfaces what else it needs before dates are promised.",
                        ja: "IT の窓口がいません。早めに IT を巻き込むと、日程を約束する前に必要なことが分かります。"),
                    why: Localized(
                        en: "involving IT early surfaces what else it needs before dates are promised.",
                        ja: "早めに IT を巻き込むと、日程を約束する前に必要なことが分かります。")),
                question: Localized(
                    en: "Who in IT have you talked to about this, if anyone?",
                    ja: "この件について IT の誰かと話しましたか。"))
        ]
    }
}
