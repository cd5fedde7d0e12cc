import Foundation
import Testing

/// The interview as a marketer meets it: the real binary on a pseudo-terminal, typed at.
@Suite("the interview at a terminal", .serialized)
struct InterviewTerminalTests {
    /// A private home (store, config, history) for one test.
    final class Home {
        let url = HandoffProcess.temporaryDirectory()
        var environment: [String: String] {
            var environment = HandoffProcess.baseEnvironment(home: url)
            environment["TERM"] = "xterm"
            return environment
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func start(_ arguments: [String], extra: [String: String] = [:]) throws -> PseudoTerminal {
            try PseudoTerminal(arguments, environment: environment.merging(extra) { $1 })
        }

        /// The ids in the store.
        var drafts: [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent("store/drafts").path))?.sorted() ?? []
        }

        func draftText(_ id: String) throws -> String {
            try String(contentsOf: url.appendingPathComponent("store/drafts/\(id)/draft.yaml"), encoding: .utf8)
        }

        func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
            try HandoffProcess.run(arguments, stdin: stdin, environment: environment.mapValues { Optional($0) })
        }
    }

    @Test("a whole interview in English: Ctrl-C, /why, /back, Tab, a natural date confirmed, ready at the end")
    func englishInterview() throws {
        let home = Home()
        let terminal = try home.start(["new"])
        try terminal.answer("What would you like to do?", 
            "We need a sign-up form for the December webinar on the product page; registrations go to Marketo and the webinar is on Dec 18")
        try terminal.expect("what should the ticket be called?")
        try terminal.ready()
        // Ctrl-C drops the line and keeps the session.
        terminal.type("garbage that should vanish")
        terminal.type(PseudoTerminal.controlC)
        try terminal.answer("^C", "Webinar sign-up form")
        try terminal.answer("What is your name?", "/why")
        try terminal.answer("whom to ask", "Aiko Sato")
        try terminal.answer("Which team are you in?", "Field Marketing")
        try terminal.answer("Your e-mail address?", "/back")
        try terminal.answer("[Field Marketing]", "")
        try terminal.answer("Your e-mail address?", "aiko@example.com")
        // The kind is offered from the idea; Enter confirms it.
        try terminal.answer("[form]", "")
        for answer in [
            "Sign-ups get lost in the shared inbox, about 30% of them", "Pipeline growth for the enterprise segment (FY27 goal)",
            "The webinar runs on 2026-12-18", "About 40 qualified leads, 120k USD pipeline",
        ] {
            try terminal.ready()
            terminal.line(answer)
        }
        try terminal.answer("What will exist when this is done", "Sign-up form on the product page")
        terminal.line("Confirmation e-mail")
        terminal.line("")
        try terminal.answer("Requirement 1 · What is required?", "Form asks name, work e-mail, company, consent")
        try terminal.expect("How important is it?")
        try terminal.ready()
        // Tab completes the choice.
        terminal.type("mu" + PseudoTerminal.tab)
        try terminal.expect("must")
        terminal.line("")
        try terminal.answer("Requirement 2 · What is required?", "Calendar invite attached")
        try terminal.answer("How important is it?", "3")
        try terminal.answer("Requirement 3", "")
        try terminal.answer("not part of this request?", "Redesign of the product page")
        terminal.line("")
        for (question, answer) in [
            ("On which URL or domain", "www.example.com/products/webinar"), ("Who supplies the copy", "Field Marketing"),
            ("final copy and images", "2026-11-27"), ("Which devices and screen sizes", "Current Safari and Chrome"),
            ("What accessibility level", "WCAG 2.1 AA"), ("What consent text", "I agree to be contacted about this webinar."),
            ("Who approves that consent text?", "Legal desk"), ("protected against spam", "reCAPTCHA v3"),
            ("Where do submissions go", "Marketo lead within 1 minute"),
        ] {
            try terminal.answer(question, answer)
        }
        try terminal.answer("[Marketo]", "")
        try terminal.answer("What has to change in it?", "new program and form")
        try terminal.answer("Which data", "name, email, company")
        try terminal.answer("personal data", "y")
        try terminal.answer("Who owns the system?", "MOps")
        try terminal.answer("System 2", "")
        try terminal.answer("What is their role?", "business_owner")
        try terminal.answer("Their name", "Ken Ito")
        try terminal.answer("Their e-mail", "")
        try terminal.answer("Stakeholder 2", "legal")
        try terminal.answer("Their name", "Legal desk")
        try terminal.answer("Their e-mail", "")
        try terminal.answer("Stakeholder 3", "")
        try terminal.answer("Has Legal reviewed", "yes")
        try terminal.answer("Anything Legal said", "Consent text from Legal")
        // The date from the idea is offered; a natural date is echoed back to confirm.
        try terminal.answer("[2026-12-18]", "next friday")
        try terminal.answer("Friday 27 November 2026 (2026-11-27)?", "n")
        try terminal.answer("By which date must it be live?", "Dec 4")
        try terminal.answer("Friday 4 December 2026 (2026-12-04)?", "")
        try terminal.answer("How firm is that date?", "hard")
        try terminal.answer("What is the date tied to", "Invitations go out on 2026-12-05")
        try terminal.answer("Milestone 1", "Copy final")
        try terminal.answer("By which date?", "2026-11-30")
        try terminal.answer("Milestone 2", "")
        try terminal.answer("(the KGI)?", "Qualified pipeline from webinar attendees")
        for (question, answer) in [
            ("What will you count?", "Registrations"), ("What is it today?", "0"), ("What value means success?", "300"),
            ("Where does the number come from", "Marketo"), ("How is it tracked", "form-fill event in GA4"),
            ("When will you review it?", "2026-12-19"), ("Who reports the number?", "Aiko Sato"),
        ] {
            try terminal.answer(question, answer)
        }
        try terminal.answer("Metric 2", "")
        try terminal.answer("What could go wrong?", "Spam sign-ups")
        try terminal.answer("What reduces that risk?", "CAPTCHA")
        try terminal.answer("Risk 2", "")
        try terminal.answer("change things after launch", "Headline A/B test after week one")
        try terminal.answer("Whose daily work changes", "SDRs get a new lead source; 15-minute briefing")
        try terminal.answer("How much traffic", "300 sign-ups over two weeks; peak 50 an hour after the invitation")
        try terminal.answer("third-party scripts", "no")
        try terminal.answer("Who maintains it after launch", "Marketing Ops")
        try terminal.answer("Until when does it have to run?", "2027-01-31")
        try terminal.answer("How will you check it works?", "Given a visitor submits the form, when the data is valid, then a Marketo lead is created within 1 minute")
        terminal.line("")
        try terminal.answer("Anything to test on specifically", "Test on mobile Safari and Chrome")
        try terminal.expect("Ready for IT")
        try terminal.answer("Export now?", "")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screen.contains("garbage that should vanish\nWebinar"))

        let ids = home.drafts
        #expect(ids.count == 1)
        let id = try #require(ids.first)
        let check = try home.run(["check", id])
        #expect(check.status == 0, "\(check.stdout)")
        let text = try home.draftText(id)
        #expect(text.contains("title: Webinar sign-up form"))
        #expect(text.contains("launch: 2026-12-04"))
        #expect(text.contains("priority: must"))
        #expect(text.contains("priority: could"))
        #expect(text.contains("team: Field Marketing"))
        #expect(text.contains("kind: form"))
        #expect(text.contains("spam_protection: reCAPTCHA v3"))
        #expect(text.contains("until: 2027-01-31"))
        // History is kept per user, for the next session's arrow keys.
        let history = try String(contentsOf: home.url.appendingPathComponent("state/handoff/history"), encoding: .utf8)
        #expect(history.contains("Webinar"))
    }

    @Test("Japanese typed and edited at the terminal, a vague answer followed up, Ctrl-D saves and leaves")
    func japaneseInterview() throws {
        let home = Home()
        let terminal = try home.start(["new", "--lang", "ja"])
        try terminal.answer("何をしたいですか", "春の新製品キャンペーンのランディングページを作り、資料請求をなるべく早く営業に渡したい")
        // なるべく: a hedge, followed up at once.
        try terminal.answer("いつ頃ですか", "公開から1営業日以内に渡したい")
        try terminal.expect("どんなタイトルになりますか")
        try terminal.ready()
        // A wide character deleted with one backspace.
        terminal.type("春キャンペーンXのLP")
        terminal.type(PseudoTerminal.backspace + PseudoTerminal.backspace + PseudoTerminal.backspace + PseudoTerminal.backspace)
        terminal.line("のLP")
        try terminal.expect("お名前を教えてください")
        try terminal.ready()
        terminal.type(PseudoTerminal.controlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.contains("として保存しました"))
        let id = try #require(home.drafts.first)
        let text = try home.draftText(id)
        #expect(text.contains("title: 春キャンペーンのLP"), "\(text)")
        #expect(text.contains("なるべく早く営業に渡したい — 公開から1営業日以内に渡したい"), "\(text)")
        #expect(text.contains("lang: ja"))
    }

    @Test("/edit opens $EDITOR on the current answer (Japanese intact) and takes what the editor saved")
    func externalEditor() throws {
        let home = Home()
        // The editor keeps what it was given for the test, then saves the marketer's rewrite.
        let script = home.url.appendingPathComponent("editor.sh")
        try """
            #!/bin/sh
            cat "$1" > "$(dirname "$0")/given.txt"
            printf '%s\\n' '春の新製品キャンペーンのLP' > "$1"
            """.write(to: script, atomically: true, encoding: .utf8)
        #expect(chmod(script.path, 0o755) == 0)
        func editFiles() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: "/tmp").filter { $0.hasPrefix("handoff-edit-") })
        }
        let editFilesBefore = try editFiles()
        let terminal = try home.start(["new", "--lang", "ja"], extra: ["EDITOR": script.path, "VISUAL": ""])
        try terminal.answer("何をしたいですか", "春の新製品キャンペーンのランディングページを作り、資料請求を公開から1営業日以内に営業に渡したい")
        try terminal.answer("どんなタイトルになりますか", "春のLP")
        try terminal.answer("お名前を教えてください", "/back")
        try terminal.answer("どんなタイトルになりますか", "/edit")
        try terminal.expect("お名前を教えてください")
        try terminal.ready()
        terminal.type(PseudoTerminal.controlD)
        #expect(try terminal.waitForExit() == 0)
        let given = try String(contentsOf: home.url.appendingPathComponent("given.txt"), encoding: .utf8)
        #expect(given.contains("春のLP"), "the editor was given: \(given)")
        let id = try #require(home.drafts.first)
        let text = try home.draftText(id)
        #expect(text.contains("title: 春の新製品キャンペーンのLP"), "\(text)")
        // The temporary file the editor worked on is gone.
        #expect(try editFiles().subtracting(editFilesBefore).isEmpty)
    }

    @Test("kill -9 mid-interview loses nothing: resume continues at the first unanswered question")
    func resumeAfterKill() throws {
        let home = Home()
        let first = try home.start(["new"])
        try first.answer("What would you like to do?", "A banner on the blog announcing the new pricing, linking to the pricing page for visitors")
        try first.answer("what should the ticket be called?", "Pricing banner on the blog")
        try first.expect("What is your name?")
        first.signal(SIGKILL)
        #expect(try first.waitForExit() == 128 + SIGKILL)
        let id = try #require(home.drafts.first)
        #expect(try home.draftText(id).contains("title: Pricing banner on the blog"))

        // The lock died with the process; resume asks the next question.
        let second = try home.start(["resume", id])
        try second.answer("What is your name?", "Ken Ito")
        try second.answer("Which team are you in?", "/quit")
        #expect(try second.waitForExit() == 0)
        let text = try home.draftText(id)
        #expect(text.contains("title: Pricing banner on the blog"))
        #expect(text.contains("name: Ken Ito"))
    }

    @Test("a second session on the same draft is told who holds it (exit 3); SIGTERM saves and exits 130")
    func lockAndTerminate() throws {
        let home = Home()
        let seed = try home.run(["new", "--no-input"], stdin: "A banner for the pricing page announcing the new plans to visitors\nPricing banner\n")
        let id = seed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!id.isEmpty)
        let holder = try home.start(["resume", id])
        try holder.expect("What is your name?")
        let second = try home.run(["resume", id, "--no-input"], stdin: "x\n")
        #expect(second.status == 3)
        #expect(second.stderr.contains("\(id): is open in another session (pid \(holder.pid)"))
        try holder.ready()
        holder.type("Aiko")
        holder.signal(SIGTERM)
        #expect(try holder.waitForExit() == 130)
        // Released: a new session gets in.
        let third = try home.run(["resume", id, "--no-input"], stdin: "Aiko Sato\n")
        #expect(third.status == 2)
        #expect(try home.draftText(id).contains("name: Aiko Sato"))
    }

    @Test("`handoff` alone offers to resume the unfinished draft; without a terminal it says what to do")
    func bareHandoff() throws {
        let home = Home()
        let seed = try home.run(["new", "--no-input"], stdin: "A banner for the pricing page announcing the new plans to visitors\nPricing banner\n")
        #expect(seed.status == 2)
        let terminal = try home.start([])
        try terminal.expect("Resume “Pricing banner”")
        try terminal.expect("[Y/n]")
        terminal.line("")
        try terminal.answer("What is your name?", "/quit")
        #expect(try terminal.waitForExit() == 0)
        let piped = try home.run([], stdin: "")
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("the interview needs a terminal"))
    }

    @Test("unknown slash commands suggest the nearest; Tab completes commands and sections")
    func commandsAndCompletion() throws {
        let home = Home()
        let terminal = try home.start(["new"])
        try terminal.answer("What would you like to do?", "/expotr")
        try terminal.expect("Did you mean /export?")
        try terminal.ready()
        terminal.type("/go" + PseudoTerminal.tab)
        try terminal.expect("/goto ")
        terminal.type("tim" + PseudoTerminal.tab)
        try terminal.expect("timeline")
        terminal.line("")
        try terminal.expect("By which date must it be live?")
        try terminal.ready()
        terminal.type(PseudoTerminal.controlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("~/.editrc lines for handoff apply: Ctrl-A rebound to end-of-line changes where typing lands")
    func editrc() throws {
        let home = Home()
        try "handoff:bind ^A ed-move-to-end\n".write(
            to: home.url.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        let terminal = try home.start(["new"])
        try terminal.answer(
            "What would you like to do?", "A banner on the blog announcing the new pricing plans to every visitor")
        try terminal.expect("what should the ticket be called?")
        try terminal.ready()
        terminal.type("Pricing banner")
        terminal.type("\u{01}")  // emacs: beginning of line; rebound here: end of line
        terminal.line("!")
        try terminal.expect("What is your name?")
        try terminal.ready()
        terminal.type(PseudoTerminal.controlD)
        #expect(try terminal.waitForExit() == 0)
        let id = try #require(home.drafts.first)
        #expect(try home.draftText(id).contains("title: Pricing banner!"))
    }

    @Test("SIGHUP (the terminal closed) saves and exits like SIGTERM")
    func hangUp() throws {
        let home = Home()
        let terminal = try home.start(["new"])
        try terminal.answer(
            "What would you like to do?", "A banner on the blog announcing the new pricing plans to every visitor")
        try terminal.expect("what should the ticket be called?")
        try terminal.ready()
        terminal.signal(SIGHUP)
        #expect(try terminal.waitForExit() == 130)
        let id = try #require(home.drafts.first)
        #expect(try home.draftText(id).contains("announcing the new pricing plans"))
    }
}
