/// Reads the kind of request from what the marketer wrote, for drafts that do not say it (old
/// drafts, pipelines) and as the interview's offer after the idea. It reads the idea, the title
/// and the deliverables only: metrics and systems mention forms, e-mails and tags in passing.
public enum KindInference {
    /// A kind and the words it was read from, so a finding can say why.
    public struct Guess: Sendable, Equatable {
        /// The kind read from the words.
        public var kind: RequestKind
        /// The cue word that decided it, as the cue list spells it (`sign-up`, `banner`).
        public var evidence: String
        /// The field the words are in (`idea`, `scope.deliverables[0]`); empty for bare texts.
        public var field: String = ""
    }

    /// Most specific first: "a landing page with a lead form" is a form, "a newsletter sign-up
    /// form" too; a page or a copy change is what is left when nothing more specific is named.
    static let cues: [(RequestKind, [String])] = [
        (
            .form,
            [
                "form", "forms", "sign-up", "signup", "sign up", "registration", "register", "contact us",
                "フォーム", "申込", "申し込み", "申込み", "登録", "問い合わせ", "問合せ", "エントリー",
            ]
        ),
        (
            .email,
            [
                "newsletter", "e-mail campaign", "email campaign", "mail campaign", "mailing", "e-mail blast",
                "email blast", "e-mail send", "email send", "drip", "nurture e-mail", "nurture email",
                "メルマガ", "メールマガジン", "メール配信", "一斉メール", "ステップメール", "メールキャンペーン",
            ]
        ),
        (
            .tracking,
            [
                "tracking", "tag", "tags", "pixel", "google tag manager", "gtm", "cookie", "cookies", "conversion tag",
                "タグ", "ピクセル", "クッキー", "計測", "トラッキング",
            ]
        ),
        (.integration, ["integration", "integrate", "sync", "synchronise", "synchronize", "webhook", "api", "連携", "同期"]),
        (.dataExport, ["export", "csv", "extract", "data dump", "エクスポート", "抽出", "書き出し", "データ出力"]),
        (
            .landingPage,
            [
                "landing page", "lp", "microsite", "campaign page", "campaign site", "special page",
                "ランディングページ", "特設ページ", "特設サイト", "キャンペーンページ", "キャンペーンサイト",
            ]
        ),
        (
            .contentChange,
            [
                "copy change", "update the copy", "change the copy", "change the text", "replace the banner",
                "banner", "wording", "文言", "差し替え", "バナー", "テキスト変更", "修正",
            ]
        ),
    ]

    /// Every kind's cues in one set, most specific kind first, with the kind of each: the first
    /// cue a text holds is then its most specific kind's first cue, found in one walk of the text
    /// instead of one per kind.
    static let allCues = TermSet(cues.flatMap(\.1))
    static let cueKinds: [RequestKind] = cues.flatMap { kind, words in words.map { _ in kind } }
    /// The place of each cue's kind in `cues`: lower is more specific.
    static let cueRanks: [Int] = cues.enumerated().flatMap { rank, cue in cue.1.map { _ in rank } }

    /// The kind `draft` reads as, or nil when nothing in it names one.
    public static func guess(for draft: Draft) -> Guess? {
        var best: (cue: Int, text: Int)?
        func consider(_ text: String?, _ position: Int) {
            guard let text, let cue = allCues.firstIndex(in: text) else { return }
            if best == nil || cueRanks[cue] < cueRanks[best!.cue] { best = (cue, position) }
        }
        consider(draft.idea, -2)
        consider(draft.title, -1)
        for (index, deliverable) in draft.scope.deliverables.enumerated() { consider(deliverable, index) }
        guard let best else { return nil }
        // Fields are named only for the cue found: spelling out every field's path cost more than the scan.
        let field = best.text == -2 ? "idea" : best.text == -1 ? "title" : "scope.deliverables[\(best.text)]"
        return Guess(kind: cueKinds[best.cue], evidence: allCues.terms[best.cue], field: field)
    }

    /// The kind `texts` read as: the most specific kind any of them names.
    public static func guess(in texts: [String]) -> Guess? { guess(labelled: texts.map { ("", $0) }) }

    /// The most specific kind any text names; of the texts that name it, the first, with that
    /// text's first cue for it.
    static func guess(labelled texts: [(field: String, text: String)]) -> Guess? {
        var best: (cue: Int, field: String)?
        for (field, text) in texts {
            guard let cue = allCues.firstIndex(in: text) else { continue }
            if best == nil || cueRanks[cue] < cueRanks[best!.cue] { best = (cue, field) }
        }
        return best.map { Guess(kind: cueKinds[$0.cue], evidence: allCues.terms[$0.cue], field: $0.field) }
    }

    /// The kind a draft says, or else the one read from its content.
    public static func effectiveKind(of draft: Draft) -> RequestKind? { draft.kind ?? guess(for: draft)?.kind }
}
