/// `acceptance-untestable`: "works on mobile" or "looks good" cannot be passed or failed; a tester
/// needs the devices and browsers, and what must be seen to happen.
struct AcceptanceUntestable: ReadinessRule {
    static let id = "acceptance-untestable"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "Every acceptance criterion names an outcome a tester can observe.",
        ja: "受け入れ条件に、テストで確かめられる結果が書かれている。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A tester can pass or fail only what can be observed; \"works on mobile\" or \"looks good\" leave the verdict to taste.",
            ja: "テストで合否を決められるのは、目で確かめられる結果だけです。「スマホで正しく動く」「いい感じ」では好みで決まってしまいます。"),
        example: "testing:\n  acceptance_criteria:\n    - page works on mobile",
        fix: Localized(
            en: "Name the devices and browsers and what must be seen: \"On iPhone Safari, after submitting, the thank-you page shows the webinar date\".",
            ja: "端末・ブラウザと、見えるべき結果を書きます（例：「iPhone の Safari で送信すると、サンクスページにウェビナーの日付が表示される」）。"))

    /// Words that judge without saying what to look for.
    static let judgements = [
        "works", "work", "working", "functions", "functional", "looks good", "looks nice", "looks great", "looks fine",
        "looks ok", "looks right", "look good", "looks", "is fine", "is ok", "is okay", "no issues", "no problems",
        "without issues", "without problems", "no bugs", "properly", "correctly", "as expected", "smoothly",
        "user-friendly", "user friendly", "nice", "good", "fine", "responsive",
        "動く", "動作する", "動作すること", "動作", "正しく", "正常に", "問題なく", "問題ない", "ちゃんと", "きちんと",
        "いい感じ", "見た目", "きれいに", "綺麗に", "崩れない", "崩れないこと", "スムーズ", "使いやすい",
    ]

    /// Words that name something a tester sees happen, or a measure.
    static let outcomes = [
        "then", "shows", "shown", "show", "displays", "displayed", "appears", "is created", "are created", "creates",
        "receives", "received", "is sent", "are sent", "sends", "redirects", "redirected", "within", "returns",
        "is recorded", "records", "is logged", "error message", "message", "is visible", "contains", "lands on",
        "opens", "status", "count", "equals", "seconds", "second", "ms", "%",
        "とき", "場合", "すると", "以内", "届く", "作成される", "登録される", "記録される", "遷移", "送信される",
        "と表示", "が表示", "メッセージ", "秒", "件",
    ]

    static let judgementTerms = TermSet(judgements)
    static let outcomeTerms = TermSet(outcomes)

    func applies(to draft: Draft, in context: RuleContext) -> Bool {
        draft.testing.acceptanceCriteria.contains { !context.isOpen($0) }
    }

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        draft.testing.acceptanceCriteria.indices.compactMap { index in
            let criterion = draft.testing.acceptanceCriteria[index]
            guard !context.isOpen(criterion), Self.isUntestable(criterion) else { return nil }
            let quoted = criterion.split(whereSeparator: \.isNewline).joined(separator: " ")
            return context.finding(
                Self.self, field: "testing.acceptance_criteria[\(index)]",
                message: Localized(
                    en: "'\(quoted)' names no outcome a tester could observe, so nobody can pass or fail it.",
                    ja: "「\(quoted)」では、テストで何を確かめれば合格なのか分かりません。"),
                question: Localized(
                    en: "On which devices and browsers, and what must a tester see happen? Try: Given …, when …, then ….",
                    ja: "どの端末・ブラウザで、何が起きれば合格ですか。「〜のとき、〜すると、〜になる」の形で書いてください。"))
        }
    }

    static func isUntestable(_ criterion: String) -> Bool {
        guard judgementTerms.containsAny(in: criterion) else { return false }
        return !outcomeTerms.containsAny(in: criterion)
    }
}
