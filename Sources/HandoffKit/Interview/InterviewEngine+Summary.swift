/// The end of the interview: verdict, score, what is still open, what was skipped, and the
/// offer to export.
extension InterviewEngine {
    /// The summary shown at the end and on /check.
    public func summaryLines() -> [InterviewResponse.Line] {
        let report = Readiness.check(draft, in: RuleContext(today: settings.today, configuration: settings.configuration, language: language))
        var lines: [InterviewResponse.Line] = []
        let verdict = report.isReady ? text(InterviewText.ready) : text(InterviewText.notReady)
        lines.append(.text(verdict + " · " + text(InterviewText.score(report.score))))
        let blockers = report.findings.filter { $0.severity == .blocker }
        if !blockers.isEmpty {
            lines.append(.text(text(InterviewText.stillOpen)))
            for finding in blockers { lines.append(.text("  ✖ " + finding.question)) }
        }
        let skipped = state.skipped.filter(isStillPending)
        if !skipped.isEmpty {
            lines.append(.text(text(InterviewText.skippedHeading)))
            for key in skipped { lines.append(.text("  · " + describe(key) + "  (/goto \(key))")) }
        }
        let unsure = state.unsure.filter(isStillPending)
        if !unsure.isEmpty {
            lines.append(.text(text(InterviewText.unsureHeading)))
            for key in unsure { lines.append(.text("  ? " + describe(key) + "  (/goto \(key))")) }
        }
        let others = report.findings.filter { $0.severity != .blocker }
        if !others.isEmpty { lines.append(.notice(text(InterviewText.moreSuggestions(others.count)))) }
        return lines
    }

    /// A key still unanswered and still asked (a later answer may have made it moot).
    private func isStillPending(_ key: String) -> Bool {
        guard let target = cursor(forKey: key), target.item < items.count else { return false }
        let item = items[target.item].question
        guard applies(item) else { return false }
        if item.questionType == .records {
            let list = records(item)
            guard target.record < list.count else { return list.isEmpty }
            let field = item.fields[min(target.field, item.fields.count - 1)]
            return isOpen(list[target.record][field.id ?? ""])
        }
        return isOpen(DraftPaths.value(inTree: tree, at: item.id ?? ""))
    }

    /// No answer, or one that only stands in for an answer ("TBD", 「未定」).
    private func isOpen(_ value: Value?) -> Bool {
        switch value {
        case nil, .null: return true
        case .string(let text), .plain(let text): return placeholders.placeholder(in: text, language: language) != nil
        case .list(let items): return items.isEmpty || items.contains { isOpen($0) }
        default: return false
        }
    }

    /// The question behind a key, in the marketer's words.
    private func describe(_ key: String) -> String {
        guard let target = cursor(forKey: key), target.item < items.count else { return key }
        let item = items[target.item].question
        guard item.questionType == .records, !item.fields.isEmpty else { return item.text ?? key }
        let field = item.fields[min(target.field, item.fields.count - 1)]
        let list = records(item)
        let name = target.record < list.count ? list[target.record]["name"].map(Self.display) : nil
        return [name ?? item.text, field.text].compactMap { $0 }.joined(separator: " · ")
    }

    func enterSummary(_ response: inout InterviewResponse) {
        move(to: Cursor(item: items.count))
        walkingSection = nil
        state.finished = true
        state.position = nil
        response.stateChanged = true
        response.lines.append(.section(text(InterviewText.summaryTitle), nil))
        response.lines += summaryLines()
        if settings.interactive {
            mode = .summary
        } else {
            mode = .done
            response.action = .finished
        }
    }

    func finishSummary(_ line: String, _ response: inout InterviewResponse) {
        mode = .done
        if line.isEmpty {
            response.action = .finished
            return
        }
        guard let format = ExportFormat(rawValue: line.lowercased()) else {
            mode = .summary
            response.lines.append(.warning(text(InterviewText.notFormat) + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        response.action = .export(format, path: nil)
    }
}
