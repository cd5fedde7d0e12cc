/// `objective-missing`: the problem and the business goal are what tell later whether the work
/// succeeded, and what the board, legal, finance and security will ask about.
struct ObjectiveMissing: ReadinessRule {
    static let id = "objective-missing"
    static let severity = Severity.blocker
    static let summary = Localized(
        en: "The problem and the business goal are stated.", ja: "課題とビジネス目標が書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "The problem and the business goal tell later whether the work succeeded, and they are what leadership, legal, finance and security ask first.",
            ja: "課題とビジネス目標は、後で成果を判断する基準であり、経営層・法務・経理・セキュリティが最初に聞くことです。"),
        example: "objective:\n  problem: Sign-ups get lost in a shared inbox\n  business_goal: I don't know",
        fix: Localized(
            en: "State the problem with a number and the company goal it serves this year.",
            ja: "課題を数字とともに書き、今年のどの会社目標に貢献するかを書きます。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        if context.isOpen(draft.objective.problem) {
            findings.append(
                context.finding(
                    Self.self, field: "objective.problem",
                    message: context.open(
                        context.placeholder(draft.objective.problem), noun: Localized(en: "a problem statement", ja: "課題"),
                        absent: Localized(
                            en: "The problem is not stated; without it nobody can tell later whether the work paid off.",
                            ja: "解決したい課題が書かれていません。これがないと、後で成果があったか判断できません。"),
                        why: Localized(
                            en: "without the problem nobody can tell later whether the work paid off.",
                            ja: "課題が分からないと、後で成果があったか判断できません。")),
                    question: Localized(
                        en: "What goes wrong today, and how often or how much (a number helps)?",
                        ja: "今、何が困っていますか。頻度や量を数字で教えてください。")))
        }
        if context.isOpen(draft.objective.businessGoal) {
            findings.append(
                context.finding(
                    Self.self, field: "objective.business_goal",
                    message: context.open(
                        context.placeholder(draft.objective.businessGoal), noun: Localized(en: "a business goal", ja: "ビジネス目標"),
                        absent: Localized(
                            en: "The business goal is not stated; it is the first thing leadership and IT ask: why spend on this?",
                            ja: "ビジネス目標が書かれていません。経営層や IT が最初に聞くのは「なぜこれに投資するのか」です。"),
                        why: Localized(
                            en: "it is the first thing leadership and IT ask: why spend on this?",
                            ja: "経営層や IT が最初に聞くのは「なぜこれに投資するのか」です。")),
                    question: Localized(
                        en: "Which of this year's company goals does it serve (e.g. pipeline, retention, churn)?",
                        ja: "今年の会社目標のどれに貢献しますか（例：商談創出、継続率、解約率）。")))
        }
        return findings
    }
}
