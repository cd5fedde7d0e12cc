/// Builds the description every export shares: the same sections in the same order (idea, why,
/// scope, systems, timeline, success, stakeholders, risks and change, operations, acceptance criteria, IT's
/// questions, open findings, provenance, source), headed in the draft's language. A section with
/// nothing in it says so rather than disappearing, so reviewers see what is missing.
public struct TicketDocumentBuilder: Sendable {
    /// The options the description is built for: its language (`options.language`, else the
    /// draft's) and whether the source draft is shown.
    public var options: ExportOptions
    /// The ticket body only, for people reading it in a terminal (`review`): without the findings
    /// (shown there as questions to send back), the provenance line and the source draft.
    public var bodyOnly: Bool

    /// A builder for `options`; `bodyOnly` leaves out findings, provenance and the source draft.
    public init(options: ExportOptions, bodyOnly: Bool = false) {
        self.options = options
        self.bodyOnly = bodyOnly
    }

    /// The description of `item`: every section in a fixed order, a section with nothing in it saying "Not stated yet."
    public func document(for item: ExportItem) -> TicketDocument {
        let draft = item.draft
        let language = options.language ?? draft.language
        var blocks: [TicketDocument.Block] = []
        func heading(_ text: Localized) { blocks.append(.heading(level: 2, text: text(language))) }
        func subheading(_ text: Localized) { blocks.append(.heading(level: 3, text: text(language))) }
        func labelled(_ label: Localized, _ value: String?) -> [TicketDocument.Inline]? {
            guard let value, !value.isEmptyValue else { return nil }
            return [.strong(label(language) + ":"), .text(" " + value)]
        }
        func paragraphs(_ lines: [[TicketDocument.Inline]?]) {
            let present = lines.compactMap { $0 }
            if present.isEmpty { blocks.append(.paragraph([.text(Labels.notStated(language))])) }
            for line in present { blocks.append(.paragraph(line)) }
        }
        func bullets(_ items: [String]) {
            let present = items.filter { !$0.isEmptyValue }
            blocks.append(present.isEmpty ? .paragraph([.text(Labels.notStated(language))]) : .bullets(present.map { [.text($0)] }))
        }

        // The requester's own words first: everything below is IT's reading of them.
        if let idea = draft.idea, !idea.isEmptyValue {
            heading(Labels.idea)
            blocks.append(.quote(idea))
        }
        let requester = [draft.requester.name, draft.requester.team, draft.requester.email]
            .compactMap { $0 }.filter { !$0.isEmptyValue }
        if !requester.isEmpty {
            blocks.append(.paragraph([.strong(Labels.requestedBy(language) + ":"), .text(" " + requester.joined(separator: ", "))]))
        }

        heading(Labels.why)
        paragraphs([
            labelled(Labels.problem, draft.objective.problem), labelled(Labels.businessGoal, draft.objective.businessGoal),
            labelled(Labels.whyNow, draft.objective.whyNow), labelled(Labels.value, draft.objective.value),
        ])

        heading(Labels.scope)
        subheading(Labels.deliverables)
        bullets(draft.scope.deliverables)
        subheading(Labels.requirements)
        let requirements = draft.scope.requirements.filter { !$0.text.isBlank }
        if requirements.isEmpty {
            blocks.append(.paragraph([.text(Labels.notStated(language))]))
        } else {
            let groups: [(Priority?, Localized)] = [
                (.must, Labels.must), (.should, Labels.should), (.could, Labels.could), (.wont, Labels.wont),
                (nil, Labels.unprioritised),
            ]
            for (priority, label) in groups {
                let texts = requirements.filter { $0.priority == priority }.compactMap(\.text)
                guard !texts.isEmpty else { continue }
                blocks.append(.paragraph([.strong(label(language))]))
                blocks.append(.bullets(texts.map { [.text($0)] }))
            }
        }
        subheading(Labels.outOfScope)
        bullets(draft.scope.outOfScope)
        blocks += Self.detailBlocks(draft, language)

        heading(Labels.systems)
        let systems = draft.systems.filter { !$0.isEmptyValue }
        if systems.isEmpty {
            blocks.append(.paragraph([.text(Labels.notStated(language))]))
        } else {
            blocks.append(
                .table(
                    header: [Labels.system, Labels.change, Labels.data, Labels.personalData, Labels.owner].map { $0(language) },
                    rows: systems.map { system in
                        [
                            system.name ?? "", system.change ?? "", system.data.joined(separator: ", "),
                            system.personalData.map { ($0 ? Labels.yes : Labels.no)(language) } ?? "", system.owner ?? "",
                        ]
                    }))
        }

        heading(Labels.timeline)
        var launch: [TicketDocument.Inline]?
        if let date = draft.timeline.launch {
            let kind = draft.timeline.deadline.map { " (" + Labels.deadline($0)(language) + ")" } ?? ""
            launch = [.strong(Labels.launch(language) + ":"), .text(" \(date)" + kind)]
        }
        paragraphs([launch, labelled(Labels.dateReason, draft.timeline.reason)])
        let milestones = draft.timeline.milestones.filter { !$0.isEmptyValue }
        if !milestones.isEmpty {
            blocks.append(
                .table(
                    header: [Labels.date, Labels.milestone].map { $0(language) },
                    rows: milestones.map { [$0.date?.description ?? "", $0.name ?? ""] }))
        }

        heading(Labels.success)
        if let kgi = labelled(Labels.kgi, draft.success.kgi) { blocks.append(.paragraph(kgi)) }
        let metrics = draft.success.metrics.filter { !$0.isEmptyValue }
        if metrics.isEmpty {
            blocks.append(.paragraph([.text(Labels.notStated(language))]))
        } else {
            blocks.append(
                .table(
                    header: [
                        Labels.metric, Labels.baseline, Labels.target, Labels.source, Labels.tracking, Labels.reviewOn,
                        Labels.owner,
                    ].map { $0(language) },
                    rows: metrics.map { metric in
                        [
                            metric.name ?? "", metric.baseline?.text ?? "", metric.target?.text ?? "", metric.source ?? "",
                            metric.tracking ?? "", metric.reviewOn?.description ?? "", metric.owner ?? "",
                        ]
                    }))
        }

        heading(Labels.stakeholders)
        let stakeholders = draft.stakeholders.filter { !$0.isEmptyValue }
        if stakeholders.isEmpty {
            blocks.append(.paragraph([.text(Labels.notStated(language))]))
        } else {
            blocks.append(
                .table(
                    header: [Labels.role, Labels.name, Labels.email].map { $0(language) },
                    rows: stakeholders.map { [$0.role.map { Labels.role($0)(language) } ?? "", $0.name ?? "", $0.email ?? ""] }))
        }

        heading(Labels.risksAndChange)
        let risks = draft.risks.filter { !$0.isEmptyValue }
        if !risks.isEmpty {
            blocks.append(
                .table(header: [Labels.risk, Labels.mitigation].map { $0(language) }, rows: risks.map { [$0.text ?? "", $0.mitigation ?? ""] }))
        }
        let legal = draft.compliance.legalReview.map { Labels.legal($0)(language) }
        let changeLines = [
            labelled(Labels.iterations, draft.change.iterations), labelled(Labels.peopleAffected, draft.change.peopleAffected),
            labelled(Labels.legalReview, legal), labelled(Labels.legalNotes, draft.compliance.notes),
        ]
        if risks.isEmpty || changeLines.contains(where: { $0 != nil }) { paragraphs(changeLines) }

        blocks += Self.operationsBlocks(draft, language)

        heading(Labels.acceptance)
        let criteria = draft.testing.acceptanceCriteria.filter { !$0.isEmptyValue }
        blocks.append(criteria.isEmpty ? .paragraph([.text(Labels.notStated(language))]) : .checklist(criteria))
        if let qa = labelled(Labels.qaNotes, draft.testing.qaNotes) { blocks.append(.paragraph(qa)) }

        let questions = draft.review.questions.filter { !$0.text.isBlank }
        if !questions.isEmpty {
            heading(Labels.itQuestions)
            blocks.append(
                .bullets(
                    questions.map { question in
                        var line: [TicketDocument.Inline] = [
                            .strong((question.isOpen ? Labels.open : Labels.answered)(language) + ":"),
                            .text(" " + (question.text ?? "") + (question.by.map { " (\($0))" } ?? "")),
                        ]
                        if let answer = question.answer, !answer.isEmptyValue { line.append(.text(" → " + answer)) }
                        return line
                    }))
        }

        if bodyOnly { return TicketDocument(blocks: blocks) }
        heading(Labels.findings)
        if item.report.findings.isEmpty {
            blocks.append(.paragraph([.text(Labels.noFindings(language))]))
        } else {
            blocks.append(
                .paragraph([
                    .strong((item.report.isReady ? Labels.ready : Labels.notReady)(language)),
                    .text(" · " + Localized(en: "score \(item.report.score)/100", ja: "スコア \(item.report.score)/100")(language)),
                ]))
            blocks.append(
                .bullets(
                    item.report.findings.map { finding in
                        [
                            .strong(finding.severity.label(language)), .text(" "), .code(finding.field),
                            .text(Self.concatenated(" ", finding.message, " → ", finding.question)),
                        ]
                    }))
        }

        blocks.append(
            .paragraph([
                .text(
                    (
                        Localized(
                            en: "Exported by handoff \(HandoffVersion.current) · prompt pack \(HandoffVersion.promptPack) · "
                                + "draft \(item.externalID), \(item.revision)",
                            ja: "handoff \(HandoffVersion.current) で出力 · 質問パック \(HandoffVersion.promptPack) · "
                                + "ドラフト \(item.externalID)（\(item.revision)）"))(language))
            ]))
        if options.includeSource {
            heading(Labels.sourceDraft)
            blocks.append(
                .code(language: "yaml", title: TicketDocument.sourceTitle, text: item.sourceYAML ?? SourceBlock.yaml(for: draft)))
        }
        return TicketDocument(blocks: blocks)
    }
}

extension TicketDocumentBuilder {
    /// The pieces as one string, made in one allocation where `+` makes one a piece.
    static func concatenated(_ pieces: String...) -> String {
        var out = ""
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { out += piece }
        return out
    }
}

/// The headings and labels of the description, in both languages.
enum Labels {
    static let notStated = Localized(en: "Not stated yet.", ja: "未記入。")
    static let idea = Localized(en: "Idea (in the requester's words)", ja: "アイデア（依頼者の言葉のまま）")
    static let requestedBy = Localized(en: "Requested by", ja: "依頼者")
    static let why = Localized(en: "Why", ja: "目的")
    static let problem = Localized(en: "Problem", ja: "課題")
    static let businessGoal = Localized(en: "Business goal", ja: "ビジネス目標")
    static let whyNow = Localized(en: "Why now", ja: "なぜ今か")
    static let value = Localized(en: "Expected value", ja: "期待効果")
    static let scope = Localized(en: "Scope", ja: "範囲")
    static let deliverables = Localized(en: "Deliverables", ja: "成果物")
    static let requirements = Localized(en: "Requirements", ja: "要件")
    static let must = Localized(en: "Must have", ja: "必須（must）")
    static let should = Localized(en: "Should have", ja: "推奨（should）")
    static let could = Localized(en: "Could have", ja: "任意（could）")
    static let wont = Localized(en: "Won't have this time", ja: "今回は対象外（wont）")
    static let unprioritised = Localized(en: "Not prioritised yet", ja: "優先度未設定")
    static let outOfScope = Localized(en: "Out of scope", ja: "対象外")
    static let systems = Localized(en: "Affected systems", ja: "影響するシステム")
    static let system = Localized(en: "System", ja: "システム")
    static let change = Localized(en: "Change", ja: "変更内容")
    static let data = Localized(en: "Data", ja: "データ")
    static let personalData = Localized(en: "Personal data", ja: "個人データ")
    static let owner = Localized(en: "Owner", ja: "担当")
    static let yes = Localized(en: "yes", ja: "あり")
    static let no = Localized(en: "no", ja: "なし")
    static let timeline = Localized(en: "Timeline", ja: "スケジュール")
    static let launch = Localized(en: "Launch", ja: "公開日")
    static let dateReason = Localized(en: "Why this date", ja: "この日付の理由")
    static let date = Localized(en: "Date", ja: "日付")
    static let milestone = Localized(en: "Milestone", ja: "マイルストーン")
    static let success = Localized(en: "Success measurement", ja: "成果の測定")
    static let kgi = Localized(en: "KGI", ja: "KGI")
    static let metric = Localized(en: "Metric", ja: "指標")
    static let baseline = Localized(en: "Baseline", ja: "現状値")
    static let target = Localized(en: "Target", ja: "目標値")
    static let source = Localized(en: "Data source", ja: "データの出どころ")
    static let tracking = Localized(en: "Tracking", ja: "計測方法")
    static let reviewOn = Localized(en: "Review on", ja: "振り返り日")
    static let stakeholders = Localized(en: "Stakeholders", ja: "関係者")
    static let role = Localized(en: "Role", ja: "役割")
    static let name = Localized(en: "Name", ja: "氏名")
    static let email = Localized(en: "E-mail", ja: "メール")
    static let risksAndChange = Localized(en: "Risks and change", ja: "リスクと変更")
    static let risk = Localized(en: "Risk", ja: "リスク")
    static let mitigation = Localized(en: "Mitigation", ja: "対策")
    static let iterations = Localized(en: "Expected iterations", ja: "想定している見直し")
    static let peopleAffected = Localized(en: "People affected", ja: "影響を受ける人")
    static let legalReview = Localized(en: "Legal review", ja: "法務確認")
    static let legalNotes = Localized(en: "Legal notes", ja: "法務メモ")
    static let acceptance = Localized(en: "Acceptance criteria", ja: "受け入れ条件")
    static let qaNotes = Localized(en: "QA notes", ja: "テストメモ")
    static let itQuestions = Localized(en: "Questions from IT", ja: "IT からの質問")
    static let open = Localized(en: "Open", ja: "未回答")
    static let answered = Localized(en: "Answered", ja: "回答済み")
    static let findings = Localized(en: "Open readiness findings", ja: "未解決の確認事項")
    static let noFindings = Localized(en: "None: the request is ready.", ja: "なし。依頼は準備完了です。")
    static let ready = Localized(en: "Ready", ja: "準備完了")
    static let notReady = Localized(en: "Not ready (exported with --force)", ja: "未完了（--force で出力）")
    static let sourceDraft = Localized(en: "Source draft", ja: "元のドラフト")

    static func deadline(_ kind: DeadlineKind) -> Localized {
        switch kind {
        case .hard: return Localized(en: "hard deadline", ja: "厳守")
        case .soft: return Localized(en: "soft deadline", ja: "目安")
        case .none: return Localized(en: "no deadline", ja: "期限なし")
        }
    }

    static func legal(_ review: LegalReview) -> Localized {
        switch review {
        case .yes: return Localized(en: "yes", ja: "済み")
        case .no: return Localized(en: "no", ja: "未")
        case .unsure: return Localized(en: "unsure", ja: "不明")
        }
    }

    static func role(_ role: Role) -> Localized {
        switch role {
        case .businessOwner: return Localized(en: "Business owner", ja: "ビジネスオーナー")
        case .approver: return Localized(en: "Approver", ja: "承認者")
        case .itContact: return Localized(en: "IT contact", ja: "IT 窓口")
        case .legal: return Localized(en: "Legal", ja: "法務")
        case .security: return Localized(en: "Security", ja: "セキュリティ")
        case .sales: return Localized(en: "Sales", ja: "営業")
        case .finance: return Localized(en: "Finance", ja: "経理・財務")
        case .other: return Localized(en: "Other", ja: "その他")
        }
    }
}
