/// `maintenance-unstated`: what nobody owns after launch stays on IT's desk for ever; an end date
/// at least lets IT take it down.
struct MaintenanceUnstated: ReadinessRule {
    static let id = "maintenance-unstated"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Someone maintains it after launch, or it has an end date.", ja: "公開後の保守担当か終了日が決まっている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Pages, forms and tags need updates, certificates and security fixes for as long as they run; without an owner or an end date they stay IT's work for ever.",
            ja: "ページ・フォーム・タグは動いている限り更新・証明書・セキュリティ対応が必要です。担当も終了日もなければ、ずっと IT の仕事として残ります。"),
        example: "operations:\n  maintained_by: TBD\n  until: permanent",
        fix: Localized(
            en: "Name who maintains it after launch (operations.maintained_by), or give the date it can be taken down (operations.until).",
            ja: "公開後の保守担当（operations.maintained_by）か、終了できる日（operations.until）を書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.operations.maintainedBy) else { return [] }
        if case .date? = draft.operations.until { return [] }
        let permanent = draft.operations.until == .permanent
        let why = permanent
            ? Localized(
                en: "it is meant to run permanently, so someone must own its updates and fixes.",
                ja: "恒久的に動かす予定なので、更新や修正の担当が必要です。")
            : Localized(
                en: "with no end date either, it stays IT's work for ever.", ja: "終了日もないため、ずっと IT の仕事として残ります。")
        return [
            context.finding(
                Self.self, field: "operations.maintained_by",
                message: context.open(
                    context.placeholder(draft.operations.maintainedBy),
                    noun: Localized(en: "a maintainer", ja: "保守担当"),
                    absent: Localized(
                        en: "No one is named to maintain it after launch; " + why.en,
                        ja: "公開後の保守担当が書かれていません。" + why.ja),
                    why: why),
                question: Localized(
                    en: "Who maintains it after launch (fixes, updates, questions), and until when must it run: a date, or permanent?",
                    ja: "公開後は誰が保守しますか（修正・更新・問い合わせ）。いつまで動かしますか（日付か permanent）。"))
        ]
    }
}
