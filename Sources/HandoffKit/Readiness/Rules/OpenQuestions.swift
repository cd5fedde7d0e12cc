/// `open-questions`: a question IT sent back and nobody answered blocks the work it was asked about.
struct OpenQuestions: ReadinessRule {
    static let id = "open-questions"
    static let severity = Severity.blocker
    static let summary = Localized(en: "IT's questions are answered.", ja: "IT からの質問に答えている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A question IT sent back and nobody answered blocks the work it was asked about.",
            ja: "IT からの質問に答えがないと、その質問に関わる作業が止まります。"),
        example: "review:\n  questions: [{by: IT, text: Which Marketo workspace?, answered: false}]",
        fix: Localized(
            en: "Answer the question, then mark it answered: true.",
            ja: "質問に答え、answered: true にします。"))

    func applies(to draft: Draft, in context: RuleContext) -> Bool { !draft.review.questions.isEmpty }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        draft.review.questions.indices.compactMap { index in
            let question = draft.review.questions[index]
            guard question.isOpen, let text = question.text, text.startsVisibly || !text.isEmptyValue else { return nil }
            let by = question.by.isBlank ? "IT" : question.by!
            return context.finding(
                Self.self, field: "review.questions[\(index)]",
                message: Localized(
                    en: "\(by) asked a question that has no answer yet.",
                    ja: "\(by) からの質問にまだ回答がありません。"),
                question: Localized(en: text, ja: text))
        }
    }
}
