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
        var texts: [(String, String?)] = [("title", draft.title), ("objective.value", draft.objective.value)]
        for (index, deliverable) in draft.scope.deliverables.enumerated() {
            texts.append(("scope.deliverables[\(index)]", deliverable))
        }
        for (index, requirement) in draft.scope.requirements.enumerated() {
            texts.append(("scope.requirements[\(index)].text", requirement.text))
        }
        texts.append(("timeline.reason", draft.timeline.reason))
        for (index, milestone) in draft.timeline.milestones.enumerated() {
            texts.append(("timeline.milestones[\(index)].name", milestone.name))
        }
        texts.append(("success.kgi", draft.success.kgi))
        for (index, metric) in draft.success.metrics.enumerated() {
            texts.append(("success.metrics[\(index)].name", metric.name))
            texts.append(("success.metrics[\(index)].baseline", metric.baseline?.text))
            texts.append(("success.metrics[\(index)].target", metric.target?.text))
        }
        for (index, criterion) in draft.testing.acceptanceCriteria.enumerated() {
            texts.append(("testing.acceptance_criteria[\(index)]", criterion))
        }
        var findings: [Finding] = []
        for (field, text) in texts {
            // A placeholder ("TBD") is reported by the rule that needs the field, as missing.
            guard let text, !text.isEmpty, context.placeholder(text) == nil else { continue }
            let matches = context.lexicon.matches(in: text)
            guard let first = matches.first else { continue }
            let words = matches.map(\.word)
            findings.append(
                context.finding(
                    Self.self, field: field,
                    message: Localized(
                        en: "Vague wording: \(words.map { "'\($0)'" }.joined(separator: ", ")). IT cannot build or test what is not specific.",
                        ja: "曖昧な表現があります：\(words.map { "「\($0)」" }.joined(separator: "、"))。具体的でないものは IT が作ることもテストすることもできません。"),
                    question: first.followUp))
        }
        return findings
    }
}
