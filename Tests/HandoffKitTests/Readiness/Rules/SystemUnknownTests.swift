import Testing

@testable import HandoffKit

extension Rules {
    @Suite("system-unknown")
    struct SystemUnknownTests {
        let rule = SystemUnknown()

        static let catalogue = RuleExpect.configuration(
            """
            systems:
              - {name: Marketo, aliases: [MA, marketing automation], owner: MOps, lead_form: true}
              - {name: Website CMS, owner: Web team}
              - {name: Salesforce, aliases: [SFDC]}
            """)

        static func draft(_ names: String...) -> Draft {
            TestDrafts.ready.with { draft in
                draft.systems = names.map { AffectedSystem(name: $0, change: "new form") }
            }
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(SystemUnknown.id == "system-unknown")
            #expect(SystemUnknown.severity == .info)
            #expect(Self.catalogue.systems.count == 3)
        }

        @Test("silent without a catalogue: every system is unknown then, and nothing is said")
        func noCatalogue() {
            let draft = Self.draft("Typeform", "Some shadow IT tool")
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
            #expect(rule.applies(to: draft, in: TestDrafts.context(configuration: Self.catalogue)))
        }

        @Test("a system not in the catalogue: an info on its name, in English")
        func firesInEnglish() throws {
            let draft = Self.draft("Marketo", "Typeform")
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, configuration: Self.catalogue), rule: "system-unknown",
                severity: .info, field: "systems[1].name")
            RuleExpect.english(
                finding, message: ["'Typeform'", "not in the system catalogue"], question: ["security", "owns"])
            #expect(!finding.message.contains("did you mean"))
        }

        @Test("a system not in the catalogue, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.systems[1].name = "ferret One" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja, configuration: Self.catalogue), rule: "system-unknown",
                severity: .info, field: "systems[1].name")
            RuleExpect.japanese(finding, message: ["「ferret One」", "システムカタログ"], question: ["セキュリティ審査"])
        }

        @Test(
            "names and aliases match ignoring case and spacing",
            arguments: [
                "Marketo", "marketo", "MARKETO", "MA", "ma", "Marketing Automation", "marketing-automation",
                "Website CMS", "website cms", "WebsiteCMS", "website_cms", "Salesforce", "sfdc", "SFDC",
            ])
        func known(name: String) {
            RuleExpect.silent(rule, Self.draft(name), configuration: Self.catalogue)
        }

        @Test(
            "a near miss suggests the catalogue name",
            arguments: [("Marketto", "Marketo"), ("Salesforse", "Salesforce")])
        func suggestion(typo: String, suggested: String) throws {
            let draft = Self.draft(typo)
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft, configuration: Self.catalogue), rule: "system-unknown",
                severity: .info, field: "systems[0].name")
            #expect(english.message.contains("did you mean '\(suggested)'"), "\(english.message)")
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja, configuration: Self.catalogue), rule: "system-unknown",
                severity: .info, field: "systems[0].name")
            #expect(japanese.message.contains("「\(suggested)」のことですか"), "\(japanese.message)")
        }

        @Test("every unknown system is reported at its own index")
        func several() {
            let draft = Self.draft("Typeform", "Marketo", "Zapier")
            let findings = RuleExpect.findings(rule, draft, configuration: Self.catalogue)
            #expect(findings.map(\.field) == ["systems[0].name", "systems[2].name"])
        }

        @Test("systems without a name are not judged")
        func namelessSystem() {
            let draft = TestDrafts.load("systems: [{change: new form}]")
            RuleExpect.silent(rule, draft, configuration: Self.catalogue)
        }

        @Test("the shipped examples use catalogue systems")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready, configuration: Self.catalogue)
            RuleExpect.silent(rule, TestDrafts.japanese, configuration: Self.catalogue)
        }
    }
}
