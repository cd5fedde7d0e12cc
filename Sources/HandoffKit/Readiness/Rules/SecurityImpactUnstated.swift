/// `security-impact-unstated`: third-party scripts, tags, cookies and data leaving the company are
/// what Security reviews; found in launch week, they block the launch.
struct SecurityImpactUnstated: ReadinessRule {
    static let id = "security-impact-unstated"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "The security impact of new scripts, cookies or data flows is answered.",
        ja: "新しいスクリプト・クッキー・データの流れのセキュリティ影響に答えている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "Every third-party script, tag or cookie runs on the company's pages, and data leaving the company is a privacy risk; Security must review them before launch, not in launch week.",
            ja: "外部のスクリプト・タグ・クッキーは会社のページで動き、社外に出るデータはプライバシーのリスクです。公開直前ではなく事前にセキュリティ担当の確認が必要です。"),
        example: "kind: tracking\noperations:\n  security_impact: unsure",
        fix: Localized(
            en: "Answer security_impact (yes or no, with notes on what is new), or name a security stakeholder who will decide.",
            ja: "security_impact に yes か no で答えて何が新しいかを書くか、判断するセキュリティ担当者を書きます。"))

    /// What brings the draft to Security's attention, as (field, word), or nil.
    static func involvement(_ draft: Draft, in context: RuleContext) -> (field: String, word: String)? {
        if let kind = draft.kind, OperationsCues.securityKinds.contains(kind) { return ("kind", kind.rawValue) }
        if draft.kind == nil, let guess = context.kindGuess(for: draft), OperationsCues.securityKinds.contains(guess.kind) {
            return ("kind", guess.kind.rawValue)
        }
        return OperationsCues.firstBuiltThing(with: OperationsCues.securityTerms, in: draft)
    }

    func applies(to draft: Draft, in context: RuleContext) -> Bool { Self.involvement(draft, in: context) != nil }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        findings(for: draft, involving: Self.involvement(draft, in: context), in: context)
    }

    /// The involvement scan reads most of the draft: once for both answers.
    func evaluate(_ draft: Draft, in context: RuleContext) -> (findings: [Finding], applies: Bool) {
        let involvement = Self.involvement(draft, in: context)
        return (findings(for: draft, involving: involvement, in: context), involvement != nil)
    }

    private func findings(
        for draft: Draft, involving involvement: (field: String, word: String)?, in context: RuleContext
    ) -> [Finding] {
        guard let cue = involvement else { return [] }
        let impact = draft.operations.securityImpact
        if impact == .yes || impact == .no { return [] }
        if impact == .unsure, context.hasStakeholder(draft, .security) { return [] }
        let involved = Localized(en: "'\(cue.word)' (\(cue.field))", ja: "「\(cue.word)」（\(cue.field)）")
        let message = impact == .unsure
            ? Localized(
                en: "The draft involves \(involved.en) and its security impact is 'unsure', with no security stakeholder to decide it.",
                ja: "\(involved.ja)が関わりますが、セキュリティへの影響は「unsure」のままで、判断するセキュリティ担当者もいません。")
            : Localized(
                en: "The draft involves \(involved.en), but nothing says whether it adds third-party scripts, cookies or data leaving the company.",
                ja: "\(involved.ja)が関わりますが、外部のスクリプト・クッキー・社外へのデータ送信があるかどうかが書かれていません。")
        return [
            context.finding(
                Self.self, field: "operations.security_impact", message: message,
                question: Localized(
                    en: "Does it add third-party scripts or tags, new cookies, or send data out of the company? Which ones? If you are not sure, who in Security can decide?",
                    ja: "外部のスクリプトやタグ、新しい Cookie、社外へのデータ送信はありますか。それは何ですか。分からなければ、判断できるセキュリティ担当は誰ですか。"))
        ]
    }
}
