/// Moving through the interview: which question comes next, `/skip`, `/goto`, `/back`. The
/// cursor only moves through `move(to:)`, so it is always on a question that exists or past the
/// last one (the summary); nothing here reads `items` without checking that.
extension InterviewEngine {
    /// The cursor is on a question (not past the last one, in the summary).
    var isOnQuestion: Bool { cursor.item >= 0 && cursor.item < items.count }

    /// Only valid while `isOnQuestion`; every caller checks.
    var currentItem: Item { items[cursor.item] }

    /// The question at the cursor (a record's field question inside records).
    var currentQuestion: PromptQuestion {
        guard isOnQuestion else { return PromptQuestion() }
        let question = items[cursor.item].question
        guard question.questionType == .records, !question.fields.isEmpty else { return question }
        return question.fields[min(max(cursor.field, 0), question.fields.count - 1)]
    }

    /// The key of the question at the cursor.
    var currentKey: String { key(for: cursor) }

    func key(for cursor: Cursor) -> String {
        guard cursor.item >= 0, cursor.item < items.count else { return "summary" }
        let question = items[cursor.item].question
        let id = question.id ?? ""
        guard question.questionType == .records, cursor.field >= 0, cursor.field < question.fields.count else { return id }
        return "\(id)[\(cursor.record)].\(question.fields[cursor.field].id ?? "")"
    }

    /// The cursor for a key (`scope.out_of_scope`, `systems[1].change`, `systems.change` for the
    /// first record's field, `systems` for its first field); nil when nothing is asked there.
    func cursor(forKey key: String) -> Cursor? {
        var id = key
        var record = 0
        var field: String?
        if let open = key.firstIndex(of: "["), let close = key.firstIndex(of: "]"), open < close {
            id = String(key[..<open])
            guard let number = Int(key[key.index(after: open)..<close]), number >= 0 else { return nil }
            record = number
            let rest = key[key.index(after: close)...]
            field = rest.hasPrefix(".") ? String(rest.dropFirst()) : nil
        }
        if let index = items.firstIndex(where: { $0.question.id == id }) {
            let question = items[index].question
            guard question.questionType == .records else { return record == 0 && field == nil ? Cursor(item: index) : nil }
            guard record <= records(question).count else { return nil }
            guard let field else { return Cursor(item: index, record: record) }
            guard let fieldIndex = question.fields.firstIndex(where: { $0.id == field }) else { return nil }
            // Only a record that exists has fields beyond the first to ask.
            if fieldIndex > 0 && record >= records(question).count { return nil }
            return Cursor(item: index, record: record, field: fieldIndex)
        }
        // `systems.change`: a field of the first record.
        for (index, item) in items.enumerated() where item.question.questionType == .records {
            let prefix = (item.question.id ?? "") + "."
            guard key.hasPrefix(prefix), record == 0 else { continue }
            let name = String(key.dropFirst(prefix.count))
            guard let fieldIndex = item.question.fields.firstIndex(where: { $0.id == name }) else { continue }
            if fieldIndex > 0 && records(item.question).isEmpty { return Cursor(item: index) }
            return Cursor(item: index, record: 0, field: fieldIndex)
        }
        return nil
    }

    /// Puts the cursor at `target` (past the last question: the summary's place). The question
    /// left behind is remembered for `/back` unless `remember` is false (`/back` itself).
    func move(to target: Cursor, remember: Bool = true) {
        var target = target
        if target.item < 0 || target.item > items.count { target = Cursor(item: items.count) }
        if remember, isOnQuestion, key(for: target) != currentKey || target.item >= items.count {
            let left = currentKey
            if state.asked.last != left { state.asked.append(left) }
            if state.asked.count > Self.rememberedQuestions { state.asked.removeFirst(state.asked.count - Self.rememberedQuestions) }
        }
        if target != cursor { listTyped = 0 }
        cursor = target
        state.position = target.item < items.count ? currentKey : nil
    }

    /// Enough for `/back` through a whole interview more than once.
    static let rememberedQuestions = 300

    func applies(_ question: PromptQuestion) -> Bool {
        guard let condition = question.when else { return true }
        let parsed: Condition?
        if let cached = conditions[condition] {
            parsed = cached
        } else {
            parsed = try? Condition.parse(condition)
            conditions[condition] = .some(parsed)
        }
        // The pack was validated when it was loaded; a condition that still does not parse asks.
        return parsed?.holds(inTree: tree) ?? true
    }

    func isAnswered(_ question: PromptQuestion) -> Bool {
        guard let id = question.id else { return true }
        // A records question counts once it has a record; its missing fields are asked in turn.
        if question.questionType == .records { return !records(question).isEmpty }
        return DraftPaths.value(inTree: tree, at: id) != nil
    }

    func fieldApplies(_ field: PromptQuestion) -> Bool { applies(field) }

    /// The first question from item `start` on that applies, is unanswered, was not skipped and
    /// was not answered "don't know".
    func firstUnanswered(from start: Int) -> Cursor? {
        var index = max(start, 0)
        while index < items.count {
            let question = items[index].question
            defer { index += 1 }
            guard applies(question), let id = question.id else { continue }
            if question.questionType == .records {
                let list = records(question)
                for (recordIndex, record) in list.enumerated() {
                    for (fieldIndex, field) in question.fields.enumerated() where record[field.id ?? ""] == nil {
                        let key = "\(id)[\(recordIndex)].\(field.id ?? "")"
                        if !isSettled(key) && fieldApplies(field) {
                            return Cursor(item: index, record: recordIndex, field: fieldIndex)
                        }
                    }
                }
                if list.isEmpty && !isSettled("\(id)[0].\(question.fields.first?.id ?? "")") {
                    return Cursor(item: index)
                }
                continue
            }
            if DraftPaths.value(inTree: tree, at: id) == nil && !isSettled(id) {
                return Cursor(item: index)
            }
        }
        return nil
    }

    /// Skipped, or answered "don't know": not asked again unless the marketer goes there.
    func isSettled(_ key: String) -> Bool { state.skipped.contains(key) || state.unsure.contains(key) }

    /// On to the next question (or the next field of the current record).
    func advance(_ response: inout InterviewResponse) {
        mode = .asking
        response.stateChanged = true
        guard isOnQuestion else { return enterSummary(&response) }
        let item = currentItem.question
        guard item.questionType == .records else { return nextQuestion(&response) }
        // The next field of this record that is unanswered, applicable and not skipped; then the
        // same in the records after it; after the last record, a new one starts with its first field.
        let list = records(item)
        var next = cursor
        while true {
            next.field += 1
            if next.field >= item.fields.count {
                next.record += 1
                next.field = 0
            }
            if next.record >= list.count {
                next = Cursor(item: cursor.item, record: list.count, field: 0)
                break
            }
            if next.field == 0 { continue }
            let field = item.fields[next.field]
            let unanswered = list[next.record][field.id ?? ""] == nil
            if unanswered && !isSettled(key(for: next)) && fieldApplies(field) { break }
        }
        move(to: next)
    }

    /// Leaves the current top-level question: after `/goto` or `/back`, for the next question of
    /// the section being walked through; then for the next unanswered one after it, then for one
    /// left unanswered before it; then the summary.
    func nextQuestion(_ response: inout InterviewResponse) {
        mode = .asking
        response.stateChanged = true
        let from = isOnQuestion ? cursor.item + 1 : items.count
        if let walking = walkingSection {
            if from < items.count,
                let next = (from..<items.count).first(where: { items[$0].sectionIndex == walking && applies(items[$0].question) })
            {
                return move(to: Cursor(item: next))
            }
            walkingSection = nil
        }
        if let next = firstUnanswered(from: from) ?? firstUnanswered(from: 0) {
            move(to: next)
        } else {
            move(to: Cursor(item: items.count))
            enterSummary(&response)
        }
    }

    /// `/skip` or Enter on an optional question: left for later, listed in the summary.
    func skip(_ response: inout InterviewResponse, quietly: Bool = false) {
        guard isOnQuestion else { return }
        let key = currentKey
        let item = currentItem.question
        let endsRecords = item.questionType == .records && cursor.field == 0 && cursor.record >= records(item).count
        // Enter on "another one?" ends the list; only a first record that never came is pending.
        if !endsRecords || cursor.record == 0, !state.skipped.contains(key) {
            state.skipped.append(key)
            if !quietly { response.lines.append(.notice(text(InterviewText.skipped(key)))) }
        }
        response.stateChanged = true
        if endsRecords { nextQuestion(&response) } else { advance(&response) }
    }

    /// `/goto SECTION` or `/goto FIELD`: that question next, then on from there in order.
    func goto(_ target: String, _ response: inout InterviewResponse) {
        let wanted = target.trimmingCharacters(in: " ").lowercased()
        let names = pack.sections.map { ($0.section ?? "", $0.title ?? "") }
        var destination: Cursor?
        if let index = names.firstIndex(where: { $0.0 == wanted || $0.1.lowercased() == wanted }) {
            destination = firstQuestion(ofSection: index)
        } else if let cursor = cursor(forKey: wanted) ?? cursor(forKey: target.trimmingCharacters(in: " ")) {
            destination = cursor
        } else if !wanted.isEmpty,
            let nearest = Spelling.nearest(to: wanted, in: names.map(\.0) + items.compactMap { $0.question.id })
        {
            if let index = names.firstIndex(where: { $0.0 == nearest }) {
                destination = firstQuestion(ofSection: index)
            } else {
                destination = cursor(forKey: nearest)
            }
        }
        guard let destination, destination.item < items.count else {
            response.lines.append(
                .warning(text(InterviewText.gotoTargets(names.map(\.0).joined(separator: ", ")))))
            return
        }
        move(to: destination)
        walkingSection = items[destination.item].sectionIndex
        mode = .asking
        announcedSection = nil
        response.stateChanged = true
        if !applies(currentItem.question) {
            response.lines.append(.notice(text(InterviewText.notAskedHere)))
        }
    }

    private func firstQuestion(ofSection index: Int) -> Cursor? {
        let inSection = items.indices.filter { items[$0].sectionIndex == index }
        guard let first = inSection.first(where: { applies(items[$0].question) }) ?? inSection.first else { return nil }
        return Cursor(item: first)
    }

    /// `/back`: the question asked before this one, on resume too.
    func back(_ response: inout InterviewResponse) {
        let here = isOnQuestion && mode != .summary ? currentKey : nil
        while let previous = state.asked.popLast() {
            guard previous != here, let target = cursor(forKey: previous) else { continue }
            move(to: target, remember: false)
            walkingSection = items[target.item].sectionIndex
            mode = .asking
            response.stateChanged = true
            return
        }
        response.lines.append(.notice(text(InterviewText.atStart)))
    }
}
