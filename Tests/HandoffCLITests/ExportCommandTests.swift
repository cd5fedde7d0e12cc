import Foundation
import Testing

/// `handoff export`: golden files for every format, every Jira export checked by
/// `jira-validate`, and what pipelines rely on (refusal, --force, -o, round trips).
@Suite("handoff export")
struct ExportCommandTests {
    static let ready = "examples/webinar-signup.yaml"
    static let japanese = "examples/ja-campaign-lp.yaml"
    static let halfFormed = "examples/half-formed-idea.yaml"

    static let jiraFormats = ["jira-import", "jira-v2", "jira-v3", "jira-v3-bulk"]

    @Test("every format of the ready English draft (golden)", arguments: [
        "jira-import", "jira-v2", "jira-v3", "jira-v3-bulk", "csv", "markdown", "yaml", "json",
    ])
    func englishGolden(format: String) throws {
        let result = try Golden.check("export-\(format)-en", ["export", Self.ready, "--to", format, "--project", "WEB"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        if Self.jiraFormats.contains(format) { try JiraValidate.expectValid(format, result.stdout) }
    }

    @Test("the Japanese draft, forced past its blocker (golden)", arguments: [
        "jira-import", "jira-v3", "csv", "markdown",
    ])
    func japaneseGolden(format: String) throws {
        let result = try Golden.check(
            "export-\(format)-ja", ["export", Self.japanese, "--to", format, "--project", "WEB", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("未解決の確認事項") || format == "jira-v3")
        if Self.jiraFormats.contains(format) { try JiraValidate.expectValid(format, result.stdout) }
    }

    @Test("sub-tasks: a story plus one sub-task per affected system, linked (golden, validated)")
    func subtasks() throws {
        for (name, source, extra) in [("en", Self.ready, [String]()), ("ja", Self.japanese, ["--force"])] {
            let result = try Golden.check(
                "export-jira-import-subtasks-\(name)",
                ["export", source, "--to", "jira-import", "--shape", "subtasks", "--project", "WEB"] + extra)
            #expect(result.status == 0)
            try JiraValidate.expectValid("jira-import", result.stdout)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let links = try #require(object["links"] as? [[String: Any]])
            #expect(links.count == 2)
            #expect(links.allSatisfy { $0["name"] as? String == "sub-task-link" })
        }
    }

    @Test("a draft that is not ready is refused: exit 1, blockers on stderr, nothing written for it")
    func refusal() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("out.json")
        let alone = try HandoffProcess.run(["export", Self.halfFormed, "--to", "jira-import", "-o", target.path])
        #expect(alone.status == 1)
        #expect(alone.stdout.isEmpty)
        #expect(alone.stderr.contains("half-formed-idea.yaml “Make the pricing page better ASAP” is not ready: 6 blockers"))
        #expect(alone.stderr.contains("✖ timeline.launch:"))
        #expect(alone.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
        // In a batch the others still go through; the exit status says not everything did.
        let mixed = try HandoffProcess.run(["export", Self.halfFormed, Self.ready, "--to", "jira-import", "-o", target.path])
        #expect(mixed.status == 1)
        let written = try String(contentsOf: target, encoding: .utf8)
        try JiraValidate.expectValid("jira-import", written)
        #expect(written.contains("webinar-signup-7f3a"))
        #expect(!written.contains("Make the pricing page"))
        let piped = try HandoffProcess.run(["export", Self.halfFormed, Self.ready, "--to", "json"])
        #expect(piped.status == 1)
        #expect(piped.stdout.contains("Sign-up form for the December webinar"))
    }

    @Test("a broken draft among good ones: reported with source and index, the rest exported, exit 2")
    func brokenAmongGood() throws {
        let stream = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Fixtures/stream.yaml"),
            encoding: .utf8)
        let result = try HandoffProcess.run(["export", "-", "--to", "json", "--force"], stdin: stream)
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin> (document 2):7:1: not valid YAML"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"title\":\"Third\""))
    }

    @Test("--force exports every draft and lists the open findings in the description")
    func force() throws {
        let result = try HandoffProcess.run(
            ["export", Self.halfFormed, Self.japanese, Self.ready, "--to", "jira-v3-bulk", "--force", "--project", "WEB"])
        #expect(result.status == 0)
        try JiraValidate.expectValid("jira-v3-bulk", result.stdout)
        #expect(result.stdout.contains("Not ready (exported with --force)"))
        #expect(result.stdout.contains("objective.problem"))
        let body = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((body["issueUpdates"] as? [Any])?.count == 3)
    }

    @Test("more than 50 drafts to jira-v3-bulk: one body a line, 50 issues each, all valid")
    func bulkSplits() throws {
        var stream = ""
        for index in 1...120 {
            stream += "{\"id\": \"bulk-\(index)\", \"title\": \"Request \(index)\", \"systems\": [\"Website CMS\"]}\n"
        }
        let result = try HandoffProcess.run(["export", "-", "--to", "jira-v3-bulk", "--force", "--no-source"], stdin: stream)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let counts = try lines.map { line -> Int in
            let body = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (body["issueUpdates"] as? [Any])?.count ?? 0
        }
        #expect(counts == [50, 50, 20])
        try JiraValidate.expectValid("jira-v3-bulk", result.stdout)
    }

    static func withoutPositions(_ jsonLines: String) -> String {
        jsonLines.replacingOccurrences(of: #""line":[0-9]+,"column":[0-9]+,"#, with: "", options: .regularExpression)
    }

    @Test("every export reads back: check on the export gives the same report as on the draft", arguments: [
        "jira-import", "jira-v2", "jira-v3", "jira-v3-bulk", "csv", "markdown", "yaml", "json",
    ])
    func roundTrip(format: String) throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for source in [Self.ready, Self.japanese] {
            let file = scratch.appendingPathComponent("export-\(format)")
            let export = try HandoffProcess.run(["export", source, "--to", format, "--force", "-o", file.path])
            #expect(export.status == 0, "\(export.stderr)")
            let original = try HandoffProcess.run(["check", "--format", "json", source])
            let fromExport = try HandoffProcess.run(["check", "--format", "json", file.path])
            #expect(fromExport.status == original.status, "\(fromExport.stderr)")
            // Line and column point into the file checked, so they differ between a draft and its
            // export (and a draft carried inside a Jira export has none): compare the rest.
            #expect(
                Self.withoutPositions(fromExport.stdout.replacingOccurrences(of: file.path, with: source))
                    == Self.withoutPositions(original.stdout),
                "\(format): \(fromExport.stdout.prefix(300))")
        }
    }

    @Test("an export without its source draft cannot be read back, and says why")
    func noSource() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("v3.json")
        let export = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v3", "--no-source", "-o", file.path])
        #expect(export.status == 0)
        try JiraValidate.expectValid("jira-v3", try String(contentsOf: file, encoding: .utf8))
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("handoff-source.yaml"))
        let check = try HandoffProcess.run(["check", file.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("without its source draft (exported with --no-source?)"))
    }

    @Test("exports are deterministic: the same draft gives the same bytes", arguments: [
        "jira-import", "jira-v3", "csv", "markdown",
    ])
    func deterministic(format: String) throws {
        let first = try HandoffProcess.run(["export", Self.japanese, "--to", format, "--force"])
        let second = try HandoffProcess.run(["export", Self.japanese, "--to", format, "--force"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test("-o writes atomically and replaces an existing file; an unwritable place is exit 3")
    func outputFile() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let target = scratch.appendingPathComponent("ticket.json")
        try "old contents".write(to: target, atomically: true, encoding: .utf8)
        let result = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "-o", target.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("{"))
        try JiraValidate.expectValid("jira-v2", written)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        let missing = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "-o", scratch.path + "/no/such/dir/x.json"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no/such/dir"))
    }

    @Test("project key: --project, then the config, then MKT with a note on stderr")
    func projectKey() throws {
        let flag = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "--project", "WEB"])
        #expect(flag.stdout.contains("\"key\": \"WEB\""))
        #expect(!flag.stderr.contains("note:"))
        let fallback = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2"])
        #expect(fallback.stdout.contains("\"key\": \"MKT\""))
        #expect(fallback.stderr.contains("note: no Jira project key configured; using MKT"))
        // Nothing exported, nothing to explain: the error stands alone.
        let nothing = try HandoffProcess.run(["export", "no-such-draft.yaml", "--to", "jira-v2"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("no-such-draft.yaml"))
        #expect(!nothing.stderr.contains("note:"))
        let bad = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "--project", "web team"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not a Jira project key"))
    }

    @Test("one project-key rule, 2 to 10 characters, for --project and jira.project_key alike")
    func projectKeyRule() throws {
        let longest = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "--project", "ABCDEFGHIJ"])
        #expect(longest.status == 0, "\(longest)")
        #expect(longest.stdout.contains("\"key\": \"ABCDEFGHIJ\""))
        let flag = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "--project", "ABCDEFGHIJK"])
        #expect(flag.status == 2)
        #expect(flag.stdout.isEmpty)
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = scratch.appendingPathComponent("handoff.yaml")
        try "jira:\n  project_key: ABCDEFGHIJK\n".write(to: config, atomically: true, encoding: .utf8)
        let configured = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v2", "--config", config.path])
        #expect(configured.status == 2)
        let rule = "'ABCDEFGHIJK' is not a Jira project key: 2 to 10 capital letters, digits or '_', starting with a letter (e.g. MKT)"
        #expect(flag.stderr.contains(rule), "\(flag.stderr)")
        #expect(configured.stderr.contains(rule), "\(configured.stderr)")
        #expect(configured.stderr.contains("handoff.yaml:2"), "\(configured.stderr)")
    }

    @Test("every draft refused: stdout stays empty (no empty importer file, no lone CSV header)", arguments: [
        "jira-import", "jira-v2", "jira-v3", "jira-v3-bulk", "csv", "markdown", "yaml", "json",
    ])
    func allRefusedPrintsNothing(format: String) throws {
        let result = try HandoffProcess.run(["export", Self.halfFormed, Self.japanese, "--to", format, "--project", "WEB"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("is not ready"))
    }

    @Test("--help names defaults and values, never a Swift type")
    func helpDefaults() throws {
        let export = try HandoffProcess.run(["export", "--help"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("default: single"), "\(export.stdout)")
        for format in ["jira-import", "jira-v2", "jira-v3", "jira-v3-bulk", "csv", "markdown", "yaml", "json"] {
            #expect(export.stdout.contains(format + (format == "json" ? ")" : ",")), "\(format) missing from the listed values")
        }
        for command in ["check", "review", "diff", "history", "drafts", "export"] {
            let help = try HandoffProcess.run([command, "--help"])
            #expect(!help.stdout.contains("Argument("), "\(command): \(help.stdout)")
            #expect(!help.stdout.contains("HandoffKit."), "\(command): \(help.stdout)")
            #expect(!help.stdout.contains("FormatChoice"), "\(command): \(help.stdout)")
            if command != "export" { #expect(help.stdout.contains("default: text"), "\(command): \(help.stdout)") }
        }
    }

    @Test("configured labels, components, priorities and custom fields reach the REST body")
    func configuredFields() throws {
        let project = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: project) }
        try """
            jira:
              project_key: GROW
              issue_type: Task
              labels: [web, q4-campaigns]
              components: [Website]
              priority: {urgent: P1, high: P2, normal: P3, low: P4}
              fields: {launch: customfield_10015, business_owner: customfield_10042}
            """.write(to: project.appendingPathComponent("handoff.yaml"), atomically: true, encoding: .utf8)
        let draft = HandoffProcess.repositoryRoot.appendingPathComponent(Self.ready).path
        let result = try HandoffProcess.run(["export", draft, "--to", "jira-v3"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        try JiraValidate.expectValid("jira-v3", result.stdout)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let fields = try #require(body["fields"] as? [String: Any])
        #expect((fields["project"] as? [String: String])?["key"] == "GROW")
        #expect((fields["issuetype"] as? [String: String])?["name"] == "Task")
        #expect(fields["labels"] as? [String] == ["marketing-request", "web", "q4-campaigns"])
        #expect((fields["components"] as? [[String: String]])?.first?["name"] == "Website")
        // Hard deadline, launch 2026-12-04 is 10 business days after 2026-11-20: not inside the lead time.
        #expect((fields["priority"] as? [String: String])?["name"] == "P2")
        #expect(fields["duedate"] as? String == "2026-12-04")
        #expect(fields["customfield_10015"] as? String == "2026-12-04")
        #expect(fields["customfield_10042"] as? String == "Ken Ito")
    }

    @Test("usage errors: unknown format, subtasks with REST, no source")
    func usageErrors() throws {
        let badFormat = try HandoffProcess.run(["export", Self.ready, "--to", "xlsx"])
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("jira-import"))
        let shape = try HandoffProcess.run(["export", Self.ready, "--to", "jira-v3", "--shape", "subtasks"])
        #expect(shape.status == 2)
        #expect(shape.stderr.contains("--shape subtasks works with --to jira-import only"))
        let none = try HandoffProcess.run(["export", "--to", "json"])
        #expect(none.status == 2)
        let invalid = try HandoffProcess.run(["export", "Tests/HandoffCLITests/Fixtures/typos.yaml", "--to", "json"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("sytems"))
    }
}

/// A draft full of markup characters, formulas, HTML, emoji and Japanese must come out intact
/// (read back exactly) and inert (valid for Jira, no raw control characters, no formulas).
@Suite("export of hostile text")
struct HostileExportTests {
    static let draft = "Tests/HandoffCLITests/Fixtures/hostile-ready.yaml"

    @Test("the hostile draft is ready, so nothing hides behind --force")
    func ready() throws {
        let check = try HandoffProcess.run(["check", Self.draft])
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test("every format: valid, no raw control characters, and read back exactly", arguments: [
        "jira-import", "jira-v2", "jira-v3", "jira-v3-bulk", "csv", "markdown", "yaml", "json",
    ])
    func intactAndInert(format: String) throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("hostile.\(format)")
        let export = try HandoffProcess.run(["export", Self.draft, "--to", format, "--project", "WEB", "-o", file.path])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(!text.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x1B }, "raw control character in \(format)")
        if ExportCommandTests.jiraFormats.contains(format) { try JiraValidate.expectValid(format, text) }
        let original = try HandoffProcess.run(["export", Self.draft, "--to", "yaml"])
        let back = try HandoffProcess.run(["export", file.path, "--to", "yaml"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == original.stdout, "\(format) did not read back exactly")
    }

    @Test("CSV: formulas neutralised, quotes doubled, one header row plus one row")
    func csvCells() throws {
        let export = try HandoffProcess.run(["export", Self.draft, "--to", "csv", "--project", "WEB"])
        #expect(export.status == 0)
        #expect(!export.stdout.contains(",=") && !export.stdout.contains(",+") && !export.stdout.contains(",@"))
        #expect(export.stdout.hasPrefix("Issue Id,Summary,Issue Type,Status,Priority,Due Date,Labels,Description\r\n"))
    }

    @Test("wiki markup: the user's {code} cannot end the source block")
    func wikiCodeBlock() throws {
        let export = try HandoffProcess.run(["export", Self.draft, "--to", "jira-v2", "--project", "WEB"])
        let body = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let description = try #require((body["fields"] as? [String: Any])?["description"] as? String)
        let source = description.components(separatedBy: "{code:title=handoff-source.yaml|language=yaml}\n").last ?? ""
        let inside = source.components(separatedBy: "\n{code}").first ?? ""
        #expect(!inside.lowercased().contains("{code"))
        #expect(description.contains("\\{code\\}not code\\{code\\}"))
        #expect(description.contains("\nh1&#46; Not a heading"))
    }
}
