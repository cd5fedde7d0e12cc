import Testing

@testable import HandoffKit

extension Rules {
    @Suite("it-contact-missing")
    struct ITContactMissingTests {
        let rule = ITContactMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ITContactMissing.id == "it-contact-missing")
            #expect(ITContactMissing.severity == .info)
        }

        @Test("no IT contact: an info on stakeholders, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.stakeholders.removeAll { $0.role == .itContact } }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "it-contact-missing", severity: .info, field: "stakeholders")
            RuleExpect.english(finding, message: ["IT contact", "early"], question: ["in IT"])
        }

        @Test("no IT contact, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.stakeholders.removeAll { $0.role == .itContact } }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "it-contact-missing", severity: .info,
                field: "stakeholders")
            RuleExpect.japanese(finding, message: ["IT の窓口"], question: ["話しましたか"])
        }

        @Test("a security stakeholder is not an IT contact")
        func securityIsNotITContact() throws {
            let draft = TestDrafts.load("stakeholders: [{role: security, name: SecOps}]")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "it-contact-missing", severity: .info, field: "stakeholders")
        }

        @Test("an it_contact stakeholder satisfies the rule")
        func itContact() {
            RuleExpect.silent(rule, TestDrafts.load("stakeholders: [{role: it_contact, name: Web team}]"))
        }

        @Test("the shipped examples involve IT")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
