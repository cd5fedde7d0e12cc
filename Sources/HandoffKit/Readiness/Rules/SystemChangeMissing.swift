/// `system-change-missing`: a system named without what changes in it cannot be estimated.
struct SystemChangeMissing: ReadinessRule {
    static let id = "system-change-missing"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Every affected system says what changes in it.", ja: "影響する各システムで何が変わるかが書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A system named without what changes in it cannot be estimated.",
            ja: "何を変えるか分からないシステムは見積もれません。"),
        example: "systems:\n  - {name: Marketo}",
        fix: Localized(
            en: "Say what changes in each system: a new form, a field, an integration.",
            ja: "システムごとに変更内容（新しいフォーム、項目、連携など）を書きます。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.systems.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        draft.systems.indices.compactMap { index in
            let system = draft.systems[index]
            guard !context.isOpen(system.name), context.isOpen(system.change) else { return nil }
            let name = draft.systemLabel(index, context.language)
            return context.finding(
                Self.self, field: "systems[\(index)].change",
                message: context.open(
                    context.placeholder(system.change),
                    noun: Localized(en: "a description of what changes in \(name)", ja: "\(name) の変更内容"),
                    absent: Localized(
                        en: "\(name) is named, but not what changes in it.",
                        ja: "\(name) が挙がっていますが、何を変えるのかが書かれていません。"),
                    why: Localized(
                        en: "IT cannot estimate a change it cannot see.", ja: "変更内容が分からないと IT は見積もれません。")),
                question: Localized(
                    en: "What has to change in \(name): a new form, a field, an integration, a report?",
                    ja: "\(name) で何を変える必要がありますか（新しいフォーム、項目、連携、レポートなど）。"))
        }
    }
}
