/// What the engine shows: the prompt for the question at the cursor, with its hint, default and
/// progress.
extension InterviewEngine {
    /// Lines to show before the first prompt (IT's questions, the section intro).
    public func opening() -> [InterviewResponse.Line] {
        if case .itQuestion = mode { return [.notice(text(InterviewText.itQuestionsIntro))] }
        return []
    }

    /// The question to show now; nil once the interview is over.
    public var prompt: InterviewPrompt? {
        let progress = progress
        switch mode {
        case .done: return nil
        case .summary:
            return InterviewPrompt(
                section: .review, sectionTitle: text(InterviewText.summaryTitle),
                sectionNumber: pack.sections.count, sectionCount: pack.sections.count, answered: progress.answered,
                total: progress.total, text: text(InterviewText.exportNow), hint: nil, defaultValue: nil, key: "summary")
        case .itQuestion(let index):
            let question = draft.review.questions[index]
            return InterviewPrompt(
                section: .review, sectionTitle: Section.review.heading(language), sectionNumber: 0,
                sectionCount: pack.sections.count, answered: progress.answered, total: progress.total,
                text: text(InterviewText.itAsks) + (question.by.map { " (\($0))" } ?? "") + ": " + (question.text ?? ""),
                hint: nil, defaultValue: nil, key: "review.questions[\(index)]")
        case .confirmDate(let date):
            var prompt = questionPrompt(progress)
            prompt.text = NaturalDate.spoken(date, language) + " (\(date))?"
            prompt.kind = .confirmation
            prompt.hint = nil
            prompt.defaultValue = text(InterviewText.yes)
            return prompt
        case .followUp(let key, _):
            var prompt = questionPrompt(progress)
            prompt.text = pendingFollowUp ?? ""
            prompt.kind = .followUp
            prompt.hint = text(InterviewText.followUpHint)
            prompt.defaultValue = nil
            prompt.key = key
            return prompt
        case .listing:
            var prompt = questionPrompt(progress)
            prompt.defaultValue = nil
            prompt.hint = text(InterviewText.listHint) + (listTyped == 0 ? "" : " (\(listTyped))")
            return prompt
        case .asking:
            return questionPrompt(progress)
        }
    }

    private func questionPrompt(_ progress: (answered: Int, total: Int)) -> InterviewPrompt {
        let item = currentItem
        let section = pack.sections[item.sectionIndex]
        let question = currentQuestion
        var text = question.text ?? ""
        var hint: String?
        var defaultValue = currentDefault()
        switch question.questionType {
        case .choice: hint = InterviewText.choiceHint(question.choices)
        case .list:
            if item.question.questionType == .records {
                hint = self.text(InterviewText.commaHint)
            } else if case .list(let existing)? = currentValue(), !existing.isEmpty {
                // A revisited list: its items are shown, and what is typed is added to them.
                hint = self.text(InterviewText.listKeepHint(existing.count))
            } else {
                hint = self.text(InterviewText.listHint)
            }
        case .yesNo: hint = self.text(InterviewText.yesNoHint)
        default: break
        }
        if item.question.questionType == .records {
            text = recordLabel() + " · " + text
            if cursor.field == 0 && cursor.record >= records(item.question).count {
                if cursor.record == 0, let suggestion = suggestedNames(item.question), !suggestion.isEmpty {
                    defaultValue = suggestion.joined(separator: ", ")
                    hint = self.text(InterviewText.suggestedHint)
                } else if cursor.record > 0 || !item.question.isRequired {
                    hint = self.text(InterviewText.recordHint)
                }
            }
        }
        return InterviewPrompt(
            section: Section(rawValue: section.section ?? "") ?? .idea, sectionTitle: section.title ?? "",
            sectionNumber: item.sectionIndex + 1, sectionCount: pack.sections.count, answered: progress.answered,
            total: progress.total, text: text, hint: hint, defaultValue: defaultValue, key: currentKey)
    }

    /// Prompts answered, and answered plus those that will still come: every unanswered
    /// applicable question, every missing field of the records there are, a first record's
    /// fields where there is none, and the "another one?" prompt of each records question.
    /// Follow-ups are not counted: nobody knows in advance which answers will call for one.
    public var progress: (answered: Int, total: Int) {
        var answered = 0
        var toCome = 0
        for (index, item) in items.enumerated() where applies(item.question) {
            let question = item.question
            let id = question.id ?? ""
            if question.questionType == .records {
                let list = records(question)
                if list.isEmpty {
                    if state.skipped.contains("\(id)[0].\(question.fields.first?.id ?? "")") {
                        answered += 1
                    } else {
                        toCome += question.fields.count + 1
                    }
                    continue
                }
                for (recordIndex, record) in list.enumerated() {
                    for field in question.fields where fieldApplies(field) {
                        let fieldKey = "\(id)[\(recordIndex)].\(field.id ?? "")"
                        if record[field.id ?? ""] != nil || state.skipped.contains(fieldKey) { answered += 1 } else { toCome += 1 }
                    }
                }
                // "Another one?" has been answered for the records questions behind the cursor.
                if index < cursor.item { answered += 1 } else { toCome += 1 }
                continue
            }
            if isAnswered(question) || state.skipped.contains(id) || state.unsure.contains(id) { answered += 1 } else { toCome += 1 }
        }
        return (answered, answered + toCome)
    }

    /// The current value of the question at the cursor (inside records: the record's field).
    func currentValue() -> Value? {
        guard isOnQuestion else { return nil }
        let item = currentItem.question
        return item.questionType == .records ? recordValue() : DraftPaths.value(inTree: tree, at: item.id ?? "")
    }

    func currentDefault() -> String? {
        if let value = currentValue() { return Self.display(value) }
        switch currentQuestion.suggest {
        case .ideaDate?: return hints.dates.first?.description
        case .ideaNumber?: return hints.numbers.first
        case .ideaKind?: return hints.kind?.rawValue
        default: return nil
        }
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .string(let text), .plain(let text), .number(let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .list(let items): return items.map(display).joined(separator: "; ")
        case .map(let entries): return entries.map { display($0.value) }.joined(separator: ", ")
        case .null: return ""
        }
    }

    /// A section heading when the cursor has moved into a new section.
    func announce(_ response: inout InterviewResponse) {
        guard mode == .asking || mode == .listing, isOnQuestion else { return }
        let index = currentItem.sectionIndex
        guard announcedSection != index else { return }
        announcedSection = index
        let section = pack.sections[index]
        response.lines.append(.section(section.title ?? "", section.intro))
    }

    /// The heading of the section the interview starts in.
    public func startLines() -> [InterviewResponse.Line] {
        var response = InterviewResponse()
        response.lines = opening()
        if mode == .summary {
            response.lines.append(.section(text(InterviewText.summaryTitle), nil))
            response.lines += summaryLines()
            if !settings.interactive { mode = .done }
        }
        announce(&response)
        return response.lines
    }
}
