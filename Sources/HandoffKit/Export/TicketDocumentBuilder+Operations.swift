/// The parts of the description that depend on the kind of request: the kind-specific details
/// under Scope, and the Operations section (traffic, security, maintenance) every kind has.
extension TicketDocumentBuilder {
    /// "Details (form)": the kind-specific answers as labelled lines; nothing when none is given.
    static func writeDetails<Sink: TicketDocumentSink>(_ draft: Draft, _ language: Language, into sink: inout Sink) {
        let details = draft.details
        var headed = false
        // Most drafts answer a few of these: each line is made only when its answer is there.
        func line(_ label: Localized, _ value: String?) {
            guard let value, !value.isEmptyValue else { return }
            if !headed {
                let heading = draft.kind.map { OperationsLabels.details(language) + " (" + OperationsLabels.kind($0)(language) + ")" }
                    ?? OperationsLabels.details(language)
                sink.heading(level: 3, heading)
                headed = true
            }
            sink.labelled(label(language), TicketText(" ", value))
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
    static func writeOperations<Sink: TicketDocumentSink>(_ draft: Draft, _ language: Language, into sink: inout Sink) {
        let operations = draft.operations
        sink.heading(level: 2, OperationsLabels.operations(language))
        var written = false
        func line(_ label: Localized, _ value: String?) {
            guard let value, !value.isEmptyValue else { return }
            sink.labelled(label(language), TicketText(" ", value))
            written = true
        }
        line(OperationsLabels.kindLabel, draft.kind.map { OperationsLabels.kind($0)(language) })
        line(OperationsLabels.expectedTraffic, operations.expectedTraffic)
        line(OperationsLabels.securityImpact, operations.securityImpact.map { OperationsLabels.security($0)(language) })
        line(OperationsLabels.securityNotes, operations.securityNotes)
        line(OperationsLabels.maintainedBy, operations.maintainedBy)
        line(OperationsLabels.until, operations.until.map { OperationsLabels.until($0)(language) })
        if !written { sink.paragraph(.text, TicketText(Labels.notStated(language))) }
    }
}

/// The headings and labels of the kind-dependent parts, in both languages.
enum OperationsLabels {
    static let operations = Localized(en: "Operations", ja: "運用")
    static let kindLabel = Localized(en: "Kind of request", ja: "依頼の種類")
    static let expectedTraffic = Localized(en: "Expected traffic", ja: "見込みのアクセス")
    static let securityImpact = Localized(en: "Security impact", ja: "セキュリティへの影響")
    static let securityNotes = Localized(en: "Security notes", ja: "セキュリティメモ")
    static let maintainedBy = Localized(en: "Maintained by", ja: "公開後の保守")
    static let until = Localized(en: "Runs until", ja: "終了予定")
    static let details = Localized(en: "Details", ja: "詳細")
    static let url = Localized(en: "URL or domain", ja: "URL・ドメイン")
    static let contentSupplier = Localized(en: "Copy and images from", ja: "原稿と画像の用意")
    static let contentDue = Localized(en: "Content due", ja: "原稿の期限")
    static let responsive = Localized(en: "Devices and screens", ja: "対応端末・画面")
    static let accessibility = Localized(en: "Accessibility", ja: "アクセシビリティ")
    static let consentText = Localized(en: "Consent text", ja: "同意文言")
    static let consentApprover = Localized(en: "Consent text approved by", ja: "同意文言の承認者")
    static let spamProtection = Localized(en: "Spam protection", ja: "スパム対策")
    static let submissionsTo = Localized(en: "Submissions go to", ja: "送信内容の届け先")
    static let mailingList = Localized(en: "List", ja: "配信リスト")
    static let listConsent = Localized(en: "List consent", ja: "受信の同意")
    static let sender = Localized(en: "Sender", ja: "差出人")
    static let unsubscribe = Localized(en: "Unsubscribing", ja: "配信停止")
    static let sendTime = Localized(en: "Send time", ja: "配信日時")
    static let tags = Localized(en: "Tags", ja: "タグ")
    static let cookies = Localized(en: "Cookies", ja: "Cookie")
    static let consentBanner = Localized(en: "Consent banner", ja: "同意バナー")
    static let dataItems = Localized(en: "Data", ja: "対象データ")
    static let direction = Localized(en: "Direction", ja: "データの向き")
    static let frequency = Localized(en: "Frequency", ja: "頻度")
    static let sideOwners = Localized(en: "Owners of each side", ja: "双方の担当")

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
        case .date(let date): return Localized(en: date.description, ja: date.description)
        case .permanent: return Localized(en: "permanent", ja: "恒久")
        }
    }
}
