import Foundation
import HandoffKit
import Testing

/// `handoff review`: what an IT reviewer reads, and the questions that travel back to the marketer.
@Suite("handoff review")
struct ReviewCommandTests {
    @Test("a ready draft laid out for a 100-column terminal (golden)")
    func readyGolden() throws {
        let result = try Golden.check(
            "review-ready-en", ["review", "examples/webinar-signup.yaml"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("None: IT has what it needs."))
    }

    @Test("a Japanese draft at 72 columns: wrapped by display width, tables fitted (golden)")
    func japaneseGolden() throws {
        let result = try Golden.check(
            "review-japanese", ["review", "examples/ja-campaign-lp.yaml"], environment: ["COLUMNS": "72"])
        #expect(result.status == 1)
        for line in result.stdout.split(separator: "\n") {
            #expect(TerminalText.width(String(line)) <= 72, "too wide: \(line)")
        }
        #expect(result.stdout.contains("依頼者に返す質問"))
    }

    @Test("JSON for tools: verdict, findings, questions to ask, the draft")
    func json() throws {
        let result = try HandoffProcess.run(["review", "--format", "json", "examples/half-formed-idea.yaml"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ready"] as? Bool == false)
        #expect((object["questions_to_ask"] as? [String])?.first?.isEmpty == false)
        #expect((object["draft"] as? [String: Any])?["title"] as? String == "Make the pricing page better ASAP")
    }

    @Test("an export reads back for review; terminal control characters never reach the screen raw")
    func exportAndHostileText() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("ticket.json")
        let export = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "jira-v3", "-o", file.path])
        #expect(export.status == 0)
        let fromExport = try HandoffProcess.run(["review", file.path], environment: ["COLUMNS": "100"])
        let fromDraft = try HandoffProcess.run(["review", "examples/webinar-signup.yaml"], environment: ["COLUMNS": "100"])
        #expect(fromExport.status == 0)
        #expect(fromExport.stdout.replacingOccurrences(of: file.path, with: "examples/webinar-signup.yaml") == fromDraft.stdout)
        let hostile = try HandoffProcess.run(["review", "Tests/HandoffCLITests/Fixtures/hostile.yaml"], environment: ["CLICOLOR_FORCE": "1"])
        // Our own colours are ESC [ … m; the draft's ESC [2J and BEL must not appear.
        #expect(!hostile.stdout.contains("\u{1B}[2J"))
        #expect(!hostile.stdout.contains("\u{07}"))
        #expect(hostile.stdout.contains("^[[2J"))
    }

    @Test("--ask adds questions to a draft file; check then reports them open; exports and stdin are refused")
    func askOnFile() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let draft = scratch.appendingPathComponent("draft.yaml")
        try FileManager.default.copyItem(
            at: HandoffProcess.repositoryRoot.appendingPathComponent("examples/webinar-signup.yaml"), to: draft)
        let ask = try HandoffProcess.run(["review", draft.path, "--ask", "Which Marketo workspace?", "--by", "Ken (IT)"])
        #expect(ask.status == 0, "\(ask.stderr)")
        #expect(ask.stdout.contains("Added 1 question"))
        let text = try String(contentsOf: draft, encoding: .utf8)
        #expect(text.contains("text: Which Marketo workspace?"))
        #expect(text.contains("by: Ken (IT)"))
        #expect(text.contains("asked_on: 2026-11-20"))
        let check = try HandoffProcess.run(["check", "--format", "json", draft.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"rule\":\"open-questions\""))
        let export = scratch.appendingPathComponent("ticket.json")
        _ = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "jira-v2", "-o", export.path])
        let onExport = try HandoffProcess.run(["review", export.path, "--ask", "Why?"])
        #expect(onExport.status == 2)
        #expect(onExport.stderr.contains("is a jira-v2/v3 export; --ask writes into a draft file or a stored draft"))
        let onStdin = try HandoffProcess.run(["review", "-", "--ask", "Why?"], stdin: "title: x\n")
        #expect(onStdin.status == 2)
    }

    @Test("the loop: IT asks on a stored draft, the marketer's resume asks it first, review shows the answer")
    func askResumeAnswer() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment: [String: String?] = ["HANDOFF_HOME": home.appendingPathComponent("store").path]
        let answers = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/answers-en.txt"),
            encoding: .utf8)
        let id = try HandoffProcess.run(["new", "--no-input"], stdin: answers, environment: environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let ask = try HandoffProcess.run(["review", id, "--ask", "Which Marketo workspace?"], environment: environment)
        #expect(ask.status == 0)
        let open = try HandoffProcess.run(["check", id], environment: environment)
        #expect(open.status == 1)
        let resume = try HandoffProcess.run(["resume", id, "--no-input"], stdin: "MKT-Prod\n", environment: environment)
        #expect(resume.stderr.contains("IT asks (IT): Which Marketo workspace?"))
        #expect(resume.status == 0)
        let review = try HandoffProcess.run(["review", id, "--format", "json"], environment: environment)
        #expect(review.status == 0)
        #expect(review.stdout.contains("\"answer\":\"MKT-Prod\""))
        #expect(review.stdout.contains("\"answered\":true"))
    }

    @Test("requirements changed after the first export are flagged")
    func requirementChurn() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let storeRoot = home.appendingPathComponent("store").path
        let environment: [String: String?] = ["HANDOFF_HOME": storeRoot]
        let answers = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/answers-en.txt"),
            encoding: .utf8)
        let id = try HandoffProcess.run(["new", "--no-input"], stdin: answers, environment: environment).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let export = try HandoffProcess.run(["export", id, "--to", "jira-v3", "--project", "WEB"], environment: environment)
        #expect(export.status == 0)
        let before = try HandoffProcess.run(["review", id], environment: environment)
        #expect(!before.stdout.contains("Requirements changed"))
        // The marketer changes the requirements afterwards.
        let store = DraftStore(location: StoreLocation(root: storeRoot))
        var draft = try store.load(id)
        draft.scope.requirements[0].priority = .should
        draft.scope.requirements.append(Requirement("Reminder e-mail one day before", .must))
        draft.scope.requirements.remove(at: 1)
        try store.save(draft, fields: ["scope.requirements"], section: "scope")
        let after = try HandoffProcess.run(["review", id], environment: environment)
        #expect(after.stdout.contains("Requirements changed since the first export"))
        #expect(after.stdout.contains("+ Reminder e-mail one day before (must)"))
        #expect(after.stdout.contains("- Calendar invite attached"))
        #expect(after.stdout.contains("~ Form asks name, work e-mail, company, consent: must → should"))
        let json = try HandoffProcess.run(["review", id, "--format", "json"], environment: environment)
        #expect(json.stdout.contains("\"requirement_changes\""))
    }
}

extension ReviewCommandTests {
    @Test("the header names a stored draft's id once; a file's header names the file and the id")
    func headerNamesTheIDOnce() throws {
        let (_, home, environment) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        let stored = try HandoffProcess.run(["review", StoredExamples.ready], environment: environment)
        #expect(stored.status == 0, "\(stored)")
        #expect(stored.stdout.hasPrefix("REVIEW  \(StoredExamples.ready)\n"), "\(stored.stdout.prefix(80))")
        let file = try HandoffProcess.run(["review", "examples/webinar-signup.yaml"], environment: environment)
        #expect(file.stdout.hasPrefix("REVIEW  examples/webinar-signup.yaml · \(StoredExamples.ready)\n"))
        let japanese = try HandoffProcess.run(["review", "examples/ja-campaign-lp.yaml"], environment: environment)
        // Stored under the same id, so the question goes to the stored draft.
        #expect(japanese.stdout.contains("handoff review \(StoredExamples.japanese) --ask"), "\(japanese.stdout)")
    }

    @Test("drafts: the table shows a draft without a title by the first line of its idea")
    func draftsTable() throws {
        let (store, home, environment) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        var untitled = Draft()
        untitled.id = "untitled-1a2b"
        untitled.idea = "A landing page for spring\nwith a form\nand a thank-you mail"
        try store.save(untitled)
        let result = try HandoffProcess.run(["drafts"], environment: environment)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stdout)")
        #expect(lines.first?.hasPrefix("ID") == true)
        let row = try #require(lines.first { $0.hasPrefix("untitled-1a2b") })
        #expect(row.contains("A landing page for spring"))
        #expect(!result.stdout.contains("with a form"))
        let json = try HandoffProcess.run(["drafts", "--format", "json"], environment: environment)
        #expect(json.stdout.split(separator: "\n").count == 3)
        #expect(json.stdout.contains("\"id\":\"\(StoredExamples.ready)\""))
    }
}
