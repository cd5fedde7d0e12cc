import Foundation
import Testing

/// `handoff new --answers FILE` and `--set FIELD=VALUE`: a script answers by field name, never by
/// the order of the questions; follow-ups without a terminal are reported, not fed the next line.
@Suite("the interview answered by name", .serialized)
struct InterviewAnswersTests {
    static let fixtures = "Tests/HandoffCLITests/Fixtures/"

    @Test("--answers (YAML) plus --set answer everything: nothing is asked, ready, exit 0 (golden)")
    func englishByName() throws {
        let (result, home) = try InterviewPipeTests.golden(
            "interview-answers-en",
            ["new", "--no-input", "--answers", Self.fixtures + "answers-by-name-en.yaml", "--set", "timeline.launch=2027-01-22"],
            stdin: "", note: "/dev/null")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("? ["))
        #expect(result.stderr.contains("Ready for IT"))
        #expect(result.stdout.hasPrefix("webinar-sign-up-form-"))
    }

    @Test("--answers (JSON) in Japanese; what they leave open is asked from stdin (golden)")
    func japaneseByName() throws {
        let (result, home) = try InterviewPipeTests.golden(
            "interview-answers-ja",
            ["new", "--no-input", "--lang", "ja", "--answers", Self.fixtures + "answers-by-name-ja.json"],
            stdin: "2027-02-24\n", note: "(the launch date)")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("いつまでに公開する必要がありますか"))
    }

    @Test("a follow-up is reported without a terminal; the next line answers the next question", arguments: ["en", "ja"])
    func followUpNeverTakesTheNextLine(_ language: String) throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = home.appendingPathComponent("store").path
        let result = try HandoffProcess.run(
            ["new", "--no-input", "--lang", language], stdin: "A landing page ASAP\nSpring campaign LP\n",
            environment: ["HANDOFF_HOME": store])
        #expect(result.status == 2)
        #expect(result.stderr.contains("→ "))
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = try String(contentsOfFile: store + "/drafts/\(id)/draft.yaml", encoding: .utf8)
        #expect(draft.contains("title: Spring campaign LP"))
        #expect(draft.contains("idea: A landing page ASAP\n"))
        // Exit 2 says where the partial draft is.
        #expect(result.stderr.contains(store + "/drafts/\(id)/draft.yaml"))
    }

    @Test("a bad --set or --answers is refused before anything is saved: exit 2, no stray draft", arguments: ["en", "ja"])
    func badAnswersLeaveNothing(_ language: String) throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = home.appendingPathComponent("store").path
        let broken = home.appendingPathComponent("answers.yaml")
        try "title: x\ntimeline: {launch: soon}\n".write(to: broken, atomically: true, encoding: .utf8)
        for arguments in [
            ["--set", "timeline.launch=soon"], ["--set", "nonsense=1"], ["--set", "title"], ["--answers", broken.path],
        ] {
            let result = try HandoffProcess.run(
                ["new", "--no-input", "--lang", language] + arguments, stdin: "An idea\n", environment: ["HANDOFF_HOME": store])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(arguments[0] == "--set" ? "--set" : broken.path), "\(result.stderr)")
            let drafts = (try? FileManager.default.contentsOfDirectory(atPath: store + "/drafts")) ?? []
            #expect(drafts.isEmpty, "\(arguments) left \(drafts)")
        }
    }
}
