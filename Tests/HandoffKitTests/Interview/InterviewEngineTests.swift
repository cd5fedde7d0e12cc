import Testing

@testable import HandoffKit

/// The interview as a state machine, driven line by line with `handle(_:)`: every answer type,
/// required and optional questions, follow-ups, suggestions from the idea, conditions, slash
/// commands, completions, resuming, IT's questions, progress and the summary.
@Suite("InterviewEngine")
struct InterviewEngineTests {
    static let en = loadPack(.en)
    static let ja = loadPack(.ja)

    static func loadPack(_ language: Language) -> PromptPack {
        do { return try PromptPackLoader.embedded(language) } catch {
            Issue.record("embedded \(language) pack did not load: \(error)")
            return PromptPack(language: language, version: "", sections: [])
        }
    }

    // MARK: - Helpers

    func engine(
        _ draft: Draft = Draft(), state: InterviewState = InterviewState(), interactive: Bool = false,
        configuration: Configuration = Configuration(), pack: PromptPack = InterviewEngineTests.en
    ) -> InterviewEngine {
        InterviewEngine(
            pack: pack, draft: draft, state: state,
            settings: InterviewSettings(configuration: configuration, today: TestDrafts.today, interactive: interactive))
    }

    /// Feeds lines one after the other; returns the last response.
    @discardableResult
    func feed(_ engine: InterviewEngine, _ lines: String...) -> InterviewResponse {
        var last = InterviewResponse()
        for line in lines { last = engine.handle(line) }
        return last
    }

    func key(_ engine: InterviewEngine) -> String? { engine.prompt?.key }

    func warnings(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .warning(let text) = $0 { return text } else { return nil } }
    }

    func notices(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .notice(let text) = $0 { return text } else { return nil } }
    }

    func texts(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    /// The pack's question at `path` (`timeline.launch`, or `systems.change` for a records field).
    func question(_ path: String, in pack: PromptPack = InterviewEngineTests.en) -> PromptQuestion {
        for section in pack.sections {
            for question in section.questions {
                if question.id == path { return question }
                for field in question.fields where (question.id ?? "") + "." + (field.id ?? "") == path { return field }
            }
        }
        Issue.record("no question \(path)")
        return PromptQuestion()
    }

    func date(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    static let idea = "We need a way for people to register for the December webinar from the product page"

    /// Answers by question key (several lines for list questions); follow-ups are kept with Enter.
    /// Stops at the end, or when a question comes that has no answer left (a test failure).
    @discardableResult
    func drive(
        _ engine: InterviewEngine, _ answers: [String: [String]], sourceLocation: SourceLocation = #_sourceLocation
    ) -> (last: InterviewResponse, asked: [String], followUps: [String]) {
        var queue = answers
        var last = InterviewResponse()
        var asked: [String] = []
        var followUps: [String] = []
        for _ in 0..<400 {
            guard let prompt = engine.prompt else { break }
            if prompt.kind == .followUp {
                followUps.append(prompt.key)
                last = engine.handle("")
                continue
            }
            if prompt.key == "summary" { break }
            guard var lines = queue[prompt.key], !lines.isEmpty else {
                Issue.record("no answer for \(prompt.key) (\(prompt.text))", sourceLocation: sourceLocation)
                break
            }
            asked.append(prompt.key)
            let line = lines.removeFirst()
            queue[prompt.key] = lines
            last = engine.handle(line)
            for warning in warnings(last) {
                Issue.record("\(prompt.key) ← '\(line)': \(warning)", sourceLocation: sourceLocation)
            }
            if last.action == .finished { break }
        }
        let unused = queue.filter { !$0.value.isEmpty }.keys.sorted()
        #expect(unused.isEmpty, "answers never asked for: \(unused)", sourceLocation: sourceLocation)
        return (last, asked, followUps)
    }

    static let englishAnswers: [String: [String]] = [
        "idea": [idea + ", so that sign-ups stop getting lost in the shared inbox."],
        "title": ["Sign-up form for the December webinar"], "kind": [""],
        "requester.name": ["Aiko Sato"], "requester.team": ["Field Marketing"], "requester.email": ["aiko@example.com"],
        "objective.problem": ["Webinar sign-ups go through a shared inbox; 30% are lost"],
        "objective.business_goal": ["Pipeline growth for the enterprise segment (FY27 goal)"],
        "objective.why_now": ["The webinar runs on 2027-01-28"],
        "objective.value": ["40 qualified leads, est. 120k USD pipeline"],
        "scope.deliverables": ["Sign-up form on the product page", "Confirmation e-mail", ""],
        "scope.requirements[0].text": ["Form asks name, work e-mail, company, consent"],
        "scope.requirements[0].priority": ["1"],
        "scope.requirements[1].text": ["Calendar invite attached to the confirmation"],
        "scope.requirements[1].priority": ["could"],
        "scope.requirements[2].text": [""],
        "scope.out_of_scope": ["Redesign of the product page", ""],
        "systems[0].name": ["Marketo"], "systems[0].change": ["new program and form"],
        "systems[0].data": ["name, email, company"], "systems[0].personal_data": ["y"], "systems[0].owner": ["MOps"],
        "systems[1].name": ["Website CMS"], "systems[1].change": ["embed form block"], "systems[1].data": [""],
        "systems[1].personal_data": ["n"], "systems[1].owner": ["Web team"],
        "systems[2].name": [""],
        "stakeholders[0].role": ["business owner"], "stakeholders[0].name": ["Ken Ito"], "stakeholders[0].email": [""],
        "stakeholders[1].role": ["legal"], "stakeholders[1].name": ["Legal desk"], "stakeholders[1].email": [""],
        "stakeholders[2].role": ["6"], "stakeholders[2].name": ["Mika Tanaka"], "stakeholders[2].email": [""],
        "stakeholders[3].role": ["it_contact"], "stakeholders[3].name": ["Web team on-call"],
        "stakeholders[3].email": ["web@example.com"],
        "stakeholders[4].role": ["approver"], "stakeholders[4].name": ["Ken Ito"], "stakeholders[4].email": [""],
        "stakeholders[5].role": [""],
        "compliance.legal_review": ["yes"], "compliance.notes": ["Consent text from Legal"],
        "timeline.launch": ["2027-01-22"], "timeline.deadline": ["hard"],
        "timeline.reason": ["Invitations go out on 2027-01-08"],
        "timeline.milestones[0].name": ["Copy final"], "timeline.milestones[0].date": ["2027-01-08"],
        "timeline.milestones[1].name": [""],
        "success.kgi": ["Qualified pipeline from webinar attendees"],
        "success.metrics[0].name": ["Registrations"], "success.metrics[0].baseline": ["0"],
        "success.metrics[0].target": ["300"], "success.metrics[0].source": ["Marketo"],
        "success.metrics[0].tracking": ["form-fill event in GA4"], "success.metrics[0].review_on": ["2027-02-05"],
        "success.metrics[0].owner": ["Aiko Sato"], "success.metrics[1].name": [""],
        "risks[0].text": ["Spam sign-ups"], "risks[0].mitigation": ["CAPTCHA"], "risks[1].text": [""],
        "change.iterations": ["Headline A/B test after week one"],
        "change.people_affected": ["SDRs get a new lead source; 15-minute briefing"],
        "testing.acceptance_criteria": [
            "Given a visitor submits the form, when the data is valid, then a Marketo lead is created within 1 minute", "",
        ],
        "testing.qa_notes": ["Test on mobile Safari and Chrome"],
        "details.url": ["www.example.com/webinar/january"], "details.content_supplier": ["Field Marketing"],
        "details.content_due": ["2027-01-08"], "details.responsive": ["Mobile first; Safari and Chrome"],
        "details.accessibility": ["WCAG 2.1 AA"], "details.consent_text": ["I agree to be contacted about this webinar."],
        "details.consent_approver": ["Legal desk"], "details.spam_protection": ["reCAPTCHA v3"],
        "details.submissions_to": ["Marketo lead within 1 minute"],
        "operations.expected_traffic": ["300 sign-ups over two weeks; peak 50 an hour after the invitation"],
        "operations.security_impact": ["no"], "operations.maintained_by": ["Marketing Ops"], "operations.until": ["2027-03-31"],
    ]

    // MARK: - Start

    @Test("a fresh interview starts at the idea, in the pack's language, with the section heading")
    func start() {
        let engine = engine()
        #expect(engine.draft.lang == .en)
        let prompt = engine.prompt
        #expect(prompt?.key == "idea")
        #expect(prompt?.kind == .question)
        #expect(prompt?.section == .idea)
        #expect(prompt?.sectionNumber == 1)
        #expect(prompt?.sectionCount == 9)
        #expect(prompt?.text == question("idea").text)
        #expect(prompt?.defaultValue == nil)
        #expect(engine.opening() == [])
        let idea = Self.en.sections[0]
        #expect(engine.startLines() == [.section(idea.title ?? "", idea.intro)])
    }

    // MARK: - Answer types

    @Test("text and long text are stored as typed and move on")
    func textAnswers() {
        let engine = engine()
        let first = engine.handle("  " + Self.idea + "  ")
        #expect(engine.draft.idea == Self.idea)
        #expect(first.changed == ["idea"])
        #expect(key(engine) == "title")
        let second = engine.handle("Sign-up form for the December webinar")
        #expect(engine.draft.title == "Sign-up form for the December webinar")
        #expect(second.changed == ["title"])
        #expect(second.stateChanged)
        #expect(engine.state.position == "requester.name")
        #expect(key(engine) == "requester.name")
    }

    @Test("a list takes one item a line until an empty line")
    func list() {
        let engine = engine()
        feed(engine, "/goto scope")
        #expect(key(engine) == "scope.deliverables")
        #expect(engine.prompt?.hint == "one per line; an empty line when done")
        let first = engine.handle("Sign-up form on the product page")
        #expect(first.changed == ["scope.deliverables"])
        #expect(engine.draft.scope.deliverables == ["Sign-up form on the product page"])
        #expect(key(engine) == "scope.deliverables")
        #expect(engine.prompt?.hint == "one per line; an empty line when done (1)")
        feed(engine, "Confirmation e-mail")
        #expect(key(engine) == "scope.deliverables")
        #expect(engine.prompt?.hint?.hasSuffix("(2)") == true)
        let end = engine.handle("")
        #expect(end.changed.isEmpty)
        #expect(engine.draft.scope.deliverables == ["Sign-up form on the product page", "Confirmation e-mail"])
        #expect(key(engine) == "scope.requirements[0].text")
    }

    @Test("a required list refuses an empty first line")
    func requiredListRefusesEmpty() {
        let engine = engine()
        feed(engine, "/goto scope")
        let response = engine.handle("")
        #expect(warnings(response) == [InterviewText.required(.en)])
        #expect(key(engine) == "scope.deliverables")
        #expect(engine.draft.scope.deliverables.isEmpty)
    }

    /// An engine at `timeline.deadline` (launch answered).
    func atDeadline() -> InterviewEngine {
        let engine = engine()
        feed(engine, "/goto timeline", "2026-12-04")
        #expect(key(engine) == "timeline.deadline")
        return engine
    }

    @Test(
        "a choice is taken by number, value or label",
        arguments: [
            ("1", DeadlineKind.hard), ("2", .soft), ("3", .none), ("hard", .hard), ("SOFT", .soft), ("none", .none),
            ("hard — it cannot move", .hard), ("Soft — it could move a little", .soft), ("none — whenever it is ready", .none),
        ])
    func choice(_ line: String, _ expected: DeadlineKind) {
        let engine = atDeadline()
        #expect(engine.prompt?.hint == "1 hard — it cannot move · 2 soft — it could move a little · 3 none — whenever it is ready")
        let response = engine.handle(line)
        #expect(warnings(response) == [])
        #expect(response.changed == ["timeline.deadline"])
        #expect(engine.draft.timeline.deadline == expected)
        // The reason is asked unless the date is free.
        #expect(key(engine) == (expected == DeadlineKind.none ? "timeline.milestones[0].name" : "timeline.reason"))
    }

    @Test("anything else is refused with the choices, and the question stays", arguments: ["urgent", "4", "0", "yes", "maybe", "-1"])
    func choiceRefused(_ line: String) {
        let engine = atDeadline()
        let response = engine.handle(line)
        #expect(warnings(response) == ["Choose one of: 1 hard — it cannot move · 2 soft — it could move a little · 3 none — whenever it is ready"])
        #expect(response.changed.isEmpty)
        #expect(engine.draft.timeline.deadline == nil)
        #expect(key(engine) == "timeline.deadline")
    }

    @Test(
        "a date in ISO or natural form is stored and echoed",
        arguments: [
            ("2026-12-04", "2026-12-04", "Friday 4 December 2026"), ("next friday", "2026-11-27", "Friday 27 November 2026"),
            ("Dec 4", "2026-12-04", "Friday 4 December 2026"), ("in 3 weeks", "2026-12-11", "Friday 11 December 2026"),
            ("12月4日", "2026-12-04", "Friday 4 December 2026"),
        ])
    func dateStored(_ line: String, _ iso: String, _ spoken: String) {
        let engine = engine()
        feed(engine, "/goto timeline")
        #expect(key(engine) == "timeline.launch")
        let response = engine.handle(line)
        #expect(engine.draft.timeline.launch == date(iso))
        #expect(response.changed == ["timeline.launch"])
        #expect(notices(response) == ["= " + spoken])
        #expect(key(engine) == "timeline.deadline")
    }

    @Test("a text that is not a date is refused", arguments: ["soon", "ASAP", "13/45", "2月30日"])
    func dateRefused(_ line: String) {
        let engine = engine()
        feed(engine, "/goto timeline")
        let response = engine.handle(line)
        #expect(warnings(response) == [InterviewText.notDate(.en)])
        #expect(engine.draft.timeline.launch == nil)
        #expect(key(engine) == "timeline.launch")
    }

    @Test("at a terminal, a natural date is confirmed first", arguments: ["y", "", "yes", "はい"])
    func dateConfirmed(_ confirmation: String) {
        let engine = engine(interactive: true)
        feed(engine, "/goto timeline")
        let asked = engine.handle("next friday")
        #expect(asked.changed.isEmpty)
        #expect(engine.draft.timeline.launch == nil)
        let prompt = engine.prompt
        #expect(prompt?.kind == .confirmation)
        #expect(prompt?.text == "Friday 27 November 2026 (2026-11-27)?")
        #expect(prompt?.key == "timeline.launch")
        #expect(prompt?.defaultValue == "yes")
        let response = engine.handle(confirmation)
        #expect(response.changed == ["timeline.launch"])
        #expect(engine.draft.timeline.launch == date("2026-11-27"))
        #expect(key(engine) == "timeline.deadline")
        #expect(engine.prompt?.kind == .question)
    }

    @Test("at a terminal, 'n' asks the date again, and another date is confirmed in turn")
    func dateDeclined() {
        let engine = engine(interactive: true)
        feed(engine, "/goto timeline", "next friday")
        let declined = engine.handle("n")
        #expect(declined.changed.isEmpty)
        #expect(engine.draft.timeline.launch == nil)
        #expect(engine.prompt?.kind == .question)
        #expect(key(engine) == "timeline.launch")

        feed(engine, "next friday")
        feed(engine, "Dec 4")
        #expect(engine.prompt?.kind == .confirmation)
        #expect(engine.prompt?.text == "Friday 4 December 2026 (2026-12-04)?")
        feed(engine, "y")
        #expect(engine.draft.timeline.launch == date("2026-12-04"))
    }

    @Test("at a terminal, an ISO date needs no confirmation")
    func isoNotConfirmed() {
        let engine = engine(interactive: true)
        feed(engine, "/goto timeline")
        let response = engine.handle("2026-12-04")
        #expect(response.changed == ["timeline.launch"])
        #expect(key(engine) == "timeline.deadline")
        #expect(engine.prompt?.kind == .question)
    }

    /// An engine at `success.metrics[0].baseline`.
    func atBaseline(_ draft: Draft = Draft()) -> InterviewEngine {
        let engine = engine(draft)
        feed(engine, "/goto success", "Qualified pipeline from webinar attendees")
        #expect(key(engine) == "success.metrics[0].name")
        #expect(engine.prompt?.text == "Metric 1 · What will you count?")
        feed(engine, "Registrations")
        #expect(key(engine) == "success.metrics[0].baseline")
        return engine
    }

    @Test(
        "a number is stored as a number, anything else as text",
        arguments: [
            ("300", Quantity.number("300")), ("1,000", .number("1000")), ("0", .number("0")), ("1.5", .number("1.5")),
            ("75%", .text("75%")), ("5営業日", .text("5営業日")),
        ])
    func number(_ line: String, _ expected: Quantity) {
        let engine = atBaseline()
        let response = engine.handle(line)
        #expect(response.changed == ["success.metrics[0].baseline"])
        #expect(engine.draft.success.metrics.first?.baseline == expected)
        #expect(key(engine) == "success.metrics[0].target")
    }

    /// An engine at `systems[0].personal_data` (name, change and data answered).
    func atPersonalData() -> InterviewEngine {
        let engine = engine()
        feed(engine, "/goto systems")
        #expect(key(engine) == "systems[0].name")
        feed(engine, "Marketo")
        #expect(key(engine) == "systems[0].change")
        feed(engine, "new program and form")
        #expect(key(engine) == "systems[0].data")
        #expect(engine.prompt?.hint == "separate several with commas")
        feed(engine, "name, email ,company")
        #expect(key(engine) == "systems[0].personal_data")
        #expect(engine.prompt?.hint == "y/n, or “don't know”")
        return engine
    }

    @Test(
        "yes/no takes y, n and Japanese",
        arguments: [("y", true), ("yes", true), ("Y", true), ("true", true), ("はい", true), ("n", false), ("No", false), ("いいえ", false)])
    func yesNo(_ line: String, _ expected: Bool) {
        let engine = atPersonalData()
        let response = engine.handle(line)
        #expect(response.changed == ["systems[0].personal_data"])
        #expect(engine.draft.systems.first?.personalData == expected)
        #expect(key(engine) == "systems[0].owner")
    }

    @Test("yes/no refuses anything else", arguments: ["perhaps", "ja", "1", "yes please"])
    func yesNoRefused(_ line: String) {
        let engine = atPersonalData()
        let response = engine.handle(line)
        #expect(warnings(response) == ["Please answer yes or no."])
        #expect(engine.draft.systems.first?.personalData == nil)
        #expect(key(engine) == "systems[0].personal_data")
    }

    @Test("records are asked field by field; Enter on a new record's name ends the list")
    func records() {
        let engine = atPersonalData()
        feed(engine, "y", "MOps")
        #expect(key(engine) == "systems[1].name")
        #expect(engine.prompt?.text == "System 2 · Which system does it touch?")
        #expect(engine.prompt?.hint == "Enter when there are no more")
        feed(engine, "Website CMS", "embed form block")
        #expect(key(engine) == "systems[1].data")
        feed(engine, "")  // no data: skipped
        #expect(engine.state.skipped == ["systems[1].data"])
        feed(engine, "n", "Web team")
        #expect(key(engine) == "systems[2].name")
        let end = engine.handle("")
        #expect(end.changed.isEmpty)
        #expect(key(engine) == "stakeholders[0].role")

        let systems = engine.draft.systems
        #expect(systems.count == 2)
        #expect(systems[0].name == "Marketo")
        #expect(systems[0].change == "new program and form")
        #expect(systems[0].data == ["name", "email", "company"])
        #expect(systems[0].personalData == true)
        #expect(systems[0].owner == "MOps")
        #expect(systems[1].name == "Website CMS")
        #expect(systems[1].data == [])
        #expect(systems[1].personalData == false)
        #expect(systems[1].owner == "Web team")
    }

    @Test("a required records question refuses an empty first record")
    func requiredRecords() {
        let engine = engine()
        feed(engine, "/goto systems")
        #expect(engine.prompt?.text == "System 1 · Which system does it touch?")
        let response = engine.handle("")
        #expect(warnings(response) == [InterviewText.required(.en)])
        #expect(engine.draft.systems.isEmpty)
        #expect(key(engine) == "systems[0].name")
    }

    @Test("a stakeholder's role is taken by label, number or value as the record's first field")
    func stakeholderRoles() {
        let engine = engine()
        feed(engine, "/goto people", "IT contact")
        #expect(key(engine) == "stakeholders[0].name")
        feed(engine, "Web team on-call", "", "2", "Ken Ito", "", "legal", "Legal desk", "")
        #expect(engine.draft.stakeholders.map(\.role) == [.itContact, .approver, .legal])
        #expect(engine.draft.stakeholders.map(\.name) == ["Web team on-call", "Ken Ito", "Legal desk"])
        #expect(key(engine) == "stakeholders[3].role")
    }

    // MARK: - Required and optional

    @Test("a required question refuses Enter with a warning and does not advance")
    func requiredRefusesEnter() {
        let engine = engine()
        let response = engine.handle("")
        #expect(warnings(response) == [InterviewText.required(.en)])
        #expect(response.changed.isEmpty)
        #expect(engine.state.skipped.isEmpty)
        #expect(key(engine) == "idea")
        #expect(engine.draft.idea == nil)
    }

    @Test("Enter on an optional question skips it and records the key")
    func optionalSkips() {
        let engine = engine()
        feed(engine, Self.idea, "Webinar sign-up form")
        #expect(key(engine) == "requester.name")
        let response = engine.handle("")
        #expect(response.stateChanged)
        #expect(response.changed.isEmpty)
        #expect(engine.state.skipped == ["requester.name"])
        #expect(engine.draft.requester.name == nil)
        #expect(key(engine) == "requester.team")
    }
}
