import Foundation
import Testing

/// What the readiness issue changed at the command line: findings that point at lines, GitHub
/// annotations, `handoff rules`, placeholders that keep a draft from being ready, and loader
/// errors in Japanese.
@Suite("handoff check and rules: readiness a reviewer would sign")
struct ReadinessCLITests {
    static let placeholderDraft = """
        format: handoff/1
        title: Trade-show leads into Salesforce
        objective:
          problem: Badge scans sit in spreadsheets for weeks
          business_goal: I don't know
        systems:
          - {name: Salesforce, change: import badge scans, data: [name, email], personal_data: true}
        stakeholders:
          - {role: legal, name: "not sure who, maybe someone in Legal?"}
        compliance: {legal_review: unsure}
        success:
          metrics:
            - {name: Leads imported, baseline: 0, target: 400, source: TBD}

        """

    func write(_ text: String, _ name: String) throws -> (URL, URL) {
        let directory = HandoffProcess.temporaryDirectory()
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (directory, file)
    }

    @Test("placeholders keep a draft from being ready, and the messages quote them")
    func placeholders() throws {
        let (directory, file) = try write(Self.placeholderDraft, "leads.yaml")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try HandoffProcess.run(["check", file.path])
        #expect(result.status == 1)
        for quoted in ["'I don't know'", "'not sure who, maybe someone in Legal?'", "'TBD'", "unclear whether Legal"] {
            #expect(result.stdout.contains(quoted), "\(quoted) not in \(result.stdout)")
        }
    }

    @Test("every finding carries the line and column of its field, from a file and from stdin")
    func positions() throws {
        let (directory, file) = try write(Self.placeholderDraft, "leads.yaml")
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["check", "--format", "json", file.path], ["check", "--format", "json", "-"]] {
            let result = try HandoffProcess.run(arguments, stdin: Self.placeholderDraft)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty)
            for finding in findings {
                #expect(finding["line"] is Int && finding["column"] is Int, "\(finding)")
            }
            let source = try #require(findings.first { $0["field"] as? String == "success.metrics[0].source" })
            #expect(source["line"] as? Int == 13)
            let goal = try #require(findings.first { $0["field"] as? String == "objective.business_goal" })
            #expect(goal["line"] as? Int == 5 && goal["column"] as? Int == 3)
        }
        let text = try HandoffProcess.run(["check", file.path])
        #expect(text.stdout.contains("objective.business_goal · \(file.path):5"), "\(text.stdout)")
    }

    @Test("--format github prints one annotation a finding: blockers errors, warnings warnings, info notices")
    func github() throws {
        let result = try HandoffProcess.run(["check", "--format", "github", "examples/half-formed-idea.yaml"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=examples/half-formed-idea.yaml,line=") || $0.hasPrefix("::warning file=") || $0.hasPrefix("::notice file=") })
        #expect(lines.contains { $0.hasPrefix("::error ") && $0.contains("title=launch-missing (timeline.launch)::") })
        #expect(lines.contains { $0.hasPrefix("::notice ") })
        #expect(lines.contains { $0.hasPrefix("::warning ") && $0.contains(",line=3,") && $0.contains("vague-language") })
        let unreadable = try HandoffProcess.run(["check", "--format", "github", "-"], stdin: "title: [oops\n")
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.hasPrefix("::error line="), "\(unreadable.stdout)")
    }

    @Test("handoff rules lists every rule; handoff rules ID explains one, in the language asked for")
    func rules() throws {
        let list = try HandoffProcess.run(["rules"])
        #expect(list.status == 0)
        for id in ["title-missing", "acceptance-untestable", "contact-invalid", "sensitive-data"] {
            #expect(list.stdout.contains(id))
        }
        let one = try HandoffProcess.run(["rules", "acceptance-untestable"])
        #expect(one.stdout.contains("Why IT needs it") && one.stdout.contains("works on mobile") && one.stdout.contains("How to fix it"))
        let japanese = try HandoffProcess.run(["rules", "acceptance-untestable", "--lang", "ja"])
        #expect(japanese.stdout.contains("IT に必要な理由") && japanese.stdout.contains("直し方"))
        let markdown = try HandoffProcess.run(["rules", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Readiness rules"))
        #expect(markdown.stdout.contains("| [`contact-invalid`](#contact-invalid) | warning |"))
        #expect(markdown.stdout.contains("\n## open-questions\n"))
        let json = try HandoffProcess.run(["rules", "--format", "json"])
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == 37)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["id", "severity", "summary", "why", "example", "fix"] { #expect(first[key] is String, "\(key)") }
        let typo = try HandoffProcess.run(["rules", "metric-sorce-missing"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Did you mean 'metric-source-missing'?"))
    }

    @Test("a draft with lang: ja, or --lang ja, gets its input errors in Japanese")
    func japaneseErrors() throws {
        let draft = "format: handoff/1\nlang: ja\ntitle: テスト\ntimeline: {launch: 2027-02-30}\nscope: {requirements: [{text: a, priority: mst}]}\ntitel: x\n"
        let (directory, file) = try write(draft, "ja.yaml")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try HandoffProcess.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2027年2月は28日まで"), "\(result.stderr)")
        #expect(result.stderr.contains("2027-02-28 のことですか"))
        #expect(result.stderr.contains("「mst」はここに書ける値ではありません。「must」のことですか。"))
        #expect(result.stderr.contains("「titel」というキーはここでは使えません。「title」の書き間違いではありませんか。"))
        let english = try HandoffProcess.run(["check", "--lang", "en", file.path])
        #expect(english.stderr.contains("February 2027 has 28 days (the nearest real date is 2027-02-28)"), "\(english.stderr)")
        let forced = try HandoffProcess.run(["check", "--lang", "ja", "-"], stdin: "title: [broken\n")
        #expect(forced.stderr.contains("YAML として読めません"), "\(forced.stderr)")
    }

    @Test("a multi-line title is shown as one indented block")
    func multiLineTitle() throws {
        let result = try HandoffProcess.run(["check", "-"], stdin: "title: |\n  Sign-up form\n  and confirmation e-mail\n")
        #expect(result.stdout.contains("\n  Sign-up form\n  and confirmation e-mail\n"), "\(result.stdout)")
    }
}
