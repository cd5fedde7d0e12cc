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
        var collector = TicketDocument.Collector()
        write(item, into: &collector)
        return collector.document
    }

    /// `document(for: item)` handed to `sink` block by block, in the same order.
    func write<Sink: TicketDocumentSink>(_ item: ExportItem, into sink: inout Sink) {
        // The draft is read where it lies (`item.draft` yields it), never copied whole.
        write(item, item.draft, into: &sink)
    }

    /// `write(_:into:)` of `item`, whose draft is `draft`. Arrays of records are walked by index and
    /// each field is read in place: a filtered copy or a `for … in` of them would copy every record,
    /// a retain of each string it holds and a release after.
    private func write<Sink: TicketDocumentSink>(_ item: ExportItem, _ draft: borrowing Draft, into sink: inout Sink) {
        let language = options.language ?? draft.language
        // Labels are handed over as labels: a stream writes the bytes it escaped once a process.
        func heading(_ label: Label) { sink.heading(level: 2, label, in: language) }
        func subheading(_ label: Label) { sink.heading(level: 3, label, in: language) }
        func notStated() { sink.paragraph(.text, Labels.notStated, in: language) }
        // A labelled line for each answer given; `written` says whether any was.
        func labelled(_ label: Label, _ value: String?, _ written: inout Bool) {
            guard let value, !value.isEmptyValue else { return }
            sink.labelled(label, in: language, afterSpace: value)
            written = true
        }
        func bullets(_ items: [String]) {
            guard items.contains(where: { !$0.isEmptyValue }) else { return notStated() }
            sink.beginBullets()
            for index in items.indices where !items[index].isEmptyValue {
                sink.beginItem()
                sink.run(.text, items[index])
                sink.endItem()
            }
            sink.endBullets()
        }
        func header(_ labels: [Label]) {
            sink.beginRow(header: true)
            // Each label read where it lies, not retained out of the array.
            labels.withUnsafeBufferPointer { labels in
                for index in labels.indices { sink.cell(labels[index], in: language) }
            }
            sink.endRow()
        }
        // `cell(text ?? "")` without making the string.
        func cell(_ text: String?) {
            if let text { sink.cell(text) } else { sink.cell("") }
        }

        // The requester's own words first: everything below is IT's reading of them.
        if let idea = draft.idea, !idea.isEmptyValue {
            heading(Labels.idea)
            sink.quote(idea)
        }
        let requester = [draft.requester.name, draft.requester.team, draft.requester.email]
            .compactMap { $0 }.filter { !$0.isEmptyValue }
        if !requester.isEmpty {
            sink.labelled(Labels.requestedBy, in: language, afterSpace: requester.joined(separator: ", "))
        }

        heading(Labels.why)
        var written = false
        labelled(Labels.problem, draft.objective.problem, &written)
        labelled(Labels.businessGoal, draft.objective.businessGoal, &written)
        labelled(Labels.whyNow, draft.objective.whyNow, &written)
        labelled(Labels.value, draft.objective.value, &written)
        if !written { notStated() }

        heading(Labels.scope)
        subheading(Labels.deliverables)
        bullets(draft.scope.deliverables)
        subheading(Labels.requirements)
        draft.scope.requirements.withUnsafeBufferPointer { all in
            // Each requirement told blank once, as the filter did.
            let requirements = all.indices.filter { !all[$0].text.isBlank }
            if requirements.isEmpty { return notStated() }
            for (priority, label) in Self.requirementGroups {
                guard requirements.contains(where: { all[$0].priority == priority }) else { continue }
                sink.paragraph(.strong, label, in: language)
                sink.beginBullets()
                for index in requirements where all[index].priority == priority {
                    // Not blank, so there.
                    guard let text = all[index].text else { continue }
                    sink.beginItem()
                    sink.run(.text, text)
                    sink.endItem()
                }
                sink.endBullets()
            }
        }
        subheading(Labels.outOfScope)
        bullets(draft.scope.outOfScope)
        Self.writeDetails(draft, language, into: &sink)

        heading(Labels.systems)
        // Each table's rows are told empty once: a record's emptiness is asked of every field.
        draft.systems.withUnsafeBufferPointer { allSystems in
            let systems = allSystems.indices.filter { !allSystems[$0].isEmptyValue }
            if systems.isEmpty {
                notStated()
            } else {
                sink.beginTable()
                header(Self.systemsHeader)
                for index in systems {
                    sink.beginRow(header: false)
                    cell(allSystems[index].name)
                    cell(allSystems[index].change)
                    sink.cell(allSystems[index].data.joined(separator: ", "))
                    if let personal = allSystems[index].personalData {
                        sink.cell(personal ? Labels.yes : Labels.no, in: language)
                    } else {
                        sink.cell("")
                    }
                    cell(allSystems[index].owner)
                    sink.endRow()
                }
                sink.endTable()
            }
        }

        heading(Labels.timeline)
        written = false
        if let date = draft.timeline.launch {
            let kind = draft.timeline.deadline.map { " (" + Labels.deadline($0)(language) + ")" } ?? ""
            sink.labelled(Labels.launch, in: language, TicketText(" ", date.description, kind))
            written = true
        }
        labelled(Labels.dateReason, draft.timeline.reason, &written)
        if !written { notStated() }
        draft.timeline.milestones.withUnsafeBufferPointer { milestones in
            if milestones.indices.contains(where: { !milestones[$0].isEmptyValue }) {
                sink.beginTable()
                header(Self.milestonesHeader)
                for index in milestones.indices where !milestones[index].isEmptyValue {
                    sink.beginRow(header: false)
                    if let date = milestones[index].date { sink.cell(date.description) } else { sink.cell("") }
                    cell(milestones[index].name)
                    sink.endRow()
                }
                sink.endTable()
            }
        }

        heading(Labels.success)
        labelled(Labels.kgi, draft.success.kgi, &written)
        draft.success.metrics.withUnsafeBufferPointer { allMetrics in
            let metrics = allMetrics.indices.filter { !allMetrics[$0].isEmptyValue }
            if metrics.isEmpty {
                notStated()
            } else {
                sink.beginTable()
                header(Self.metricsHeader)
                for index in metrics {
                    sink.beginRow(header: false)
                    cell(allMetrics[index].name)
                    cell(allMetrics[index].baseline?.text)
                    cell(allMetrics[index].target?.text)
                    cell(allMetrics[index].source)
                    cell(allMetrics[index].tracking)
                    if let date = allMetrics[index].reviewOn { sink.cell(date.description) } else { sink.cell("") }
                    cell(allMetrics[index].owner)
                    sink.endRow()
                }
                sink.endTable()
            }
        }

        heading(Labels.stakeholders)
        draft.stakeholders.withUnsafeBufferPointer { allStakeholders in
            let stakeholders = allStakeholders.indices.filter { !allStakeholders[$0].isEmptyValue }
            if stakeholders.isEmpty {
                notStated()
            } else {
                sink.beginTable()
                header(Self.stakeholdersHeader)
                for index in stakeholders {
                    sink.beginRow(header: false)
                    if let role = allStakeholders[index].role {
                        sink.cell(Labels.role(role), in: language)
                    } else {
                        sink.cell("")
                    }
                    cell(allStakeholders[index].name)
                    cell(allStakeholders[index].email)
                    sink.endRow()
                }
                sink.endTable()
            }
        }

        heading(Labels.risksAndChange)
        let hasRisks = draft.risks.withUnsafeBufferPointer { allRisks in
            let risks = allRisks.indices.filter { !allRisks[$0].isEmptyValue }
            if !risks.isEmpty {
                sink.beginTable()
                header(Self.risksHeader)
                for index in risks {
                    sink.beginRow(header: false)
                    cell(allRisks[index].text)
                    cell(allRisks[index].mitigation)
                    sink.endRow()
                }
                sink.endTable()
            }
            return !risks.isEmpty
        }
        written = false
        labelled(Labels.iterations, draft.change.iterations, &written)
        labelled(Labels.peopleAffected, draft.change.peopleAffected, &written)
        labelled(Labels.legalReview, draft.compliance.legalReview.map { Labels.legal($0)(language) }, &written)
        labelled(Labels.legalNotes, draft.compliance.notes, &written)
        // With risks, the change lines are only there when one is given.
        if !written && !hasRisks { notStated() }

        Self.writeOperations(draft, language, into: &sink)

        heading(Labels.acceptance)
        let allCriteria = draft.testing.acceptanceCriteria
        if allCriteria.contains(where: { !$0.isEmptyValue }) {
            // Most drafts' criteria are all given: the list is handed on as it is, not filtered again.
            sink.checklist(
                allCriteria.contains(where: \.isEmptyValue) ? allCriteria.filter { !$0.isEmptyValue } : allCriteria)
        } else {
            notStated()
        }
        labelled(Labels.qaNotes, draft.testing.qaNotes, &written)

        draft.review.questions.withUnsafeBufferPointer { questions in
            if questions.indices.contains(where: { !questions[$0].text.isBlank }) {
                heading(Labels.itQuestions)
                sink.beginBullets()
                for index in questions.indices where !questions[index].text.isBlank {
                    sink.beginItem()
                    sink.run(
                        .strong, questions[index].isOpen ? Labels.open : Labels.answered, in: language, colon: true)
                    let by = questions[index].by.map { " (\($0))" } ?? ""
                    sink.run(.text, TicketText(" ", questions[index].text ?? "", by))
                    if let answer = questions[index].answer, !answer.isEmptyValue {
                        sink.run(.text, TicketText(" → ", answer))
                    }
                    sink.endItem()
                }
                sink.endBullets()
            }
        }

        if bodyOnly { return }
        writeFindings(item.report, language, into: &sink)
        let provenance =
            language == .en
            ? "Exported by handoff \(HandoffVersion.current) · prompt pack \(HandoffVersion.promptPack) · "
                + "draft \(item.externalID), \(item.revision)"
            : "handoff \(HandoffVersion.current) で出力 · 質問パック \(HandoffVersion.promptPack) · "
                + "ドラフト \(item.externalID)（\(item.revision)）"
        sink.paragraph(.text, provenance)
        if options.includeSource {
            heading(Labels.sourceDraft)
            // A sink that writes the code JSON-escaped takes the YAML as the item may hold it,
            // escaped in the walk that wrote it; any other, or an item without it, the YAML.
            let title = TicketDocument.sourceTitle
            if let escaped = item.sourceYAMLEscapedForJSON,
                sink.code(language: "yaml", title: title, escapedForJSON: escaped.bytes, utf8Count: escaped.count)
            {
                return
            }
            sink.code(language: "yaml", title: title, utf8: item.sourceYAMLBytes ?? SourceBlock.yamlBytes(for: draft))
        }
    }

    /// The requirement groups, in the order written, and their labels.
    private static let requirementGroups: [(Priority?, Label)] = [
        (.must, Labels.must), (.should, Labels.should), (.could, Labels.could), (.wont, Labels.wont),
        (nil, Labels.unprioritised),
    ]

    // The tables' header rows, made once rather than as an array a table.
    private static let systemsHeader = [Labels.system, Labels.change, Labels.data, Labels.personalData, Labels.owner]
    private static let milestonesHeader = [Labels.date, Labels.milestone]
    private static let metricsHeader = [
        Labels.metric, Labels.baseline, Labels.target, Labels.source, Labels.tracking, Labels.reviewOn, Labels.owner,
    ]
    private static let stakeholdersHeader = [Labels.role, Labels.name, Labels.email]
    private static let risksHeader = [Labels.risk, Labels.mitigation]

    /// The open findings of `report`, each read where it lies in the report.
    private func writeFindings<Sink: TicketDocumentSink>(
        _ report: borrowing ReadinessReport, _ language: Language, into sink: inout Sink
    ) {
        sink.heading(level: 2, Labels.findings, in: language)
        if report.findings.isEmpty {
            sink.paragraph(.text, Labels.noFindings, in: language)
            return
        }
        sink.beginParagraph()
        sink.run(.strong, report.isReady ? Labels.ready : Labels.notReady, in: language, colon: false)
        // Only the language written is formatted.
        let score = language == .en ? "score \(report.score)/100" : "スコア \(report.score)/100"
        sink.run(.text, TicketText(" · ", score))
        sink.endParagraph()
        sink.beginBullets()
        report.findings.withUnsafeBufferPointer { findings in
            for index in findings.indices {
                sink.beginItem()
                sink.run(.strong, findings[index].severity.label(language))
                sink.run(.text, " ")
                sink.run(.code, findings[index].field)
                sink.run(.text, TicketText(" ", findings[index].message, " → ", findings[index].question))
                sink.endItem()
            }
        }
        sink.endBullets()
    }
}

/// The headings and labels of the description, in both languages.
enum Labels {
    static let notStated = Label(en: "Not stated yet.", ja: "未記入。")
    static let idea = Label(en: "Idea (in the requester's words)", ja: "アイデア（依頼者の言葉のまま）")
    static let requestedBy = Label(en: "Requested by", ja: "依頼者")
    static let why = Label(en: "Why", ja: "目的")
    static let problem = Label(en: "Problem", ja: "課題")
    static let businessGoal = Label(en: "Business goal", ja: "ビジネス目標")
    static let whyNow = Label(en: "Why now", ja: "なぜ今か")
    static let value = Label(en: "Expected value", ja: "期待効果")
    static let scope = Label(en: "Scope", ja: "範囲")
    static let deliverables = Label(en: "Deliverables", ja: "成果物")
    static let requirements = Label(en: "Requirements", ja: "要件")
    static let must = Label(en: "Must have", ja: "必須（must）")
    static let should = Label(en: "Should have", ja: "推奨（should）")
    static let could = Label(en: "Could have", ja: "任意（could）")
    static let wont = Label(en: "Won't have this time", ja: "今回は対象外（wont）")
    static let unprioritised = Label(en: "Not prioritised yet", ja: "優先度未設定")
    static let outOfScope = Label(en: "Out of scope", ja: "対象外")
    static let systems = Label(en: "Affected systems", ja: "影響するシステム")
    static let system = Label(en: "System", ja: "システム")
    static let change = Label(en: "Change", ja: "変更内容")
    static let data = Label(en: "Data", ja: "データ")
    static let personalData = Label(en: "Personal data", ja: "個人データ")
    static let owner = Label(en: "Owner", ja: "担当")
    static let yes = Label(en: "yes", ja: "あり")
    static let no = Label(en: "no", ja: "なし")
    static let timeline = Label(en: "Timeline", ja: "スケジュール")
    static let launch = Label(en: "Launch", ja: "公開日")
    static let dateReason = Label(en: "Why this date", ja: "この日付の理由")
    static let date = Label(en: "Date", ja: "日付")
    static let milestone = Label(en: "Milestone", ja: "マイルストーン")
    static let success = Label(en: "Success measurement", ja: "成果の測定")
    static let kgi = Label(en: "KGI", ja: "KGI")
    static let metric = Label(en: "Metric", ja: "指標")
    static let baseline = Label(en: "Baseline", ja: "現状値")
    static let target = Label(en: "Target", ja: "目標値")
    static let source = Label(en: "Data source", ja: "データの出どころ")
    static let tracking = Label(en: "Tracking", ja: "計測方法")
    static let reviewOn = Label(en: "Review on", ja: "振り返り日")
    static let stakeholders = Label(en: "Stakeholders", ja: "関係者")
    static let role = Label(en: "Role", ja: "役割")
    static let name = Label(en: "Name", ja: "氏名")
    static let email = Label(en: "E-mail", ja: "メール")
    static let risksAndChange = Label(en: "Risks and change", ja: "リスクと変更")
    static let risk = Label(en: "Risk", ja: "リスク")
    static let mitigation = Label(en: "Mitigation", ja: "対策")
    static let iterations = Label(en: "Expected iterations", ja: "想定している見直し")
    static let peopleAffected = Label(en: "People affected", ja: "影響を受ける人")
    static let legalReview = Label(en: "Legal review", ja: "法務確認")
    static let legalNotes = Label(en: "Legal notes", ja: "法務メモ")
    static let acceptance = Label(en: "Acceptance criteria", ja: "受け入れ条件")
    static let qaNotes = Label(en: "QA notes", ja: "テストメモ")
    static let itQuestions = Label(en: "Questions from IT", ja: "IT からの質問")
    static let open = Label(en: "Open", ja: "未回答")
    static let answered = Label(en: "Answered", ja: "回答済み")
    static let findings = Label(en: "Open readiness findings", ja: "未解決の確認事項")
    static let noFindings = Label(en: "None: the request is ready.", ja: "なし。依頼は準備完了です。")
    static let ready = Label(en: "Ready", ja: "準備完了")
    static let notReady = Label(en: "Not ready (exported with --force)", ja: "未完了（--force で出力）")
    static let sourceDraft = Label(en: "Source draft", ja: "元のドラフト")

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

    /// A stakeholder's role, a label: the same few in every table.
    static func role(_ role: Role) -> Label {
        switch role {
        case .businessOwner: return RoleLabels.businessOwner
        case .approver: return RoleLabels.approver
        case .itContact: return RoleLabels.itContact
        case .legal: return RoleLabels.legal
        case .security: return RoleLabels.security
        case .sales: return RoleLabels.sales
        case .finance: return RoleLabels.finance
        case .other: return RoleLabels.other
        }
    }
}

/// The labels `Labels.role` gives.
private enum RoleLabels {
    static let businessOwner = Label(en: "Business owner", ja: "ビジネスオーナー")
    static let approver = Label(en: "Approver", ja: "承認者")
    static let itContact = Label(en: "IT contact", ja: "IT 窓口")
    static let legal = Label(en: "Legal", ja: "法務")
    static let security = Label(en: "Security", ja: "セキュリティ")
    static let sales = Label(en: "Sales", ja: "営業")
    static let finance = Label(en: "Finance", ja: "経理・財務")
    static let other = Label(en: "Other", ja: "その他")
}
