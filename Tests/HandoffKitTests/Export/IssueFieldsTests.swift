import Testing

@testable import HandoffKit

/// The Jira fields every Jira format shares: summary, labels, priority from deadline and lead
/// time, custom fields and the project key.
@Suite("Issue fields")
struct IssueFieldsTests {
    // MARK: - Helpers

    private func fields(_ draft: Draft, _ configuration: Configuration = Configuration()) -> IssueFields {
        IssueFields(draft: draft, options: ExportFixtures.options(configuration))
    }

    private func draft(title: String? = nil, idea: String? = nil) -> Draft {
        var draft = Draft()
        draft.title = title
        draft.idea = idea
        return draft
    }

    /// A draft with the given launch date and deadline kind, through the real loader.
    private func timelineDraft(launch: String?, deadline: String?) -> Draft {
        var yaml = "title: Timeline test\ntimeline:\n"
        if let launch { yaml += "  launch: \(launch)\n" }
        if let deadline { yaml += "  deadline: \(deadline)\n" }
        if launch == nil && deadline == nil { yaml += "  reason: none given\n" }
        return TestDrafts.load(yaml)
    }

    // MARK: - Summary

    @Test("The title is the summary")
    func titleIsSummary() {
        #expect(fields(TestDrafts.ready).summary == "Sign-up form for the December webinar")
        #expect(fields(TestDrafts.japanese).summary == "春の新製品キャンペーン用ランディングページ")
    }

    @Test(
        "Line breaks, tabs and runs of spaces collapse to single spaces",
        arguments: [
            ("a\nb", "a b"), ("a\tb", "a b"), ("a \n\t b", "a b"), ("a\r\nb", "a b"), ("  edges  ", "edges"),
            ("\n\nlead and trail\n\n", "lead and trail"), ("many     spaces", "many spaces"),
        ])
    func collapsed(_ title: String, _ expected: String) {
        let summary = fields(draft(title: title)).summary
        #expect(summary == expected)
        #expect(!summary.contains { $0.isNewline || $0 == "\t" })
    }

    @Test(
        "Control characters are removed",
        arguments: [
            ("a\u{1}b", "ab"), ("esc\u{1B}[31mred", "esc[31mred"), ("del\u{7F}x", "delx"), ("c1\u{9B}x", "c1x"),
            ("ls\u{2028}x", "lsx"), ("bom\u{FEFF}x", "bomx"),
        ])
    func controlCharacters(_ title: String, _ expected: String) {
        #expect(fields(draft(title: title)).summary == expected)
    }

    @Test(
        "A summary over 255 UTF-16 units is cut with an ellipsis",
        arguments: [
            (String(repeating: "a", count: 300), 255), (String(repeating: "あ", count: 256), 255),
            (String(repeating: "🎉", count: 200), 255), ("a" + String(repeating: "🎉", count: 200), 254),
            (String(repeating: "e\u{301}", count: 200), 255),
        ])
    func truncated(_ title: String, _ length: Int) {
        let summary = fields(draft(title: title)).summary
        #expect(summary.utf16.count == length)
        #expect(summary.utf16.count <= IssueFields.summaryLimit)
        #expect(summary.hasSuffix("…"))
        #expect(title.hasPrefix(summary.dropLast()))
    }

    @Test("A summary of exactly 255 units is kept whole; 256 is cut")
    func limit() {
        let exact = String(repeating: "x", count: 255)
        #expect(fields(draft(title: exact)).summary == exact)
        let over = fields(draft(title: exact + "y")).summary
        #expect(over == String(repeating: "x", count: 254) + "…")
    }

    @Test("Without a title the summary comes from the idea, starting with its first line")
    func fromIdea() {
        let idea = "Webinar sign-ups keep getting lost\nin the shared inbox.\n"
        let summary = fields(draft(idea: idea)).summary
        #expect(summary.hasPrefix("Webinar sign-ups keep getting lost"))
        // The idea's lines are joined: YAML wraps long ideas, and the first line alone is a fragment.
        #expect(summary == "Webinar sign-ups keep getting lost in the shared inbox.")
        #expect(fields(draft(title: "  \n ", idea: idea)).summary == summary)
    }

    @Test("Neither title nor idea: a fixed summary")
    func untitled() {
        #expect(fields(Draft()).summary == "Untitled marketing request")
        #expect(fields(draft(title: " ", idea: "\n\n")).summary == "Untitled marketing request")
    }

    // MARK: - Labels

    @Test("marketing-request is always the first label")
    func defaultLabels() {
        #expect(fields(TestDrafts.ready).labels == ["marketing-request"])
    }

    @Test("Configured labels are appended, each once")
    func configuredLabels() {
        let configuration = ExportFixtures.configuration(
            "jira:\n  labels: [web, q4-campaign, web, marketing-request]\n")
        #expect(fields(TestDrafts.ready, configuration).labels == ["marketing-request", "web", "q4-campaign"])
    }

    @Test("Labels with spaces are refused in the config, and turned into dashes when they get through")
    func labelSpaces() throws {
        #expect(throws: InvalidInput.self) {
            try ConfigLoader.parse(text: "jira:\n  labels: [\"spring sale\"]\n", source: "handoff.yaml")
        }
        var configuration = Configuration()
        configuration.jira.labels = ["spring sale", "  padded\tlabel ", "spring-sale", "", "   "]
        #expect(fields(TestDrafts.ready, configuration).labels == ["marketing-request", "spring-sale", "padded-label"])
        #expect(IssueFields.labels(["a b", "a-b", "c\n d"]) == ["a-b", "c-d"])
    }

    // MARK: - Priority

    @Test(
        "Urgency from the deadline kind and the lead time (today 2026-11-20, lead time 10 business days)",
        arguments: [
            ("hard", "2026-11-27", IssueFields.Urgency.urgent), ("hard", "2026-12-03", .urgent),
            ("hard", "2026-11-13", .urgent), ("hard", "2026-12-04", .high), ("hard", "2027-01-15", .high),
            ("hard", nil, .high), ("soft", "2026-11-27", .high), ("soft", "2027-01-15", .normal),
            ("soft", nil, .normal),
            (nil, "2026-11-27", .high), (nil, "2027-01-15", .normal), (nil, nil, .normal),
            ("none", "2026-11-27", .high),
            ("none", "2027-01-15", .low), ("none", nil, .low),
        ] as [(String?, String?, IssueFields.Urgency)])
    func urgency(_ deadline: String?, _ launch: String?, _ expected: IssueFields.Urgency) {
        let draft = timelineDraft(launch: launch, deadline: deadline)
        #expect(IssueFields.Urgency(draft: draft, options: ExportFixtures.options()) == expected)
        let defaultNames: [IssueFields.Urgency: String] = [
            .urgent: "Highest", .high: "High", .normal: "Medium", .low: "Low",
        ]
        #expect(fields(draft).priority == defaultNames[expected])
    }

    @Test("Configured priority names are used", arguments: IssueFields.Urgency.allCases)
    func priorityNames(_ urgency: IssueFields.Urgency) {
        let configuration = ExportFixtures.configuration(
            "jira:\n  priority:\n    urgent: P1 - Critical\n    high: P2\n    normal: P3\n    low: P4\n")
        let drafts: [IssueFields.Urgency: Draft] = [
            .urgent: timelineDraft(launch: "2026-11-27", deadline: "hard"),
            .high: timelineDraft(launch: "2027-01-15", deadline: "hard"),
            .normal: timelineDraft(launch: "2027-01-15", deadline: "soft"),
            .low: timelineDraft(launch: "2027-01-15", deadline: "none"),
        ]
        let names: [IssueFields.Urgency: String] = [.urgent: "P1 - Critical", .high: "P2", .normal: "P3", .low: "P4"]
        let draft = drafts[urgency]!
        #expect(IssueFields.Urgency(draft: draft, options: ExportFixtures.options(configuration)) == urgency)
        #expect(fields(draft, configuration).priority == names[urgency])
    }

    @Test("Only the configured priority names change; the others keep their defaults")
    func partialPriorityNames() {
        let configuration = ExportFixtures.configuration("jira:\n  priority:\n    urgent: Blocker\n")
        #expect(fields(timelineDraft(launch: "2026-11-27", deadline: "hard"), configuration).priority == "Blocker")
        #expect(fields(timelineDraft(launch: "2027-01-15", deadline: "hard"), configuration).priority == "High")
    }

    @Test(
        "lead_time_days from the config decides what is inside the lead time",
        arguments: [
            (3, "2026-11-27", IssueFields.Urgency.high), (5, "2026-11-27", .high), (6, "2026-11-27", .urgent),
            (20, "2026-12-04", .urgent), (0, "2026-11-20", .high), (0, "2026-11-19", .urgent),
        ])
    func leadTime(_ days: Int, _ launch: String, _ expected: IssueFields.Urgency) {
        let configuration = ExportFixtures.configuration("lead_time_days: \(days)\n")
        #expect(configuration.effectiveLeadTimeDays == days)
        let draft = timelineDraft(launch: launch, deadline: "hard")
        #expect(IssueFields.Urgency(draft: draft, options: ExportFixtures.options(configuration)) == expected)
    }

    // MARK: - Other fields

    @Test("Issue type, status, components and due date")
    func otherFields() {
        let defaults = fields(TestDrafts.ready)
        #expect(defaults.issueType == "Story")
        #expect(defaults.status == "To Do")
        #expect(defaults.components.isEmpty)
        #expect(defaults.dueDate == CivilDate(year: 2026, month: 12, day: 4))
        let configuration = ExportFixtures.configuration(
            "jira:\n  issue_type: Task\n  status: Backlog\n  components: [Web, MOps]\n")
        let configured = fields(TestDrafts.ready, configuration)
        #expect(configured.issueType == "Task")
        #expect(configured.status == "Backlog")
        #expect(configured.components == ["Web", "MOps"])
        #expect(fields(Draft()).dueDate == nil)
    }

    // MARK: - Custom fields

    @Test("Without configured ids there are no custom fields")
    func noCustomFields() {
        #expect(fields(TestDrafts.ready).customFields.isEmpty)
    }

    @Test("Only configured ids appear, in the configuration's order, the launch as a date")
    func someCustomFields() {
        let configuration = ExportFixtures.configuration(
            "jira:\n  fields:\n    kgi: customfield_10030\n    launch: customfield_10015\n")
        let custom = fields(TestDrafts.ready, configuration).customFields
        #expect(custom.map(\.id) == ["customfield_10015", "customfield_10030"])
        #expect(custom.map(\.kind) == [.date, .text])
        #expect(custom.map(\.value) == ["2026-12-04", "Qualified pipeline from webinar attendees"])
    }

    @Test("Every configured field is filled from the draft")
    func allCustomFields() {
        let configuration = ExportFixtures.configuration(
            """
            jira:
              fields:
                launch: customfield_1
                business_owner: customfield_2
                requester: customfield_3
                team: customfield_4
                business_goal: customfield_5
                kgi: customfield_6
                value: customfield_7
                legal_review: customfield_8
            """)
        let custom = fields(TestDrafts.ready, configuration).customFields
        #expect(
            custom.map { "\($0.id)=\($0.value)" } == [
                "customfield_1=2026-12-04", "customfield_2=Ken Ito", "customfield_3=Aiko Sato",
                "customfield_4=Field Marketing", "customfield_5=Pipeline growth for the enterprise segment (FY27 goal)",
                "customfield_6=Qualified pipeline from webinar attendees",
                "customfield_7=~40 qualified leads, est. 120k USD pipeline", "customfield_8=yes",
            ])
        #expect(custom.filter { $0.kind == .date }.map(\.id) == ["customfield_1"])
    }

    @Test("The business owner falls back to the approver")
    func ownerFallback() {
        let configuration = ExportFixtures.configuration("jira:\n  fields:\n    business_owner: customfield_10020\n")
        let approverOnly = TestDrafts.load(
            "title: t\nstakeholders:\n  - {role: legal, name: Legal desk}\n  - {role: approver, name: Yamada}\n")
        #expect(fields(approverOnly, configuration).customFields.map(\.value) == ["Yamada"])
        let both = TestDrafts.load(
            "title: t\nstakeholders:\n  - {role: approver, name: Yamada}\n  - {role: business_owner, name: Ito}\n")
        #expect(fields(both, configuration).customFields.map(\.value) == ["Ito"])
        let neither = TestDrafts.load("title: t\nstakeholders:\n  - {role: legal, name: Legal desk}\n")
        #expect(fields(neither, configuration).customFields.isEmpty)
    }

    @Test("Multi-line text becomes one line; empty values are left out")
    func customFieldText() {
        let configuration = ExportFixtures.configuration(
            "jira:\n  fields:\n    business_goal: customfield_1\n    team: customfield_2\n"
                + "    kgi: customfield_3\n    launch: customfield_4\n"
        )
        var draft = TestDrafts.load("title: t\n")
        draft.objective.businessGoal = "Grow pipeline\n  by 20%\n\nin FY27\n"
        draft.requester.team = "   "
        let custom = fields(draft, configuration).customFields
        #expect(custom.map(\.id) == ["customfield_1"])
        #expect(custom.first?.value == "Grow pipeline by 20% in FY27")
        #expect(custom.allSatisfy { !$0.value.contains { $0.isNewline } })
    }

    // MARK: - Project key

    @Test("Project key: --project, else the configured key, else MKT")
    func projectKey() {
        let configuration = ExportFixtures.configuration("jira:\n  project_key: WEB\n")
        #expect(ExportFixtures.options(configuration, projectKey: "OPS").projectKey == "OPS")
        #expect(ExportFixtures.options(configuration).projectKey == "WEB")
        #expect(ExportFixtures.options().projectKey == "MKT")
        #expect(ExportFixtures.options(projectKey: "OPS").projectKey == "OPS")
    }
}
