import Testing

@testable import HandoffKit

extension Rules {
    @Suite("lead-form-without-sales")
    struct LeadFormWithoutSalesTests {
        let rule = LeadFormWithoutSales()

        /// A draft with the given systems and a business owner, but no Sales stakeholder.
        static func draft(_ systems: String, lang: String = "en") -> Draft {
            TestDrafts.load(
                """
                lang: \(lang)
                systems:
                \(systems)
                stakeholders: [{role: business_owner, name: Ken Ito}]
                """)
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(LeadFormWithoutSales.id == "lead-form-without-sales")
            #expect(LeadFormWithoutSales.severity == .warning)
        }

        @Test("Marketo touched and no Sales: a warning on stakeholders, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.stakeholders.removeAll { $0.role == .sales } }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "lead-form-without-sales", severity: .warning,
                field: "stakeholders")
            RuleExpect.english(
                finding, message: ["Marketo collects leads", "no Sales"], question: ["Sales", "form fields"])
        }

        @Test("Marketo touched and no Sales, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.stakeholders.removeAll { $0.role == .sales } }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "lead-form-without-sales", severity: .warning,
                field: "stakeholders")
            RuleExpect.japanese(finding, message: ["Marketo", "リード", "営業"], question: ["営業", "フォーム項目"])
        }

        @Test(
            "built-in CRM and marketing automation names, in any case",
            arguments: ["Marketo", "HubSpot", "hubspot CRM", "Salesforce", "SFDC", "Pardot", "Eloqua", "Zoho CRM"])
        func builtinNames(name: String) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.draft("  - {name: \(name), change: new field}")),
                rule: "lead-form-without-sales", severity: .warning, field: "stakeholders")
            #expect(finding.message.hasPrefix(name), "\(finding.message)")
        }

        @Test(
            "a change that describes a lead form",
            arguments: [
                "add a contact form", "new Sign-up form on the page", "embed a demo request block",
                "資料請求フォームを追加", "問い合わせフォームの設置", "セミナー申込ページ",
            ])
        func leadFormChange(change: String) throws {
            try RuleExpect.one(
                RuleExpect.findings(rule, Self.draft("  - {name: Website CMS, change: \(change)}")),
                rule: "lead-form-without-sales", severity: .warning, field: "stakeholders")
        }

        @Test(
            "a change that collects no leads is silent",
            arguments: ["update the footer", "new banner image", "トップページのバナー差し替え"])
        func otherChange(change: String) {
            RuleExpect.silent(rule, Self.draft("  - {name: Website CMS, change: \(change)}"))
        }

        @Test("a catalogue entry with lead_form true marks an unfamiliar system, also by alias")
        func catalogueLeadForm() throws {
            let configuration = RuleExpect.configuration(
                "systems: [{name: Formstack, aliases: [FS forms], lead_form: true}]")
            let draft = Self.draft("  - {name: Formstack, change: new fields}")
            RuleExpect.silent(rule, draft)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft, configuration: configuration), rule: "lead-form-without-sales",
                severity: .warning, field: "stakeholders")
            let alias = Self.draft("  - {name: fs-forms, change: new fields}")
            try RuleExpect.one(
                RuleExpect.findings(rule, alias, configuration: configuration), rule: "lead-form-without-sales",
                severity: .warning, field: "stakeholders")
        }

        @Test("a catalogue entry with lead_form false suppresses the built-in name and the change text")
        func catalogueSuppresses() {
            let configuration = RuleExpect.configuration(
                """
                systems:
                  - {name: HubSpot, lead_form: false}
                  - {name: Website CMS, lead_form: false}
                """)
            let draft = Self.draft(
                """
                  - {name: HubSpot, change: CMS blog theme}
                  - {name: Website CMS, change: add a contact form}
                """)
            #expect(!RuleExpect.findings(rule, draft).isEmpty)
            RuleExpect.silent(rule, draft, configuration: configuration)
        }

        @Test("a catalogue entry without lead_form falls back to the name and the change")
        func catalogueWithoutFlag() throws {
            let configuration = RuleExpect.configuration("systems: [{name: Marketo, owner: MOps}]")
            try RuleExpect.one(
                RuleExpect.findings(
                    rule, Self.draft("  - {name: Marketo, change: new program}"), configuration: configuration),
                rule: "lead-form-without-sales", severity: .warning, field: "stakeholders")
        }

        @Test("only one finding for several lead systems, naming the first")
        func firstLeadSystem() throws {
            let draft = Self.draft(
                """
                  - {name: Website CMS, change: new banner}
                  - {name: HubSpot, change: new form}
                  - {name: Salesforce, change: new campaign}
                """)
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "lead-form-without-sales", severity: .warning,
                field: "stakeholders")
            #expect(finding.message.hasPrefix("HubSpot"))
        }

        @Test("a Sales stakeholder satisfies the rule")
        func salesStakeholder() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
            let draft = Self.draft("  - {name: Marketo, change: new form}").with {
                $0.stakeholders.append(Stakeholder(.sales, "Mika Tanaka"))
            }
            RuleExpect.silent(rule, draft)
        }

        @Test("no systems: nothing to judge")
        func noSystems() {
            let draft = TestDrafts.load("stakeholders: [{role: business_owner, name: Ken Ito}]")
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }
    }
}
