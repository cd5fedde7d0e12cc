/// What the operations rules look for in a draft's own words: what a launch is tied to (a send,
/// an event, paid media: the moments traffic peaks), and what brings in third-party code or lets
/// data leave the company (what Security reviews).
enum OperationsCues {
    /// Words that tie a date to a traffic peak.
    static let peakWords = [
        "send", "sends", "sent", "e-mail", "email", "newsletter", "mailing", "invitation", "invitations", "announcement", "webinar", "event", "conference",
        "trade show", "expo", "summit", "launch event", "keynote", "ad", "ads", "advert", "advertising", "paid media",
        "paid social", "campaign", "tv", "press release", "broadcast",
        "メール", "メルマガ", "配信", "ウェビナー", "セミナー", "イベント", "展示会", "カンファレンス", "広告", "出稿",
        "キャンペーン", "プレスリリース", "テレビ", "CM", "招待", "告知", "発表",
    ]

    /// Words that name a third-party script, tag or cookie, or data going out.
    static let securityWords = [
        "script", "scripts", "tag", "tags", "pixel", "pixels", "cookie", "cookies", "tag manager", "gtm", "embed",
        "embedded", "widget", "iframe", "third-party", "third party", "external", "export", "exports", "csv", "api",
        "webhook", "sync", "integration", "sdk", "chatbot", "chat widget",
        "スクリプト", "タグ", "ピクセル", "クッキー", "Cookie", "埋め込み", "ウィジェット", "外部", "社外", "連携",
        "エクスポート", "書き出し", "チャットボット",
    ]

    static let peakTerms = TermSet(peakWords)
    static let securityTerms = TermSet(securityWords)

    /// Kinds that by their nature bring in third-party code or move data out. A list, not a
    /// set: three kinds are compared as fast, and a set's storage type is made at run time from
    /// its mangled name (the enumeration's `Hashable` looked up), which cost more than the rule.
    static let securityKinds: [RequestKind] = [.tracking, .integration, .dataExport]

    /// The first of `words` in `texts`, with the field it is in.
    static func first(of words: TermSet, in texts: [(field: String, text: String?)]) -> (field: String, word: String)? {
        for (field, text) in texts {
            guard let text, text.startsVisibly || !text.isEmptyValue else { continue }
            if let word = words.first(in: text) { return (field, word) }
        }
        return nil
    }

    /// What the launch date is said to depend on.
    static func launchTies(_ draft: Draft) -> [(field: String, text: String?)] {
        [("timeline.reason", draft.timeline.reason), ("objective.why_now", draft.objective.whyNow)]
            + draft.timeline.milestones.enumerated().map { ("timeline.milestones[\($0.offset)].name", $0.element.name) }
    }

    /// The first of `words` where the draft describes what is built and what it touches, with
    /// the field it is in. Fields are named only once a word is found: spelling out every
    /// field's path cost more than scanning them.
    static func firstBuiltThing(with words: TermSet, in draft: Draft) -> (field: String, word: String)? {
        func word(in text: String?) -> String? {
            guard let text, text.startsVisibly || !text.isEmptyValue else { return nil }
            return words.first(in: text)
        }
        if let found = word(in: draft.idea) { return ("idea", found) }
        if let found = word(in: draft.title) { return ("title", found) }
        // The lists read through their buffers: a `for … in` loop copied every item (a retain of
        // each string of a requirement or a system) for the one text read of it.
        let listed: (field: String, word: String)? = draft.scope.deliverables.withUnsafeBufferPointer { deliverables in
            for index in deliverables.indices {
                if let found = word(in: deliverables[index]) { return ("scope.deliverables[\(index)]", found) }
            }
            return nil
        }
        if let listed { return listed }
        let required: (field: String, word: String)? = draft.scope.requirements.withUnsafeBufferPointer { requirements in
            for index in requirements.indices {
                if let found = word(in: requirements[index].text) { return ("scope.requirements[\(index)].text", found) }
            }
            return nil
        }
        if let required { return required }
        let changed: (field: String, word: String)? = draft.systems.withUnsafeBufferPointer { systems in
            for index in systems.indices {
                if let found = word(in: systems[index].change) { return ("systems[\(index)].change", found) }
            }
            return nil
        }
        if let changed { return changed }
        if let found = word(in: draft.details.tags) { return ("details.tags", found) }
        if let found = word(in: draft.details.cookies) { return ("details.cookies", found) }
        if let found = word(in: draft.details.consentBanner) { return ("details.consent_banner", found) }
        if let found = word(in: draft.details.direction) { return ("details.direction", found) }
        return nil
    }
}
