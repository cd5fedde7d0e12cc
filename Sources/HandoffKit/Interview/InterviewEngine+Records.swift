/// Records questions (systems, stakeholders, milestones, metrics, risks): a record starts with
/// its first field, its other fields are asked in turn, Enter on a new one ends the list.
extension InterviewEngine {
    func records(_ question: PromptQuestion) -> [Value] {
        if case .list(let items)? = DraftPaths.value(inTree: tree, at: question.id ?? "") { return items }
        return []
    }

    /// Names suggested from the idea for a records question (systems), not yet in the draft.
    func suggestedNames(_ question: PromptQuestion) -> [String]? {
        guard question.suggest == .ideaSystems else { return nil }
        return hints.systems
    }

    /// What the record at the cursor is called in its questions: its name ("Salesforce"), else
    /// its first answer, else "System 2" for one that has no answer yet.
    func recordLabel() -> String {
        let question = currentItem.question
        let list = records(question)
        let numbered = (question.item ?? question.id ?? "").capitalisedFirst + " \(cursor.record + 1)"
        guard cursor.record < list.count else { return numbered }
        let record = list[cursor.record]
        if let name = record["name"].map(Self.display), !name.trimmingCharacters(in: " ").isEmpty { return name }
        if let first = question.fields.first, let value = record[first.id ?? ""] {
            let shown = Self.display(value)
            let label = first.choices.first { $0.value == shown }?.label ?? shown
            if !label.trimmingCharacters(in: " ").isEmpty { return label }
        }
        return numbered
    }

    /// The first field of a new record: a name, or Enter to finish the list.
    func startRecord(_ line: String, _ response: inout InterviewResponse) {
        let item = currentItem.question
        var names: [String] = []
        if line.isEmpty {
            if cursor.record == 0, let suggestion = suggestedNames(item), !suggestion.isEmpty {
                names = suggestion
            } else if cursor.record == 0 && item.isRequired {
                response.lines.append(.warning(text(InterviewText.required)))
                return
            } else {
                return skip(&response, quietly: true)
            }
        } else {
            names = [line]
        }
        var list = records(item)
        let first = item.fields.first
        let key = first?.id ?? "name"
        for name in names {
            var value = Value.object([(key, .string(name))])
            if first?.questionType == .choice {
                guard let choice = ChoiceReading.value(for: name, in: first?.choices ?? []) else {
                    response.lines.append(
                        .warning(text(InterviewText.chooseOne) + InterviewText.choiceHint(first?.choices ?? [])))
                    return
                }
                value = .object([(key, .plain(choice))])
            }
            list.append(value)
        }
        var changed = draft
        let errors = DraftPaths.apply(.list(list), at: item.id ?? "", to: &changed)
        if let error = errors.first {
            response.lines.append(.warning(error.message))
            return
        }
        draft = changed
        response.changed.append(currentKey)
        state.skipped.removeAll { $0 == currentKey }
        if names.count > 1 {
            response.lines.append(.notice(text(InterviewText.added) + names.joined(separator: ", ")))
        }
        advance(&response)
    }

    /// The value of the record field at the cursor.
    func recordValue() -> Value? {
        let item = currentItem.question
        guard item.questionType == .records else { return nil }
        let list = records(item)
        guard cursor.record < list.count else { return nil }
        return list[cursor.record][currentQuestion.id ?? ""]
    }
}
