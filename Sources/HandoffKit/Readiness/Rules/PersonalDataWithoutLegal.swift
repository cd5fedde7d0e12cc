/// `personal-data-without-legal`: collecting or using personal data needs Legal's review early;
/// Legal is a partner, not a blocker, when asked before launch week.
struct PersonalDataWithoutLegal: ReadinessRule {
    static let id = "personal-data-without-legal"
    static let severity = Severity.blocker
    static let summary = Localized(
        en: "Personal data is reviewed by Legal.", ja: "個人データの扱いを法務が確認している。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Collecting or using personal data needs Legal's review early; asked in launch week, Legal becomes a blocker.",
            ja: "個人データの収集や利用は早めに法務の確認が必要です。公開直前に聞くと法務が公開を止めることになります。"),
        example: "systems:\n  - {name: Marketo, data: [name, email]}\ncompliance: {legal_review: unsure}",
        fix: Localized(
            en: "Name a legal stakeholder, or record legal_review: yes once Legal has reviewed.",
            ja: "法務の担当者を書くか、法務の確認が済んだら legal_review: yes にします。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.systems.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard draft.compliance.legalReview != .yes, !context.hasStakeholder(draft, .legal) else { return [] }
        let touching = draft.systems.indices.filter {
            SystemTraits.touchesPersonalData(draft.systems[$0], configuration: context.configuration)
        }
        guard let first = touching.first else { return [] }
        let names = touching.map { draft.systemLabel($0, context.language) }
        let unsure = draft.compliance.legalReview == .unsure
        var reason = unsure
            ? Localized(en: "it is unclear whether Legal has reviewed it.", ja: "法務の確認が済んだかどうか分かりません。")
            : Localized(en: "no Legal review or legal stakeholder is recorded.", ja: "法務の確認も法務の担当者も記録されていません。")
        if let placeholder = context.stakeholderPlaceholder(draft, .legal) {
            let quoted = placeholder.split(whereSeparator: \.isNewline).joined(separator: " ")
            reason = Localized(
                en: reason.en + " The legal stakeholder '\(quoted)' does not name anyone yet.",
                ja: reason.ja + "法務の担当者は「\(quoted)」のままで、まだ誰か決まっていません。")
        }
        return [
            context.finding(
                Self.self, field: "compliance.legal_review",
                message: Localized(
                    en: "\(names.joined(separator: ", ")) handle\(touching.count == 1 ? "s" : "") personal data, and " + reason.en,
                    ja: "\(names.joined(separator: "、")) で個人データを扱いますが、" + reason.ja),
                question: Localized(
                    en: "Who in Legal will review the consent text and how \(draft.systemLabel(first, .en)) uses the data? Ask them now rather than in launch week.",
                    ja: "同意文言と \(draft.systemLabel(first, .ja)) でのデータの使い方を、法務の誰が確認しますか。公開直前ではなく今、相談しましょう。"))
        ]
    }
}
