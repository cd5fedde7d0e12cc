import Foundation
import Testing

/// `handoff history ID` and `handoff diff OLD NEW` through the real binary: a draft stored by a
/// piped interview, its revisions, and diffs between files, revisions and exports.
@Suite("history and diff commands")
struct HistoryDiffCommandTests {
    /// Three answers (idea, title, name), then EOF: exit 2, but three revisions are saved.
    static let answers =
        "A sign-up form for the December webinar on the product page for enterprise prospects\nWebinar sign-up form\nAiko Sato\n"

    /// A private store holding one draft with three revisions; returns the home, the store
    /// environment and the draft's id.
    static func storedDraft() throws -> (home: URL, environment: [String: String?], id: String) {
        let home = HandoffProcess.temporaryDirectory()
        let environment: [String: String?] = ["HANDOFF_HOME": home.appendingPathComponent("store").path]
        let result = try HandoffProcess.run(["new", "--no-input"], stdin: answers, environment: environment)
        #expect(result.status == 2, "\(result)")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!id.isEmpty, "\(result)")
        return (home, environment, id)
    }

    /// Masks what differs between runs: the draft id's random digits and the journal's times.
    static func normalise(id: String) -> (String) -> String {
        { text in
            var out = text.replacingOccurrences(of: id, with: "<draft-id>")
            out = out.replacingOccurrences(
                of: #"\d{4}-\d\d-\d\d \d\d:\d\d"#, with: "YYYY-MM-DD HH:MM", options: .regularExpression)
            return out.replacingOccurrences(
                of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "YYYY-MM-DDTHH:MM:SSZ", options: .regularExpression)
        }
    }

    static func jsonObject(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    // MARK: history

    @Test("history lists the revisions oldest first: number, time, section, fields (golden)")
    func historyText() throws {
        let (home, environment, id) = try Self.storedDraft()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try Golden.check(
            "history-text", ["history", id], environment: environment, normalise: Self.normalise(id: id))
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5, "\(result.stdout)")
        #expect(lines[0] == "\(id)  Webinar sign-up form")
        #expect(lines[1].hasPrefix("  1  ") && lines[1].hasSuffix("Idea  idea"))
        #expect(lines[2].hasPrefix("  2  ") && lines[2].hasSuffix("Idea  title"))
        #expect(lines[3].hasPrefix("  3  ") && lines[3].hasSuffix("Idea  requester.name"))
        #expect(lines[1].range(of: #"^  1  \d{4}-\d\d-\d\d \d\d:\d\d  "#, options: .regularExpression) != nil)
    }

    @Test("history --format json prints one object a revision (JSON Lines)")
    func historyJSON() throws {
        let (home, environment, id) = try Self.storedDraft()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try HandoffProcess.run(["history", id, "--format", "json"], environment: environment)
        #expect(result.status == 0, "\(result)")
        let objects = try result.stdout.split(separator: "\n").map(Self.jsonObject)
        #expect(objects.map { $0["revision"] as? Int } == [1, 2, 3])
        #expect(objects.map { $0["fields"] as? [String] } == [["idea"], ["title"], ["requester.name"]])
        // The journal names the interview section the answer was given in: the name is asked under Idea.
        #expect(objects.map { $0["section"] as? String } == ["idea", "idea", "idea"])
        #expect(objects.map { $0["sections"] as? [String] } == [["idea"], ["idea"], ["idea"]])
        for object in objects {
            let at = try #require(object["at"] as? String)
            #expect(at.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression) != nil)
        }
    }

    @Test("history of an unknown id: exit 2, pointing at `handoff drafts`")
    func historyUnknown() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        for id in ["no-such-draft-0000", "../etc"] {
            let result = try HandoffProcess.run(
                ["history", id], environment: ["HANDOFF_HOME": home.appendingPathComponent("store").path])
            #expect(result.status == 2, "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("handoff: \(id): no stored draft with this id"))
            #expect(result.stderr.contains("`handoff drafts` lists them"))
        }
    }

    @Test("history of a stored draft without a journal says so")
    func historyWithoutJournal() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = home.appendingPathComponent("store")
        let directory = store.appendingPathComponent("drafts/bare-1a2b")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "format: handoff/1\nid: bare-1a2b\ntitle: Hand-made\n".write(
            to: directory.appendingPathComponent("draft.yaml"), atomically: true, encoding: .utf8)
        let environment: [String: String?] = ["HANDOFF_HOME": store.path]
        let text = try HandoffProcess.run(["history", "bare-1a2b"], environment: environment)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout == "bare-1a2b  Hand-made\n  no revisions in the journal yet\n")
        let json = try HandoffProcess.run(["history", "bare-1a2b", "--format", "json"], environment: environment)
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.isEmpty)
        #expect(json.stderr.contains("bare-1a2b has no revisions in its journal yet"))
    }

    // MARK: diff between revisions

    @Test("diff ID@1 ID@3 shows the fields the later answers added")
    func diffRevisions() throws {
        let (home, environment, id) = try Self.storedDraft()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try HandoffProcess.run(["diff", "\(id)@1", "\(id)@3"], environment: environment)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout == """
                \(id)@1 → \(id)@3

                  Idea
                    + title: Webinar sign-up form
                    + requester.name: Aiko Sato

                  2 fields differ: 2 added, 0 removed, 0 changed

                """)
        let json = try HandoffProcess.run(["diff", "\(id)@1", "\(id)@3", "--format", "json"], environment: environment)
        #expect(json.status == 0, "\(json)")
        let object = try Self.jsonObject(Substring(json.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["old"] as? String == "\(id)@1")
        #expect(object["new"] as? String == "\(id)@3")
        let added = try #require(object["added"] as? [[String: Any]])
        #expect(added.map { $0["field"] as? String } == ["title", "requester.name"])
        #expect(added.map { $0["section"] as? String } == ["idea", "idea"])
        #expect(added.map { $0["value"] as? String } == ["Webinar sign-up form", "Aiko Sato"])
        #expect((object["removed"] as? [Any])?.isEmpty == true)
        #expect((object["changed"] as? [Any])?.isEmpty == true)
    }

    @Test("a stored id stands for its current draft: diff ID@3 ID has no differences; reversed, fields are removed")
    func diffCurrent() throws {
        let (home, environment, id) = try Self.storedDraft()
        defer { try? FileManager.default.removeItem(at: home) }
        let same = try HandoffProcess.run(["diff", "\(id)@3", id], environment: environment)
        #expect(same.status == 0, "\(same)")
        #expect(same.stdout == "\(id)@3 → \(id)\n  no differences\n")
        let back = try HandoffProcess.run(["diff", id, "\(id)@2"], environment: environment)
        #expect(back.status == 0, "\(back)")
        #expect(back.stdout.contains("    - requester.name: Aiko Sato\n"))
        #expect(back.stdout.contains("1 field differs: 0 added, 1 removed, 0 changed"))
    }

    @Test("a revision that does not exist: exit 2 naming the revisions that do")
    func diffMissingRevision() throws {
        let (home, environment, id) = try Self.storedDraft()
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try HandoffProcess.run(["diff", "\(id)@1", "\(id)@99"], environment: environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "handoff: \(id)@99: \(id) has no revision 99; its revisions are 1–3 (`handoff history \(id)` lists them)\n")
        let word = try HandoffProcess.run(["diff", "\(id)@latest", id], environment: environment)
        #expect(word.status == 2, "\(word)")
        #expect(word.stderr.contains("'latest' is not a revision number"))
    }

    @Test("an unknown id, or an unknown id's revision: exit 2")
    func diffUnknown() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let environment: [String: String?] = ["HANDOFF_HOME": home.appendingPathComponent("store").path]
        let bare = try HandoffProcess.run(["diff", "no-such-draft-0000", "examples/webinar-signup.yaml"], environment: environment)
        #expect(bare.status == 2, "\(bare)")
        #expect(bare.stderr.contains("no-such-draft-0000: no such file, and no stored draft with that id"))
        let revision = try HandoffProcess.run(["diff", "examples/webinar-signup.yaml", "no-such-draft-0000@2"], environment: environment)
        #expect(revision.status == 2, "\(revision)")
        #expect(revision.stderr.contains("no-such-draft-0000: no stored draft with this id"))
        #expect(revision.stderr.contains("`handoff drafts` lists them"))
    }

    // MARK: diff between files

    @Test("diff of the ready example and the half-formed idea, for people (golden)")
    func diffExamplesText() throws {
        let result = try Golden.check(
            "diff-examples", ["diff", "examples/webinar-signup.yaml", "examples/half-formed-idea.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("    ~ systems[0].name: Website CMS → HubSpot\n"))
        #expect(result.stdout.contains("    - systems[1].personal_data: true\n"))
        #expect(result.stdout.hasSuffix("67 fields differ: 0 added, 64 removed, 3 changed\n"))
    }

    @Test("diff of the ready example and the half-formed idea, as JSON (golden)")
    func diffExamplesJSON() throws {
        let result = try Golden.check(
            "diff-examples-json", ["diff", "examples/webinar-signup.yaml", "examples/half-formed-idea.yaml", "--format", "json"])
        #expect(result.status == 0)
        let object = try Self.jsonObject(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        #expect(object["old"] as? String == "examples/webinar-signup.yaml")
        #expect(object["new"] as? String == "examples/half-formed-idea.yaml")
        #expect((object["added"] as? [Any])?.count == 0)
        #expect((object["removed"] as? [Any])?.count == 64)
        let changed = try #require(object["changed"] as? [[String: Any]])
        #expect(changed.map { $0["field"] as? String } == ["title", "idea", "systems[0].name"])
        #expect(changed[2]["old"] as? String == "Website CMS" && changed[2]["new"] as? String == "HubSpot")
    }

    @Test("a draft and its own jira-v3 export have no differences")
    func diffAgainstExport() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let export = home.appendingPathComponent("ticket.json").path
        let exported = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "jira-v3", "-o", export])
        #expect(exported.status == 0, "\(exported)")
        let result = try HandoffProcess.run(["diff", "examples/webinar-signup.yaml", export])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "examples/webinar-signup.yaml → \(export)\n  no differences\n")
        let json = try HandoffProcess.run(["diff", export, "examples/webinar-signup.yaml", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        #expect(
            json.stdout
                == #"{"old":"\#(export)","new":"examples/webinar-signup.yaml","added":[],"removed":[],"changed":[]}"# + "\n")
    }

    @Test("one side may be stdin; both cannot")
    func diffStdin() throws {
        let draft = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("examples/half-formed-idea.yaml"), encoding: .utf8)
        let result = try HandoffProcess.run(["diff", "-", "examples/half-formed-idea.yaml"], stdin: draft)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "<stdin> → examples/half-formed-idea.yaml\n  no differences\n")
        let twice = try HandoffProcess.run(["diff", "-", "-"], stdin: draft)
        #expect(twice.status == 2, "\(twice)")
        #expect(twice.stderr.contains("stdin (-) can be read only once"))
    }

    @Test("an unreadable draft: exit 2 with the file, line and column")
    func diffUnreadable() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("typo.yaml").path
        try "format: handoff/1\ntitle: A\nsytems: [Marketo]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try HandoffProcess.run(["diff", "examples/webinar-signup.yaml", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(path):3:1: sytems: unknown key 'sytems'"))
    }

    @Test("control characters in a draft never reach the terminal raw; colour only when asked for")
    func diffHostile() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let path = home.appendingPathComponent("hostile.yaml").path
        try "format: handoff/1\ntitle: \"Clear\\e[2J\\e]0;owned\\a screen\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try HandoffProcess.run(["diff", "examples/half-formed-idea.yaml", path])
        #expect(plain.status == 0, "\(plain)")
        #expect(!plain.stdout.contains("\u{1B}") && !plain.stdout.contains("\u{07}"))
        #expect(plain.stdout.contains("→ Clear^[[2J^[]0;owned^G screen"))
        let coloured = try HandoffProcess.run(
            ["diff", "examples/half-formed-idea.yaml", path], environment: ["CLICOLOR_FORCE": "1"])
        #expect(coloured.stdout.contains("\u{1B}[1;31m- idea:\u{1B}[0m"))
        #expect(!coloured.stdout.contains("\u{1B}[2J"))
        let json = try HandoffProcess.run(["diff", "examples/half-formed-idea.yaml", path, "--format", "json"])
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(json.stdout.contains(#"\u001b[2J"#))
    }
}

extension HistoryDiffCommandTests {
    @Test("one --format for every command: an unknown one is refused with the valid names", arguments: [
        ["check", "examples/webinar-signup.yaml"], ["diff", "examples/webinar-signup.yaml", "examples/webinar-signup.yaml"],
        ["history", "some-1a2b"], ["drafts"], ["review", "examples/webinar-signup.yaml"],
    ])
    func unknownFormat(command: [String]) throws {
        let result = try HandoffProcess.run(command + ["--format", "github-actions"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("'github-actions'"), "\(result.stderr)")
        #expect(result.stderr.contains("text") && result.stderr.contains("json"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

