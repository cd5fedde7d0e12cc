import Foundation
import HandoffTestSupport
import Testing

/// `handoff push` and `handoff pull` against the Jira double (Tests/JiraDouble), which checks every
/// body against Atlassian's OpenAPI document and answers as Jira does.
@Suite("handoff push and pull (Jira double)", .enabled(if: ExternalTool.pythonHas("jsonschema")))
struct PushPullTests {
    /// The ready example, with a hand-written comment that a push must keep.
    static func draftFile(in directory: URL, name: String = "webinar.yaml") throws -> URL {
        let text = try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)
        let file = directory.appendingPathComponent(name)
        try ("# kept by hand: do not reorder\n" + text).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func read(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }

    static func body(_ request: [String: Any]) -> [String: Any] {
        guard let text = request["body"] as? String, let data = text.data(using: .utf8) else { return [:] }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    @Test("a ready draft file gets its issue, and jira: is appended with everything else kept byte for byte")
    func create() throws {
        let jira = try JiraDoubleServer()
        let directory = Scratch.directory()
        let file = try Self.draftFile(in: directory)
        let before = try Self.read(file)
        let run = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("created MKT-1 \(jira.site)/browse/MKT-1"), "\(run)")
        let after = try Self.read(file)
        #expect(after.hasPrefix(before), "the rest of the file changed:\n\(after)")
        #expect(after.dropFirst(before.count) == "jira:\n  key: MKT-1\n  url: \(jira.site)/browse/MKT-1\n  pushed_revision: 1\n")
        let issues = try jira.issues()
        #expect(issues.count == 1)
        let fields = issues.first?["fields"] as? [String: Any]
        #expect(fields?["summary"] as? String == "Sign-up form for the December webinar")
        #expect((fields?["labels"] as? [String])?.contains("marketing-request") == true)
        #expect(try jira.violations().isEmpty)
    }

    @Test("a second push updates only the fields that changed; an unchanged draft sends no write")
    func update() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        #expect(try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment).status == 0)
        let unchanged = try HandoffProcess.run(["push", file.path, "--site", jira.site, "--format", "json"], environment: jira.environment)
        #expect(unchanged.status == 0, "\(unchanged)")
        #expect(unchanged.stdout.contains("\"action\":\"unchanged\""), "\(unchanged)")
        #expect(try jira.writes().count == 1, "only the create should have written")

        let text = try Self.read(file).replacingOccurrences(
            of: "title: Sign-up form for the December webinar", with: "title: Registration form for the December webinar")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try HandoffProcess.run(["push", file.path, "--site", jira.site, "--format", "json"], environment: jira.environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\"action\":\"updated\""), "\(run)")
        let writes = try jira.writes()
        let put = try #require(writes.first { ($0["method"] as? String) == "PUT" && ($0["path"] as? String) == "/rest/api/3/issue/MKT-1" })
        let sent = Self.body(put)["fields"] as? [String: Any] ?? [:]
        #expect(sent["summary"] as? String == "Registration form for the December webinar")
        #expect(sent["project"] == nil && sent["priority"] == nil && sent["labels"] == nil, "unchanged fields were sent: \(sent.keys)")
        #expect(try jira.issues().count == 1)
        #expect(try Self.read(file).contains("pushed_revision: 2"))
        #expect(try jira.violations().isEmpty)
    }

    @Test("a crash between Jira's answer and recording the key does not create a second issue")
    func crashAfterCreate() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        let before = try Self.read(file)
        try jira.fault(["method": "POST", "path": "/rest/api/3/issue", "drop_after_create": true])
        let crashed = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment)
        #expect(crashed.status == 3, "\(crashed)")
        #expect(try Self.read(file) == before, "the draft changed although the push failed")
        #expect(try jira.issues().count == 1, "the double did create it")

        let again = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment)
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr.contains("found MKT-1 by its handoff label"), "\(again)")
        #expect(try jira.issues().count == 1, "a second issue was created")
        #expect(try Self.read(file).contains("key: MKT-1"))
    }

    @Test("--shape subtasks: a sub-task per affected system under the story, found again on the next push")
    func subtasks() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        let run = try HandoffProcess.run(["push", file.path, "--site", jira.site, "--shape", "subtasks"], environment: jira.environment)
        #expect(run.status == 0, "\(run)")
        let issues = try jira.issues()
        #expect(issues.count == 3)
        let parents = issues.dropFirst().map { (($0["fields"] as? [String: Any])?["parent"] as? [String: Any])?["key"] as? String }
        #expect(parents == ["MKT-1", "MKT-1"])
        let summaries = issues.dropFirst().compactMap { ($0["fields"] as? [String: Any])?["summary"] as? String }
        #expect(summaries == ["Website CMS: embed form block", "Marketo: new program + form"])

        let again = try HandoffProcess.run(["push", file.path, "--site", jira.site, "--shape", "subtasks"], environment: jira.environment)
        #expect(again.status == 0, "\(again)")
        #expect(try jira.issues().count == 3, "a re-push created sub-tasks again")
        #expect(try jira.writes().count == 3)
        #expect(try jira.violations().isEmpty)
    }

    @Test("pull: IT's new comments become review questions once each, with the status; answers go back quoted")
    func pullAndAnswer() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        #expect(try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment).status == 0)
        try jira.comment(on: "MKT-1", "Which Marketo workspace?", by: "Ken Ito")
        try jira.setStatus(of: "MKT-1", "In Review")
        let first = try HandoffProcess.run(["pull", file.path], environment: jira.environment)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("In Review"), "\(first)")
        var text = try Self.read(file)
        #expect(text.hasPrefix("# kept by hand: do not reorder\n"))
        #expect(text.contains("    - by: Ken Ito\n      text: Which Marketo workspace?\n      answered: false\n"), "\(text)")
        #expect(text.contains("jira_comment: \"10501\""))
        #expect(text.contains("status: In Review"))

        // Pulling again adds nothing; a later comment is the only new one.
        #expect(try HandoffProcess.run(["pull", file.path], environment: jira.environment).status == 0)
        try jira.comment(on: "MKT-1", "Who signs off the consent text?", by: "Mia Legal")
        #expect(try HandoffProcess.run(["pull", file.path], environment: jira.environment).status == 0)
        text = try Self.read(file)
        #expect(text.components(separatedBy: "Which Marketo workspace?").count == 2)
        #expect(text.contains("text: Who signs off the consent text?"))

        // The requester answers; the next push posts the answer, quoting the question, once.
        text = text.replacingOccurrences(
            of: "text: Which Marketo workspace?\n      answered: false\n",
            with: "text: Which Marketo workspace?\n      answered: true\n      answer: The EMEA workspace\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let push = try HandoffProcess.run(["push", file.path, "--force"], environment: jira.environment)
        #expect(push.status == 0, "\(push)")
        #expect(push.stdout.contains("1 answer posted"), "\(push)")
        #expect(try HandoffProcess.run(["push", file.path, "--force"], environment: jira.environment).status == 0)
        let comments = try jira.issues().first?["comments"] as? [[String: Any]] ?? []
        #expect(comments.count == 3, "the answer was posted \(comments.count - 2) times")
        let answer = String(data: try JSONSerialization.data(withJSONObject: comments.last?["body"] ?? [:]), encoding: .utf8) ?? ""
        #expect(answer.contains("\"blockquote\"") && answer.contains("Ken Ito: Which Marketo workspace?") && answer.contains("The EMEA workspace"))
        // handoff's own comment is not a question.
        #expect(try HandoffProcess.run(["pull", file.path], environment: jira.environment).status == 0)
        #expect(try Self.read(file).components(separatedBy: "- by:").count == 3)
        #expect(try jira.violations().isEmpty)
    }

    @Test("429 and 503 are retried with backoff, honouring Retry-After, then given up on: exit 3, draft untouched")
    func retries() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        try jira.fault(["method": "POST", "path": "/rest/api/3/issue", "status": 429, "retry_after": 1, "times": 2])
        let recovered = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment)
        #expect(recovered.status == 0, "\(recovered)")
        #expect(recovered.stderr.contains("answered 429; retrying in 10 ms"), "Retry-After: 1 scaled by 0.01:\n\(recovered)")
        #expect(try jira.issues().count == 1)

        let other = try Self.draftFile(in: Scratch.directory())
        try String(try Self.read(other).replacingOccurrences(of: "id: webinar-signup-7f3a", with: "id: webinar-second"))
            .write(to: other, atomically: true, encoding: .utf8)
        let before = try Self.read(other)
        try jira.fault(["method": "POST", "path": "/rest/api/3/issue", "status": 503, "times": 100])
        let failed = try HandoffProcess.run(["push", other.path, "--site", jira.site], environment: jira.environment)
        #expect(failed.status == 3, "\(failed)")
        #expect(failed.stderr.contains("answered 503 to POST /rest/api/3/issue 5 times"), "\(failed)")
        let posts = try jira.requests().filter { ($0["method"] as? String) == "POST" }
        #expect(posts.count == 3 + 5, "2 refused + 1 created, then 5 attempts")
        #expect(try Self.read(other) == before)
    }

    @Test("a slow Jira is a timeout: exit 3 and the draft is left as it was")
    func slowAnswer() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        let before = try Self.read(file)
        try jira.fault(["path": "/rest/api/2/serverInfo", "delay": 3])
        var environment = jira.environment
        environment["HANDOFF_JIRA_TIMEOUT"] = "1"
        let run = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: environment)
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("did not answer"), "\(run)")
        #expect(try Self.read(file) == before)
    }

    @Test("a redirect is not followed with the credential: exit 2, naming where it pointed")
    func redirect() throws {
        let jira = try JiraDoubleServer()
        let file = try Self.draftFile(in: Scratch.directory())
        try jira.fault(["path": "/rest/api/2/serverInfo", "status": 302, "location": "\(jira.site)/elsewhere/rest/api/2/serverInfo"])
        let run = try HandoffProcess.run(["push", file.path, "--site", jira.site], environment: jira.environment)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("does not follow redirects") && run.stderr.contains("/elsewhere/"), "\(run)")
        #expect(try jira.requests().count == 1, "the redirect was followed")
    }

    @Test("Jira's 400 per field is shown and traced to the draft field or setting; a batch goes on, worst status wins")
    func fieldErrors() throws {
        let jira = try JiraDoubleServer()
        let directory = Scratch.directory()
        try "jira:\n  priority: {urgent: P0, high: P1, normal: P2, low: P3}\n  fields: {launch: customfield_10015}\n"
            .write(to: directory.appendingPathComponent("handoff.yaml"), atomically: true, encoding: .utf8)
        let refused = try Self.draftFile(in: directory)
        let notReady = directory.appendingPathComponent("idea.yaml")
        try FileManager.default.copyItem(at: Repository.file("examples/half-formed-idea.yaml"), to: notReady)
        let run = try HandoffProcess.run(
            ["push", notReady.path, refused.path, "--site", jira.site], environment: jira.environment, in: directory)
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("priority: Priority name 'P1' is not valid"), "\(run)")
        #expect(run.stderr.contains("jira.priority in the configuration"), "\(run)")
        #expect(run.stderr.contains("customfield_10015: Field 'customfield_10015' cannot be set"), "\(run)")
        #expect(run.stderr.contains("jira.fields.launch: timeline.launch"), "\(run)")
        #expect(run.stderr.contains("is not ready"), "the not-ready draft was reported too")
        #expect(try jira.issues().isEmpty)
    }

    @Test("credentials: a missing one names the variables (exit 2); a wrong one names the account; the secret is never shown or stored")
    func credentials() throws {
        let jira = try JiraDoubleServer()
        let home = Scratch.directory()
        let store = home.appendingPathComponent("store")
        let draftDirectory = store.appendingPathComponent("drafts/webinar-signup-7f3a")
        try FileManager.default.createDirectory(at: draftDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.file("examples/webinar-signup.yaml"), to: draftDirectory.appendingPathComponent("draft.yaml"))
        var environment: [String: String?] = ["HANDOFF_HOME": store.path, "HOME": home.path, "HANDOFF_JIRA_BACKOFF_SCALE": "0"]

        let missing = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--site", jira.site], environment: environment)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("JIRA_USER") && missing.stderr.contains("JIRA_API_TOKEN") && missing.stderr.contains("JIRA_PAT"))

        environment["JIRA_USER"] = JiraDoubleServer.user
        environment["JIRA_API_TOKEN"] = "wrong-" + JiraDoubleServer.token
        let wrong = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--site", jira.site], environment: environment)
        #expect(wrong.status == 2, "\(wrong)")
        #expect(wrong.stderr.contains("401") && wrong.stderr.contains(JiraDoubleServer.user), "\(wrong)")

        environment["JIRA_API_TOKEN"] = JiraDoubleServer.token
        let dry = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--site", jira.site, "--dry-run"], environment: environment)
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("POST \(jira.site)/rest/api/3/issue") && dry.stdout.contains("Authorization: [redacted]"), "\(dry)")
        #expect(try jira.issues().isEmpty, "--dry-run created an issue")
        let pushed = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--site", jira.site], environment: environment)
        #expect(pushed.status == 0, "\(pushed)")
        try jira.comment(on: "MKT-1", "Which workspace?", by: "Ken Ito")
        let pulled = try HandoffProcess.run(["pull", "webinar-signup-7f3a"], environment: environment)
        #expect(pulled.status == 0, "\(pulled)")
        let listed = try HandoffProcess.run(["drafts"], environment: environment)
        #expect(listed.stdout.contains("JIRA") && listed.stdout.contains("MKT-1 · To Do"), "\(listed)")

        // The token appears nowhere: not in any output, not in the store (draft, journal).
        let basic = Data("\(JiraDoubleServer.user):\(JiraDoubleServer.token)".utf8).base64EncodedString()
        for run in [missing, wrong, dry, pushed, pulled, listed] {
            #expect(!run.stdout.contains(JiraDoubleServer.token) && !run.stderr.contains(JiraDoubleServer.token))
            #expect(!run.stdout.contains(basic) && !run.stderr.contains(basic))
        }
        for name in try FileManager.default.subpathsOfDirectory(atPath: store.path) {
            let text = (try? String(contentsOf: store.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(!text.contains(JiraDoubleServer.token) && !text.contains(basic), "\(name) holds the credential")
        }
        #expect(try String(contentsOf: draftDirectory.appendingPathComponent("journal.jsonl"), encoding: .utf8).contains("MKT-1"))
    }

    @Test("an export or stdin is pushed but not written to; a stored draft's re-push after recording its key is unchanged")
    func sourcesWithoutAFile() throws {
        let jira = try JiraDoubleServer()
        let directory = Scratch.directory()
        let export = directory.appendingPathComponent("ticket.json")
        let exported = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "jira-v3", "-o", export.path])
        #expect(exported.status == 0, "\(exported)")
        let before = try Self.read(export)
        let run = try HandoffProcess.run(["push", export.path, "--site", jira.site], environment: jira.environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("is an export, not a draft"), "\(run)")
        #expect(try Self.read(export) == before)
        // The same draft from stdin finds the issue by its label instead of creating another.
        let piped = try HandoffProcess.run(
            ["push", "-", "--site", jira.site], stdin: try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8),
            environment: jira.environment)
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stderr.contains("not recorded in a draft read from stdin"), "\(piped)")
        #expect(try jira.issues().count == 1)

        let store = directory.appendingPathComponent("store")
        let draftDirectory = store.appendingPathComponent("drafts/webinar-signup-7f3a")
        try FileManager.default.createDirectory(at: draftDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.file("examples/webinar-signup.yaml"), to: draftDirectory.appendingPathComponent("draft.yaml"))
        var environment = jira.environment
        environment["HANDOFF_HOME"] = store.path
        let first = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--site", jira.site], environment: environment)
        #expect(first.status == 0 && first.stdout.contains("unchanged MKT-1"), "\(first)")
        let writes = try jira.writes().count
        let second = try HandoffProcess.run(["push", "webinar-signup-7f3a", "--format", "json"], environment: environment)
        #expect(second.status == 0 && second.stdout.contains("\"action\":\"unchanged\""), "\(second)")
        #expect(try jira.writes().count == writes)
        let stored = try String(contentsOf: draftDirectory.appendingPathComponent("draft.yaml"), encoding: .utf8)
        #expect(stored.contains("jira:\n  key: MKT-1\n  url: \(jira.site)/browse/MKT-1\n  pushed_revision:"), "\(stored)")
    }

    @Test("Data Center: v2 detected from serverInfo, wiki-markup description, bearer token; ~/.netrc works for Cloud")
    func dataCenterAndNetrc() throws {
        let server = try JiraDoubleServer(["--deployment", "Server"])
        let file = try Self.draftFile(in: Scratch.directory())
        let run = try HandoffProcess.run(
            ["push", file.path, "--site", server.site], environment: ["JIRA_PAT": JiraDoubleServer.pat])
        #expect(run.status == 0, "\(run)")
        let create = try #require(try server.writes().first)
        #expect(create["path"] as? String == "/rest/api/2/issue")
        #expect((Self.body(create)["fields"] as? [String: Any])?["description"] is String)
        #expect(try server.violations().isEmpty)

        let cloud = try JiraDoubleServer()
        let home = Scratch.directory()
        try "machine 127.0.0.1 login \(JiraDoubleServer.user) password \(JiraDoubleServer.token)\n"
            .write(to: home.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
        let other = try Self.draftFile(in: Scratch.directory())
        let netrc = try HandoffProcess.run(["push", other.path, "--site", cloud.site], environment: ["HOME": home.path])
        #expect(netrc.status == 0, "\(netrc)")
        #expect(try cloud.issues().count == 1)
    }
}
