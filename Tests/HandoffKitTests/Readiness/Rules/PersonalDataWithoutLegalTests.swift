import Testing

@testable import HandoffKit

extension Rules {
    @Suite("personal-data-without-legal")
    struct PersonalDataWithoutLegalTests {
        let rule = PersonalDataWithoutLegal()

        /// The ready example without its legal stakeholder and without a legal review answer.
        static var withoutLegal: Draft {
            TestDrafts.ready.with {
                $0.stakeholders.removeAll { $0.role == .legal }
                $0.compliance.legalReview = nil
            }
        }

        /// A draft with one system holding `data`, and nothing from Legal.
        static func system(_ yaml: String) -> Draft {
            TestDrafts.load(
                """
                systems:
                  - \(yaml)
                stakeholders: [{role: business_owner, name: Ken Ito}]
                """)
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(PersonalDataWithoutLegal.id == "personal-data-without-legal")
            #expect(PersonalDataWithoutLegal.severity == .blocker)
        }

        @Test("personal data and nothing from Legal: a blocker on compliance.legal_review, in English")
        func firesInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.withoutLegal), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
            RuleExpect.english(
                finding, message: ["Marketo handles personal data", "no Legal review"],
                question: ["Legal", "consent", "Marketo"])
        }

        @Test("personal data and nothing from Legal, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.compliance.legalReview = .no }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
            RuleExpect.japanese(finding, message: ["Marketo", "個人データ", "法務"], question: ["法務", "同意文言"])
        }

        @Test("a legal stakeholder satisfies the rule")
        func legalStakeholder() {
            let draft = Self.withoutLegal.with { $0.stakeholders.append(Stakeholder(.legal, "Legal desk")) }
            RuleExpect.silent(rule, draft)
            // Even when the review itself is still open.
            RuleExpect.silent(rule, draft.with { $0.compliance.legalReview = .unsure })
            RuleExpect.silent(rule, draft.with { $0.compliance.legalReview = LegalReview.no })
        }

        @Test("legal_review yes satisfies the rule, however it is spelled", arguments: ["yes", "true", "Yes", "y"])
        func legalReviewYes(spelling: String) {
            let draft = TestDrafts.load(
                """
                systems: [{name: Marketo, data: [email], personal_data: true}]
                compliance: {legal_review: \(spelling)}
                """)
            #expect(draft.compliance.legalReview == .yes)
            RuleExpect.silent(rule, draft)
        }

        @Test("legal_review unsure still fires, and says it is unclear")
        func unsure() throws {
            let draft = Self.withoutLegal.with { $0.compliance.legalReview = .unsure }
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
            #expect(english.message.contains("it is unclear whether Legal has reviewed it"), "\(english.message)")
            // The shipped Japanese example is unsure and has no legal stakeholder.
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.japanese, .ja), rule: "personal-data-without-legal",
                severity: .blocker, field: "compliance.legal_review")
            RuleExpect.japanese(japanese, message: ["法務の確認が済んだかどうか分かりません"])
        }

        @Test("legal_review no still fires", arguments: ["no", "false"])
        func legalReviewNo(spelling: String) throws {
            let draft = TestDrafts.load(
                """
                systems: [{name: Marketo, personal_data: true}]
                compliance: {legal_review: \(spelling)}
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
        }

        @Test(
            "personal data is detected from data items when personal_data is unset",
            arguments: [
                "[email]", "[name, company]", "[Work E-mail]", "[phone number]", "[postal address]",
                "[date of birth]", "[メールアドレス]", "[氏名, 会社名]", "[電話番号]", "[住所]",
            ])
        func detectedFromData(items: String) throws {
            let draft = Self.system("{name: Typeform, change: new form, data: \(items)}")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
        }

        @Test(
            "data items that are not personal do not fire",
            arguments: ["[]", "[company, industry]", "[page views, UTM source]", "[会社名, 業種]"])
        func notPersonal(items: String) {
            RuleExpect.silent(rule, Self.system("{name: Website CMS, change: new page, data: \(items)}"))
        }

        @Test("personal_data: false overrides the data items")
        func statedFalseOverrides() {
            RuleExpect.silent(rule, Self.system("{name: Analytics, data: [email, name], personal_data: false}"))
        }

        @Test("personal_data: true fires without data items")
        func statedTrue() throws {
            try RuleExpect.one(
                RuleExpect.findings(rule, Self.system("{name: Analytics, personal_data: true}")),
                rule: "personal-data-without-legal", severity: .blocker, field: "compliance.legal_review")
        }

        @Test("a catalogue entry with personal_data true marks the system")
        func fromCatalogue() throws {
            let configuration = RuleExpect.configuration("systems: [{name: Marketo, personal_data: true}]")
            let draft = Self.system("{name: marketo, change: new program}")
            RuleExpect.silent(rule, draft)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft, configuration: configuration), rule: "personal-data-without-legal",
                severity: .blocker, field: "compliance.legal_review")
        }

        @Test("every system with personal data is named; a nameless one by position")
        func namesEverySystem() throws {
            let draft = TestDrafts.load(
                """
                systems:
                  - {name: Website CMS, change: embed form}
                  - {name: Marketo, personal_data: true}
                  - {data: [email]}
                """)
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
            #expect(english.message.hasPrefix("Marketo, system 3 handle personal data"), "\(english.message)")
            #expect(english.question.contains("Marketo"))
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "personal-data-without-legal", severity: .blocker,
                field: "compliance.legal_review")
            #expect(japanese.message.hasPrefix("Marketo、システム3 で個人データを扱います"), "\(japanese.message)")
        }

        @Test("no system touching personal data: silent, and no systems: nothing to judge")
        func noPersonalData() {
            let draft = TestDrafts.load("systems: [{name: Website CMS, change: new banner}]")
            RuleExpect.silent(rule, draft)
            let none = TestDrafts.ready.with { $0.systems = [] }
            #expect(!rule.applies(to: none, in: TestDrafts.context()))
            RuleExpect.silent(rule, none.with { $0.stakeholders = [] })
        }

        @Test("the ready example has both a legal stakeholder and legal_review yes")
        func silentOnReady() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.compliance.legalReview = nil })
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.stakeholders.removeAll { $0.role == .legal } })
        }
    }
}
