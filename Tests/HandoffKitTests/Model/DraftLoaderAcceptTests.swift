import Foundation
import Testing

@testable import HandoffKit

/// What the loader accepts: partial drafts, JSON and JSON Lines, shorthand forms, nulls, YAML's
/// spellings of booleans, numbers and texts with units, and non-English text.
@Suite("Draft loader: accepted input")
struct DraftLoaderAcceptTests {
    // MARK: - Helpers

    /// Every document of `text`, failing the test on any error.
    private func loadAll(
        _ text: String, requireFormat: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [LoadedDraft] {
        DraftLoader.load(text: text, source: "in.yaml", requireFormat: requireFormat).compactMap { result in
            switch result {
            case .success(let loaded): return loaded
            case .failure(let invalid):
                Issue.record("did not load: \(invalid)", sourceLocation: sourceLocation)
                return nil
            }
        }
    }

    private func metric(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Metric? {
        TestDrafts.load(yaml, sourceLocation: sourceLocation).success.metrics.first
    }

    // MARK: - Partial drafts

    @Test("a draft with only a title loads, everything else empty")
    func titleOnly() {
        let draft = TestDrafts.load("title: Sign-up form for the December webinar\n")
        var expected = Draft()
        expected.title = "Sign-up form for the December webinar"
        #expect(draft == expected)
        #expect(draft.language == .en)
    }

    @Test("a draft with only an idea loads, the idea kept verbatim")
    func ideaOnly() {
        let draft = TestDrafts.load("idea: |\n  People should sign up for the webinar.\n\n  Somehow, etc.\n")
        var expected = Draft()
        expected.idea = "People should sign up for the webinar.\n\nSomehow, etc.\n"
        #expect(draft == expected)
    }

    @Test("a partial draft with some sections loads with the rest empty")
    func partialSections() {
        let draft = TestDrafts.load("timeline:\n  deadline: hard\nsystems:\n  - HubSpot\n")
        #expect(draft.timeline.deadline == .hard)
        #expect(draft.timeline.launch == nil)
        #expect(draft.systems == [AffectedSystem(name: "HubSpot")])
        #expect(draft.title == nil && draft.idea == nil)
        #expect(draft.objective == Objective())
    }

    // MARK: - JSON

    static let fullYAML = """
        format: handoff/1
        id: webinar-signup-7f3a
        lang: en
        title: Sign-up form
        idea: |
          Line one
          Line two
        requester: {name: Aiko Sato, email: aiko@example.com, team: Field Marketing}
        scope:
          deliverables: [Form, Confirmation e-mail]
          requirements:
            - {text: Asks name, priority: must}
        systems:
          - {name: Marketo, change: new form, data: [name, email], personal_data: true, owner: MOps}
        stakeholders:
          - {role: business_owner, name: Ken Ito}
        timeline:
          launch: 2026-12-04
          deadline: hard
          milestones: [{name: Copy final, date: 2026-11-30}]
        success:
          kgi: Pipeline
          metrics:
            - {name: Registrations, baseline: 0, target: 300, review_on: 2026-12-19}
            - {name: Conversion, baseline: 1.5, target: 75%}
        compliance: {legal_review: yes, notes: consent text}
        review:
          questions: [{by: IT, text: Which workspace?, answered: false}]
        """

    static let fullJSON = """
        {"format": "handoff/1", "id": "webinar-signup-7f3a", "lang": "en", "title": "Sign-up form", \
        "idea": "Line one\\nLine two\\n", \
        "requester": {"name": "Aiko Sato", "email": "aiko@example.com", "team": "Field Marketing"}, \
        "scope": {"deliverables": ["Form", "Confirmation e-mail"], "requirements": [{"text": "Asks name", "priority": "must"}]}, \
        "systems": [{"name": "Marketo", "change": "new form", "data": ["name", "email"], "personal_data": true, "owner": "MOps"}], \
        "stakeholders": [{"role": "business_owner", "name": "Ken Ito"}], \
        "timeline": {"launch": "2026-12-04", "deadline": "hard", "milestones": [{"name": "Copy final", "date": "2026-11-30"}]}, \
        "success": {"kgi": "Pipeline", "metrics": [{"name": "Registrations", "baseline": 0, "target": 300, "review_on": "2026-12-19"}, \
        {"name": "Conversion", "baseline": 1.5, "target": "75%"}]}, \
        "compliance": {"legal_review": "yes", "notes": "consent text"}, \
        "review": {"questions": [{"by": "IT", "text": "Which workspace?", "answered": false}]}}
        """

    @Test("a JSON object gives the same draft as the equivalent YAML")
    func jsonObjectEqualsYAML() throws {
        let yaml = TestDrafts.load(Self.fullYAML)
        let json = loadAll(Self.fullJSON, requireFormat: true)
        #expect(json.count == 1)
        let loaded = try #require(json.first)
        #expect(loaded.draft == yaml)
        // Numbers stay numbers, dates are dates, in both.
        #expect(loaded.draft.success.metrics.first?.target == .number("300"))
        #expect(loaded.draft.success.metrics.last?.baseline == .number("1.5"))
        #expect(loaded.draft.timeline.launch == CivilDate(year: 2026, month: 12, day: 4))
        #expect(loaded.draft.systems.first?.personalData == true)
        #expect(loaded.draft.review.questions.first?.answered == false)
    }

    @Test("a pretty-printed JSON object over many lines is one draft")
    func prettyJSON() throws {
        let pretty = """
            {
              "title": "Sign-up form",
              "systems": [
                {"name": "Marketo", "personal_data": true}
              ],
              "timeline": {"launch": "2026-12-04"}
            }
            """
        let loaded = loadAll(pretty)
        #expect(loaded.count == 1)
        let expected = TestDrafts.load(
            "title: Sign-up form\nsystems:\n  - {name: Marketo, personal_data: true}\ntimeline:\n  launch: 2026-12-04\n")
        #expect(loaded.first?.draft == expected)
    }

    @Test("JSON Lines give one draft a line, equal to their YAML equivalents")
    func jsonLines() {
        let lines = [
            #"{"title": "First", "systems": ["Marketo"]}"#,
            #"{"title": "Second", "timeline": {"launch": "2027-01-15", "deadline": "soft"}}"#,
            #"{"idea": "Third, with \"quotes\" and a } brace", "lang": "ja"}"#,
        ]
        let loaded = loadAll(lines.joined(separator: "\n") + "\n")
        #expect(loaded.map(\.documentIndex) == [1, 2, 3])
        #expect(loaded.count == 3)
        guard loaded.count == 3 else { return }
        #expect(loaded[0].draft == TestDrafts.load("title: First\nsystems: [Marketo]\n"))
        #expect(loaded[1].draft == TestDrafts.load("title: Second\ntimeline: {launch: 2027-01-15, deadline: soft}\n"))
        #expect(loaded[2].draft == TestDrafts.load("idea: 'Third, with \"quotes\" and a } brace'\nlang: ja\n"))
    }

    @Test("JSON Lines may have blank lines between drafts")
    func jsonLinesWithBlankLines() {
        let loaded = loadAll("\n{\"title\": \"a\"}\n\n\n{\"title\": \"b\"}\n")
        #expect(loaded.map { $0.draft.title } == ["a", "b"])
    }

    // MARK: - Shorthand

    @Test("a bare name stands for a system, a list of names for several")
    func systemShorthand() {
        #expect(TestDrafts.load("systems: [Marketo, Website CMS]\n").systems == [
            AffectedSystem(name: "Marketo"), AffectedSystem(name: "Website CMS"),
        ])
        #expect(TestDrafts.load("systems:\n  - Marketo\n  - {name: Salesforce, owner: Sales Ops}\n").systems.map(\.name) == [
            "Marketo", "Salesforce",
        ])
    }

    @Test("a single value where a list is expected is a list of one")
    func singleValueForList() {
        #expect(TestDrafts.load("systems: Marketo\n").systems == [AffectedSystem(name: "Marketo")])
        #expect(TestDrafts.load("scope:\n  deliverables: Sign-up form\n").scope.deliverables == ["Sign-up form"])
        #expect(TestDrafts.load("scope:\n  out_of_scope: Redesign\n").scope.outOfScope == ["Redesign"])
        #expect(
            TestDrafts.load("testing:\n  acceptance_criteria: A lead is created\n").testing.acceptanceCriteria == [
                "A lead is created"
            ])
        #expect(TestDrafts.load("systems:\n  - {name: Marketo, data: email}\n").systems.first?.data == ["email"])
        #expect(
            TestDrafts.load("stakeholders: {role: legal, name: Legal desk}\n").stakeholders == [
                Stakeholder(.legal, "Legal desk")
            ])
    }

    @Test("a requirement may be a bare string")
    func requirementShorthand() {
        let draft = TestDrafts.load(
            "scope:\n  requirements:\n    - Form asks name and e-mail\n    - {text: Calendar invite, priority: could}\n")
        #expect(draft.scope.requirements == [Requirement("Form asks name and e-mail"), Requirement("Calendar invite", .could)])
        #expect(TestDrafts.load("scope:\n  requirements: Just one\n").scope.requirements == [Requirement("Just one")])
    }

    @Test("other records with a main field accept a bare string")
    func otherShorthands() {
        let draft = TestDrafts.load(
            """
            requester: Aiko Sato
            risks: [Spam sign-ups]
            timeline:
              milestones: [Copy final]
            success:
              metrics: [Registrations]
            review:
              questions: [Which Marketo workspace?]
            """)
        #expect(draft.requester.name == "Aiko Sato")
        #expect(draft.risks.map(\.text) == ["Spam sign-ups"])
        #expect(draft.timeline.milestones.map(\.name) == ["Copy final"])
        #expect(draft.success.metrics.map(\.name) == ["Registrations"])
        #expect(draft.review.questions.map(\.text) == ["Which Marketo workspace?"])
    }

    // MARK: - Nulls

    static let nullForms = [
        "title: ~\n", "title: null\n", "title: Null\n", "title: NULL\n", "title:\n", "systems:\n", "systems: []\n",
        "systems: ~\n", "requester:\n", "requester: {}\n", "timeline:\n  launch: ~\n", "scope:\n  deliverables:\n",
        "systems: [~]\n", "lang:\n", "compliance:\n  legal_review:\n",
    ]

    @Test("null and empty values are absent", arguments: nullForms)
    func nullsAreAbsent(_ yaml: String) {
        #expect(TestDrafts.load(yaml) == Draft())
    }

    @Test("null items in a list are skipped")
    func nullItemsSkipped() {
        #expect(TestDrafts.load("systems: [~, Marketo, null]\n").systems.map(\.name) == ["Marketo"])
    }

    @Test("a quoted 'null' is text, not nothing")
    func quotedNullIsText() {
        #expect(TestDrafts.load("title: \"null\"\n").title == "null")
        #expect(TestDrafts.load("title: '~'\n").title == "~")
    }

    // MARK: - Booleans and legal review

    static let legalReviews: [(String, LegalReview)] = [
        ("yes", .yes), ("Yes", .yes), ("YES", .yes), ("true", .yes), ("True", .yes), ("\"yes\"", .yes), ("'true'", .yes),
        ("no", .no), ("No", .no), ("false", .no), ("FALSE", .no), ("\"no\"", .no),
        ("unsure", .unsure), ("Unsure", .unsure), ("\"unsure\"", .unsure),
    ]

    @Test("legal_review takes yes, no or unsure, and true or false", arguments: legalReviews)
    func legalReview(_ spelling: String, _ expected: LegalReview) {
        #expect(TestDrafts.load("compliance:\n  legal_review: \(spelling)\n").compliance.legalReview == expected)
    }

    static let booleans: [(String, Bool)] = [
        ("true", true), ("yes", true), ("Yes", true), ("on", true), ("TRUE", true),
        ("false", false), ("no", false), ("No", false), ("off", false), ("FALSE", false),
    ]

    @Test("booleans take YAML's spellings", arguments: booleans)
    func booleanSpellings(_ spelling: String, _ expected: Bool) {
        let draft = TestDrafts.load("systems:\n  - {name: Marketo, personal_data: \(spelling)}\n")
        #expect(draft.systems.first?.personalData == expected)
    }

    // MARK: - Quantities

    static let quantities: [(String, Quantity)] = [
        ("300", .number("300")),
        ("0.5", .number("0.5")),
        ("0", .number("0")),
        ("-2", .number("-2")),
        ("1e3", .number("1e3")),
        ("75%", .text("75%")),
        ("\"300\"", .text("300")),
        ("'0.5'", .text("0.5")),
        ("!!str 300", .text("300")),
        ("5営業日", .text("5営業日")),
        ("月200件", .text("月200件")),
        ("1,000", .text("1,000")),
        ("0x1F", .text("0x1F")),
        ("007", .text("007")),
        ("+5", .text("+5")),
        ("300 leads", .text("300 leads")),
        ("120k USD", .text("120k USD")),
    ]

    @Test("a metric's baseline and target are a number or a text with its unit", arguments: quantities)
    func quantity(_ spelling: String, _ expected: Quantity) {
        let target = metric("success:\n  metrics:\n    - name: Sign-ups\n      target: \(spelling)\n")
        #expect(target?.target == expected)
        let baseline = metric("success:\n  metrics:\n    - baseline: \(spelling)\n      name: Sign-ups\n")
        #expect(baseline?.baseline == expected)
    }

    // MARK: - Other spellings

    @Test("closed sets of words ignore case")
    func enumsIgnoreCase() {
        let draft = TestDrafts.load(
            "lang: JA\ntimeline: {deadline: Hard}\nstakeholders: [{role: Legal, name: x}]\nscope: {requirements: [{text: y, priority: MUST}]}\n"
        )
        #expect(draft.lang == .ja)
        #expect(draft.timeline.deadline == .hard)
        #expect(draft.stakeholders.first?.role == .legal)
        #expect(draft.scope.requirements.first?.priority == .must)
    }

    @Test("a date may be plain or quoted, with surrounding spaces ignored")
    func dateSpellings() {
        let expected = CivilDate(year: 2026, month: 12, day: 4)
        #expect(TestDrafts.load("timeline:\n  launch: 2026-12-04\n").timeline.launch == expected)
        #expect(TestDrafts.load("timeline:\n  launch: \"2026-12-04\"\n").timeline.launch == expected)
        #expect(TestDrafts.load("timeline:\n  launch: ' 2026-12-04 '\n").timeline.launch == expected)
    }

    @Test("an anchor and alias may repeat a value")
    func aliasesRepeatValues() {
        let draft = TestDrafts.load("idea: &same Sign-up form\ntitle: *same\n")
        #expect(draft.title == "Sign-up form")
        #expect(draft.idea == "Sign-up form")
    }

    @Test("text with * in it is not mistaken for an alias")
    func starsInText() {
        let draft = TestDrafts.load("title: rated *five* stars\nidea: \"*quoted* and 2*3\"\nscope: {deliverables: ['*x']}\n")
        #expect(draft.title == "rated *five* stars")
        #expect(draft.idea == "*quoted* and 2*3")
        #expect(draft.scope.deliverables == ["*x"])
    }

    @Test("folded and literal blocks keep their text")
    func blocks() {
        let draft = TestDrafts.load("title: >-\n  Sign-up form\n  for the webinar\nidea: |-\n  a\n    indented\n  b\n")
        #expect(draft.title == "Sign-up form for the webinar")
        #expect(draft.idea == "a\n  indented\nb")
    }

    // MARK: - Japanese

    @Test("the Japanese example loads with its text intact")
    func japaneseExample() throws {
        let draft = TestDrafts.japanese
        #expect(draft.lang == .ja)
        #expect(draft.title == "春の新製品キャンペーン用ランディングページ")
        #expect(draft.requester.name == "佐藤 愛子")
        #expect(draft.idea?.hasPrefix("春の新製品キャンペーンのために") == true)
        #expect(draft.stakeholders.last?.name == "鈴木 (情報システム部)")
        #expect(draft.success.metrics.first?.target == .text("月200件"))
        #expect(draft.success.metrics.last?.baseline == .text("8%"))
        #expect(draft.compliance.legalReview == .unsure)
    }

    @Test("Japanese text round-trips through YAML and JSON")
    func japaneseRoundTrip() {
        let yaml = """
            lang: ja
            title: 春のキャンペーン：資料請求フォーム
            idea: |
              よしなにお願いします。
              「できるだけ早く」公開したい。
            success:
              metrics:
                - {name: 資料請求数, target: 5営業日, baseline: ０件}
            """
        let draft = TestDrafts.load(yaml)
        #expect(draft.title == "春のキャンペーン：資料請求フォーム")
        #expect(draft.idea == "よしなにお願いします。\n「できるだけ早く」公開したい。\n")
        #expect(draft.success.metrics.first?.baseline == .text("０件"))
        #expect(TestDrafts.load(YAMLWriter.document(draft.encoded)) == draft)
        #expect(TestDrafts.load(JSONWriter.compact(draft.encoded)) == draft)
        #expect(TestDrafts.load(JSONWriter.pretty(draft.encoded)) == draft)
        // Written as UTF-8, not escaped.
        #expect(JSONWriter.compact(draft.encoded).contains("資料請求数"))
        #expect(YAMLWriter.document(draft.encoded).contains("資料請求数"))
    }
}
