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

    private func engine(
        _ draft: Draft = Draft(), state: InterviewState = InterviewState(), interactive: Bool = false,
        configuration: Configuration = Configuration(), pack: PromptPack = InterviewEngineTests.en
    ) -> InterviewEngine {
        InterviewEngine(
            pack: pack, draft: draft, state: state,
            settings: InterviewSettings(configuration: configuration, today: TestDrafts.today, interactive: interactive))
    }

    /// Feeds lines one after the other; returns the last response.
    @discardableResult
    private func feed(_ engine: InterviewEngine, _ lines: String...) -> InterviewResponse {
        var last = InterviewResponse()
        for line in lines { last = engine.handle(line) }
        return last
    }

    private func key(_ engine: InterviewEngine) -> String? { engine.prompt?.key }

    private func warnings(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .warning(let text) = $0 { return text } else { return nil } }
    }

    private func notices(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .notice(let text) = $0 { return text } else { return nil } }
    }

    private func texts(_ response: InterviewResponse) -> [String] {
        response.lines.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    /// The pack's question at `path` (`timeline.launch`, or `systems.change` for a records field).
    private func question(_ path: String, in pack: PromptPack = InterviewEngineTests.en) -> PromptQuestion {
        for section in pack.sections {
            for question in section.questions {
                if question.id == path { return question }
                for field in question.fields where (question.id ?? "") + "." + (field.id ?? "") == path { return field }
            }
        }
        Issue.record("no question \(path)")
        return PromptQuestion()
    }

    private func date(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    static let idea = "We need a way for people to register for the December webinar from the product page"

    /// Answers by question key (several lines for list questions); follow-ups are kept with Enter.
    /// Stops at the end, or when a question comes that has no answer left (a test failure).
    @discardableResult
    private func drive(
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
    private func atDeadline() -> InterviewEngine {
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
    private func atBaseline(_ draft: Draft = Draft()) -> InterviewEngine {
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
    private func atPersonalData() -> InterviewEngine {
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

    // MARK: - Follow-ups

    /// An engine at `objective.why_now` (a text question without probes of its own).
    private func atWhyNow() -> InterviewEngine {
        let engine = engine()
        feed(engine, "/goto why", "/skip", "/skip")
        #expect(key(engine) == "objective.why_now")
        return engine
    }

    @Test(
        "a vague answer gets a follow-up about what is vague",
        arguments: [
            ("ASAP", "ASAP", VagueLexicon.Kind.time), ("better", "better", .quality), ("as soon as possible", "as soon as possible", .time),
            ("We need it soon", "soon", .time), ("just a small tweak", "just", .minimiser), ("なるべく早く", "なるべく早く", .time),
        ])
    func vagueFollowUp(_ answer: String, _ word: String, _ kind: VagueLexicon.Kind) {
        let engine = atWhyNow()
        let response = engine.handle(answer)
        #expect(response.changed == ["objective.why_now"])
        #expect(engine.draft.objective.whyNow == answer)
        let prompt = engine.prompt
        #expect(prompt?.kind == .followUp)
        #expect(prompt?.key == "objective.why_now")
        #expect(prompt?.text == InterviewText.followUp(kind, word: word, field: "objective.why_now")(.en))
        #expect(prompt?.hint == "Enter keeps your answer as it is")
    }

    @Test("Enter after a follow-up keeps the answer; a reply is appended")
    func followUpReply() {
        let kept = atWhyNow()
        feed(kept, "ASAP")
        let enter = kept.handle("")
        #expect(enter.changed.isEmpty)
        #expect(kept.draft.objective.whyNow == "ASAP")
        #expect(key(kept) == "objective.value")
        #expect(kept.prompt?.kind == .question)

        let replied = atWhyNow()
        feed(replied, "ASAP")
        let reply = replied.handle("The webinar is on 2026-12-18")
        #expect(reply.changed == ["objective.why_now"])
        // The reply takes the vague word's place; the journal keeps "ASAP" (saved before).
        #expect(replied.draft.objective.whyNow == "The webinar is on 2026-12-18")
        #expect(key(replied) == "objective.value")
    }

    @Test("a short idea gets the pack's short probe")
    func shortProbe() {
        let engine = engine()
        feed(engine, "A webinar form")
        #expect(engine.prompt?.kind == .followUp)
        #expect(engine.prompt?.text == question("idea").probes.first?.text)
        #expect(engine.prompt?.text == "Can you say a little more — who is it for, and what should be different afterwards?")
        feed(engine, "For prospects of the enterprise segment")
        #expect(engine.draft.idea == "A webinar form — For prospects of the enterprise segment")
        #expect(key(engine) == "title")
    }

    @Test("an idea long enough gets no probe")
    func longEnoughIdea() {
        let engine = engine()
        feed(engine, Self.idea)
        #expect(engine.prompt?.kind == .question)
        #expect(key(engine) == "title")
    }

    @Test("a problem without a number gets the pack's no_number probe")
    func noNumberProbe() {
        let engine = engine()
        feed(engine, "/goto why", "Sign-ups get lost in the shared inbox")
        #expect(engine.prompt?.kind == .followUp)
        #expect(engine.prompt?.text == "Can you put a number on it — how often, how many, how much?")
        #expect(engine.prompt?.key == "objective.problem")

        let withNumber = self.engine()
        feed(withNumber, "/goto why", "30% of sign-ups get lost in the shared inbox")
        #expect(withNumber.prompt?.kind == .question)
        #expect(key(withNumber) == "objective.business_goal")
    }

    @Test("each question gets its follow-up once")
    func probedOnce() {
        let engine = engine()
        feed(engine, "A webinar form")
        #expect(engine.prompt?.kind == .followUp)
        feed(engine, "")
        #expect(key(engine) == "title")
        feed(engine, "/back")
        #expect(key(engine) == "idea")
        feed(engine, "A form")
        #expect(engine.draft.idea == "A form")
        #expect(engine.prompt?.kind == .question)
        #expect(key(engine) == "title")

        let vague = atWhyNow()
        feed(vague, "ASAP", "", "/back")
        #expect(key(vague) == "objective.why_now")
        feed(vague, "soon")
        #expect(vague.prompt?.kind == .question)
        #expect(vague.draft.objective.whyNow == "soon")
    }

    @Test("a vague list item's follow-up reply takes the place of the vague word in that item")
    func vagueListItem() {
        let engine = engine()
        feed(engine, "/goto scope", "A nice form")
        #expect(engine.prompt?.kind == .followUp)
        #expect(engine.prompt?.key == "scope.deliverables[0]")
        #expect(engine.prompt?.text == InterviewText.followUp(.quality, word: "nice", field: "scope.deliverables")(.en))
        feed(engine, "four-field")
        #expect(engine.draft.scope.deliverables == ["A four-field form"])
        #expect(key(engine) == "scope.deliverables")
        feed(engine, "Confirmation e-mail", "")
        #expect(engine.draft.scope.deliverables == ["A four-field form", "Confirmation e-mail"])
        #expect(key(engine) == "scope.requirements[0].text")
    }

    // MARK: - Suggestions from the idea

    @Test("systems and dates named in the idea are offered back")
    func suggestions() {
        let engine = engine()
        feed(engine, "We need a Marketo sign-up form for the webinar on Dec 18, from the product page")
        feed(engine, "/goto systems")
        #expect(engine.prompt?.defaultValue == "Marketo")
        #expect(engine.prompt?.hint == "you mentioned these; Enter adds them")
        let added = engine.handle("")
        #expect(added.changed == ["systems[0].name"])
        #expect(engine.draft.systems.map(\.name) == ["Marketo"])
        #expect(key(engine) == "systems[0].change")

        feed(engine, "/goto timeline")
        #expect(key(engine) == "timeline.launch")
        #expect(engine.prompt?.defaultValue == "2026-12-18")
        feed(engine, "")
        #expect(engine.draft.timeline.launch == date("2026-12-18"))
        #expect(key(engine) == "timeline.deadline")
    }

    @Test("several systems named in the idea are all added, and a number becomes the target's default")
    func severalSuggestions() {
        let engine = engine()
        feed(engine, "A Marketo form and a GA4 event for the webinar, aiming at 300 registrations this quarter")
        feed(engine, "/goto systems")
        #expect(engine.prompt?.defaultValue == "Marketo, GA4")
        let added = engine.handle("")
        #expect(notices(added) == ["Added: Marketo, GA4"])
        #expect(engine.draft.systems.map(\.name) == ["Marketo", "GA4"])
        #expect(key(engine) == "systems[0].change")

        feed(engine, "/goto success", "Qualified pipeline", "Registrations", "0")
        #expect(key(engine) == "success.metrics[0].target")
        #expect(engine.prompt?.defaultValue == "300")
        feed(engine, "")
        #expect(engine.draft.success.metrics.first?.target == .number("300"))
    }

    @Test("typing a name instead of taking the suggestion adds only that one")
    func suggestionDeclined() {
        let engine = engine()
        feed(engine, "We need a Marketo sign-up form for the webinar on Dec 18, from the product page")
        feed(engine, "/goto systems", "HubSpot")
        #expect(engine.draft.systems.map(\.name) == ["HubSpot"])
    }

    // MARK: - Conditions

    @Test("Legal's review is asked only when a system has personal data", arguments: [true, false])
    func legalReviewCondition(_ personalData: Bool) {
        let draft = TestDrafts.load("systems: [{name: Marketo, personal_data: \(personalData)}]")
        let engine = engine(draft)
        #expect(engine.progress.total == (personalData ? 53 : 52))
        feed(engine, "/goto people")
        #expect(key(engine) == "stakeholders[0].role")
        feed(engine, "")
        if personalData {
            #expect(key(engine) == "compliance.legal_review")
            feed(engine, "not sure")
            #expect(engine.draft.compliance.legalReview == .unsure)
            // "Anything Legal said?" is moot when Legal has not reviewed it.
            #expect(key(engine) == "timeline.launch")
        } else {
            #expect(key(engine) == "timeline.launch")
        }
    }

    @Test("a condition follows the answers given during the interview")
    func conditionFollowsAnswers() {
        let engine = atPersonalData()
        feed(engine, "y", "MOps", "", "")  // end of systems, no stakeholders
        #expect(key(engine) == "compliance.legal_review")
    }

    // MARK: - Slash commands

    @Test("/why and /example show the current question's texts")
    func whyAndExample() {
        let engine = engine()
        _ = engine.startLines()
        #expect(engine.handle("/why").lines == [.text(question("idea").why ?? "")])
        #expect(engine.handle("/example").lines == [.text("For example: " + (question("idea").example ?? ""))])
        #expect(key(engine) == "idea")

        feed(engine, "/goto systems", "Marketo")
        #expect(engine.handle("/why").lines == [.text(question("systems.change").why ?? "")])
        #expect(engine.handle("/example").lines == [.text("For example: new program and form")])
    }

    @Test("/why and /example also answer during a follow-up, which stays open")
    func whyDuringFollowUp() {
        let engine = atWhyNow()
        feed(engine, "ASAP")
        #expect(engine.handle("/why").lines == [.text(question("objective.why_now").why ?? "")])
        #expect(engine.handle("/example").lines == [.text("For example: The webinar runs on 2026-12-18.")])
        #expect(engine.prompt?.kind == .followUp)
        feed(engine, "on 2026-12-18")
        #expect(engine.draft.objective.whyNow == "on 2026-12-18")
    }

    @Test("/back returns to the previous question with its value as the default")
    func back() {
        let engine = engine()
        #expect(notices(engine.handle("/back")) == [InterviewText.atStart(.en)])
        feed(engine, Self.idea, "Webinar sign-up form")
        #expect(key(engine) == "requester.name")
        let response = engine.handle("/back")
        #expect(response.stateChanged)
        #expect(key(engine) == "title")
        #expect(engine.prompt?.defaultValue == "Webinar sign-up form")
        feed(engine, "")
        #expect(engine.draft.title == "Webinar sign-up form")
        #expect(key(engine) == "requester.name")
        feed(engine, "/back", "/back")
        #expect(key(engine) == "idea")
        #expect(engine.prompt?.defaultValue == Self.idea)
        feed(engine, "People register for the December webinar on the product page, not by e-mail")
        #expect(engine.draft.idea == "People register for the December webinar on the product page, not by e-mail")
    }

    @Test("/skip leaves a question for later, even a required one")
    func skip() {
        let engine = engine()
        let response = engine.handle("/skip")
        #expect(notices(response).first == InterviewText.skipped("idea")(.en))
        #expect(response.stateChanged)
        #expect(engine.state.skipped == ["idea"])
        #expect(key(engine) == "title")
        #expect(engine.missingRequired.contains("idea"))
    }

    @Test("/goto jumps to a section, by name, title or a near spelling", arguments: ["timeline", "timline", "Timeline", "TIMELINE"])
    func goto(_ target: String) {
        let engine = engine()
        let response = engine.handle("/goto " + target)
        #expect(key(engine) == "timeline.launch")
        #expect(engine.state.position == "timeline.launch")
        let timeline = Self.en.sections[5]
        #expect(response.lines == [.section(timeline.title ?? "", timeline.intro)])
    }

    @Test("/goto to no section lists the sections")
    func gotoNowhere() {
        let engine = engine()
        #expect(
            warnings(engine.handle("/goto zzz")) == [
                InterviewText.gotoTargets("idea, why, scope, systems, people, timeline, success, risks, testing")(.en)
            ])
        #expect(key(engine) == "idea")
        #expect(warnings(engine.handle("/goto")).count == 1)
    }

    @Test("/show prints the draft as YAML")
    func show() {
        let engine = engine()
        feed(engine, Self.idea, "Webinar sign-up form")
        let lines = texts(engine.handle("/show"))
        #expect(lines.count == 1)
        let yaml = lines.first ?? ""
        #expect(yaml.contains("lang: en"))
        #expect(yaml.contains("title: Webinar sign-up form"))
        #expect(yaml.contains(Self.idea))
        #expect(TestDrafts.load(yaml).title == "Webinar sign-up form")
        #expect(key(engine) == "requester.name")
    }

    @Test("/check gives the verdict and what is still open")
    func check() {
        let engine = engine()
        feed(engine, Self.idea)
        let lines = texts(engine.handle("/check"))
        #expect(lines.first?.hasPrefix("Not ready for IT yet · score ") == true, "\(lines)")
        #expect(lines.contains("Still open:"))
        #expect(lines.contains { $0.hasPrefix("  ✖ ") })
        #expect(key(engine) == "title")
    }

    @Test("/edit hands the current text to the editor; the edited text is stored")
    func edit() {
        let engine = engine()
        #expect(engine.handle("/edit").action == .edit(""))
        feed(engine, "/goto why")
        let response = engine.handle("/edit")
        #expect(response.action == .edit(""))
        let stored = engine.edited("Sign-ups go through a shared inbox.\nAbout 30% of them are lost.\n\n")
        #expect(stored.changed == ["objective.problem"])
        #expect(engine.draft.objective.problem == "Sign-ups go through a shared inbox.\nAbout 30% of them are lost.")
        #expect(key(engine) == "objective.business_goal")

        feed(engine, "/back")
        #expect(engine.handle("/edit").action == .edit("Sign-ups go through a shared inbox.\nAbout 30% of them are lost."))
        // An empty edit changes nothing.
        #expect(engine.edited("\n").changed.isEmpty)
        #expect(key(engine) == "objective.problem")
    }

    @Test("/edit only works on text answers")
    func editRefused() {
        let engine = atDeadline()
        let response = engine.handle("/edit")
        #expect(response.action == nil)
        #expect(warnings(response) == [InterviewText.nothingToEdit(.en)])
    }

    @Test("/export, /save and /quit are actions for the front end")
    func actions() {
        let engine = engine()
        #expect(engine.handle("/export jira-v3").action == .export(.jiraV3, path: nil))
        #expect(engine.handle("/export JIRA-IMPORT").action == .export(.jiraImport, path: nil))
        #expect(engine.handle("/export markdown out/ticket.md").action == .export(.markdown, path: "out/ticket.md"))
        let bad = engine.handle("/export pdf")
        #expect(bad.action == nil)
        #expect(warnings(bad).first?.hasPrefix("/export FORMAT [PATH] — jira-import, jira-v2, jira-v3") == true)
        #expect(engine.handle("/export").action == nil)
        #expect(engine.handle("/save").action == .save)
        #expect(engine.handle("/quit").action == .quit)
        #expect(engine.handle("/exit").action == .quit)
        #expect(key(engine) == "idea")
    }

    @Test("an unknown command is refused with the nearest one")
    func unknownCommand() {
        let engine = engine()
        let response = engine.handle("/expotr jira-v3")
        #expect(response.action == nil)
        #expect(warnings(response) == ["Unknown command /expotr. Did you mean /export? /help lists them."])
        #expect(key(engine) == "idea")
        #expect(engine.draft.idea == nil)
        // "//" starts an answer, not a command.
        feed(engine, "// comments in the idea are kept as text, like this one here")
        #expect(engine.draft.idea == "// comments in the idea are kept as text, like this one here")
    }

    @Test("/help lists every command")
    func help() {
        let lines = texts(engine().handle("/help"))
        for command in ["/help", "/why", "/example", "/back", "/skip", "/goto", "/show", "/check", "/edit", "/export", "/save", "/quit"] {
            #expect(lines.contains { $0.hasPrefix("  " + command) }, "\(command)")
        }
    }

    // MARK: - Completions

    @Test(
        "commands, sections and formats complete",
        arguments: [
            ("/ex", ["/example", "/export"]), ("/goto ti", ["/goto timeline", "/goto title", "/goto timeline.launch", "/goto timeline.deadline", "/goto timeline.reason", "/goto timeline.milestones"]),
            ("/export jira-", ["/export jira-import", "/export jira-v2", "/export jira-v3", "/export jira-v3-bulk"]),
            ("/q", ["/quit"]), ("/export", []), ("/zz", []),
        ])
    func commandCompletions(_ typed: String, _ expected: [String]) {
        #expect(engine().completions(for: typed) == expected)
    }

    @Test("a choice question completes its values and labels")
    func choiceCompletions() {
        let engine = atDeadline()
        #expect(engine.completions(for: "h") == ["hard", "hard — it cannot move"])
        #expect(engine.completions(for: "S").contains("soft"))
        #expect(engine.completions(for: "x") == [])
        // Nothing to complete for a text question.
        #expect(self.engine().completions(for: "a") == [])
    }

    @Test("stakeholder roles complete, each once")
    func roleCompletions() {
        let engine = engine()
        feed(engine, "/goto people")
        #expect(key(engine) == "stakeholders[0].role")
        #expect(engine.completions(for: "le") == ["legal"])
        #expect(engine.completions(for: "business_") == ["business_owner"])
        #expect(engine.completions(for: "it").contains("it_contact"))
        #expect(engine.completions(for: "se") == ["security"])
    }

    @Test("system names complete from the catalogue and well-known tools")
    func systemCompletions() throws {
        let configuration = try ConfigLoader.parse(text: "systems:\n  - {name: Lead Router}\n", source: "handoff.yaml")
        let engine = engine(configuration: configuration)
        feed(engine, "/goto systems")
        #expect(engine.completions(for: "Lea") == ["Lead Router"])
        #expect(engine.completions(for: "mar").contains("Marketo"))
        #expect(engine.completions(for: "hub") == ["HubSpot"])
    }

    @Test("the summary completes export formats")
    func summaryCompletions() {
        let (draft, state) = finished()
        let engine = engine(draft, state: state, interactive: true)
        #expect(key(engine) == "summary")
        #expect(engine.completions(for: "mark") == ["markdown"])
    }

    // MARK: - Resuming

    static let partial = """
        idea: We need a sign-up form for the December webinar on the product page
        title: Webinar sign-up form
        requester: {name: Aiko Sato, team: Field Marketing, email: aiko@example.com}
        objective: {problem: 30% of sign-ups are lost, business_goal: Pipeline growth, why_now: Webinar on 2026-12-18, value: 40 leads}
        scope:
          deliverables: [Sign-up form]
          requirements: [{text: Form asks name and e-mail, priority: must}]
          out_of_scope: [Page redesign]
        systems: [{name: Marketo}]
        kind: other
        """

    @Test("a partly answered draft resumes at its first unanswered question")
    func resume() {
        let engine = engine(TestDrafts.load("idea: \(Self.idea)\ntitle: Webinar sign-up form"))
        #expect(key(engine) == "requester.name")
        #expect(engine.progress == (2, 61))

        let inRecord = self.engine(TestDrafts.load(Self.partial))
        #expect(key(inRecord) == "systems[0].change")
        #expect(inRecord.prompt?.text == "Marketo · What has to change in it?")
    }

    @Test("skipped questions are not asked again on resume")
    func resumeAfterSkips() {
        var state = InterviewState()
        state.skipped = ["requester.name", "requester.team"]
        let engine = engine(TestDrafts.load("idea: \(Self.idea)\ntitle: Webinar sign-up form"), state: state)
        #expect(key(engine) == "requester.email")
        #expect(engine.progress == (4, 61))

        var recordState = InterviewState()
        recordState.skipped = ["systems[0].change"]
        let inRecord = self.engine(TestDrafts.load(Self.partial), state: recordState)
        #expect(key(inRecord) == "systems[0].data")
    }

    @Test("a draft with every question answered starts at the summary")
    func resumeFinished() {
        let (draft, state) = finished()
        let engine = engine(draft, state: state)
        #expect(engine.missingRequired == [])
        let lines = engine.startLines()
        #expect(lines.first == .section("Summary", nil))
        #expect(engine.prompt == nil)
    }

    // MARK: - IT's questions

    @Test("IT's open questions are asked first and their answers recorded")
    func itQuestions() throws {
        let draft = TestDrafts.load(
            """
            idea: \(Self.idea)
            review:
              questions:
                - {by: IT, text: Which Marketo workspace?, answered: false}
                - {by: IT, text: Old question, answered: true, answer: done}
                - {by: Security, text: Who may see the sign-ups?}
                - {by: IT, text: Is the page on the new CMS?}
            """)
        let engine = engine(draft)
        #expect(engine.opening() == [.notice(InterviewText.itQuestionsIntro(.en))])
        #expect(key(engine) == "review.questions[0]")
        #expect(engine.prompt?.text == "IT asks (IT): Which Marketo workspace?")
        #expect(engine.prompt?.section == .review)

        let answer = engine.handle("The EMEA workspace")
        #expect(answer.changed == ["review.questions[0].answer"])
        #expect(engine.draft.review.questions[0].answer == "The EMEA workspace")
        #expect(engine.draft.review.questions[0].answered == true)
        #expect(key(engine) == "review.questions[2]")
        #expect(engine.prompt?.text == "IT asks (Security): Who may see the sign-ups?")

        let open = engine.handle("")
        #expect(open.changed.isEmpty)
        #expect(engine.draft.review.questions[2].isOpen)
        #expect(key(engine) == "review.questions[3]")
        feed(engine, "/skip")
        #expect(engine.draft.review.questions[3].isOpen)
        #expect(key(engine) == "title")
        #expect(engine.draft.review.questions[1].answer == "done")
    }

    // MARK: - Progress and what is missing

    @Test("progress rises with every answer and skip")
    func progress() {
        let engine = engine()
        // Every prompt that will come: the plain questions (the kind and five on operations among
        // them) plus each records question's fields for one record and its "another one?"; the
        // form's nine questions join once the idea names a form.
        #expect(engine.progress == (0, 52))
        #expect(engine.prompt?.answered == 0)
        #expect(engine.prompt?.total == 52)
        feed(engine, Self.idea)
        #expect(engine.progress == (1, 61))
        feed(engine, "Webinar sign-up form", "")
        #expect(engine.progress == (3, 61))
        #expect(engine.prompt?.answered == 3)
    }

    @Test("missingRequired lists the required questions not answered yet")
    func missingRequired() {
        let engine = engine()
        #expect(
            engine.missingRequired == [
                "idea", "title", "objective.problem", "objective.business_goal", "scope.deliverables", "systems",
                "timeline.launch", "success.metrics", "testing.acceptance_criteria",
            ])
        feed(engine, Self.idea, "Webinar sign-up form")
        #expect(engine.missingRequired.first == "objective.problem")
        #expect(!engine.missingRequired.contains("idea"))
    }

    // MARK: - The end

    /// The draft and state a complete English interview leaves.
    private func finished() -> (draft: Draft, state: InterviewState) {
        let engine = engine()
        drive(engine, Self.englishAnswers)
        return (engine.draft, engine.state)
    }

    @Test("a complete interview without a terminal ends with the summary and .finished")
    func completeNonInteractive() {
        let engine = engine()
        let run = drive(engine, Self.englishAnswers)
        #expect(run.last.action == .finished)
        #expect(run.last.lines.contains(.section("Summary", nil)))
        #expect(texts(run.last).first?.hasPrefix("Ready for IT · score ") == true, "\(run.last.lines)")
        #expect(engine.prompt == nil)
        #expect(engine.state.finished == true)
        #expect(engine.state.position == nil)
        #expect(engine.missingRequired == [])
        #expect(run.asked.contains("compliance.legal_review"))
        #expect(engine.progress.answered == engine.progress.total)

        let draft = engine.draft
        #expect(draft.lang == .en)
        #expect(draft.scope.requirements.map(\.priority) == [.must, .could])
        #expect(draft.stakeholders.map(\.role) == [.businessOwner, .legal, .sales, .itContact, .approver])
        #expect(draft.stakeholders[3].email == "web@example.com")
        #expect(draft.compliance.legalReview == .yes)
        #expect(draft.timeline.milestones.first?.date == date("2027-01-08"))
        #expect(draft.success.metrics.first?.reviewOn == date("2027-02-05"))
        #expect(draft.testing.acceptanceCriteria.count == 1)
        let report = Readiness.check(draft, in: TestDrafts.context())
        #expect(report.findings.filter { $0.severity == .blocker } == [])
    }

    @Test("at a terminal the summary offers an export; a format exports, Enter finishes")
    func summaryInteractive() {
        let exporting = engine(interactive: true)
        drive(exporting, Self.englishAnswers)
        #expect(key(exporting) == "summary")
        #expect(exporting.prompt?.section == .review)
        let bad = exporting.handle("pdf")
        #expect(warnings(bad).first?.hasPrefix("Not a format. Choose one of: jira-import") == true)
        #expect(key(exporting) == "summary")
        let export = exporting.handle("jira-v3")
        #expect(export.action == .export(.jiraV3, path: nil))
        #expect(exporting.prompt == nil)

        let (draft, state) = finished()
        let finishing = engine(draft, state: state, interactive: true)
        #expect(finishing.startLines().contains(.section("Summary", nil)))
        #expect(key(finishing) == "summary")
        #expect(finishing.handle("").action == .finished)
        #expect(finishing.prompt == nil)
    }

    // MARK: - Japanese

    static let japaneseAnswers: [String: [String]] = [
        "idea": ["12月のウェビナーに製品ページから申し込めるフォームを作りたい。共有の受信箱で申し込みが埋もれないようにしたい。"],
        "title": ["12月ウェビナーの申込フォーム"], "kind": [""],
        "details.url": ["www.example.co.jp/webinar/january"], "details.content_supplier": ["フィールドマーケティング部"],
        "details.content_due": ["2027-01-08"], "details.responsive": ["スマートフォン優先"],
        "details.accessibility": ["WCAG 2.1 AA"], "details.consent_text": ["本ウェビナーについての連絡に同意します。"],
        "details.consent_approver": ["法務部"], "details.spam_protection": ["reCAPTCHA v3"],
        "details.submissions_to": ["1分以内に Marketo のリード"],
        "operations.expected_traffic": ["2週間で申込300件。招待メール直後に1時間50件"],
        "operations.security_impact": ["いいえ"], "operations.maintained_by": ["マーケティングオペレーション部"],
        "operations.until": ["2027-03-31"],
        "requester.name": ["佐藤 愛子"], "requester.team": ["フィールドマーケティング部"], "requester.email": ["aiko.sato@example.co.jp"],
        "objective.problem": ["申し込みの約3割が共有受信箱で取りこぼされている。"],
        "objective.business_goal": ["エンタープライズ向け新規パイプラインの拡大（FY27 目標）"],
        "objective.why_now": ["ウェビナーが 2027-01-28 に開催されるため。"],
        "objective.value": ["有効リード40件、パイプライン見込み1,800万円"],
        "scope.deliverables": ["製品ページの申込フォーム", "確認メール", ""],
        "scope.requirements[0].text": ["フォーム項目は氏名・会社メール・会社名・同意"], "scope.requirements[0].priority": ["1"],
        "scope.requirements[1].text": [""],
        "scope.out_of_scope": ["製品ページ全体のリデザイン", ""],
        "systems[0].name": ["Marketo"], "systems[0].change": ["新規プログラムとフォームの作成"],
        "systems[0].data": ["氏名, メールアドレス, 会社名"], "systems[0].personal_data": ["はい"], "systems[0].owner": ["MOps チーム"],
        "systems[1].name": [""],
        "stakeholders[0].role": ["ビジネスオーナー"], "stakeholders[0].name": ["伊藤 健"], "stakeholders[0].email": ["ken.ito@example.co.jp"],
        "stakeholders[1].role": ["法務"], "stakeholders[1].name": ["法務部"], "stakeholders[1].email": [""],
        "stakeholders[2].role": ["営業"], "stakeholders[2].name": ["田中 美香"], "stakeholders[2].email": [""],
        "stakeholders[3].role": ["IT 窓口"], "stakeholders[3].name": ["Web チーム"], "stakeholders[3].email": [""],
        "stakeholders[4].role": ["承認者"], "stakeholders[4].name": ["伊藤 健"], "stakeholders[4].email": [""],
        "stakeholders[5].role": [""],
        "compliance.legal_review": ["はい"], "compliance.notes": ["同意文言は法務の最新版（v3）を使用"],
        "timeline.launch": ["2027年1月22日"], "timeline.deadline": ["1"],
        "timeline.reason": ["1月28日のウェビナーの告知に間に合わせるため。"],
        "timeline.milestones[0].name": ["原稿確定"], "timeline.milestones[0].date": ["1月8日"],
        "timeline.milestones[1].name": [""],
        "success.kgi": ["ウェビナー参加者からの有効商談"],
        "success.metrics[0].name": ["登録数"], "success.metrics[0].baseline": ["0"], "success.metrics[0].target": ["300"],
        "success.metrics[0].source": ["Marketo"], "success.metrics[0].tracking": ["GA4 のフォーム送信イベント"],
        "success.metrics[0].review_on": ["2027-02-05"], "success.metrics[0].owner": ["佐藤 愛子"],
        "success.metrics[1].name": [""],
        "risks[0].text": ["スパム登録"], "risks[0].mitigation": ["フォームに CAPTCHA を設置"], "risks[1].text": [""],
        "change.iterations": ["公開1週間後に見出しの A/B テスト"],
        "change.people_affected": ["インサイドセールスに新しいリード経路が増える。15分の説明会を実施。"],
        "testing.acceptance_criteria": ["訪問者が正しい内容でフォームを送信すると、1分以内に Marketo にリードが作成される", ""],
        "testing.qa_notes": ["iPhone の Safari と Android の Chrome で確認"],
    ]

    @Test("a complete interview in Japanese gives a Japanese draft with no blocker")
    func japaneseInterview() {
        let engine = engine(pack: Self.ja)
        #expect(engine.draft.lang == .ja)
        #expect(engine.prompt?.text == question("idea", in: Self.ja).text)
        #expect(engine.startLines() == [.section("アイデア", Self.ja.sections[0].intro)])
        let run = drive(engine, Self.japaneseAnswers)
        #expect(run.last.action == .finished)
        #expect(run.last.lines.contains(.section("まとめ", nil)))

        let draft = engine.draft
        #expect(draft.lang == .ja)
        #expect(draft.title == "12月ウェビナーの申込フォーム")
        #expect(draft.title?.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } == true)
        #expect(draft.systems.first?.data == ["氏名", "メールアドレス", "会社名"])
        #expect(draft.systems.first?.personalData == true)
        #expect(draft.stakeholders.map(\.role) == [.businessOwner, .legal, .sales, .itContact, .approver])
        #expect(draft.compliance.legalReview == .yes)
        #expect(draft.timeline.launch == date("2027-01-22"))
        #expect(draft.timeline.deadline == .hard)
        #expect(draft.timeline.milestones.first?.date == date("2027-01-08"))
        #expect(draft.success.metrics.first?.target == .number("300"))

        let report = Readiness.check(draft, in: TestDrafts.context(.ja))
        #expect(report.findings.filter { $0.severity == .blocker }.map(\.rule) == [])
        #expect(report.isReady)
    }

    @Test("Japanese prompts speak Japanese: warnings, hints, confirmations")
    func japaneseWords() {
        let engine = engine(interactive: true, pack: Self.ja)
        #expect(warnings(engine.handle("")) == [InterviewText.required(.ja)])
        feed(engine, "/goto スケジュール")
        #expect(key(engine) == "timeline.launch")
        feed(engine, "来週の金曜")
        #expect(engine.prompt?.kind == .confirmation)
        #expect(engine.prompt?.text == "2026年11月27日（金） (2026-11-27)?")
        #expect(engine.prompt?.defaultValue == "はい")
        feed(engine, "はい")
        #expect(engine.draft.timeline.launch == date("2026-11-27"))
        #expect(engine.prompt?.hint == "1 厳守（動かせない） · 2 目安（少しなら動かせる） · 3 期限なし（できしだい）")
        feed(engine, "目安（少しなら動かせる）")
        #expect(engine.draft.timeline.deadline == .soft)
        feed(engine, "なるべく早く")
        #expect(engine.prompt?.kind == .followUp)
        #expect(engine.prompt?.text == VagueLexicon.Kind.time.followUp("なるべく早く")(.ja))
    }
}
