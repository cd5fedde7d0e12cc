/// `sensitive-data`: a ticket is read by many people and copied into many tools; secrets and
/// pasted lists of personal data must not travel in it.
struct SensitiveData: ReadinessRule {
    static let id = "sensitive-data"
    static let severity = Severity.warning
    static let summary = Localized(
        en: "No secrets or pasted personal data in free text.", ja: "自由記述に秘密情報や個人データの貼り付けがない。")
    static let explanation = RuleExplanation(
        why: Localized(
            en: "A ticket is copied into many tools and read by many people; secrets and pasted lists of people must not travel in it.",
            ja: "チケットは多くのツールにコピーされ、多くの人が読みます。秘密情報や個人の一覧を載せてはいけません。"),
        example: "idea: \"Legacy server key for staging: AAAAq3Zt9Lk:APA91b…\"",
        fix: Localized(
            en: "Remove it, rotate the key if it was real, and point to where it is stored safely.",
            ja: "削除し、本物の鍵なら無効化して再発行し、安全な保管場所を示します。"))

    func findings(for draft: Draft, in context: RuleContext) -> [Finding] {
        // Walked without field paths; only the texts with a finding have theirs spelled out, by a
        // second walk that nearly no draft needs.
        var found: [(ordinal: Int, kinds: [SensitiveText.Kind])] = []
        var ordinal = 0
        draft.visitFreeTextUnnamed { text in
            // The tally clears nearly every text: only the rest are scanned, and only their
            // results make an array (`SensitiveText.scan(text)` made one for each).
            let tally = SensitiveTextTally.of(text)
            if tally.mayFindAnything {
                let kinds = SensitiveText.scan(text, tally: tally)
                if !kinds.isEmpty { found.append((ordinal, kinds)) }
            }
            ordinal += 1
        }
        guard !found.isEmpty else { return [] }
        let fields = draft.freeTextFields(at: found.map(\.ordinal))
        var findings: [Finding] = []
        for ((_, kinds), field) in zip(found, fields) {
            for kind in kinds {
                let message: Localized
                switch kind {
                case .secret(let what):
                    message = Localized(
                        en: "This text holds \(what.en); tickets are copied into many tools and read by many people.",
                        ja: "この欄に秘密情報（\(what.ja)）があります。チケットは多くのツールにコピーされ、多くの人が読みます。")
                case .emailList(let count):
                    message = Localized(
                        en: "This text holds \(count) e-mail addresses; a pasted list of people is personal data.",
                        ja: "この欄にメールアドレスが\(count)件あります。個人データの一覧はチケットに貼らず、保管場所を示してください。")
                case .phoneList(let count):
                    message = Localized(
                        en: "This text holds \(count) phone numbers; a pasted list of people is personal data.",
                        ja: "この欄に電話番号が\(count)件あります。個人データの一覧はチケットに貼らず、保管場所を示してください。")
                }
                findings.append(
                    context.finding(
                        Self.self, field: field, message: message,
                        question: Localized(
                            en: "Can you remove it and point to where it is stored safely instead (a vault, a shared drive with access control)?",
                            ja: "削除して、代わりに安全な保管場所（パスワード管理ツール、アクセス制限付きの共有ドライブなど）を示せますか。")))
            }
        }
        return findings
    }
}
