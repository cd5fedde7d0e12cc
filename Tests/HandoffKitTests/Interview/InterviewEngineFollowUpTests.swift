import Testing

@testable import HandoffKit

/// The interview engine, continued: follow-ups, suggestions from the idea, conditions and slash
/// commands (the helpers are in InterviewEngineTests.swift).
extension InterviewEngineTests {
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

    @Test("'don't know' at a follow-up keeps the answer as typed and moves on", arguments: ["?", "don't know", "わからない"])
    func dontKnowAtFollowUp(_ reply: String) {
        let vague = atWhyNow()
        feed(vague, "ASAP")
        #expect(vague.prompt?.kind == .followUp)
        let response = vague.handle(reply)
        #expect(response.changed.isEmpty)
        #expect(vague.draft.objective.whyNow == "ASAP")
        #expect(response.lines.contains(.notice(InterviewText.keptAsTyped("ASAP")(.en))))
        #expect(key(vague) == "objective.value")
        #expect(vague.prompt?.kind == .question)

        let idea = engine()
        feed(idea, "A webinar form")
        #expect(idea.prompt?.kind == .followUp)
        let kept = idea.handle(reply)
        #expect(idea.draft.idea == "A webinar form")
        #expect(kept.lines.contains(.notice(InterviewText.keptAsTyped(nil)(.en))))
        #expect(key(idea) == "title")
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
}
