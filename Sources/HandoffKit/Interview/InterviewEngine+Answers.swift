/// Reading what the marketer typed as an answer: every answer type, lists, date confirmations,
/// follow-ups, and storing through the draft's own checks.
extension InterviewEngine {
    /// What storing an answer did.
    enum StoreOutcome: Equatable {
        /// The draft changed at this key.
        case stored(String)
        /// The answer was the value already there.
        case unchanged
        /// The draft refused it, with the reason.
        case rejected(String)
    }

    /// What an answer is, before it is read as its question's type.
    enum AnswerClass: Equatable {
        case answer(String)
        /// "don't know", 「わからない」: an open point, not an answer.
        case dontKnow
        /// "TBD", 「未定」, "not sure who": it stands in for an answer that does not exist yet.
        case placeholder(String)
    }

    /// Every answer passes here before it is read and stored.
    func classify(_ line: String) -> AnswerClass {
        if InterviewText.isDontKnow(line) { return .dontKnow }
        if let placeholder = placeholders.placeholder(in: line, language: language) { return .placeholder(placeholder) }
        return .answer(line)
    }

    /// A line typed at a plain question.
    func answer(_ line: String, _ response: inout InterviewResponse) {
        guard isOnQuestion else { return enterSummary(&response) }
        let question = currentQuestion
        let item = currentItem.question
        if item.questionType == .records && cursor.field == 0 && cursor.record >= records(item).count {
            return startRecord(line, &response)
        }
        if line.isEmpty {
            if currentValue() != nil {
                // Enter keeps what is there, lists included.
                return advance(&response)
            }
            if let suggestion = currentDefault(), !suggestion.isEmpty, question.questionType != .list {
                return accept(suggestion, question: question, &response)
            }
            if question.isRequired && item.questionType != .records {
                response.lines.append(.warning(text(InterviewText.required)))
                return
            }
            return skip(&response, quietly: true)
        }
        switch classify(line) {
        case .dontKnow:
            if dontKnow(question, &response) { return }
            if question.questionType != .yesNo && question.questionType != .choice {
                return openPoint(line, question, &response)
            }
        case .placeholder:
            if question.questionType == .yesNo || question.questionType == .choice {
                if dontKnow(question, &response) { return }
            } else {
                return openPoint(line, question, &response)
            }
        case .answer: break
        }
        if question.questionType == .list && item.questionType != .records {
            mode = .listing
            return listItems(line, &response)
        }
        accept(line, question: question, &response)
    }

    /// "TBD", "I don't know" where content is needed: kept as typed where the field can hold text
    /// (the marketer's words are never dropped, and every readiness rule still treats the field as
    /// open), listed as an open point in the summary, and said back so the marketer knows IT will
    /// need it. A date or number field cannot hold it: the question is left open instead.
    private func openPoint(_ line: String, _ question: PromptQuestion, _ response: inout InterviewResponse) {
        let key = currentKey
        switch question.questionType {
        case .text, .longText:
            guard record(store(.string(line)), &response) else { return }
        case .list:
            guard record(store(.list((currentList() + [line]).map(Value.string))), &response) else { return }
        default:
            break
        }
        if !state.unsure.contains(key) { state.unsure.append(key) }
        response.lines.append(.notice(text(InterviewText.notedAsOpen(line))))
        advance(&response)
    }

    /// "Don't know" to a yes/no question (or a choice with an `unsure` value): an open point.
    /// False when the question takes it as a plain answer.
    private func dontKnow(_ question: PromptQuestion, _ response: inout InterviewResponse) -> Bool {
        if question.questionType == .choice, question.choices.contains(where: { $0.value == "unsure" }) {
            if record(store(.plain("unsure")), &response) { advance(&response) }
            return true
        }
        guard question.questionType == .yesNo else { return false }
        let key = currentKey
        if !state.unsure.contains(key) { state.unsure.append(key) }
        response.lines.append(.notice(text(InterviewText.openPoint)))
        advance(&response)
        return true
    }

    /// Reads `line` as an answer to `question` and stores it.
    func accept(_ line: String, question: PromptQuestion, _ response: inout InterviewResponse) {
        switch question.questionType {
        case .text, .longText:
            if record(store(.string(line)), &response) { afterAnswer(line, &response) }
        case .list:
            // Inside a record too, what is typed is added to the items there.
            let existing = currentList()
            let added = Self.listItems(in: line).filter { !existing.contains($0) }
            if record(store(.list((existing + added).map(Value.string))), &response) { advance(&response) }
        case .choice:
            guard let value = ChoiceReading.value(for: line, in: question.choices) else {
                response.lines.append(.warning(text(InterviewText.chooseOne) + InterviewText.choiceHint(question.choices)))
                return
            }
            if record(store(.plain(value)), &response) { advance(&response) }
        case .date:
            guard let date = NaturalDate.parse(line, today: settings.today, anchor: hints.dates.first) else {
                response.lines.append(.warning(text(InterviewText.notDate)))
                return
            }
            if settings.interactive, case .failure = CivilDate.parse(line) {
                mode = .confirmDate(date)
                return
            }
            if record(store(.plain(date.description)), &response) {
                response.lines.append(.notice("= " + NaturalDate.spoken(date, language)))
                advance(&response)
            }
        case .number:
            let compact = line.replacingOccurrences(of: ",", with: "")
            if record(store(Quantity.isNumber(compact) ? .number(compact) : .string(line)), &response) {
                afterAnswer(line, &response)
            }
        case .yesNo:
            guard let flag = Self.yesNo(line) else {
                response.lines.append(.warning(text(InterviewText.notYesNo)))
                return
            }
            if record(store(.bool(flag)), &response) { advance(&response) }
        case .records:
            // The prompt pack's checks refuse a records question without fields before it is asked.
            response.lines.append(.warning(InternalError("a records question without fields was asked").description))
        }
    }

    static func yesNo(_ line: String) -> Bool? { ChoiceReading.yesNo(line) }

    /// Items of a list typed on one line: commas separate them, the Japanese 、 and ， too —
    /// unless the line is one sentence whose commas join its clauses ("Given …, when …, then …",
    /// 「送信すると、リードが作成される」), which stays one item.
    static func listItems(in line: String) -> [String] {
        let pieces = line.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" })
            .map { String($0).trimmingCharacters(in: " \t\u{3000}") }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return pieces }
        let joinsClauses = pieces.dropFirst().contains { piece in
            let first = piece.split(separator: " ").first.map { String($0) } ?? ""
            return clauseWords.contains(first)
        } || pieces.dropLast().contains { piece in clauseEndings.contains { piece.hasSuffix($0) } }
        return joinsClauses || line.contains("。") ? [line.trimmingCharacters(in: " \t\u{3000}")] : pieces
    }

    /// Words that start the next clause of a sentence rather than a new item.
    static let clauseWords: Set<String> = [
        "when", "then", "and", "but", "so", "if", "or", "which", "that", "unless", "because", "while", "where", "with",
    ]
    /// Japanese endings that join a clause to the next one (送信すると、／あれば、／確認して、).
    static let clauseEndings = [
        "と", "ば", "て", "で", "たら", "なら", "ので", "から", "けど", "けれど", "が", "し", "り", "とき", "時", "場合", "後", "際", "ため",
    ]

    func confirmDate(_ date: CivilDate, _ line: String, _ response: inout InterviewResponse) {
        mode = .asking
        if line.isEmpty || Self.yesNo(line) == true {
            if record(store(.plain(date.description)), &response) { advance(&response) }
            return
        }
        if Self.yesNo(line) == false {
            response.lines.append(.notice(text(InterviewText.whichDate)))
            return
        }
        // Another date typed instead of yes/no.
        accept(line, question: currentQuestion, &response)
    }

    /// Items typed at a list question: added to what is there (removing is `/edit`'s job).
    func listItems(_ line: String, _ response: inout InterviewResponse) {
        if line.isEmpty { return advance(&response) }
        var list = currentList()
        let typed = Self.listItems(in: line)
        let added = typed.filter { !list.contains($0) }
        guard !added.isEmpty else {
            if !typed.isEmpty { response.lines.append(.notice(text(InterviewText.alreadyListed))) }
            return
        }
        list += added
        guard record(store(.list(list.map(Value.string))), &response) else { return }
        listTyped += added.count
        let index = list.count - 1
        let itemKey = currentKey + "[\(index)]"
        if let probe = probe(for: list[index], question: currentQuestion, key: itemKey) {
            guard settings.followUps == .ask else { return report(probe.text, &response) }
            mode = .followUp(key: itemKey, vague: probe.vague)
            pendingFollowUp = probe.text
        }
    }

    /// The items of the list question at the cursor.
    func currentList() -> [String] {
        guard case .list(let values)? = currentValue() else { return [] }
        return values.map(Self.display)
    }

    /// The reply to a follow-up: it takes the place of the vague words it asked about, or is
    /// added to the answer (in the idea, which stays verbatim, always). The answer as first
    /// typed is already in the journal.
    func followUp(_ key: String, vague: String?, _ line: String, _ response: inout InterviewResponse) {
        let itemIndex = key == currentKey ? nil : Self.trailingIndex(key)
        guard !line.isEmpty else {
            if itemIndex != nil {
                mode = .listing
            } else {
                advance(&response)
            }
            return
        }
        if InterviewText.isDontKnow(line) {
            // "?" or 「わからない」 answers the follow-up, not the question: the answer stays as
            // typed (an idea must not end in " — ?"), and its vague word stays for IT to ask about.
            response.lines.append(.notice(text(InterviewText.keptAsTyped(vague))))
            if itemIndex != nil {
                mode = .listing
            } else {
                mode = .asking
                advance(&response)
            }
            return
        }
        let verbatim = currentItem.question.id == "idea"
        if let itemIndex {
            mode = .listing
            var list = currentList()
            guard itemIndex < list.count else { return }
            list[itemIndex] = Self.revise(list[itemIndex], vague: verbatim ? nil : vague, with: line)
            _ = record(store(.list(list.map(Value.string))), &response)
            return
        }
        mode = .asking
        let current = currentValue().map(Self.display) ?? ""
        if currentQuestion.questionType == .number, vague != nil {
            // A number's follow-up asks for the number itself: the reply is the answer.
            let compact = line.replacingOccurrences(of: ",", with: "")
            _ = record(store(Quantity.isNumber(compact) ? .number(compact) : .string(line)), &response)
        } else {
            _ = record(store(.string(Self.revise(current, vague: verbatim ? nil : vague, with: line))), &response)
        }
        advance(&response)
    }

    /// `answer` with its vague words replaced by `reply`; without them, the reply added.
    static func revise(_ answer: String, vague: String?, with reply: String) -> String {
        guard let vague, let range = answer.range(of: vague, options: [.caseInsensitive]) else {
            return answer.isEmpty ? reply : answer + " — " + reply
        }
        var revised = answer
        revised.replaceSubrange(range, with: reply)
        return revised
    }

    /// 2 for `scope.deliverables[2]`.
    static func trailingIndex(_ key: String) -> Int? {
        guard key.hasSuffix("]"), let open = key.lastIndex(of: "[") else { return nil }
        return Int(key[key.index(after: open)..<key.index(before: key.endIndex)])
    }

    /// After a text answer: a follow-up if it needs one, else the next question.
    func afterAnswer(_ answer: String, _ response: inout InterviewResponse) {
        if let probe = probe(for: answer, question: currentQuestion, key: currentKey) {
            if settings.followUps == .report {
                report(probe.text, &response)
            } else {
                mode = .followUp(key: currentKey, vague: probe.vague)
                pendingFollowUp = probe.text
                return
            }
        }
        advance(&response)
    }

    /// A follow-up shown but not waited for (piped answers), so the next line stays the next
    /// question's answer.
    func report(_ followUp: String, _ response: inout InterviewResponse) {
        response.lines.append(.followUp(followUp + " " + text(InterviewText.followUpNotAsked)))
    }

    /// The follow-up `answer` calls for, once per question, worded for that question; `vague`
    /// is the vague words it asks about.
    func probe(for answer: String, question: PromptQuestion, key: String) -> (text: String, vague: String?)? {
        guard !probed.contains(key) else { return nil }
        let textual = [.text, .longText, .list, .number].contains(question.questionType)
        var probes = question.probes
        if textual && !probes.contains(where: { $0.when == .vague }) {
            var vague = PromptProbe()
            vague.when = .vague
            probes.insert(vague, at: 0)
        }
        let field = isOnQuestion && currentItem.question.questionType == .records
            ? (currentItem.question.id ?? "") + "." + (question.id ?? "") : (question.id ?? "")
        for probe in probes {
            var result: (String, String?)?
            switch probe.when {
            case .vague?:
                if let match = lexicon.matches(in: answer).first {
                    let word = answer.range(of: match.word, options: .caseInsensitive).map { String(answer[$0]) } ?? match.word
                    result = (probe.text ?? InterviewText.followUp(match.kind, word: word, field: field)(language), word)
                }
            case .short?:
                let words = answer.split(whereSeparator: \.isWhitespace).count
                let length = answer.unicodeScalars.filter { $0.value >= 0x3000 }.count / 4
                if max(words, length) < (probe.minWords ?? 5), let text = probe.text { result = (text, nil) }
            case .noNumber?:
                if !answer.contains(where: \.isNumber), let text = probe.text { result = (text, nil) }
            case nil:
                break
            }
            if let result {
                probed.insert(key)
                return result
            }
        }
        return nil
    }

    /// The text the marketer wrote in their editor after `/edit`: a list one item a line (what
    /// was deleted is removed), a one-line answer joined into one line, and said so.
    public func edited(_ text: String) -> InterviewResponse {
        var response = InterviewResponse()
        guard isOnQuestion, mode == .asking || mode == .listing else { return response }
        var value = text.replacingOccurrences(of: "\r\n", with: "\n")
        while value.last?.isNewline == true { value.removeLast() }
        let question = currentQuestion
        if question.questionType == .list {
            let lines = value.split(separator: "\n").map { String($0).trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
            mode = .asking
            if record(store(.list(lines.map(Value.string))), &response) { advance(&response) }
            announce(&response)
            return response
        }
        guard !value.isEmptyValue else { return response }
        let lines = value.split(separator: "\n", omittingEmptySubsequences: true).map { String($0).trimmingCharacters(in: " \t") }
        if question.questionType == .text, lines.count > 1 {
            value = lines.filter { !$0.isEmpty }.joined(separator: " ")
            response.lines.append(.notice(self.text(InterviewText.joinedLines(lines.count))))
        }
        guard record(store(.string(value)), &response) else { return response }
        afterAnswer(value, &response)
        announce(&response)
        return response
    }

    // MARK: Storing

    /// Writes `value` as the answer at the cursor, through the draft's own checks.
    func store(_ value: Value) -> StoreOutcome {
        guard isOnQuestion else { return .rejected("no question is being asked") }
        let item = currentItem.question
        let key = currentKey
        let before = currentValue()
        let errors: [InputError]
        if item.questionType == .records {
            var list = records(item)
            guard cursor.record < list.count, case .map(var entries) = list[cursor.record] else { return .rejected("no such record") }
            let field = currentQuestion.id ?? ""
            entries.removeAll { $0.key == field }
            entries.append(Value.Entry(field, value))
            list[cursor.record] = .map(entries)
            var changed = draft
            errors = DraftPaths.apply(.list(list), at: item.id ?? "", to: &changed)
            if errors.isEmpty { draft = changed }
        } else {
            var changed = draft
            errors = DraftPaths.apply(value, at: item.id ?? "", to: &changed)
            if errors.isEmpty { draft = changed }
        }
        if let error = errors.first { return .rejected(error.message) }
        state.skipped.removeAll { $0 == key }
        state.unsure.removeAll { $0 == key }
        return currentValue() == before ? .unchanged : .stored(key)
    }

    /// Puts what `store` did into the response; true when the answer stands.
    func record(_ outcome: StoreOutcome, _ response: inout InterviewResponse) -> Bool {
        switch outcome {
        case .stored(let key):
            response.changed.append(key)
            return true
        case .unchanged:
            response.stateChanged = true
            return true
        case .rejected(let message):
            response.lines.append(.warning(message))
            return false
        }
    }
}
