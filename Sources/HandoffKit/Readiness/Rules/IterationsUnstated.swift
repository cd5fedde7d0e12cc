/// `iterations-unstated`: if marketing expects to pivot on feedback, IT must know from the start,
/// or the first change request lands as a surprise.
struct IterationsUnstated: ReadinessRule {
    static let id = "iterations-unstated"
    static let severity = Severity.info
    static let summary = Localized(en: "Expected pivots are said up front.", ja: "想定している方針転換を最初に伝えている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "If marketing expects to pivot on feedback, IT must know from the start, or the first change request lands as a surprise.",
            ja: "反応を見て方針を変えるつもりなら、最初から IT に伝える必要があります。でないと最初の変更依頼が不意打ちになります。"),
        example: "change:\n  iterations: \"\"",
        fix: Localized(
            en: "Say what you expect to change after launch, or write none.",
            ja: "公開後に変える予定を書くか、なければ「なし」と書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.isOpen(draft.change.iterations) else { return [] }
        return [
            context.finding(
                Self.self, field: "change.iterations",
                message: context.open(
                    context.placeholder(draft.change.iterations),
                    noun: Localized(en: "a plan for changes after launch", ja: "公開後の変更予定"),
                    absent: Localized(
                        en: "Nothing is said about expected changes after launch; pivots IT hears about late become rework.",
                        ja: "公開後に想定している変更が書かれていません。後から知らされる方針転換は手戻りになります。"),
                    why: Localized(
                        en: "pivots IT hears about late become rework.", ja: "後から知らされる方針転換は手戻りになります。")),
                question: Localized(
                    en: "Do you expect to change things after launch (A/B tests, copy, fields)? Say so now, or write 'none'.",
                    ja: "公開後に変える予定はありますか（A/B テスト、文言、項目など）。なければ「なし」と書いてください。"))
        ]
    }
}
