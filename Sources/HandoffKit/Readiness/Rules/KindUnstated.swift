/// `kind-unstated`: the kind decides what IT must ask (consent for a form, a sender for an
/// e-mail); a draft without one is checked as the kind its content reads as, and says so.
struct KindUnstated: ReadinessRule {
    static let id = "kind-unstated"
    static let severity = Severity.info
    static let summary = Localized(en: "The kind of request is stated.", ja: "依頼の種類が書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "The kind decides which questions apply: a form needs consent text and spam protection, an e-mail a list and a sender, a tag a security review. Without it, handoff reads the kind from the idea and says what it read.",
            ja: "種類によって必要な確認が決まります。フォームなら同意文言とスパム対策、メールなら配信リストと差出人、タグならセキュリティの確認です。書かれていなければ、handoff はアイデアから種類を読み取り、その結果を示します。"),
        example: "idea: A sign-up form for the December webinar",
        fix: Localized(
            en: "Add kind: landing_page, form, email, tracking, integration, data_export, content_change or other.",
            ja: "kind: に landing_page、form、email、tracking、integration、data_export、content_change、other のどれかを書きます。"))

    /// The kinds as the questions list them, joined once rather than for every draft without one.
    static let kindsListed = Localized(
        en: RequestKind.allCases.map(\.rawValue).joined(separator: ", "),
        ja: RequestKind.allCases.map(\.rawValue).joined(separator: "、"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        guard draft.kind == nil else { return [] }
        let kinds = Self.kindsListed
        if let guess = context.kindGuess(for: draft) {
            return [
                context.finding(
                    Self.self, field: "kind",
                    message: Localized(
                        en: "No kind is given; checked as '\(guess.kind.rawValue)', read from '\(guess.evidence)' in \(guess.field).",
                        ja: "種類が書かれていません。\(guess.field) の「\(guess.evidence)」から「\(guess.kind.rawValue)」として確認しました。"),
                    question: Localized(
                        en: "Is it a \(guess.kind.rawValue) request? If so, add kind: \(guess.kind.rawValue); if not, which of \(kinds.en) is it?",
                        ja: "\(guess.kind.rawValue) の依頼で合っていますか。合っていれば kind: \(guess.kind.rawValue) を書き、違えば \(kinds.ja) のどれかを書いてください。"))
            ]
        }
        return [
            context.finding(
                Self.self, field: "kind",
                message: Localized(
                    en: "No kind is given, and none can be read from the draft; kind-specific checks are skipped.",
                    ja: "種類が書かれておらず、ドラフトからも読み取れません。種類ごとの確認は省きました。"),
                question: Localized(
                    en: "Which kind of request is it: \(kinds.en)?",
                    ja: "どの種類の依頼ですか（\(kinds.ja)）。"))
        ]
    }
}
