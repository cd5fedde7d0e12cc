/// What the interview needs besides the pack and the draft.
public struct InterviewSettings: Sendable {
    public var configuration: Configuration
    public var today: CivilDate
    /// A person at a terminal: natural dates are confirmed and the summary offers an export.
    /// Without one, answers come one a line and nothing waits for a confirmation.
    public var interactive: Bool

    public init(configuration: Configuration = Configuration(), today: CivilDate, interactive: Bool) {
        self.configuration = configuration
        self.today = today
        self.interactive = interactive
    }
}

/// What the front end shows for the current question.
public struct InterviewPrompt: Equatable, Sendable {
    public var section: Section
    public var sectionTitle: String
    /// 1-based position of the section among the sections, and their count.
    public var sectionNumber: Int
    public var sectionCount: Int
    /// Questions answered and asked so far, over all applicable ones.
    public var answered: Int
    public var total: Int
    public var text: String
    /// A short line under the question: choices, "one per line", what Enter does.
    public var hint: String?
    /// What an empty answer stands for, shown in brackets.
    public var defaultValue: String?
    /// The question's key (`timeline.launch`, `systems[1].change`).
    public var key: String
    /// A plain question, a follow-up about the answer just given, or a confirmation.
    public var kind: Kind = .question

    public enum Kind: Equatable, Sendable {
        case question, followUp, confirmation
    }
}

/// What happened after an input, for the front end to show and do.
public struct InterviewResponse: Equatable, Sendable {
    public enum Line: Equatable, Sendable {
        /// A section starts: its title and intro.
        case section(String, String?)
        case text(String)
        case notice(String)
        case warning(String)
        /// A follow-up question about the answer just given.
        case followUp(String)
    }

    public enum Action: Equatable, Sendable {
        case quit
        case save
        /// Open `$VISUAL`/`$EDITOR` on this text and hand the result to `InterviewEngine.edited(_:)`.
        case edit(String)
        case export(ExportFormat, path: String?)
        /// The summary has been shown; the interview is over.
        case finished
    }

    public var lines: [Line] = []
    /// Draft fields that changed: save a revision before the next question appears.
    public var changed: [String] = []
    /// The interview state (position, skips) changed.
    public var stateChanged = false
    public var action: Action?
}

/// The interview as a state machine, with no terminal in sight: it is given the answer lines and
/// slash commands the marketer types and says what to show next. The same engine runs behind
/// libedit, behind piped stdin, and in tests.
public final class InterviewEngine {
    public private(set) var draft: Draft {
        didSet { encodedDraft = nil }
    }
    /// The draft as a value tree, encoded once per change: progress, conditions and resume look up
    /// dozens of fields for every prompt.
    private var encodedDraft: Value?
    var tree: Value {
        if let encodedDraft { return encodedDraft }
        let tree = draft.encoded
        encodedDraft = tree
        return tree
    }
    public private(set) var state: InterviewState
    public let pack: PromptPack
    public let settings: InterviewSettings
    public var language: Language { pack.language }

    /// One top-level question with its section.
    struct Item {
        var sectionIndex: Int
        var question: PromptQuestion
    }

    /// Where the interview is: a question, a field of one record of a records question.
    struct Cursor: Equatable {
        var item: Int
        var record = 0
        var field = 0
    }

    /// A question waiting for something other than a plain answer.
    enum Mode: Equatable {
        case asking
        /// Items of a list question typed so far (replacing what was there).
        case listing([String])
        case confirmDate(CivilDate)
        /// A follow-up about the answer at `key`; a non-empty reply is added to it.
        case followUp(key: String)
        /// Answers to IT's questions, by index into `review.questions`.
        case itQuestion(Int)
        case summary
        case done
    }

    let items: [Item]
    var cursor: Cursor
    var mode: Mode = .asking
    /// Cursors of the questions answered, for /back.
    var trail: [Cursor] = []
    /// Keys that already had their follow-up.
    var probed: Set<String> = []
    /// Systems, dates and numbers in the marketer's own words so far (the idea is asked first, so
    /// these are worked out from the draft as it is now).
    var hints: IdeaHints {
        IdeaHints(
            texts: [draft.idea, draft.objective.whyNow, draft.title].compactMap { $0 }, configuration: settings.configuration,
            today: settings.today)
    }
    var announcedSection: Int?
    let lexicon: VagueLexicon

    public init(pack: PromptPack, draft: Draft, state: InterviewState = InterviewState(), settings: InterviewSettings) {
        self.pack = pack
        self.draft = draft
        self.state = state
        self.settings = settings
        self.items = pack.sections.enumerated().flatMap { index, section in
            section.questions.map { Item(sectionIndex: index, question: $0) }
        }
        self.lexicon = VagueLexicon(extra: settings.configuration.vagueWords)
        self.cursor = Cursor(item: 0)
        if self.draft.lang == nil { self.draft.lang = pack.language }
        self.cursor = firstUnanswered(from: Cursor(item: 0)) ?? Cursor(item: items.count)
        if let index = draft.review.questions.firstIndex(where: { $0.isOpen && !$0.text.isBlank }) {
            mode = .itQuestion(index)
        } else if cursor.item >= items.count {
            mode = .summary
        }
    }

    // MARK: - What to show

    /// Lines to show before the first prompt (IT's questions, the section intro).
    public func opening() -> [InterviewResponse.Line] {
        if case .itQuestion = mode { return [.notice(InterviewText.itQuestionsIntro(language))] }
        return []
    }

    /// The question to show now; nil once the interview is over.
    public var prompt: InterviewPrompt? {
        switch mode {
        case .done: return nil
        case .summary:
            return InterviewPrompt(
                section: .review, sectionTitle: text(Localized(en: "Summary", ja: "まとめ")),
                sectionNumber: pack.sections.count, sectionCount: pack.sections.count, answered: progress.answered,
                total: progress.total,
                text: text(
                    Localized(
                        en: "Export now? Type a format (jira-import, jira-v3, markdown …) or press Enter to finish.",
                        ja: "今すぐ出力しますか。形式（jira-import、jira-v3、markdown など）を入力するか、Enter で終了します。")),
                hint: nil, defaultValue: nil, key: "summary")
        case .itQuestion(let index):
            let question = draft.review.questions[index]
            return InterviewPrompt(
                section: .review, sectionTitle: Section.review.heading(language), sectionNumber: 0,
                sectionCount: pack.sections.count, answered: progress.answered, total: progress.total,
                text: text(InterviewText.itAsks) + (question.by.map { " (\($0))" } ?? "") + ": " + (question.text ?? ""),
                hint: nil, defaultValue: nil, key: "review.questions[\(index)]")
        case .confirmDate(let date):
            var prompt = questionPrompt()
            prompt.text = NaturalDate.spoken(date, language) + " (\(date))?"
            prompt.kind = .confirmation
            prompt.hint = nil
            prompt.defaultValue = text(Localized(en: "yes", ja: "はい"))
            return prompt
        case .followUp(let key):
            var prompt = questionPrompt()
            prompt.text = pendingFollowUp ?? ""
            prompt.kind = .followUp
            prompt.hint = text(InterviewText.followUpHint)
            prompt.defaultValue = nil
            prompt.key = key
            return prompt
        case .listing(let typed):
            var prompt = questionPrompt()
            if !typed.isEmpty { prompt.defaultValue = nil }
            prompt.hint = text(InterviewText.listHint) + (typed.isEmpty ? "" : " (\(typed.count))")
            return prompt
        case .asking:
            return questionPrompt()
        }
    }

    var pendingFollowUp: String?

    private func questionPrompt() -> InterviewPrompt {
        let item = items[cursor.item]
        let section = pack.sections[item.sectionIndex]
        let question = currentQuestion
        var text = question.text ?? ""
        var hint: String?
        var defaultValue = currentDefault()
        switch question.questionType {
        case .choice: hint = InterviewText.choiceHint(question.choices)
        case .list:
            hint = self.text(item.question.questionType == .records ? InterviewText.commaHint : InterviewText.listHint)
        case .yesNo: hint = "y/n"
        default: break
        }
        if item.question.questionType == .records {
            let label = (item.question.item ?? item.question.id ?? "").capitalisedFirst
            text = "\(label) \(cursor.record + 1) · " + text
            if cursor.field == 0 && cursor.record >= records(item.question).count {
                if cursor.record == 0, let suggestion = suggestedNames(item.question), !suggestion.isEmpty {
                    defaultValue = suggestion.joined(separator: ", ")
                    hint = self.text(Localized(en: "you mentioned these; Enter adds them", ja: "アイデアに出てきたものです。Enter で追加"))
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

    /// Answered and applicable top-level questions.
    public var progress: (answered: Int, total: Int) {
        var answered = 0
        var total = 0
        for item in items where applies(item.question) {
            total += 1
            if isAnswered(item.question) || state.skipped.contains(item.question.id ?? "") { answered += 1 }
        }
        return (answered, total)
    }

    /// Completions for what has been typed: slash commands, sections, formats, the current
    /// question's choices, catalogue systems and stakeholder roles.
    public func completions(for typed: String) -> [String] {
        var candidates: [String]
        if typed.hasPrefix("/goto ") {
            candidates = pack.sections.compactMap { $0.section }.map { "/goto " + $0 }
        } else if typed.hasPrefix("/export ") {
            candidates = ExportFormat.allCases.map { "/export " + $0.rawValue }
        } else if typed.hasPrefix("/") {
            candidates = InterviewText.commandNames
        } else {
            candidates = []
            if case .summary = mode { candidates = ExportFormat.allCases.map(\.rawValue) }
            if mode == .asking || isListing, cursor.item < items.count {
                let question = currentQuestion
                candidates += question.choices.compactMap(\.value) + question.choices.compactMap(\.label)
                if items[cursor.item].question.id == "systems" && question.id == "name" {
                    candidates += settings.configuration.systems.compactMap(\.name) + IdeaHints.knownTools
                }
                if question.id == "role" { candidates += Role.allCases.map(\.rawValue) }
            }
        }
        // A role is both a choice value and a role name: offer each candidate once.
        var seen: Set<String> = []
        return candidates.filter { $0.lowercased().hasPrefix(typed.lowercased()) && $0 != typed && seen.insert($0).inserted }
    }

    private var isListing: Bool {
        if case .listing = mode { return true }
        return false
    }

    // MARK: - Input

    /// Handles one line the marketer typed (without its line break).
    public func handle(_ input: String) -> InterviewResponse {
        let line = input.trimmingCharacters(in: " \t\r\n")
        if line.hasPrefix("/") && !line.hasPrefix("//") { return command(line) }
        var response = InterviewResponse()
        switch mode {
        case .done:
            response.action = .finished
        case .summary:
            finishSummary(line, &response)
        case .itQuestion(let index):
            answerITQuestion(index, line, &response)
        case .confirmDate(let date):
            confirmDate(date, line, &response)
        case .followUp(let key):
            followUp(key, line, &response)
        case .listing(let typed):
            listItem(typed, line, &response)
        case .asking:
            answer(line, &response)
        }
        announce(&response)
        return response
    }

    /// Names the draft once it is first saved (the id comes from its first words).
    public func assign(id: String) {
        draft.id = id
    }

    /// The text the marketer wrote in their editor after `/edit`.
    public func edited(_ text: String) -> InterviewResponse {
        var response = InterviewResponse()
        var value = text
        while value.last?.isNewline == true { value.removeLast() }
        guard !value.isEmptyValue else { return response }
        store(.string(value), &response)
        if response.changed.isEmpty { return response }
        afterAnswer(value, &response)
        announce(&response)
        return response
    }

    /// The required questions still unanswered (skipped ones included: IT still needs them), by
    /// key, for a clear message when piped answers run out.
    public var missingRequired: [String] {
        items.compactMap { item in
            guard item.question.isRequired, applies(item.question), !isAnswered(item.question) else { return nil }
            return item.question.id
        }
    }

    /// The summary shown at the end and on /check: verdict, score and what is still open.
    public func summaryLines() -> [InterviewResponse.Line] {
        let report = Readiness.check(draft, in: RuleContext(today: settings.today, configuration: settings.configuration, language: language))
        var lines: [InterviewResponse.Line] = []
        let verdict = report.isReady
            ? text(Localized(en: "Ready for IT", ja: "IT に渡せる状態です"))
            : text(Localized(en: "Not ready for IT yet", ja: "まだ IT に渡せる状態ではありません"))
        lines.append(.text(verdict + " · " + text(Localized(en: "score \(report.score)/100", ja: "スコア \(report.score)/100"))))
        let blockers = report.findings.filter { $0.severity == .blocker }
        if !blockers.isEmpty {
            lines.append(.text(text(Localized(en: "Still open:", ja: "まだ答えが必要なこと："))))
            for finding in blockers { lines.append(.text("  ✖ " + finding.question)) }
        }
        let others = report.findings.filter { $0.severity != .blocker }
        if !others.isEmpty {
            lines.append(
                .notice(
                    text(
                        Localized(
                            en: "\(others.count) more suggestion\(others.count == 1 ? "" : "s"): `handoff check` lists them.",
                            ja: "ほかに提案が\(others.count)件あります（`handoff check` で確認できます）。"))))
        }
        return lines
    }

    // MARK: - Answers

    var currentItem: Item { items[cursor.item] }

    /// The question at the cursor (a record's field question inside records).
    var currentQuestion: PromptQuestion {
        let question = items[cursor.item].question
        guard question.questionType == .records, !question.fields.isEmpty else { return question }
        return question.fields[min(cursor.field, question.fields.count - 1)]
    }

    /// The key of the question at the cursor.
    var currentKey: String { key(for: cursor) }

    func key(for cursor: Cursor) -> String {
        guard cursor.item < items.count else { return "summary" }
        let question = items[cursor.item].question
        let id = question.id ?? ""
        guard question.questionType == .records, cursor.field < question.fields.count else { return id }
        return "\(id)[\(cursor.record)].\(question.fields[cursor.field].id ?? "")"
    }

    private func answer(_ line: String, _ response: inout InterviewResponse) {
        let question = currentQuestion
        let item = currentItem.question
        if item.questionType == .records && cursor.field == 0 && cursor.record >= records(item).count {
            startRecord(line, &response)
            return
        }
        if line.isEmpty {
            if let value = currentDefault(), !value.isEmpty, question.questionType != .list {
                // Enter accepts the suggestion or keeps the current value.
                if currentValue() == nil {
                    accept(value, question: question, &response)
                } else {
                    advance(&response)
                }
                return
            }
            if question.questionType == .list, item.questionType != .records, currentDefault() != nil {
                advance(&response)
                return
            }
            if question.isRequired && item.questionType != .records {
                response.lines.append(.warning(text(InterviewText.required)))
                return
            }
            skip(&response)
            return
        }
        if question.questionType == .list && item.questionType != .records {
            mode = .listing([])
            listItem([], line, &response)
            return
        }
        accept(line, question: question, &response)
    }

    /// Reads `line` as an answer to `question` and stores it.
    private func accept(_ line: String, question: PromptQuestion, _ response: inout InterviewResponse) {
        switch question.questionType {
        case .text, .longText:
            store(.string(line), &response)
            if !response.changed.isEmpty { afterAnswer(line, &response) }
        case .list:
            let items = line.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            store(.list(items.map(Value.string)), &response)
            if !response.changed.isEmpty { advance(&response) }
        case .choice:
            guard let value = choice(line, question.choices) else {
                response.lines.append(
                    .warning(
                        text(Localized(en: "Choose one of: ", ja: "次から選んでください：")) + InterviewText.choiceHint(question.choices)))
                return
            }
            store(.plain(value), &response)
            if !response.changed.isEmpty { advance(&response) }
        case .date:
            guard let date = NaturalDate.parse(line, today: settings.today) else {
                response.lines.append(.warning(text(InterviewText.notDate)))
                return
            }
            if settings.interactive, case .failure = CivilDate.parse(line) {
                mode = .confirmDate(date)
                return
            }
            store(.plain(date.description), &response)
            if !response.changed.isEmpty {
                response.lines.append(.notice("= " + NaturalDate.spoken(date, language)))
                advance(&response)
            }
        case .number:
            let compact = line.replacingOccurrences(of: ",", with: "")
            store(Quantity.isNumber(compact) ? .number(compact) : .string(line), &response)
            if !response.changed.isEmpty { afterAnswer(line, &response) }
        case .yesNo:
            guard let flag = Self.yesNo(line) else {
                response.lines.append(.warning(text(InterviewText.notYesNo)))
                return
            }
            store(.bool(flag), &response)
            if !response.changed.isEmpty { advance(&response) }
        case .records:
            response.lines.append(.warning("records question without fields"))
        }
    }

    static func yesNo(_ line: String) -> Bool? {
        switch line.lowercased() {
        case "y", "yes", "true", "はい", "ええ", "うん", "ある", "あり": return true
        case "n", "no", "false", "いいえ", "いや", "ない", "なし": return false
        default: return nil
        }
    }

    private func choice(_ line: String, _ choices: [PromptChoice]) -> String? {
        if let number = Int(line), (1...choices.count).contains(number) { return choices[number - 1].value }
        let lowered = line.lowercased()
        if let exact = choices.first(where: { $0.value?.lowercased() == lowered || $0.label?.lowercased() == lowered }) {
            return exact.value
        }
        if let yes = Self.yesNo(line), let match = choices.first(where: { $0.value == (yes ? "yes" : "no") }) {
            return match.value
        }
        let prefixed = choices.filter { ($0.label ?? "").lowercased().hasPrefix(lowered) || ($0.value ?? "").hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0].value : nil
    }

    private func confirmDate(_ date: CivilDate, _ line: String, _ response: inout InterviewResponse) {
        if line.isEmpty || Self.yesNo(line) == true {
            mode = .asking
            store(.plain(date.description), &response)
            if !response.changed.isEmpty { advance(&response) }
            return
        }
        mode = .asking
        if Self.yesNo(line) == false {
            response.lines.append(.notice(text(Localized(en: "Which date, then?", ja: "では、いつですか。"))))
            return
        }
        // Another date typed instead of yes/no.
        accept(line, question: currentQuestion, &response)
    }

    private func listItem(_ typed: [String], _ line: String, _ response: inout InterviewResponse) {
        if line.isEmpty {
            mode = .asking
            advance(&response)
            return
        }
        let items = typed + [line]
        mode = .listing(items)
        store(.list(items.map(Value.string)), &response)
        if response.changed.isEmpty {
            mode = .listing(typed)
            return
        }
        if let probe = probe(for: line, question: currentQuestion, key: currentKey + "[\(items.count - 1)]") {
            pendingFollowUp = probe
            mode = .followUp(key: currentKey + "[\(items.count - 1)]")
            listAfterFollowUp = items
        }
    }

    var listAfterFollowUp: [String]?

    private func followUp(_ key: String, _ line: String, _ response: inout InterviewResponse) {
        pendingFollowUp = nil
        if let items = listAfterFollowUp {
            listAfterFollowUp = nil
            var updated = items
            if !line.isEmpty { updated[updated.count - 1] += " — " + line }
            mode = .listing(updated)
            if !line.isEmpty { store(.list(updated.map(Value.string)), &response) }
            return
        }
        mode = .asking
        if !line.isEmpty, case .string(let current)? = currentValue() {
            store(.string(current + " — " + line), &response)
        }
        advance(&response)
    }

    /// After a text answer: a follow-up if it needs one, else the next question.
    private func afterAnswer(_ answer: String, _ response: inout InterviewResponse) {
        if let probe = probe(for: answer, question: currentQuestion, key: currentKey) {
            pendingFollowUp = probe
            mode = .followUp(key: currentKey)
            return
        }
        advance(&response)
    }

    /// The follow-up `answer` calls for, once per question.
    func probe(for answer: String, question: PromptQuestion, key: String) -> String? {
        guard !probed.contains(key) else { return nil }
        let textual = [.text, .longText, .list, .number].contains(question.questionType)
        var probes = question.probes
        if textual && !probes.contains(where: { $0.when == .vague }) {
            var vague = PromptProbe()
            vague.when = .vague
            probes.insert(vague, at: 0)
        }
        for probe in probes {
            var result: String?
            switch probe.when {
            case .vague?:
                if let match = lexicon.matches(in: answer).first { result = probe.text ?? match.kind.followUp(match.word)(language) }
            case .short?:
                let words = answer.split(whereSeparator: \.isWhitespace).count
                let length = answer.unicodeScalars.filter { $0.value >= 0x3000 }.count / 4
                if max(words, length) < (probe.minWords ?? 5) { result = probe.text }
            case .noNumber?:
                if !answer.contains(where: \.isNumber) { result = probe.text }
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

    // MARK: Records

    func records(_ question: PromptQuestion) -> [Value] {
        if case .list(let items)? = DraftPaths.value(inTree: tree, at: question.id ?? "") { return items }
        return []
    }

    /// Names suggested from the idea for a records question (systems), not yet in the draft.
    func suggestedNames(_ question: PromptQuestion) -> [String]? {
        guard question.suggest == .ideaSystems else { return nil }
        return hints.systems
    }

    /// The first field of a new record: a name, or Enter to finish the list.
    private func startRecord(_ line: String, _ response: inout InterviewResponse) {
        let item = currentItem.question
        var names: [String] = []
        if line.isEmpty {
            if cursor.record == 0, let suggestion = suggestedNames(item), !suggestion.isEmpty {
                names = suggestion
            } else if cursor.record == 0 && item.isRequired {
                response.lines.append(.warning(text(InterviewText.required)))
                return
            } else {
                nextQuestion(&response)
                return
            }
        } else {
            names = [line]
        }
        var list = records(item)
        let key = item.fields.first?.id ?? "name"
        for name in names {
            var value = Value.object([(key, .string(name))])
            if key == "role", let role = choice(name, item.fields.first?.choices ?? []) {
                value = .object([(key, .plain(role))])
            }
            list.append(value)
        }
        let errors = DraftPaths.apply(.list(list), at: item.id ?? "", to: &draft)
        if let error = errors.first {
            response.lines.append(.warning(error.message))
            return
        }
        response.changed.append(currentKey)
        if names.count > 1 {
            response.lines.append(.notice(text(Localized(en: "Added: ", ja: "追加しました：")) + names.joined(separator: ", ")))
        }
        trail.append(cursor)
        cursor.field = 1
        if cursor.field >= item.fields.count || !recordFieldApplies() { advance(&response, recordTrail: false) }
    }

    /// The value of the record field at the cursor.
    func recordValue() -> Value? {
        let item = currentItem.question
        guard item.questionType == .records else { return nil }
        let list = records(item)
        guard cursor.record < list.count else { return nil }
        return list[cursor.record][currentQuestion.id ?? ""]
    }

    private func recordFieldApplies() -> Bool {
        guard let condition = currentQuestion.when, let parsed = try? Condition.parse(condition) else { return true }
        return parsed.holds(inTree: tree)
    }

    // MARK: Storing

    /// The current value of the question at the cursor (inside records: the record's field).
    func currentValue() -> Value? {
        let item = currentItem.question
        return item.questionType == .records ? recordValue() : DraftPaths.value(inTree: tree, at: item.id ?? "")
    }

    /// Writes `value` as the answer at the cursor, through the draft's own checks.
    private func store(_ value: Value, _ response: inout InterviewResponse) {
        let item = currentItem.question
        let errors: [InputError]
        if item.questionType == .records {
            var list = records(item)
            guard cursor.record < list.count, case .map(var entries) = list[cursor.record] else { return }
            let field = currentQuestion.id ?? ""
            entries.removeAll { $0.key == field }
            entries.append(Value.Entry(field, value))
            list[cursor.record] = .map(entries)
            errors = DraftPaths.apply(.list(list), at: item.id ?? "", to: &draft)
        } else {
            errors = DraftPaths.apply(value, at: item.id ?? "", to: &draft)
        }
        if let error = errors.first {
            response.lines.append(.warning(error.message))
            return
        }
        response.changed.append(currentKey)
        state.skipped.removeAll { $0 == currentKey }
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

    // MARK: Moving

    func applies(_ question: PromptQuestion) -> Bool {
        guard let condition = question.when, let parsed = try? Condition.parse(condition) else { return true }
        return parsed.holds(inTree: tree)
    }

    func isAnswered(_ question: PromptQuestion) -> Bool {
        guard let id = question.id else { return true }
        // A records question counts once it has a record; its missing fields are asked in turn.
        if question.questionType == .records { return !records(question).isEmpty }
        return DraftPaths.value(inTree: tree, at: id) != nil
    }

    func fieldApplies(_ field: PromptQuestion) -> Bool {
        guard let condition = field.when, let parsed = try? Condition.parse(condition) else { return true }
        return parsed.holds(inTree: tree)
    }

    /// The first question from `start` on that applies, is unanswered and was not skipped.
    func firstUnanswered(from start: Cursor) -> Cursor? {
        var index = start.item
        while index < items.count {
            let question = items[index].question
            defer { index += 1 }
            guard applies(question), let id = question.id else { continue }
            if question.questionType == .records {
                let list = records(question)
                for (recordIndex, record) in list.enumerated() {
                    for (fieldIndex, field) in question.fields.enumerated() where record[field.id ?? ""] == nil {
                        let key = "\(id)[\(recordIndex)].\(field.id ?? "")"
                        if !state.skipped.contains(key) && fieldApplies(field) {
                            return Cursor(item: index, record: recordIndex, field: fieldIndex)
                        }
                    }
                }
                if list.isEmpty && !state.skipped.contains("\(id)[0].\(question.fields.first?.id ?? "")") {
                    return Cursor(item: index)
                }
                continue
            }
            if DraftPaths.value(inTree: tree, at: id) == nil && !state.skipped.contains(id) {
                return Cursor(item: index)
            }
        }
        return nil
    }

    /// On to the next question (or the next field of the current record).
    private func advance(_ response: inout InterviewResponse, recordTrail: Bool = true) {
        mode = .asking
        let item = currentItem.question
        if recordTrail { trail.append(cursor) }
        if item.questionType == .records {
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
                    next.field = 0
                    break
                }
                if next.field == 0 { continue }
                let field = item.fields[next.field]
                let unanswered = list[next.record][field.id ?? ""] == nil
                if unanswered && !state.skipped.contains(key(for: next)) && fieldApplies(field) { break }
            }
            cursor = next
            response.stateChanged = true
            state.position = currentKey
            return
        }
        nextQuestion(&response)
    }

    /// Leaves the current top-level question for the next unanswered one, or the summary.
    private func nextQuestion(_ response: inout InterviewResponse) {
        mode = .asking
        response.stateChanged = true
        if let next = firstUnanswered(from: Cursor(item: cursor.item + 1)) {
            cursor = next
            state.position = currentKey
        } else {
            cursor = Cursor(item: items.count)
            enterSummary(&response)
        }
    }

    private func enterSummary(_ response: inout InterviewResponse) {
        state.finished = true
        state.position = nil
        response.stateChanged = true
        response.lines.append(.section(text(Localized(en: "Summary", ja: "まとめ")), nil))
        response.lines += summaryLines()
        if settings.interactive {
            mode = .summary
        } else {
            mode = .done
            response.action = .finished
        }
    }

    private func finishSummary(_ line: String, _ response: inout InterviewResponse) {
        mode = .done
        if line.isEmpty {
            response.action = .finished
            return
        }
        guard let format = ExportFormat(rawValue: line.lowercased()) else {
            mode = .summary
            response.lines.append(
                .warning(
                    text(Localized(en: "Not a format. Choose one of: ", ja: "形式が違います。次から選んでください："))
                        + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))
            return
        }
        response.action = .export(format, path: nil)
    }

    private func skip(_ response: inout InterviewResponse) {
        let key = currentKey
        if !state.skipped.contains(key) { state.skipped.append(key) }
        response.stateChanged = true
        let item = currentItem.question
        if item.questionType == .records && cursor.field == 0 && cursor.record >= records(item).count {
            nextQuestion(&response)
        } else {
            advance(&response)
        }
    }

    private func answerITQuestion(_ index: Int, _ line: String, _ response: inout InterviewResponse) {
        if !line.isEmpty {
            var question = draft.review.questions[index]
            question.answer = line
            question.answered = true
            draft.review.questions[index] = question
            response.changed.append("review.questions[\(index)].answer")
        }
        if let next = draft.review.questions.indices.first(where: {
            $0 > index && draft.review.questions[$0].isOpen && !draft.review.questions[$0].text.isBlank
        }) {
            mode = .itQuestion(next)
        } else if cursor.item < items.count {
            mode = .asking
        } else {
            enterSummary(&response)
        }
    }

    /// A section heading when the cursor has moved into a new section.
    private func announce(_ response: inout InterviewResponse) {
        guard mode == .asking || isListing, cursor.item < items.count else { return }
        let index = items[cursor.item].sectionIndex
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
            response.lines.append(.section(text(Localized(en: "Summary", ja: "まとめ")), nil))
            response.lines += summaryLines()
            if !settings.interactive { mode = .done }
        }
        announce(&response)
        return response.lines
    }

    // MARK: - Slash commands

    private func command(_ line: String) -> InterviewResponse {
        var response = InterviewResponse()
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let name = parts[0].lowercased()
        let inQuestion = (mode == .asking || isListing) && cursor.item < items.count
        // /why and /example also answer during a follow-up or a date confirmation.
        let aboutQuestion: Bool
        switch mode {
        case .asking, .listing, .followUp, .confirmDate: aboutQuestion = cursor.item < items.count
        default: aboutQuestion = false
        }
        switch name {
        case "/help":
            response.lines.append(.text(text(Localized(en: "Commands:", ja: "コマンド："))))
            for (command, summary) in InterviewText.commands { response.lines.append(.text("  \(command) — \(summary(language))")) }
            response.lines.append(
                .notice(text(Localized(en: "Ctrl-C clears the line · Ctrl-D saves and leaves · Tab completes", ja: "Ctrl-C で行を消去 · Ctrl-D で保存して終了 · Tab で補完"))))
        case "/why":
            response.lines.append(
                .text(
                    aboutQuestion
                        ? (currentQuestion.why ?? items[cursor.item].question.why ?? "")
                        : text(Localized(en: "Nothing is being asked right now.", ja: "今は質問していません。"))))
        case "/example":
            response.lines.append(
                .text(
                    aboutQuestion
                        ? text(Localized(en: "For example: ", ja: "例：")) + (currentQuestion.example ?? items[cursor.item].question.example ?? "")
                        : text(Localized(en: "Nothing is being asked right now.", ja: "今は質問していません。"))))
        case "/back":
            guard let previous = trail.popLast() else {
                response.lines.append(.notice(text(InterviewText.atStart)))
                break
            }
            cursor = previous
            mode = .asking
            response.stateChanged = true
        case "/skip":
            if inQuestion {
                mode = .asking
                skip(&response)
                response.lines.insert(.notice(text(InterviewText.skipped)), at: 0)
            } else if case .itQuestion(let index) = mode {
                answerITQuestion(index, "", &response)
            }
        case "/goto":
            goto(parts.dropFirst().joined(separator: " "), &response)
        case "/show":
            response.lines.append(.text(YAMLWriter.document(draft.encoded)))
        case "/check":
            response.lines += summaryLines()
        case "/edit":
            let question = currentQuestion
            guard inQuestion, [.text, .longText].contains(question.questionType) else {
                response.lines.append(.warning(text(InterviewText.nothingToEdit)))
                break
            }
            response.action = .edit(currentDefault() ?? "")
        case "/export":
            guard parts.count >= 2, let format = ExportFormat(rawValue: parts[1].lowercased()) else {
                response.lines.append(
                    .warning("/export FORMAT [PATH] — " + ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))
                break
            }
            response.action = .export(format, path: parts.count >= 3 ? parts[2...].joined(separator: " ") : nil)
        case "/save":
            response.action = .save
        case "/quit", "/exit":
            response.action = .quit
        default:
            var message = text(Localized(en: "Unknown command \(name).", ja: "\(name) というコマンドはありません。"))
            if let nearest = Spelling.nearest(to: name, in: InterviewText.commandNames) {
                message += " " + text(Localized(en: "Did you mean \(nearest)?", ja: "\(nearest) のことですか。"))
            }
            message += " " + text(Localized(en: "/help lists them.", ja: "/help で一覧を表示します。"))
            response.lines.append(.warning(message))
        }
        announce(&response)
        return response
    }

    private func goto(_ target: String, _ response: inout InterviewResponse) {
        let wanted = target.lowercased()
        let names = pack.sections.map { ($0.section ?? "", $0.title ?? "") }
        let index = names.firstIndex { $0.0 == wanted || $0.1.lowercased() == wanted }
            ?? Spelling.nearest(to: wanted, in: names.map(\.0)).flatMap { name in names.firstIndex { $0.0 == name } }
        guard let index, let first = items.firstIndex(where: { $0.sectionIndex == index }) else {
            response.lines.append(
                .warning(
                    text(Localized(en: "Sections: ", ja: "セクション：")) + names.map(\.0).joined(separator: ", ")))
            return
        }
        trail.append(cursor)
        cursor = Cursor(item: first)
        mode = .asking
        announcedSection = nil
        response.stateChanged = true
        state.position = currentKey
    }

    func text(_ localized: Localized) -> String { localized(language) }
}

extension String {
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
