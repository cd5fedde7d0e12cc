/// `systems-missing`: affected systems decide who does the work and what can break.
struct SystemsMissing: ReadinessRule {
    static let id = "systems-missing"
    static let severity = Severity.blocker
    static let summary = Localized(en: "The affected systems are named.", ja: "影響するシステムが書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "The affected systems decide who does the work and what could break.",
            ja: "影響するシステムによって、誰が作業し何が壊れうるかが決まります。"),
        example: "systems: []",
        fix: Localized(
            en: "Name every tool the work touches: CMS, Marketo, Salesforce, analytics.",
            ja: "関係するツール（CMS、Marketo、Salesforce、アクセス解析など）をすべて挙げます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        // Read through the buffer: `allSatisfy` copied each system (every string of it retained).
        let allOpen = draft.systems.withUnsafeBufferPointer { systems in
            systems.indices.allSatisfy { context.isOpen(systems[$0].name) }
        }
        guard allOpen else { return [] }
        return [
            context.finding(
                Self.self, field: "systems",
                message: context.open(
                    context.firstPlaceholder(draft.systems.map(\.name)), noun: Localized(en: "a system", ja: "システム名"),
                    absent: Localized(
                        en: "No affected system is named; IT needs them to know who does the work and what could break.",
                        ja: "影響するシステムが書かれていません。誰が作業し、何が壊れうるかを IT が判断するのに必要です。"),
                    why: Localized(
                        en: "IT needs the affected systems to know who does the work and what could break.",
                        ja: "誰が作業し、何が壊れうるかを IT が判断するのに必要です。")),
                question: Localized(
                    en: "Which tools or systems does this touch (website CMS, Marketo, Salesforce, analytics…)?",
                    ja: "どのツールやシステムに関係しますか（Web サイトの CMS、Marketo、Salesforce、アクセス解析など）。"))
        ]
    }
}
