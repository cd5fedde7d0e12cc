/// `system-change-missing`: a system named without what changes in it cannot be estimated.
struct SystemChangeMissing: ReadinessRule {
    static let id = "system-change-missing"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Every affected system says what changes in it.", ja: "影響する各システムで何が変わるかが書かれている。")

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.systems.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        draft.systems.indices.compactMap { index in
            let system = draft.systems[index]
            guard !system.name.isBlank, system.change.isBlank else { return nil }
            let name = draft.systemLabel(index, context.language)
            return context.finding(
                Self.self, field: "systems[\(index)].change",
                message: context.text(
                    "\(name) is named, but not what changes in it.",
                    "\(name) が挙がっていますが、何を変えるのかが書かれていません。"),
                question: context.text(
                    "What has to change in \(name): a new form, a field, an integration, a report?",
                    "\(name) で何を変える必要がありますか（新しいフォーム、項目、連携、レポートなど）。"))
        }
    }
}
