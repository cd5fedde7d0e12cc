/// `must-overload`: when most requirements are `must`, priorities say nothing and every
/// non-essential wish becomes a blocker for launch.
struct MustOverload: ReadinessRule {
    static let id = "must-overload"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Requirements are prioritised: not most of them `must`.", ja: "要件に優先度の差がある（大半が must ではない）。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "When most requirements are must, nothing can be cut to meet the date, and non-essentials become blockers.",
            ja: "大半の要件が must だと、期日に間に合わせるために削れるものがなく、必須でないものまで公開を止めます。"),
        example: "scope:\n  requirements:\n    - {text: Form, priority: must}\n    - {text: Calendar invite, priority: must}\n    - {text: Animation, priority: must}",
        fix: Localized(
            en: "Mark what could wait as should or could.",
            ja: "後回しにできる要件を should や could にします。"))
    /// Below this many requirements, "most" says little.
    static let minimumRequirements = 3

    func applies(to draft: Draft, in context: RuleContext) -> Bool { draft.scope.requirements.count >= Self.minimumRequirements }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        let requirements = draft.scope.requirements
        // Counted through the buffer: `filter` copied each must into a new array.
        let musts = requirements.withUnsafeBufferPointer { items in
            items.indices.reduce(0) { count, index in items[index].priority == .must ? count + 1 : count }
        }
        guard requirements.count >= Self.minimumRequirements, musts * 2 > requirements.count else { return [] }
        return [
            context.finding(
                Self.self, field: "scope.requirements",
                message: Localized(
                    en: "\(musts) of \(requirements.count) requirements are 'must'; when everything is essential, nothing can be cut to meet the date.",
                    ja: "要件\(requirements.count)件のうち\(musts)件が must です。すべてが必須だと、期日に間に合わせるために削れるものがありません。"),
                question: Localized(
                    en: "If the date were at risk, which requirements could wait (should or could)?",
                    ja: "期日が危うくなったら、どの要件を後回しにできますか（should や could）。"))
        ]
    }
}
