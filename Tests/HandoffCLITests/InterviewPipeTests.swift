import Foundation
import Testing

/// The interview without a terminal: answers one a line on stdin, prompts on stderr, the draft id
/// on stdout. Transcripts are golden files, with the random part of the draft id masked.
@Suite("the interview through a pipe")
struct InterviewPipeTests {
    static func fixture(_ name: String) throws -> String {
        try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/\(name)"),
            encoding: .utf8)
    }

    /// Masks draft ids (`<slug>-<4 hex digits>`, the digits random) wherever they appear.
    static func masking(slug: String) -> (String) -> String {
        { text in
            guard !slug.isEmpty else { return text }
            var out = ""
            var rest = Substring(text)
            while let range = rest.range(of: slug + "-") {
                out += rest[..<range.lowerBound]
                let suffix = rest[range.upperBound...].prefix(4)
                if suffix.count == 4, suffix.allSatisfy(\.isHexDigit) {
                    out += "<draft-id>"
                    rest = rest[range.upperBound...].dropFirst(4)
                } else {
                    out += rest[range]
                    rest = rest[range.upperBound...]
                }
            }
            return out + rest
        }
    }

    /// Runs `arguments` with `stdin` in a private store, masking the id the run printed.
    static func golden(_ name: String, _ arguments: [String], stdin: String, note: String) throws -> (RunResult, URL) {
        let home = HandoffProcess.temporaryDirectory()
        let store = home.appendingPathComponent("store").path
        let environment: [String: String?] = ["HANDOFF_HOME": store]
        let probe = try HandoffProcess.run(arguments, stdin: stdin, environment: environment)
        let id = probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try? FileManager.default.removeItem(atPath: store)
        let result = try Golden.check(
            name, arguments, stdin: stdin, stdinNote: note, environment: environment,
            normalise: { masking(slug: String(id.dropLast(5)))($0).replacingOccurrences(of: store, with: "$HANDOFF_HOME") })
        return (result, home)
    }

    @Test("a whole interview in English through a pipe (golden): ready at the end, exit 0")
    func english() throws {
        let (result, home) = try Self.golden(
            "interview-pipe-en", ["new", "--no-input"], stdin: try Self.fixture("answers-en.txt"), note: "Fixtures/answers-en.txt")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Words from the idea (no title yet at the first save), without the filler.
        #expect(id.hasPrefix("sign-up-form-december-"))
        #expect(result.stderr.contains("Ready for IT"))
        let check = try HandoffProcess.run(["check", id], environment: ["HANDOFF_HOME": home.appendingPathComponent("store").path])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("a whole interview in Japanese through a pipe (golden)")
    func japanese() throws {
        let (result, home) = try Self.golden(
            "interview-pipe-ja", ["new", "--no-input", "--lang", "ja"], stdin: try Self.fixture("answers-ja.txt"),
            note: "Fixtures/answers-ja.txt")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 0, "\(result.stderr.suffix(800))")
        #expect(result.stderr.contains("IT に渡せる状態です"))
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = try String(
            contentsOf: home.appendingPathComponent("store/drafts/\(id)/draft.yaml"), encoding: .utf8)
        #expect(draft.contains("lang: ja"))
        #expect(draft.contains("launch: 2027-02-24"))
        #expect(draft.contains("target: 月200件"))
        #expect(draft.contains("date: 2027-01-29"))
    }

    @Test("stdin ends before the required answers: exit 2 naming them, answers kept (golden)")
    func inputEndsEarly() throws {
        let answers = "A sign-up form for the December webinar on the product page for enterprise prospects\nWebinar sign-up form\nAiko Sato\n"
        let (result, home) = try Self.golden("interview-pipe-early-eof", ["new", "--no-input"], stdin: answers, note: "3 answers")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 2)
        #expect(result.stderr.contains("stdin ended before these required answers: objective.problem, objective.business_goal"))
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = try String(contentsOf: home.appendingPathComponent("store/drafts/\(id)/draft.yaml"), encoding: .utf8)
        #expect(draft.contains("title: Webinar sign-up form"))
        #expect(draft.contains("name: Aiko Sato"))
        // resume continues with the next question, still from stdin.
        let resumed = try HandoffProcess.run(
            ["resume", id, "--no-input"], stdin: "Field Marketing\n",
            environment: ["HANDOFF_HOME": home.appendingPathComponent("store").path])
        #expect(resumed.stderr.contains("Which team are you in?"))
        #expect(resumed.status == 2)
    }

    @Test("slash commands work through a pipe too: /why, /example, /skip, /back, /check")
    func commands() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let answers = [
            "/why", "/example", "A banner on the blog announcing the new pricing plans to every visitor", "Pricing banner",
            "/skip", "/back", "Ken Ito", "/check", "/quit",
        ].joined(separator: "\n") + "\n"
        let result = try HandoffProcess.run(
            ["new", "--no-input"], stdin: answers, environment: ["HANDOFF_HOME": home.appendingPathComponent("store").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("IT reads your own words first"))
        #expect(result.stderr.contains("For example: We need a way for people to register"))
        #expect(result.stderr.contains("Skipped"))
        #expect(result.stderr.contains("Not ready for IT yet"))
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = try String(contentsOf: home.appendingPathComponent("store/drafts/\(id)/draft.yaml"), encoding: .utf8)
        #expect(draft.contains("name: Ken Ito"))
    }

    @Test("`handoff drafts` lists stored drafts with their readiness")
    func draftsList() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment: [String: String?] = ["HANDOFF_HOME": home.appendingPathComponent("store").path]
        let made = try HandoffProcess.run(["new", "--no-input"], stdin: try Self.fixture("answers-en.txt"), environment: environment)
        let id = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try HandoffProcess.run(["drafts"], environment: environment)
        #expect(text.status == 0)
        #expect(text.stdout.contains("ID"))
        #expect(text.stdout.contains(id))
        #expect(text.stdout.contains("✔ ready"))
        let json = try HandoffProcess.run(["drafts", "--format", "json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["ready"] as? Bool == true)
        #expect((object["revisions"] as? Int ?? 0) > 10)
        let empty = try HandoffProcess.run(["drafts"], environment: ["HANDOFF_HOME": home.appendingPathComponent("none").path])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("no stored drafts"))
    }

    @Test("`handoff prompts check`: the shipped packs pass; a broken pack names file, line and problem (golden)")
    func promptsCheck() throws {
        let good = try Golden.check("prompts-check-ok", ["prompts", "check", "prompts"])
        #expect(good.status == 0)
        let bad = try Golden.check("prompts-check-broken", ["prompts", "check", "Tests/HandoffCLITests/Fixtures/broken-pack"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("timeline.launchdate' is not a draft field"))
        #expect(bad.stderr.contains("unknown key 'requird'"))
        #expect(bad.stderr.contains("testing.yaml: missing"))
    }

    @Test("--prompts DIR replaces the built-in questions")
    func customPrompts() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let pack = home.appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        for language in ["en", "ja"] {
            try FileManager.default.copyItem(
                at: HandoffProcess.repositoryRoot.appendingPathComponent("prompts/\(language)"),
                to: pack.appendingPathComponent(language))
        }
        let idea = pack.appendingPathComponent("en/idea.yaml")
        let text = try String(contentsOf: idea, encoding: .utf8)
            .replacingOccurrences(of: "What would you like to do?", with: "What shall we build for you today?")
        try text.write(to: idea, atomically: true, encoding: .utf8)
        let result = try HandoffProcess.run(
            ["new", "--no-input", "--prompts", pack.path], stdin: "",
            environment: ["HANDOFF_HOME": home.appendingPathComponent("store").path])
        #expect(result.stderr.contains("What shall we build for you today?"))
        #expect(result.status == 2)
    }
}
