/// `out-of-scope-missing`: saying what is not included stops requirements from piling up later.
struct OutOfScopeMissing: ReadinessRule {
    static let id = "out-of-scope-missing"
    static let severity = Severity.warning
    static let summary = Localized(en: "Something is declared out of scope.", ja: "対象外のものが書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Saying what is not included stops requirements from piling up later.",
            ja: "対象外を書いておくと、後から要件が膨らむのを防げます。"),
        example: "scope:\n  out_of_scope: []",
        fix: Localized(
            en: "Name what people might assume is included but is not.",
            ja: "含まれていると思われそうだが対象外のものを書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard context.allOpen(draft.scope.outOfScope) else { return [] }
        return [
            context.finding(
                Self.self, field: "scope.out_of_scope",
                message: context.open(
                    context.firstPlaceholder(draft.scope.outOfScope), noun: Localized(en: "a limit of the scope", ja: "対象外"),
                    absent: Localized(
                        en: "Nothing is declared out of scope; unstated limits are where scope creep starts.",
                        ja: "対象外が書かれていません。範囲が決まっていないと、要件が後から膨らみます。"),
                    why: Localized(
                        en: "unstated limits are where scope creep starts.",
                        ja: "範囲が決まっていないと、要件が後から膨らみます。")),
                question: Localized(
                    en: "What might people assume is included, but is not part of this request?",
                    ja: "含まれていると思われそうだが、今回は対象外のものは何ですか。"))
        ]
    }
}
