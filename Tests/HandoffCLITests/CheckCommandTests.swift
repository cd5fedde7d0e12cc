import Foundation
import Testing

/// `handoff check` as users and pipelines run it: golden transcripts for what people read,
/// assertions for what pipelines rely on (exit codes, JSON Lines keys, stdin handling).
@Suite("handoff check")
struct CheckCommandTests {
    @Test("a ready draft: exit 0 and a READY verdict")
    func readyDraft() throws {
        let result = try Golden.check("check-ready", ["check", "examples/webinar-signup.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("READY"))
    }

    @Test("a half-formed idea: exit 1, findings grouped by section with questions")
    func halfFormedIdea() throws {
        let result = try Golden.check("check-half-formed", ["check", "examples/half-formed-idea.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("NOT READY"))
        #expect(result.stdout.contains("→ "))
    }

    @Test("a Japanese draft reports in Japanese")
    func japaneseDraft() throws {
        let result = try Golden.check("check-japanese", ["check", "examples/ja-campaign-lp.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("未完了"))
        #expect(result.stdout.contains("法務"))
    }

    @Test("--lang ja reports an English draft in Japanese")
    func languageOverride() throws {
        let result = try Golden.check("check-half-formed-lang-ja", ["check", "--lang", "ja", "examples/half-formed-idea.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ブロッカー"))
    }

    @Test("several files: one report each, a total, and the worst exit status")
    func severalFiles() throws {
        let result = try Golden.check(
            "check-all-examples",
            ["check", "examples/half-formed-idea.yaml", "examples/ja-campaign-lp.yaml", "examples/webinar-signup.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("3 drafts checked: 1 ready, 2 not ready"))
    }

    @Test("--format json prints one object per draft with the contract's keys")
    func jsonLines() throws {
        let result = try Golden.check(
            "check-json",
            ["check", "--format", "json", "examples/webinar-signup.yaml", "examples/half-formed-idea.yaml"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["source", "id", "ready", "score", "findings"] { #expect(object.keys.contains(key), "missing \(key)") }
        }
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let findings = try #require(second["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "metrics-missing" && $0["severity"] as? String == "blocker" })
        for finding in findings {
            for key in ["rule", "severity", "field", "message", "question"] { #expect(finding[key] is String) }
        }
    }

    @Test("typos and impossible values: exit 2, every problem with file, line, column and what is valid")
    func invalidDraft() throws {
        let result = try Golden.check("check-typos", ["check", "Tests/HandoffCLITests/Fixtures/typos.yaml"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("typos.yaml:3:1: sytems: unknown key 'sytems'"))
        #expect(result.stderr.contains("Did you mean 'systems'?"))
        #expect(result.stderr.contains("typos.yaml:6:11: timeline.launch: '2027-13-45' has month 13"))
        #expect(result.stderr.contains("Valid: hard, soft, none."))
        #expect(result.stderr.contains("Did you mean 'business_owner'?"))
    }

    @Test("a stream with a bad document: the others are still checked, the bad one named by index")
    func streamWithBadDocument() throws {
        let text = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/stream.yaml"),
            encoding: .utf8)
        let result = try Golden.check(
            "check-stream-json", ["check", "--format", "json", "-"], stdin: text, stdinNote: "Fixtures/stream.yaml")
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("\"index\":2") && lines[1].contains("\"error\""))
        #expect(lines[2].contains("\"title\":\"Third\""))
        #expect(result.stderr.contains("<stdin> (document 2):7:1: not valid YAML"))
    }

    @Test("JSON Lines on stdin, no format line needed")
    func jsonLinesOnStdin() throws {
        let input = """
            {"title": "Banner on the blog", "systems": ["Website CMS"]}
            {"title": "Sign-up form", "lang": "ja"}

            """
        let result = try HandoffProcess.run(["check", "--format", "json", "-"], stdin: input)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"index\":1") && lines[0].contains("Banner on the blog"))
        #expect(lines[1].contains("\"index\":2") && lines[1].contains("\"lang\":\"ja\""))
    }

    @Test("empty stdin, a missing file and a directory are clear errors with exit 2")
    func unreadableSources() throws {
        let empty = try HandoffProcess.run(["check", "-"], stdin: "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("no draft on standard input"))
        let missing = try HandoffProcess.run(["check", "no/such/draft.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no/such/draft.yaml: no such file"))
        let directory = try HandoffProcess.run(["check", "examples"])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }

    @Test("a file without the format line is refused; the same text on stdin is accepted")
    func formatLine() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("draft.yaml")
        try "title: Banner\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try HandoffProcess.run(["check", file.path])
        #expect(fromFile.status == 2)
        #expect(fromFile.stderr.contains("missing `format: handoff/1`"))
        let fromStdin = try HandoffProcess.run(["check", "-"], stdin: "title: Banner\n")
        #expect(fromStdin.status == 1)
    }

    @Test("HANDOFF_TODAY decides 'today'; a bad value is a usage error")
    func today() throws {
        let early = try HandoffProcess.run(["check", "examples/webinar-signup.yaml"], environment: ["HANDOFF_TODAY": "2026-11-20"])
        #expect(early.status == 0)
        let late = try HandoffProcess.run(["check", "examples/webinar-signup.yaml"], environment: ["HANDOFF_TODAY": "2026-12-10"])
        #expect(late.status == 1)
        #expect(late.stdout.contains("launch-in-past") || late.stdout.contains("before today"))
        let bad = try HandoffProcess.run(["check", "examples/webinar-signup.yaml"], environment: ["HANDOFF_TODAY": "tomorrow"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("HANDOFF_TODAY"))
    }

    @Test("control characters from a draft never reach the terminal raw")
    func hostileText() throws {
        let text = try HandoffProcess.run(["check", "Tests/HandoffCLITests/Fixtures/hostile.yaml"])
        #expect(text.status == 1)
        #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(text.stdout.contains("^[[2J"))
        let json = try HandoffProcess.run(["check", "--format", "json", "Tests/HandoffCLITests/Fixtures/hostile.yaml"])
        #expect(!json.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(json.stdout.contains("\\u001b[2J"))
    }

    @Test("colour only when allowed: CLICOLOR_FORCE turns it on, NO_COLOR and --no-color win")
    func colour() throws {
        let plain = try HandoffProcess.run(["check", "examples/half-formed-idea.yaml"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try HandoffProcess.run(["check", "examples/half-formed-idea.yaml"], environment: ["CLICOLOR_FORCE": "1"])
        #expect(forced.stdout.contains("\u{1B}[1;31m"))
        let noColor = try HandoffProcess.run(
            ["check", "examples/half-formed-idea.yaml"], environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
        let flag = try HandoffProcess.run(["check", "--no-color", "examples/half-formed-idea.yaml"], environment: ["CLICOLOR_FORCE": "1"])
        #expect(!flag.stdout.contains("\u{1B}["))
        let dumb = try HandoffProcess.run(["check", "examples/half-formed-idea.yaml"], environment: ["CLICOLOR_FORCE": "1", "TERM": "dumb"])
        #expect(!dumb.stdout.contains("\u{1B}["))
    }

    @Test("usage errors exit 2 with help; --help and --version exit 0")
    func usage() throws {
        let unknown = try HandoffProcess.run(["check", "--frobnicate", "examples/webinar-signup.yaml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--frobnicate"))
        let badFormat = try HandoffProcess.run(["check", "--format", "xml", "examples/webinar-signup.yaml"])
        #expect(badFormat.status == 2)
        let help = try HandoffProcess.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format"))
        let typo = try HandoffProcess.run(["chekc", "examples/webinar-signup.yaml"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown command 'chekc'. Did you mean 'check'?"))
        let version = try HandoffProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

/// Configuration as users set it: found by walking up, or named with --config.
@Suite("configuration from the command line")
struct ConfigurationCommandTests {
    @Test("a catalogue in handoff.yaml, found from a subdirectory, feeds system-unknown and lead time")
    func discoveredConfig() throws {
        let project = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/catalogue-config.yaml")
        try FileManager.default.copyItem(at: config, to: project.appendingPathComponent("handoff.yaml"))
        let drafts = project.appendingPathComponent("drafts/2026")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try """
            format: handoff/1
            title: Synergy banner
            systems: [{name: MA, change: new form}, {name: Wordpress, change: banner}]
            timeline: {launch: 2026-12-07}
            """.write(to: drafts.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        let result = try HandoffProcess.run(["check", "--format", "json", "d.yaml"], in: drafts)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\":\"system-unknown\",\"severity\":\"info\",\"field\":\"systems[1].name\""))
        #expect(!result.stdout.contains("\"field\":\"systems[0].name\""))
        // 2026-11-20 → 2026-12-07 is 11 business days: inside the configured 15, outside the default 10.
        #expect(result.stdout.contains("deadline-inside-lead-time"))
        #expect(result.stdout.contains("'synergy'"))
        #expect(result.stdout.contains("lead-form-without-sales"))
    }

    @Test("an unknown key in the config is exit 2 with its line; --config names another file")
    func badConfig() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("custom.yaml")
        try "jira:\n  project_key: MKT\n  lables: [web]\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try HandoffProcess.run(["check", "--config", file.path, "examples/webinar-signup.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("custom.yaml:3:3: jira.lables: unknown key 'lables'"))
        #expect(result.stderr.contains("Did you mean 'labels'?"))
        let missing = try HandoffProcess.run(["check", "--config", "/no/such/config.yaml", "examples/webinar-signup.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("config file not found"))
    }
}

@Suite("text encodings from the command line")
struct EncodingCommandTests {
    @Test("a real U+FFFD in a UTF-8 draft is text; invalid bytes are named with their line")
    func replacementCharacterVersusInvalidBytes() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let good = scratch.appendingPathComponent("good.yaml")
        try Data("format: handoff/1\ntitle: Broken glyph \u{FFFD} in the old copy\n".utf8).write(to: good)
        let accepted = try HandoffProcess.run(["check", "--format", "json", good.path])
        #expect(accepted.status == 1)
        #expect(accepted.stdout.contains("Broken glyph \u{FFFD}"))
        let bad = scratch.appendingPathComponent("latin1.yaml")
        try Data([UInt8]("format: handoff/1\ntitle: caf".utf8) + [0xE9, 0x0A]).write(to: bad)
        let refused = try HandoffProcess.run(["check", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("latin1.yaml:2: is not UTF-8 text"))
    }
}

/// `handoff check` with no SRC: the stored drafts, which is what the interview's "`handoff check`
/// lists them" points at.
extension CheckCommandTests {
    @Test("no SRC: every stored draft is checked, with a total and the worst exit status")
    func storedDrafts() throws {
        let (_, home, environment) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        let text = try HandoffProcess.run(["check"], environment: environment)
        #expect(text.status == 1, "\(text)")
        #expect(text.stdout.contains(StoredExamples.ready))
        #expect(text.stdout.contains(StoredExamples.japanese))
        #expect(text.stdout.contains("Sign-up form for the December webinar"))
        let json = try HandoffProcess.run(["check", "--format", "json"], environment: environment)
        let sources = try json.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["source"] as? String
        }
        #expect(Set(sources.compactMap { $0 }) == [StoredExamples.ready, StoredExamples.japanese])
    }

    @Test("no SRC and nothing stored: says so, names the store and how to start, exit 0")
    func nothingStored() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = home.appendingPathComponent("empty-store").path
        let result = try HandoffProcess.run(["check"], environment: ["HANDOFF_HOME": store])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("nothing to check: no stored drafts in \(store)"), "\(result.stderr)")
        #expect(result.stderr.contains("`handoff new` starts one"))
        let help = try HandoffProcess.run(["check", "--help"])
        #expect(help.stdout.contains("default: every stored draft"))
    }
}
