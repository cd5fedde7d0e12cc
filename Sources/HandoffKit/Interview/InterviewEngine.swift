/// What the interview needs besides the pack and the draft.
public struct InterviewSettings: Sendable {
    /// The organisation's settings: the catalogue, extra vague words and placeholders.
    public var configuration: Configuration
    /// The date natural dates ("next Friday") are read against and date hints are kept from.
    public var today: CivilDate
    /// A person at a terminal: natural dates are confirmed and the summary offers an export.
    /// Without one, answers come one a line and nothing waits for a confirmation.
    public var interactive: Bool
    /// Whether follow-ups wait for a reply. Piped answers come one a line in a fixed order, so
    /// there a follow-up is only reported: it must never take the next answer as its reply.
    public var followUps: FollowUps

    /// `ask`: the follow-up waits for the marketer's reply; `report`: it is shown and the next line
    /// is the next answer.
    public enum FollowUps: Sendable {
        case ask, report
    }

    /// Settings with the defaults: the default configuration and follow-ups that wait for a reply.
    public init(configuration: Configuration = Configuration(), today: CivilDate, interactive: Bool, followUps: FollowUps = .ask) {
        self.configuration = configuration
        self.today = today
        self.interactive = interactive
        self.followUps = followUps
    }
}

/// What the front end shows for the current question.
public struct InterviewPrompt: Equatable, Sendable {
    /// The section the question belongs to.
    public var section: Section
    /// The section's heading, in the pack's language.
    public var sectionTitle: String
    /// 1-based position of the section among the sections, and their count.
    public var sectionNumber: Int
    /// How many sections there are.
    public var sectionCount: Int
    /// Prompts answered so far, over those answered plus those still to come.
    public var answered: Int
    /// Prompts answered plus those still to come; it changes as answers make questions apply or not.
    public var total: Int
    /// The question as the marketer reads it.
    public var text: String
    /// A short line under the question: choices, "one per line", what Enter does.
    public var hint: String?
    /// What an empty answer stands for, shown in brackets.
    public var defaultValue: String?
    /// The question's key (`timeline.launch`, `systems[1].change`).
    public var key: String
    /// A plain question, a follow-up about the answer just given, or a confirmation.
    public var kind: Kind = .question

    /// A plain question, a follow-up about the answer just given, or a confirmation (of a date read
    /// from natural words).
    public enum Kind: Equatable, Sendable {
        case question, followUp, confirmation
    }
}

/// What happened after an input, for the front end to show and do.
public struct InterviewResponse: Equatable, Sendable {
    /// One line for the front end to show.
    public enum Line: Equatable, Sendable {
        /// A section starts: its title and intro.
        case section(String, String?)
        /// Plain text: help, a summary, a recap.
        case text(String)
        /// A side remark the front end may dim: a save, an export.
        case notice(String)
        /// Something the marketer should act on: a refused answer, an export that failed.
        case warning(String)
        /// A follow-up question about the answer just given.
        case followUp(String)
    }

    /// What the front end does after showing the lines.
    public enum Action: Equatable, Sendable {
        /// `/quit`: leave now; the draft is already saved.
        case quit
        /// `/save`: save a revision now, even when nothing changed.
        case save
        /// Open `$VISUAL`/`$EDITOR` on this text and hand the result to `InterviewEngine.edited(_:)`.
        case edit(String)
        /// `/export`: write the draft in this format, to `path` when one was given.
        case export(ExportFormat, path: String?)
        /// The summary has been shown; the interview is over.
        case finished
    }

    /// The lines to show, in order.
    public var lines: [Line] = []
    /// Draft fields that changed: save a revision before the next question appears.
    public var changed: [String] = []
    /// The interview state (position, skips) changed.
    public var stateChanged = false
    /// What to do after showing the lines; nil to ask the next prompt.
    public var action: Action?
}

/// The interview as a state machine, with no terminal in sight: it is given the answer lines and
/// slash commands the marketer types and says what to show next. The same engine runs behind
/// libedit, behind piped stdin, and in tests.
///
/// The concerns live in extensions: prompts (`+Prompt`), answers (`+Answers`), moving
/// (`+Navigation`), records (`+Records`), slash commands (`+Commands`) and the summary (`+Summary`).
public final class InterviewEngine {
    /// The draft as answered so far; changed by answers, commands and the id the first save assigns.
    public internal(set) var draft: Draft {
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
    /// Where the interview stands (next question, skipped and asked questions); saved beside the draft.
    public internal(set) var state: InterviewState
    /// The questions, in the language the interview is held in.
    public let pack: PromptPack
    /// The settings the engine was made with.
    public let settings: InterviewSettings
    /// The interview's language: the pack's.
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
        /// A list question being added to, one item a line.
        case listing
        case confirmDate(CivilDate)
        /// A follow-up about the answer at `key`. `vague` is the vague words it asks about: the
        /// reply takes their place; without them (or in the idea) the reply is added.
        case followUp(key: String, vague: String?)
        /// Answers to IT's questions, by index into `review.questions`.
        case itQuestion(Int)
        case summary
        case done
    }

    let items: [Item]
    /// Only moved through `move(to:)`, which keeps it on a question that exists.
    var cursor: Cursor
    var mode: Mode = .asking {
        didSet { if !Self.waitsOnFollowUp(mode) { pendingFollowUp = nil } }
    }
    /// Items typed into the list at the cursor during this visit, for the hint's count.
    var listTyped = 0
    /// The follow-up question text while `mode` is `.followUp`.
    var pendingFollowUp: String?
    /// Keys that already had their follow-up.
    var probed: Set<String> = []
    /// After `/goto` or `/back`: the section being walked through in order, answered questions
    /// included, before the interview returns to what is still unanswered.
    var walkingSection: Int?
    /// Systems, dates and numbers in the marketer's own words so far (the idea is asked first, so
    /// these are worked out from the draft as it is now).
    var hints: IdeaHints {
        IdeaHints(
            texts: [draft.idea, draft.objective.whyNow, draft.title].compactMap { $0 }, configuration: settings.configuration,
            today: settings.today)
    }
    var announcedSection: Int?
    let lexicon: VagueLexicon
    /// "TBD", 「未定」: answers that stand in for one (the readiness rules' own list and config).
    let placeholders: PlaceholderLexicon
    /// The pack's conditions, parsed once: every prompt's progress looks at all of them.
    var conditions: [QuestionCondition: Condition?] = [:]

    /// An engine at the first unanswered question, or at IT's first open question when the draft has one,
    /// or at the summary when nothing is left; a draft without `lang` takes the pack's.
    public init(pack: PromptPack, draft: Draft, state: InterviewState = InterviewState(), settings: InterviewSettings) {
        self.pack = pack
        self.draft = draft
        self.state = state
        self.settings = settings
        self.items = pack.sections.enumerated().flatMap { index, section in
            section.questions.map { Item(sectionIndex: index, question: $0) }
        }
        self.lexicon = VagueLexicon(extra: settings.configuration.vagueWords)
        self.placeholders = PlaceholderLexicon(extra: settings.configuration.placeholders)
        self.cursor = Cursor(item: items.count)
        if self.draft.lang == nil { self.draft.lang = pack.language }
        let start = firstUnanswered(from: 0) ?? Cursor(item: items.count)
        move(to: start)
        if let index = draft.review.questions.firstIndex(where: { $0.isOpen && !$0.text.isBlank }) {
            mode = .itQuestion(index)
        } else if !isOnQuestion {
            mode = .summary
        }
    }

    static func waitsOnFollowUp(_ mode: Mode) -> Bool {
        if case .followUp = mode { return true }
        return false
    }

    // MARK: - Input

    /// Handles one line the marketer typed (without its line break).
    public func handle(_ input: String) -> InterviewResponse {
        let line = input.trimmingCharacters(in: " \t\r\n\u{3000}")
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
        case .followUp(let key, let vague):
            followUp(key, vague: vague, line, &response)
        case .listing:
            listItems(line, &response)
        case .asking:
            answer(line, &response)
        }
        announce(&response)
        return response
    }

    /// Names the draft once it is first saved (the id comes from its title).
    public func assign(id: String) {
        draft.id = id
    }

    /// The required questions still unanswered (skipped ones included: IT still needs them), by
    /// key, for a clear message when piped answers run out.
    public var missingRequired: [String] {
        items.compactMap { item in
            guard item.question.isRequired, applies(item.question), !isAnswered(item.question) else { return nil }
            return item.question.id
        }
    }

    /// Completions for what has been typed: slash commands, sections, fields, formats, the current
    /// question's choices, catalogue systems and stakeholder roles.
    public func completions(for typed: String) -> [String] {
        var candidates: [String]
        if typed.hasPrefix("/goto ") {
            candidates = (pack.sections.compactMap { $0.section } + items.compactMap { $0.question.id }).map { "/goto " + $0 }
        } else if typed.hasPrefix("/export ") {
            candidates = ExportFormat.allCases.map { "/export " + $0.rawValue }
        } else if typed.hasPrefix("/") {
            candidates = InterviewText.commandNames
        } else {
            candidates = []
            if case .summary = mode { candidates = ExportFormat.allCases.map(\.rawValue) }
            if mode == .asking || mode == .listing, isOnQuestion {
                let question = currentQuestion
                candidates += question.choices.compactMap(\.value) + question.choices.compactMap(\.label)
                if currentItem.question.id == "systems" && question.id == "name" {
                    candidates += settings.configuration.systems.compactMap(\.name) + IdeaHints.knownTools
                }
                if question.id == "role" { candidates += Role.allCases.map(\.rawValue) }
            }
        }
        // A role is both a choice value and a role name: offer each candidate once.
        var seen: Set<String> = []
        return candidates.filter { $0.lowercased().hasPrefix(typed.lowercased()) && $0 != typed && seen.insert($0).inserted }
    }

    func text(_ localized: Localized) -> String { localized(language) }
}

extension String {
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
