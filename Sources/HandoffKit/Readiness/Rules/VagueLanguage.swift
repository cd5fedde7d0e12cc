/// `vague-language`: "ASAP", "better", "etc." read as agreement but cannot be built or tested.
/// Checks the title, the expected value, deliverables, requirements, timeline, metrics and acceptance criteria.
struct VagueLanguage: ReadinessRule {
    static let id = "vague-language"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Title, value, requirements, metrics and timeline avoid vague words.",
        ja: "タイトル・期待効果・要件・指標・スケジュールに曖昧な言葉がない。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "IT cannot build or test \"better\", \"ASAP\" or \"etc.\": each hides a decision someone has to make before work starts.",
            ja: "「いい感じ」「早急」「など」は作ることもテストすることもできません。作業前に誰かが決めるべきことが隠れています。"),
        example: "scope:\n  requirements:\n    - Discount on some of the gift sets",
        fix: Localized(
            en: "Replace the word with the number, date or list it stands for; exact phrases such as \"more than 3\" are fine.",
            ja: "言葉を、それが表す数値・日付・一覧に置き換えます。「3人以上」のような正確な表現は問題ありません。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Fields are named only for a text with a vague word: most have none.
        func check(_ text: String?, _ field: () -> String) {
            // A placeholder ("TBD") is reported by the rule that needs the field, as missing.
            guard let text, !text.isEmpty else { return }
            let matches = context.lexicon.matches(in: text)
            guard let first = matches.first, context.placeholder(text) == nil else { return }
            let words = matches.map(\.word)
            findings.append(
                context.finding(
                    Self.self, field: field(),
                    message: Localized(
                        en: "Vague wording: \(words.map { "'\($0)'" }.joined(separator: ", ")). IT cannot build or test what is not specific.",
                        ja: "曖昧な表現があります：\(words.map { "「\($0)」" }.joined(separator: "、"))。具体的でないものは IT が作ることもテストすることもできません。"),
                    question: first.followUp))
        }
        // Lists read through their buffers: a `for … in` loop copied every item (a retain of each
        // of its strings), a requirement or a metric for the one or three texts read of it.
        check(draft.title) { "title" }
        check(draft.objective.value) { "objective.value" }
        draft.scope.deliverables.withUnsafeBufferPointer { deliverables in
            for index in deliverables.indices { check(deliverables[index]) { "scope.deliverables[\(index)]" } }
        }
        draft.scope.requirements.withUnsafeBufferPointer { requirements in
            for index in requirements.indices {
                check(requirements[index].text) { "scope.requirements[\(index)].text" }
            }
        }
        check(draft.timeline.reason) { "timeline.reason" }
        draft.timeline.milestones.withUnsafeBufferPointer { milestones in
            for index in milestones.indices { check(milestones[index].name) { "timeline.milestones[\(index)].name" } }
        }
        check(draft.success.kgi) { "success.kgi" }
        draft.success.metrics.withUnsafeBufferPointer { metrics in
            for index in metrics.indices {
                check(metrics[index].name) { "success.metrics[\(index)].name" }
                check(metrics[index].baseline?.text) { "success.metrics[\(index)].baseline" }
                check(metrics[index].target?.text) { "success.metrics[\(index)].target" }
            }
        }
        draft.testing.acceptanceCriteria.withUnsafeBufferPointer { criteria in
            for index in criteria.indices { check(criteria[index]) { "testing.acceptance_criteria[\(index)]" } }
        }
        return findings
    }
}
