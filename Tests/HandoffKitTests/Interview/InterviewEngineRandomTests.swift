import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The engine driven through thousands of random sequences of answers and commands over drafts
/// of every shape, in both languages. A trap (an index out of range, a force unwrap) ends the
/// test process, so reaching the end is the first assertion; after every step, the draft may
/// differ only where the step was meant to change it, and every change is reported for saving.
///
/// The sequences come from a seeded generator: a failure names its seed and the shortest
/// sequence of steps, found by dropping steps while it still fails, that shows it.
/// `HANDOFF_RANDOM_SEED=N` replays one seed.
@Suite("InterviewEngine under random input")
struct InterviewEngineRandomTests {
    static let packs = [InterviewEngineTests.loadPack(.en), InterviewEngineTests.loadPack(.ja)]

    /// One thing the marketer does.
    enum Step: CustomStringConvertible {
        case line(String)
        /// `/edit`, then this text back from the editor.
        case edit(String)

        var description: String {
            switch self {
            case .line(let text): return "‹\(text)›"
            case .edit(let text): return "/edit→‹\(text.replacingOccurrences(of: "\n", with: "⏎"))›"
            }
        }
    }

    /// A start: a draft, a state, a language, a terminal or not.
    struct Start {
        var draft: Draft
        var state: InterviewState
        var pack: PromptPack
        var interactive: Bool
    }

    // MARK: - The test

    @Test("thousands of random sequences never trap, and change only what each step means to change")
    func randomSequences() {
        let seeds: [UInt64]
        if let fixed = ProcessInfo.processInfo.environment["HANDOFF_RANDOM_SEED"].flatMap(UInt64.init) {
            seeds = [fixed]
        } else {
            seeds = Array(1...2000)
        }
        var failures = 0
        for seed in seeds {
            var random = SplitMix(seed: seed)
            let start = makeStart(&random)
            let steps = (0..<random.int(in: 4...30)).map { _ in makeStep(&random, language: start.pack.language) }
            guard let failure = run(start, steps) else { continue }
            failures += 1
            let shortest = shrink(start, steps)
            Issue.record("seed \(seed): \(failure)\n  steps: \(shortest.map(\.description).joined(separator: " "))")
            if failures >= 3 { break }
        }
    }

    @Test("the crash of the issue: finish, resume, /goto scope, Enter, /back, /back")
    func issueSequence() {
        for pack in Self.packs {
            let settings = InterviewSettings(today: TestDrafts.today, interactive: true)
            let first = InterviewEngine(pack: pack, draft: TestDrafts.ready, settings: settings)
            for _ in 0..<200 where first.prompt?.key != "summary" { _ = first.handle("/skip") }
            #expect(first.prompt?.key == "summary")
            // `handoff resume ID`: a new engine on what was saved.
            let engine = InterviewEngine(pack: pack, draft: first.draft, state: first.state, settings: settings)
            #expect(engine.prompt?.key == "summary")
            _ = engine.handle("/goto scope")
            #expect(engine.prompt?.key == "scope.deliverables")
            _ = engine.handle("")
            let next = engine.prompt?.key
            #expect(next != "scope.deliverables")
            _ = engine.handle("/back")
            #expect(engine.prompt?.key == "scope.deliverables")
            _ = engine.handle("/back")
            // Before /goto came the questions skipped on the way to the summary: /back goes to
            // the last of them instead of trapping.
            #expect(engine.prompt?.key == first.state.asked.last)
            #expect(DraftDiff(old: first.draft, new: engine.draft).isEmpty)
        }
    }

    // MARK: - One run

    /// Runs `steps` from `start`; the first broken rule, or nil.
    func run(_ start: Start, _ steps: [Step]) -> String? {
        let engine = InterviewEngine(
            pack: start.pack, draft: start.draft, state: start.state,
            settings: InterviewSettings(today: TestDrafts.today, interactive: start.interactive))
        _ = engine.startLines()
        for (index, step) in steps.enumerated() {
            guard let prompt = engine.prompt else { return nil }
            if let broken = checkPrompt(prompt, engine) { return "step \(index): \(broken)" }
            let before = Dictionary(DraftDiff.leaves(of: engine.tree).map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
            let allowed = allowedPrefix(engine, prompt)
            let hadValue = engine.isOnQuestion && engine.currentValue() != nil
            let wasListing = engine.mode == .listing
            var responses: [InterviewResponse] = []
            var editsList = false
            var changes: Set<String> = []
            switch step {
            case .line(let text):
                responses.append(engine.handle(text))
            case .edit(let text):
                editsList = engine.currentQuestion.questionType == .list
                let first = engine.handle("/edit")
                responses.append(first)
                if case .edit? = first.action { responses.append(engine.edited(text)) } else { editsList = false }
            }
            let after = Dictionary(DraftDiff.leaves(of: engine.tree).map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
            for (field, value) in after where before[field] != value { changes.insert(field) }
            for field in before.keys where after[field] == nil {
                guard editsList else { return "step \(index) \(step) at \(prompt.key): \(field) was removed" }
                changes.insert(field)
            }
            if changes.isEmpty { continue }
            let reported = responses.flatMap(\.changed)
            if reported.isEmpty { return "step \(index) \(step) at \(prompt.key): \(changes.sorted()) changed but nothing was reported for saving" }
            guard let allowed else { return "step \(index) \(step) at \(prompt.key): nothing may change, yet \(changes.sorted()) did" }
            if case .line(let text) = step {
                if text.hasPrefix("/") && !text.hasPrefix("//") { return "step \(index) \(step): a command changed \(changes.sorted())" }
                if text.isEmpty && prompt.kind == .question && (hadValue || wasListing) {
                    return "step \(index) Enter at \(prompt.key) (which had an answer) changed \(changes.sorted())"
                }
            }
            for field in changes where !(field == allowed || field.hasPrefix(allowed + ".") || field.hasPrefix(allowed + "[")) {
                return "step \(index) \(step) at \(prompt.key): \(field) changed, only \(allowed) may"
            }
        }
        return nil
    }

    /// What a prompt must be: a key the engine can go back to, progress that adds up.
    func checkPrompt(_ prompt: InterviewPrompt, _ engine: InterviewEngine) -> String? {
        if prompt.answered > prompt.total { return "progress \(prompt.answered)/\(prompt.total)" }
        if prompt.key == "summary" || prompt.key.hasPrefix("review.") { return nil }
        if prompt.kind == .followUp { return nil }
        if engine.cursor(forKey: prompt.key) == nil { return "prompt key \(prompt.key) leads nowhere" }
        if prompt.text.isEmpty { return "empty question at \(prompt.key)" }
        return nil
    }

    /// The field a step at `prompt` may change: the question's own field; a whole records list
    /// when a record starts; IT's question when one is asked.
    func allowedPrefix(_ engine: InterviewEngine, _ prompt: InterviewPrompt) -> String? {
        if prompt.key.hasPrefix("review.questions[") { return prompt.key }
        guard engine.isOnQuestion, prompt.key != "summary" else { return nil }
        let item = engine.currentItem.question
        if item.questionType == .records {
            if engine.cursor.record >= engine.records(item).count { return item.id }
            return engine.key(for: engine.cursor)
        }
        return item.id
    }

    /// The shortest failing sequence found by dropping one step at a time.
    func shrink(_ start: Start, _ steps: [Step]) -> [Step] {
        var current = steps
        var index = 0
        while index < current.count {
            var candidate = current
            candidate.remove(at: index)
            if run(start, candidate) != nil { current = candidate } else { index += 1 }
        }
        return current
    }

    // MARK: - Generating

    static let ready = TestDrafts.ready
    static let japanese = TestDrafts.japanese
    static let ideaOnly = TestDrafts.load("idea: \(InterviewEngineTests.idea), with Marketo and Salesforce by Dec 18")
    static let halfFormed = TestDrafts.load(TestDrafts.exampleText("half-formed-idea.yaml"))

    func makeStart(_ random: inout SplitMix) -> Start {
        let pack = Self.packs[random.int(in: 0...1)]
        let full = pack.language == .en ? Self.ready : Self.japanese
        var draft: Draft
        switch random.int(in: 0...5) {
        case 0: draft = Draft()
        case 1: draft = Self.ideaOnly
        case 2: draft = full
        case 3: draft = Self.halfFormed
        default:
            // A full draft with some of its sections taken away.
            draft = full
            if random.int(in: 0...1) == 0 { draft.objective = Objective() }
            if random.int(in: 0...1) == 0 { draft.scope = Scope() }
            if random.int(in: 0...1) == 0 { draft.systems = [] }
            if random.int(in: 0...1) == 0 { draft.stakeholders = [] }
            if random.int(in: 0...1) == 0 { draft.timeline = Timeline() }
            if random.int(in: 0...1) == 0 { draft.success = Success() }
            if random.int(in: 0...1) == 0 { draft.testing = TestPlan() }
        }
        if random.int(in: 0...4) == 0 {
            draft.review.questions = [ReviewQuestion(by: "IT", text: "Which Marketo workspace?")]
        }
        var state = InterviewState()
        if random.int(in: 0...3) == 0 { state.finished = true }
        if random.int(in: 0...3) == 0 { state.skipped = ["requester.name", "scope.out_of_scope", "systems[0].owner"] }
        if random.int(in: 0...3) == 0 { state.asked = ["idea", "title", "systems[5].name", "nonsense", "timeline.launch"] }
        return Start(draft: draft, state: state, pack: pack, interactive: random.int(in: 0...1) == 0)
    }

    static let targets = [
        "idea", "why", "scope", "systems", "people", "timeline", "success", "risks", "testing", "scope.out_of_scope",
        "timeline.launch", "systems[0].change", "systems[3].owner", "systems.owner", "stakeholders", "success.metrics[0].target",
        "compliance.notes", "testing.acceptance_criteria", "zzz", "", "タイムライン", "systems[-1].name", "systems[99].name",
    ]

    static let answers = [
        "", "", "", "Marketo", "Salesforce", "a lot", "ASAP", "about 300", "300", "300 submissions", "2026-12-04", "next friday",
        "end of February", "two weeks after the show", "y", "n", "yes", "no", "don't know", "わからない", "must have", "任意",
        "あれば嬉しい", "1", "2", "3", "9", "0", "-1", "氏名、会社名、メール", "name, email, company", "Ken Ito", "legal", "approver",
        "jira-v3", "markdown", "なるべく早く", "もっと", "来週の金曜", "展示会の2週間後", "12月4日", "//not a command", "   ",
        "Given a visitor submits the form, when the data is valid, then a lead is created",
    ]

    static let commands = ["/back", "/back", "/skip", "/why", "/example", "/show", "/check", "/help", "/zz", "/save"]

    func makeStep(_ random: inout SplitMix, language: Language) -> Step {
        switch random.int(in: 0...19) {
        case 0...8: return .line(random.pick(Self.answers))
        case 9...12: return .line(random.pick(Self.commands))
        case 13...15: return .line("/goto " + random.pick(Self.targets))
        case 16: return .edit(random.pick(["Line one\nLine two", "", "only one", "a\n\nb\nc\n", "氏名\n会社名"]))
        default: return .line("")
        }
    }
}

