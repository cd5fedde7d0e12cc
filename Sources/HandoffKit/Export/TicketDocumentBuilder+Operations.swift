/// The parts of the description that depend on the kind of request: the kind-specific details
/// under Scope, and the Operations section (traffic, security, maintenance) every kind has.
extension TicketDocumentBuilder {
    /// "Details (form)": the kind-specific answers as labelled lines; nothing when none is given.
    static func writeDetails<Sink: TicketDocumentSink>(_ draft: borrowing Draft, _ language: Language, into sink: inout Sink) {
        writeDetails(draft.details, kind: draft.kind, language, into: &sink)
    }

    /// `writeDetails` of a draft of `kind` whose details are `details`, read where they lie (a copy of
    /// them retains each string they hold).
    private static func writeDetails<Sink: TicketDocumentSink>(
        _ details: borrowing KindDetails, kind: RequestKind?, _ language: Language, into sink: inout Sink
    ) {
        var headed = false
        // Most drafts answer a few of these: each line is made only when its answer is there.
        func line(_ label: Label, _ value: String?) {
            guard let value, !value.isEmptyValue else { return }
            if !headed {
                let heading = kind.map { OperationsLabels.details(language) + " (" + OperationsLabels.kind($0)(language) + ")" }
                    ?? OperationsLabels.details(language)
                sink.heading(level: 3, heading)
                headed = true
            }
            sink.labelled(label, in: language, afterSpace: value)
        }
        line(OperationsLabels.url, details.url)
        line(OperationsLabels.contentSupplier, details.contentSupplier)
        line(OperationsLabels.contentDue, details.contentDue?.description)
        line(OperationsLabels.responsive, details.responsive)
        line(OperationsLabels.accessibility, details.accessibility)
        line(OperationsLabels.consentText, details.consentText)
        line(OperationsLabels.consentApprover, details.consentApprover)
        line(OperationsLabels.spamProtection, details.spamProtection)
        line(OperationsLabels.submissionsTo, details.submissionsTo)
        line(OperationsLabels.mailingList, details.mailingList)
        line(OperationsLabels.listConsent, details.listConsent)
        line(OperationsLabels.sender, details.sender)
        line(OperationsLabels.unsubscribe, details.unsubscribe)
        line(OperationsLabels.sendTime, details.sendTime)
        line(OperationsLabels.tags, details.tags)
        line(OperationsLabels.cookies, details.cookies)
        line(OperationsLabels.consentBanner, details.consentBanner)
        line(OperationsLabels.dataItems, details.dataItems)
        line(OperationsLabels.direction, details.direction)
        line(OperationsLabels.frequency, details.frequency)
        line(OperationsLabels.sideOwners, details.sideOwners)
    }

    /// The Operations section: the kind, then what IT weighs beyond the feature.
    static func writeOperations<Sink: TicketDocumentSink>(_ draft: borrowing Draft, _ language: Language, into sink: inout Sink) {
        writeOperations(draft.operations, kind: draft.kind, language, into: &sink)
    }

    /// `writeOperations` of a draft of `kind` whose operations are `operations`, read where they lie.
    private static func writeOperations<Sink: TicketDocumentSink>(
        _ operations: borrowing Operations, kind: RequestKind?, _ language: Language, into sink: inout Sink
    ) {
        sink.heading(level: 2, OperationsLabels.operations, in: language)
        var written = false
        func line(_ label: Label, _ value: String?) {
            guard let value, !value.isEmptyValue else { return }
            sink.labelled(label, in: language, afterSpace: value)
            written = true
        }
        line(OperationsLabels.kindLabel, kind.map { OperationsLabels.kind($0)(language) })
        line(OperationsLabels.expectedTraffic, operations.expectedTraffic)
        line(OperationsLabels.securityImpact, operations.securityImpact.map { OperationsLabels.security($0)(language) })
        line(OperationsLabels.securityNotes, operations.securityNotes)
        line(OperationsLabels.maintainedBy, operations.maintainedBy)
        line(OperationsLabels.until, operations.until.map { OperationsLabels.until($0)(language) })
        if !written { sink.paragraph(.text, Labels.notStated, in: language) }
    }
}

/// The headings and labels of the kind-dependent parts, in both languages.
enum OperationsLabels {
    static let operations = Label(en: "Operations", ja: "運用")
    static let kindLabel = Label(en: "Kind of request", ja: "依頼の種類")
    static let expectedTraffic = Label(en: "Expected traffic", ja: "見込みのアクセス")
    static let securityImpact = Label(en: "Security impact", ja: "セキュリティへの影響")
    static let securityNotes = Label(en: "Security notes", ja: "セキュリティメモ")
    static let maintainedBy = Label(en: "Maintained by", ja: "公開後の保守")
    static let until = Label(en: "Runs until", ja: "終了予定")
    static let details = Label(en: "Details", ja: "詳細")
    static let url = Label(en: "URL or domain", ja: "URL・ドメイン")
    static let contentSupplier = Label(en: "Copy and images from", ja: "原稿と画像の用意")
    static let contentDue = Label(en: "Content due", ja: "原稿の期限")
    static let responsive = Label(en: "Devices and screens", ja: "対応端末・画面")
    static let accessibility = Label(en: "Accessibility", ja: "アクセシビリティ")
    static let consentText = Label(en: "Consent text", ja: "同意文言")
    static let consentApprover = Label(en: "Consent text approved by", ja: "同意文言の承認者")
    static let spamProtection = Label(en: "Spam protection", ja: "スパム対策")
    static let submissionsTo = Label(en: "Submissions go to", ja: "送信内容の届け先")
    static let mailingList = Label(en: "List", ja: "配信リスト")
    static let listConsent = Label(en: "List consent", ja: "受信の同意")
    static let sender = Label(en: "Sender", ja: "差出人")
    static let unsubscribe = Label(en: "Unsubscribing", ja: "配信停止")
    static let sendTime = Label(en: "Send time", ja: "配信日時")
    static let tags = Label(en: "Tags", ja: "タグ")
    static let cookies = Label(en: "Cookies", ja: "Cookie")
    static let consentBanner = Label(en: "Consent banner", ja: "同意バナー")
    static let dataItems = Label(en: "Data", ja: "対象データ")
    static let direction = Label(en: "Direction", ja: "データの向き")
    static let frequency = Label(en: "Frequency", ja: "頻度")
    static let sideOwners = Label(en: "Owners of each side", ja: "双方の担当")

    static func kind(_ kind: RequestKind) -> Localized {
        switch kind {
        case .landingPage: return Localized(en: "landing page", ja: "ランディングページ")
        case .form: return Localized(en: "form", ja: "フォーム")
        case .email: return Localized(en: "e-mail", ja: "メール")
        case .tracking: return Localized(en: "tracking", ja: "計測")
        case .integration: return Localized(en: "integration", ja: "連携")
        case .dataExport: return Localized(en: "data export", ja: "データ出力")
        case .contentChange: return Localized(en: "content change", ja: "コンテンツ変更")
        case .other: return Localized(en: "other", ja: "その他")
        }
    }

    static func security(_ impact: SecurityImpact) -> Localized {
        switch impact {
        case .yes: return Localized(en: "yes", ja: "あり")
        case .no: return Localized(en: "no", ja: "なし")
        case .unsure: return Localized(en: "unsure", ja: "不明")
        }
    }

    static func until(_ until: RunsUntil) -> Localized {
        switch until {
        case .date(let date):
            let text = date.description
            return Localized(en: text, ja: text)
        case .permanent: return Localized(en: "permanent", ja: "恒久")
        }
    }
}
