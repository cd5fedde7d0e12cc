import Foundation
import Testing

@testable import HandoffKit

/// `handoff.yaml`: every key optional, unknown keys are errors, values checked, and the file found
/// by the documented precedence.
@Suite("Configuration")
struct ConfigurationTests {
    // MARK: - Helpers

    private func parse(_ text: String) throws(InvalidInput) -> Configuration {
        try ConfigLoader.parse(text: text, source: "handoff.yaml")
    }

    /// The errors `text` gives; records an issue when it parses.
    private func errors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [InputError] {
        do {
            _ = try parse(text)
            Issue.record("config parsed but should not have:\n\(text)", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.errors
        }
    }

    private func onlyError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        let found = errors(text, sourceLocation: sourceLocation)
        guard found.count == 1 else {
            Issue.record("expected one error, got \(found)", sourceLocation: sourceLocation)
            return nil
        }
        return found[0]
    }

    static let designConfig = """
        jira:
          project_key: MKT            # default MKT (a note says so)
          issue_type: Story
          subtask_type: Sub-task
          status: To Do
          labels: [web]
          priority: {urgent: Highest, high: High, normal: Medium, low: Low}
          fields: {launch: customfield_10015, business_owner: customfield_10042}
        lead_time_days: 10
        systems:                      # the catalogue: completion, detection, system-unknown
          - {name: Marketo, aliases: [MA, marketing automation], owner: MOps, lead_form: true}
        vague_words: {en: [synergy], ja: [よしなに]}
        """

    // MARK: - Parsing

    @Test("the configuration of docs/configuration.md parses into every setting")
    func fullConfiguration() throws {
        let config = try parse(Self.designConfig)
        #expect(config.jira.projectKey == "MKT")
        #expect(config.jira.issueType == "Story")
        #expect(config.jira.subtaskType == "Sub-task")
        #expect(config.jira.status == "To Do")
        #expect(config.jira.labels == ["web"])
        #expect(config.jira.priority.urgent == "Highest")
        #expect(config.jira.priority.high == "High")
        #expect(config.jira.priority.normal == "Medium")
        #expect(config.jira.priority.low == "Low")
        #expect(config.jira.fields.launch == "customfield_10015")
        #expect(config.jira.fields.businessOwner == "customfield_10042")
        #expect(config.leadTimeDays == 10)
        #expect(config.effectiveLeadTimeDays == 10)
        #expect(config.systems == [CatalogueSystem(name: "Marketo", aliases: ["MA", "marketing automation"], owner: "MOps", leadForm: true)])
        #expect(config.vagueWords.en == ["synergy"])
        #expect(config.vagueWords.ja == ["よしなに"])
        #expect(config.vagueWords.words(for: .ja) == ["よしなに"])
    }

    @Test("every custom field and component is read")
    func allCustomFields() throws {
        let config = try parse(
            """
            jira:
              components: [Web, MOps]
              fields:
                launch: customfield_1
                business_owner: customfield_2
                requester: customfield_3
                team: customfield_4
                business_goal: customfield_5
                kgi: customfield_6
                value: customfield_7
                legal_review: customfield_8
            systems:
              - Website CMS
              - {name: Salesforce, personal_data: true}
            """)
        let fields = config.jira.fields
        #expect(
            [fields.launch, fields.businessOwner, fields.requester, fields.team, fields.businessGoal, fields.kgi, fields.value, fields.legalReview]
                == (1...8).map { "customfield_\($0)" })
        #expect(config.jira.components == ["Web", "MOps"])
        #expect(config.systems.map(\.name) == ["Website CMS", "Salesforce"])
        #expect(config.systems.last?.personalData == true)
    }

    @Test("an empty or comment-only config means the defaults", arguments: ["", "\n\n", "# nothing set yet\n", "---\n"])
    func emptyConfigIsDefaults(_ text: String) throws {
        let config = try parse(text)
        #expect(config == Configuration())
        #expect(config.effectiveLeadTimeDays == 10)
        #expect(config.jira.projectKey == nil)
        #expect(JiraSettings.defaultProjectKey == "MKT")
    }

    @Test("a JSON config is read too")
    func jsonConfig() throws {
        let config = try parse(#"{"jira": {"project_key": "WEB"}, "lead_time_days": 5}"#)
        #expect(config.jira.projectKey == "WEB")
        #expect(config.effectiveLeadTimeDays == 5)
    }

    // MARK: - Unknown keys

    struct UnknownKeyCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let column: Int
        let field: String
        let suggestion: String?
        var testDescription: String { field }
    }

    static let unknownKeys: [UnknownKeyCase] = [
        .init(yaml: "jira:\n  project_key: MKT\nlead_time_dyas: 5\n", line: 3, column: 1, field: "lead_time_dyas", suggestion: "lead_time_days"),
        .init(yaml: "lead_time: 5\n", line: 1, column: 1, field: "lead_time", suggestion: "lead_time_days"),
        .init(yaml: "sytems: []\n", line: 1, column: 1, field: "sytems", suggestion: "systems"),
        .init(yaml: "jira:\n  projct_key: MKT\n", line: 2, column: 3, field: "jira.projct_key", suggestion: "project_key"),
        .init(yaml: "jira:\n  label: [web]\n", line: 2, column: 3, field: "jira.label", suggestion: "labels"),
        .init(yaml: "jira:\n  priority:\n    urgnt: Highest\n", line: 3, column: 5, field: "jira.priority.urgnt", suggestion: "urgent"),
        .init(
            yaml: "jira:\n  fields:\n    lanch: customfield_10015\n", line: 3, column: 5, field: "jira.fields.lanch",
            suggestion: "launch"),
        .init(
            yaml: "systems:\n  - {name: Marketo, alias: [MA]}\n", line: 2, column: 21, field: "systems[0].alias",
            suggestion: "aliases"),
        .init(
            yaml: "systems:\n  - name: Marketo\n  - name: Salesforce\n    leadform: true\n", line: 4, column: 5,
            field: "systems[1].leadform", suggestion: "lead_form"),
        .init(yaml: "vague_words:\n  jp: [よしなに]\n", line: 2, column: 3, field: "vague_words.jp", suggestion: "ja"),
        .init(yaml: "colour: blue\n", line: 1, column: 1, field: "colour", suggestion: nil),
    ]

    @Test("an unknown key at any level is an error with its line, column and a suggestion", arguments: unknownKeys)
    func unknownKey(_ example: UnknownKeyCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.source == "handoff.yaml")
        #expect(error.line == example.line)
        #expect(error.column == example.column)
        #expect(error.field == example.field)
        #expect(error.message.contains("unknown key"), "\(error.message)")
        #expect(error.message.contains("Valid keys here"), "\(error.message)")
        if let suggestion = example.suggestion {
            #expect(error.message.lowercased().contains("did you mean '\(suggestion)'"), "\(error.message)")
        } else {
            #expect(!error.message.lowercased().contains("did you mean"), "\(error.message)")
        }
        #expect(error.description.hasPrefix("handoff.yaml:\(example.line):\(example.column): "), "\(error.description)")
    }

    @Test("several config problems are reported together")
    func severalProblems() {
        let found = errors("jira:\n  projct_key: MKT\n  labels: [web team]\nlead_time_days: -3\n")
        #expect(found.map(\.line) == [2, 3, 4])
        #expect(found.map(\.field) == ["jira.projct_key", "jira.labels[0]", "lead_time_days"])
    }

    // MARK: - Values

    @Test("labels with spaces are refused with a dashed suggestion")
    func labelsWithSpaces() throws {
        let error = try #require(onlyError("jira:\n  labels: [web, web team]\n"))
        #expect(error.field == "jira.labels[1]")
        #expect(error.line == 2)
        #expect(error.message.contains("'web team'"), "\(error.message)")
        #expect(error.message.contains("'web-team'"), "\(error.message)")
        #expect(error.message.contains("spaces"), "\(error.message)")

        let single = try #require(onlyError("jira:\n  labels: spring campaign 2027\n"))
        #expect(single.field == "jira.labels")
        #expect(single.message.contains("'spring-campaign-2027'"), "\(single.message)")

        #expect(try parse("jira:\n  labels: [web, spring-2027, MOps_team]\n").jira.labels == ["web", "spring-2027", "MOps_team"])
    }

    @Test(
        "custom field ids must look like customfield_NNNNN",
        arguments: ["10015", "customfield_", "customfield_abc", "cf_10015", "customfield_10015x", "Customfield_10015", "customfield_-1", "customfield_１２"])
    func badCustomFieldID(_ id: String) throws {
        let error = try #require(onlyError("jira:\n  fields:\n    launch: \"\(id)\"\n"))
        #expect(error.field == "jira.fields.launch")
        #expect(error.line == 3)
        #expect(error.column == 13)
        #expect(error.message.contains("'\(id)'"), "\(error.message)")
        #expect(error.message.contains("customfield_10015"), "\(error.message)")
    }

    @Test("valid custom field ids are kept", arguments: ["customfield_1", "customfield_10015", "customfield_99999999"])
    func goodCustomFieldID(_ id: String) throws {
        #expect(try parse("jira:\n  fields: {kgi: \(id)}\n").jira.fields.kgi == id)
    }

    @Test("project keys are capital letters, digits and _, starting with a letter", arguments: ["MKT", "AB", "MKT2", "M_KT", "WEB_2027"])
    func goodProjectKey(_ key: String) throws {
        #expect(try parse("jira:\n  project_key: \(key)\n").jira.projectKey == key)
    }

    @Test("other project keys are refused", arguments: ["mkt", "M", "2MKT", "MK-T", "MKT ", "", "_MKT", "MKTé"])
    func badProjectKey(_ key: String) throws {
        let error = try #require(onlyError("jira:\n  project_key: \"\(key)\"\n"))
        #expect(error.field == "jira.project_key")
        #expect(error.line == 2)
        #expect(error.message.contains("'\(key)'"), "\(error.message)")
        #expect(error.message.contains("e.g. MKT"), "\(error.message)")
    }

    @Test("lead_time_days between 0 and 365 is kept", arguments: [0, 1, 10, 365])
    func goodLeadTime(_ days: Int) throws {
        let config = try parse("lead_time_days: \(days)\n")
        #expect(config.leadTimeDays == days)
        #expect(config.effectiveLeadTimeDays == days)
    }

    @Test("a negative, huge or non-numeric lead_time_days is refused", arguments: ["-1", "-10", "366", "ten", "2.5", "[10]"])
    func badLeadTime(_ value: String) throws {
        let error = try #require(onlyError("lead_time_days: \(value)\n"))
        #expect(error.field == "lead_time_days")
        #expect(error.line == 1)
        #expect(error.column == 17)
        let number = Int(value) != nil
        #expect(
            error.message.contains(number ? "between 0 and 365" : "whole number"), "\(error.message)")
    }

    @Test("a config with two documents, or that is not a mapping, is refused")
    func wrongShape() throws {
        let two = try #require(onlyError("lead_time_days: 5\n---\nlead_time_days: 6\n"))
        #expect(two.line == 2)
        #expect(two.message.contains("one document"), "\(two.message)")

        let list = try #require(onlyError("- jira\n- systems\n"))
        #expect(list.line == 1)
        #expect(list.message.contains("mapping of settings"), "\(list.message)")

        let syntax = try #require(onlyError("jira:\n  labels: [web\n"))
        #expect(syntax.message.contains("not valid YAML"), "\(syntax.message)")
    }

    // MARK: - The catalogue

    @Test(
        "catalogueEntry matches names and aliases ignoring case, spaces and hyphens",
        arguments: [
            "Marketo", "marketo", "MARKETO", " Marketo ", "Mar keto", "MA", "ma", "marketing automation", "Marketing-Automation",
            "marketingautomation", "MARKETING  AUTOMATION", "marketing_automation",
        ])
    func catalogueMatches(_ name: String) throws {
        let config = try parse(Self.designConfig)
        #expect(config.catalogueEntry(named: name)?.name == "Marketo")
    }

    @Test("catalogueEntry finds nothing for other names", arguments: ["Salesforce", "Market", "M A X", "", "   ", "automation"])
    func catalogueMisses(_ name: String) throws {
        let config = try parse(
            "systems:\n  - {name: Marketo, aliases: [MA, marketing automation]}\n  - {name: Website CMS, aliases: [CMS]}\n")
        #expect(config.catalogueEntry(named: name) == nil)
        #expect(config.catalogueEntry(named: "website-cms")?.name == "Website CMS")
    }

    // MARK: - Discovery

    /// A fresh directory under the system's temporary directory, removed by the caller.
    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath().path
    }

    private func write(_ path: String, _ text: String = "lead_time_days: 5\n") throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func mkdir(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @Test("an explicit --config path comes first, whether or not others exist")
    func explicitFirst() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root + "/project/handoff.yaml")
        try write(root + "/xdg/handoff/config.yaml")
        let found = ConfigLoader.discover(
            explicit: root + "/custom.yaml", currentDirectory: root + "/project",
            environment: ["XDG_CONFIG_HOME": root + "/xdg", "HOME": root + "/home"])
        #expect(found == root + "/custom.yaml")
        // A missing explicit file is an error when loaded, not silently skipped.
        #expect(throws: InvalidInput.self) { try ConfigLoader.load(path: root + "/custom.yaml") }
    }

    @Test("the nearest handoff.yaml walking up from the current directory wins over the user config")
    func nearestWalkingUp() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root + "/repo/handoff.yaml")
        try mkdir(root + "/repo/drafts/2027/spring")
        try write(root + "/xdg/handoff/config.yaml")
        let environment = ["XDG_CONFIG_HOME": root + "/xdg", "HOME": root + "/home"]
        #expect(
            ConfigLoader.discover(explicit: nil, currentDirectory: root + "/repo/drafts/2027/spring", environment: environment)
                == root + "/repo/handoff.yaml")
        #expect(
            ConfigLoader.discover(explicit: nil, currentDirectory: root + "/repo", environment: environment)
                == root + "/repo/handoff.yaml")
        // A nearer one shadows it.
        try write(root + "/repo/drafts/handoff.yaml")
        #expect(
            ConfigLoader.discover(explicit: nil, currentDirectory: root + "/repo/drafts/2027/spring", environment: environment)
                == root + "/repo/drafts/handoff.yaml")
    }

    @Test("without a project file, $XDG_CONFIG_HOME/handoff/config.yaml is used")
    func xdgConfigHome() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try mkdir(root + "/work")
        try write(root + "/xdg/handoff/config.yaml")
        try write(root + "/home/.config/handoff/config.yaml")
        let found = ConfigLoader.discover(
            explicit: nil, currentDirectory: root + "/work",
            environment: ["XDG_CONFIG_HOME": root + "/xdg", "HOME": root + "/home"])
        #expect(found == root + "/xdg/handoff/config.yaml")
    }

    @Test("without $XDG_CONFIG_HOME, or with a relative one, HOME/.config is used")
    func homeConfig() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try mkdir(root + "/work")
        try write(root + "/home/.config/handoff/config.yaml")
        let expected = root + "/home/.config/handoff/config.yaml"
        #expect(ConfigLoader.discover(explicit: nil, currentDirectory: root + "/work", environment: ["HOME": root + "/home"]) == expected)
        #expect(
            ConfigLoader.discover(
                explicit: nil, currentDirectory: root + "/work", environment: ["XDG_CONFIG_HOME": "relative/xdg", "HOME": root + "/home"])
                == expected)
    }

    @Test("a set $XDG_CONFIG_HOME replaces HOME/.config, as the XDG specification says")
    func xdgReplacesHome() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try mkdir(root + "/work")
        try mkdir(root + "/xdg")
        try write(root + "/home/.config/handoff/config.yaml")
        #expect(
            ConfigLoader.discover(
                explicit: nil, currentDirectory: root + "/work", environment: ["XDG_CONFIG_HOME": root + "/xdg", "HOME": root + "/home"])
                == nil)
    }

    @Test("nil when there is no config anywhere")
    func noConfig() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try mkdir(root + "/work/deeper")
        try mkdir(root + "/home")
        #expect(ConfigLoader.discover(explicit: nil, currentDirectory: root + "/work/deeper", environment: ["HOME": root + "/home"]) == nil)
        #expect(ConfigLoader.discover(explicit: nil, currentDirectory: root + "/work/deeper", environment: [:]) == nil)
    }

    @Test("a directory named handoff.yaml is not taken for a config file")
    func directoryIsNotAConfig() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try mkdir(root + "/work/handoff.yaml")
        try mkdir(root + "/home")
        let found = ConfigLoader.discover(explicit: nil, currentDirectory: root + "/work", environment: ["HOME": root + "/home"])
        #expect(found == nil)
        do {
            _ = try ConfigLoader.load(path: root + "/work/handoff.yaml")
            Issue.record("a directory loaded as a config")
        } catch let invalid as InvalidInput {
            #expect(invalid.errors.first?.message.contains("directory") == true, "\(invalid)")
        }
    }

    @Test("a discovered config loads, and its errors name the file")
    func loadDiscovered() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(root + "/good/handoff.yaml", Self.designConfig)
        let path = try #require(ConfigLoader.discover(explicit: nil, currentDirectory: root + "/good", environment: [:]))
        let config = try ConfigLoader.load(path: path)
        #expect(config.jira.projectKey == "MKT")

        try write(root + "/bad/handoff.yaml", "jira:\n  projct_key: MKT\n")
        do {
            _ = try ConfigLoader.load(path: root + "/bad/handoff.yaml")
            Issue.record("a bad config loaded")
        } catch let invalid as InvalidInput {
            let error = try #require(invalid.errors.first)
            #expect(error.source == root + "/bad/handoff.yaml")
            #expect(error.line == 2)
            #expect(error.description.hasPrefix(root + "/bad/handoff.yaml:2:3: jira.projct_key: "), "\(error.description)")
        }
    }
}

@Suite("Catalogue entries")
struct CatalogueEntryTests {
    @Test("a catalogue system without a name is refused with its line")
    func nameRequired() {
        #expect(throws: InvalidInput.self) {
            try ConfigLoader.parse(text: "systems:\n  - {aliases: [MA]}\n", source: "handoff.yaml")
        }
        do {
            _ = try ConfigLoader.parse(text: "systems:\n  - {aliases: [MA]}\n", source: "handoff.yaml")
        } catch {
            #expect(error.errors.first?.line == 2)
            #expect(error.errors.first?.message.contains("needs a name") == true)
        }
    }
}
