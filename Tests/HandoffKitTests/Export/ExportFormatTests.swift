import Foundation
import Testing

@testable import HandoffKit

/// Each `--to` format: deterministic bytes, one importer file for several drafts, sub-tasks where
/// Jira's importer can link them, the bulk API's 50-issue limit, JSON Lines for several REST
/// bodies, Jira's description limit, readiness findings and
/// localized headings.
@Suite("Export formats")
struct ExportFormatTests {
    // MARK: - Helpers

    private func export(
        _ format: ExportFormat, _ drafts: [Draft], _ options: ExportOptions = ExportFixtures.options()
    ) throws(ExportError) -> String {
        try format.exporter.export(drafts.map(ExportFixtures.item), options: options)
    }

    /// The export, or "" with an issue recorded.
    private func exported(
        _ format: ExportFormat, _ drafts: [Draft], _ options: ExportOptions = ExportFixtures.options(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        do {
            return try export(format, drafts, options)
        } catch {
            Issue.record("export failed: \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    private func object(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        ExportFixtures.json(text, sourceLocation: sourceLocation) as? [String: Any] ?? [:]
    }

    /// Non-empty lines of `text`.
    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    /// `count` distinct ready drafts, titled `Request 1`, `Request 2`, …
    private func manyDrafts(_ count: Int) -> [Draft] {
        (1...count).map { number in
            var draft = TestDrafts.ready
            draft.id = "request-\(number)"
            draft.title = "Request \(number)"
            return draft
        }
    }

    private func issues(_ importFile: [String: Any]) -> [[String: Any]] {
        let projects = importFile["projects"] as? [[String: Any]] ?? []
        return projects.flatMap { $0["issues"] as? [[String: Any]] ?? [] }
    }

    /// The error message of an export that must fail.
    private func failure(
        _ format: ExportFormat, _ drafts: [Draft], _ options: ExportOptions,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String? {
        do {
            _ = try export(format, drafts, options)
            Issue.record("\(format.rawValue) export should have failed", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.message
        }
    }

    static let jiraFormats = ExportFormat.allCases.filter(\.isJira)

    // MARK: - Determinism

    @Test("Exports are deterministic: two runs give the same bytes", arguments: ExportFormat.allCases)
    func deterministic(_ format: ExportFormat) {
        let drafts = [TestDrafts.ready, TestDrafts.japanese, ExportFixtures.hostile]
        let configuration = ExportFixtures.configuration(
            "jira:\n  labels: [web]\n  fields:\n    launch: customfield_10015\n    business_owner: customfield_10020\n")
        let first = exported(format, drafts, ExportFixtures.options(configuration))
        let second = exported(format, drafts, ExportFixtures.options(configuration))
        #expect(!first.isEmpty)
        #expect(first == second)
        #expect(Array(first.utf8) == Array(second.utf8))
        #expect(exported(format, [TestDrafts.ready]) == exported(format, [TestDrafts.ready]))
        #expect(first.utf8.last == UInt8(ascii: "\n"))
    }

    @Test("The provenance line names the version, the prompt pack and the draft's content digest")
    func provenance() {
        let item = ExportFixtures.item(TestDrafts.ready)
        let markdown = exported(.markdown, [TestDrafts.ready])
        #expect(markdown.contains("Exported by handoff \(HandoffVersion.current)"))
        #expect(markdown.contains("prompt pack \(HandoffVersion.promptPack)"))
        #expect(markdown.contains("draft webinar-signup-7f3a, content " + ContentDigest.of(item.draft)))
        #expect(ContentDigest.of(TestDrafts.ready) == ContentDigest.of(TestDrafts.ready))
        #expect(ContentDigest.of(TestDrafts.ready) != ContentDigest.of(TestDrafts.japanese))
        #expect(ContentDigest.of(TestDrafts.ready).count == 16)
    }

    // MARK: - jira-import

    @Test("jira-import: several drafts make one file with one project")
    func importSeveral() {
        let file = object(exported(.jiraImport, [TestDrafts.ready, TestDrafts.japanese]))
        let projects = file["projects"] as? [[String: Any]] ?? []
        #expect(projects.count == 1)
        #expect(projects.first?["key"] as? String == "MKT")
        let issues = issues(file)
        #expect(issues.map { $0["externalId"] as? String } == ["webinar-signup-7f3a", "spring-lp-ja-2c91"])
        #expect(issues.map { $0["issueType"] as? String } == ["Story", "Story"])
        #expect(issues.map { $0["summary"] as? String } == [TestDrafts.ready.title, TestDrafts.japanese.title])
        #expect(issues.map { $0["duedate"] as? String } == ["2026-12-04", "2027-02-24"])
        #expect(issues.allSatisfy { ($0["labels"] as? [String]) == ["marketing-request"] })
        #expect(file["links"] == nil)
        #expect(Set(file.keys) == ["projects"])
    }

    @Test("jira-import --shape subtasks: a sub-task per system, linked to its story")
    func importSubtasks() {
        let file = object(
            exported(.jiraImport, [TestDrafts.ready, TestDrafts.japanese], ExportFixtures.options(shape: .subtasks)))
        let issues = issues(file)
        #expect(
            issues.map { $0["externalId"] as? String } == [
                "webinar-signup-7f3a", "webinar-signup-7f3a-system-1", "webinar-signup-7f3a-system-2",
                "spring-lp-ja-2c91", "spring-lp-ja-2c91-system-1", "spring-lp-ja-2c91-system-2",
            ])
        #expect(
            issues.map { $0["issueType"] as? String } == [
                "Story", "Sub-task", "Sub-task", "Story", "Sub-task", "Sub-task",
            ])
        #expect(issues[1]["summary"] as? String == "Website CMS: embed form block")
        #expect(issues[2]["summary"] as? String == "Marketo: new program + form")
        #expect((issues[1]["description"] as? String)?.contains("Sign-up form for the December webinar") == true)
        let links = file["links"] as? [[String: String]] ?? []
        #expect(
            links == [
                [
                    "name": "sub-task-link", "sourceId": "webinar-signup-7f3a-system-1",
                    "destinationId": "webinar-signup-7f3a",
                ],
                [
                    "name": "sub-task-link", "sourceId": "webinar-signup-7f3a-system-2",
                    "destinationId": "webinar-signup-7f3a",
                ],
                [
                    "name": "sub-task-link", "sourceId": "spring-lp-ja-2c91-system-1",
                    "destinationId": "spring-lp-ja-2c91",
                ],
                [
                    "name": "sub-task-link", "sourceId": "spring-lp-ja-2c91-system-2",
                    "destinationId": "spring-lp-ja-2c91",
                ],
            ])
    }

    @Test("Sub-tasks: only non-empty systems, numbered by position; the configured sub-task type")
    func subtaskDetails() {
        var draft = TestDrafts.ready
        draft.systems = [
            AffectedSystem(name: "CMS"), AffectedSystem(), AffectedSystem(name: "CRM", change: "new field"),
        ]
        let configuration = ExportFixtures.configuration("jira:\n  subtask_type: Technical task\n  issue_type: Task\n")
        let file = object(exported(.jiraImport, [draft], ExportFixtures.options(configuration, shape: .subtasks)))
        let issues = issues(file)
        #expect(
            issues.map { $0["externalId"] as? String } == [draft.id, draft.id! + "-system-1", draft.id! + "-system-3"])
        #expect(issues.map { $0["issueType"] as? String } == ["Task", "Technical task", "Technical task"])
        #expect(issues.map { $0["summary"] as? String } == [draft.title, "CMS", "CRM: new field"])
        #expect(
            (file["links"] as? [[String: String]])?.map { $0["sourceId"] } == [
                draft.id! + "-system-1", draft.id! + "-system-3",
            ])

        var none = TestDrafts.ready
        none.systems = []
        let single = object(exported(.jiraImport, [none], ExportFixtures.options(shape: .subtasks)))
        #expect(self.issues(single).count == 1)
        #expect(single["links"] == nil)
    }

    @Test(
        "Only jira-import takes --shape subtasks", arguments: [ExportFormat.jiraV2, .jiraV3, .jiraV3Bulk, .csv])
    func subtasksRefused(_ format: ExportFormat) {
        let message = failure(format, [TestDrafts.ready], ExportFixtures.options(shape: .subtasks))
        #expect(message?.contains("--shape subtasks") == true)
        #expect(message?.contains(format.rawValue) == true)
    }

    @Test("The project key: --project over the configuration over MKT")
    func projectKeyInExports() throws {
        let configuration = ExportFixtures.configuration("jira:\n  project_key: WEB\n")
        let explicit = object(
            exported(.jiraV2, [TestDrafts.ready], ExportFixtures.options(configuration, projectKey: "OPS")))
        #expect(((explicit["fields"] as? [String: Any])?["project"] as? [String: String]) == ["key": "OPS"])
        let configured = object(exported(.jiraImport, [TestDrafts.ready], ExportFixtures.options(configuration)))
        #expect((configured["projects"] as? [[String: Any]])?.first?["key"] as? String == "WEB")
    }

    // MARK: - REST bodies

    @Test("jira-v2/v3: one draft gives an indented body", arguments: [ExportFormat.jiraV2, .jiraV3])
    func restSingle(_ format: ExportFormat) {
        let text = exported(format, [TestDrafts.ready])
        #expect(lines(text).count > 10)
        #expect(text.hasPrefix("{\n  \"fields\": {"))
        let fields = object(text)["fields"] as? [String: Any] ?? [:]
        #expect(fields["summary"] as? String == "Sign-up form for the December webinar")
        #expect((fields["issuetype"] as? [String: String]) == ["name": "Story"])
        #expect((fields["priority"] as? [String: String]) == ["name": "High"])
        #expect(fields["duedate"] as? String == "2026-12-04")
        #expect(fields["labels"] as? [String] == ["marketing-request"])
        if format == .jiraV2 {
            #expect((fields["description"] as? String)?.hasPrefix("h2. Idea") == true)
        } else {
            #expect((fields["description"] as? [String: Any])?["type"] as? String == "doc")
        }
    }

    @Test("jira-v2/v3: several drafts give one compact body a line", arguments: [ExportFormat.jiraV2, .jiraV3])
    func restSeveral(_ format: ExportFormat) {
        let text = exported(format, [TestDrafts.ready, TestDrafts.japanese, ExportFixtures.hostile])
        let bodies = lines(text)
        #expect(bodies.count == 3)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
        let summaries = bodies.map { ((object($0)["fields"] as? [String: Any])?["summary"] as? String) }
        #expect(summaries == [TestDrafts.ready.title, TestDrafts.japanese.title, "yes"])
        #expect(bodies.allSatisfy { $0.hasPrefix("{\"fields\":{") })
    }

    @Test("Configured custom fields and components reach the REST body")
    func restCustomFields() {
        let configuration = ExportFixtures.configuration(
            "jira:\n  components: [Web]\n  fields:\n    launch: customfield_10015\n    kgi: customfield_10030\n")
        let fields =
            object(exported(.jiraV3, [TestDrafts.ready], ExportFixtures.options(configuration)))["fields"]
            as? [String: Any]
        #expect(fields?["customfield_10015"] as? String == "2026-12-04")
        #expect(fields?["customfield_10030"] as? String == "Qualified pipeline from webinar attendees")
        #expect((fields?["components"] as? [[String: String]]) == [["name": "Web"]])
        let plain = object(exported(.jiraV3, [TestDrafts.ready]))["fields"] as? [String: Any]
        #expect(plain?["components"] == nil)
        #expect(plain?.keys.contains { $0.hasPrefix("customfield_") } == false)
    }

    // MARK: - Bulk

    @Test(
        "jira-v3-bulk: at most 50 issues a body; more drafts give JSON Lines",
        arguments: [(1, [1]), (50, [50]), (51, [50, 1]), (100, [50, 50]), (120, [50, 50, 20])])
    func bulk(_ count: Int, _ sizes: [Int]) {
        let text = exported(.jiraV3Bulk, manyDrafts(count))
        let bodies: [[String: Any]]
        if sizes.count == 1 {
            #expect(text.hasPrefix("{\n  \"issueUpdates\": ["), "one body is indented")
            bodies = [object(text)]
        } else {
            #expect(lines(text).allSatisfy { $0.hasPrefix("{\"issueUpdates\":[") })
            bodies = lines(text).map { object($0) }
        }
        let updates = bodies.map { $0["issueUpdates"] as? [[String: Any]] ?? [] }
        #expect(updates.map(\.count) == sizes)
        let summaries = updates.joined().map { ($0["fields"] as? [String: Any])?["summary"] as? String }
        #expect(summaries == (1...count).map { "Request \($0)" })
    }

    @Test("Every Jira JSON export passes jira-validate")
    func validated() throws {
        let configuration = ExportFixtures.configuration(
            "jira:\n  labels: [web]\n  components: [Web]\n"
                + "  fields:\n    launch: customfield_10015\n    team: customfield_10016\n"
        )
        let drafts = [TestDrafts.ready, TestDrafts.japanese, ExportFixtures.hostile]
        let cases: [(String, String)] = [
            ("jira-import", exported(.jiraImport, drafts, ExportFixtures.options(configuration))),
            ("jira-import", exported(.jiraImport, drafts, ExportFixtures.options(configuration, shape: .subtasks))),
            ("jira-v3-bulk", exported(.jiraV3Bulk, drafts, ExportFixtures.options(configuration))),
        ]
        // Two bodies as JSON Lines: small drafts keep Atlassian's (slow) ADF schema check quick.
        let small = (1...51).map { number in
            ExportItem(
                draft: TestDrafts.load("id: small-\(number)\ntitle: Request \(number)\n"),
                report: ReadinessReport(findings: [], score: 100))
        }
        let jsonLines = try JiraV3BulkExporter().export(
            small, options: ExportFixtures.options(configuration, includeSource: false))
        #expect(lines(jsonLines).count == 2)
        var all = cases + [("jira-v3-bulk", jsonLines)]
        for draft in drafts {
            all.append(("jira-v2", exported(.jiraV2, [draft], ExportFixtures.options(configuration))))
            all.append(("jira-v3", exported(.jiraV3, [draft], ExportFixtures.options(configuration))))
        }
        for (format, text) in all {
            let result = try ExportFixtures.validate(text, format: format)
            #expect(result.status == 0, "jira-validate \(format) failed:\n\(result.output)")
        }
    }

    // MARK: - Description limit

    /// The ready draft with an idea of `length` characters that need no escaping.
    private func longDraft(_ length: Int) -> Draft {
        var draft = TestDrafts.ready
        draft.idea = String(String(repeating: "word ", count: length / 5 + 1).prefix(length))
        return draft
    }

    @Test(
        "A description over Jira's 32,767 characters is refused, naming the limit and --no-source",
        arguments: jiraFormats)
    func tooLong(_ format: ExportFormat) {
        let draft = longDraft(40_000)
        for includeSource in [true, false] {
            let message = failure(format, [draft], ExportFixtures.options(includeSource: includeSource))
            #expect(message?.contains("32767") == true, "\(message ?? "")")
            #expect(message?.contains("--no-source") == true)
            #expect(message?.contains("webinar-signup-7f3a") == true)
        }
    }

    @Test(
        "Leaving out the source makes the description shorter, and can bring it under the limit", arguments: jiraFormats
    )
    func noSourceShorter(_ format: ExportFormat) {
        let draft = longDraft(20_000)
        #expect(failure(format, [draft], ExportFixtures.options())?.contains("32767") == true)
        let text = exported(format, [draft], ExportFixtures.options(includeSource: false))
        #expect(!text.isEmpty)
        #expect(!text.contains(TicketDocument.sourceTitle))

        let item = ExportFixtures.item(TestDrafts.ready)
        let with = (try? wikiDescription(item, options: ExportFixtures.options())) ?? ""
        let without = (try? wikiDescription(item, options: ExportFixtures.options(includeSource: false))) ?? ""
        #expect(without.count < with.count)
        #expect(with.hasPrefix(without.dropLast()))
        #expect(with.contains("{code:title=handoff-source.yaml|language=yaml}"))
        #expect(!without.contains("{code"))
    }

    @Test("Formats for people have no Jira limit", arguments: [ExportFormat.markdown, .yaml, .json])
    func noLimitForPeople(_ format: ExportFormat) {
        #expect(!exported(format, [longDraft(40_000)]).isEmpty)
    }

    @Test("A description of exactly the limit passes")
    func exactlyAtLimit() throws {
        let options = ExportFixtures.options(includeSource: false)
        let base = try wikiDescription(ExportFixtures.item(longDraft(1000)), options: options).utf16.count
        let draft = longDraft(1000 + ExportError.descriptionLimit - base)
        #expect(
            try wikiDescription(ExportFixtures.item(draft), options: options).utf16.count
                == ExportError.descriptionLimit)
        #expect(throws: ExportError.self) {
            try wikiDescription(
                ExportFixtures.item(self.longDraft(1001 + ExportError.descriptionLimit - base)), options: options)
        }
    }

    // MARK: - Findings and languages

    /// The description (wiki or Markdown text; for ADF, its text nodes joined) of the first
    /// issue of an export.
    private func firstDescription(_ format: ExportFormat, _ text: String) -> String {
        func adfText(_ node: Any?) -> String {
            guard let node = node as? [String: Any] else { return "" }
            let own = node["text"] as? String ?? ""
            return own
                + (node["content"] as? [Any] ?? []).map(adfText).joined(
                    separator: node["type"] as? String == "doc" ? "\n" : "")
        }
        switch format {
        case .jiraImport: return issues(object(text)).first?["description"] as? String ?? ""
        case .jiraV2: return (object(text)["fields"] as? [String: Any])?["description"] as? String ?? ""
        case .jiraV3: return adfText((object(text)["fields"] as? [String: Any])?["description"])
        case .jiraV3Bulk:
            let first = (object(text)["issueUpdates"] as? [[String: Any]])?.first
            return adfText((first?["fields"] as? [String: Any])?["description"])
        case .csv:
            let rows = CSVParser.rows(text)
            guard rows.count > 1, let column = rows[0].firstIndex(of: "Description") else { return "" }
            return rows[1][column]
        case .markdown, .yaml, .json: return text
        }
    }

    @Test(
        "Readiness findings appear in the description of a forced, not-ready draft",
        arguments: ExportFormat.allCases.filter { $0 != .yaml && $0 != .json })
    func findings(_ format: ExportFormat) throws {
        let draft = TestDrafts.load("id: half-1\ntitle: Half an idea\nidea: Something for the spring campaign\n")
        let item = ExportFixtures.item(draft)
        #expect(!item.report.isReady)
        let description = firstDescription(
            format, try format.exporter.export([item], options: ExportFixtures.options()))
        #expect(description.contains("Open readiness findings"))
        #expect(!description.contains("None: the request is ready."))
        switch format {
        case .jiraV3, .jiraV3Bulk:
            #expect(description.contains(Labels.notReady(.en) + " · score \(item.report.score)/100"))
            for finding in item.report.findings {
                #expect(description.contains(finding.field + " " + finding.message + " → " + finding.question))
            }
        case .markdown:
            let label = MarkdownRenderer.escape(Labels.notReady(.en), multiline: false)
            #expect(description.contains("**" + label + "** · score \(item.report.score)/100"))
            for finding in item.report.findings {
                #expect(description.contains("`" + finding.field + "`"))
                #expect(description.contains(MarkdownRenderer.escape(finding.question, multiline: false)))
            }
        default:
            let label = WikiMarkupRenderer.escape(Labels.notReady(.en), multiline: false)
            #expect(description.contains("*" + label + "* · score \(item.report.score)/100"))
            for finding in item.report.findings {
                #expect(description.contains("{{" + WikiMarkupRenderer.escape(finding.field, multiline: false) + "}}"))
                #expect(description.contains(WikiMarkupRenderer.escape(finding.question, multiline: false)))
            }
        }
        #expect(item.report.findings.count >= 3)
    }

    @Test("Without findings the description says the request is ready")
    func noFindings() throws {
        let item = ExportItem(draft: TestDrafts.ready, report: ReadinessReport(findings: [], score: 100))
        let description = try wikiDescription(item, options: ExportFixtures.options())
        #expect(description.contains("h2. Open readiness findings\n\nNone: the request is ready."))
        #expect(!description.contains("Not ready"))
    }

    @Test(
        "Headings follow the draft's language; --lang overrides",
        arguments: [ExportFormat.jiraV2, .jiraImport, .csv, .markdown])
    func headings(_ format: ExportFormat) {
        let japanese = exported(format, [TestDrafts.japanese])
        let english = exported(format, [TestDrafts.japanese], ExportFixtures.options(language: .en))
        let forcedJapanese = exported(format, [TestDrafts.ready], ExportFixtures.options(language: .ja))
        for heading in ["目的", "影響するシステム", "成果の測定", "受け入れ条件", "未解決の確認事項"] {
            #expect(japanese.contains(heading))
            #expect(!english.contains(heading))
            #expect(forcedJapanese.contains(heading))
        }
        for heading in [
            "Why", "Affected systems", "Success measurement", "Acceptance criteria", "Open readiness findings",
        ] {
            #expect(!japanese.contains(heading))
            #expect(english.contains(heading))
        }
        // The requester's own words stay in their language whatever the headings.
        #expect(english.contains("春の新製品キャンペーン"))
    }
}
