import Testing

@testable import HandoffKit

extension Rules {
    @Suite("contact-invalid")
    struct ContactInvalidTests {
        let rule = ContactInvalid()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ContactInvalid.id == "contact-invalid")
            #expect(ContactInvalid.severity == .warning)
        }

        @Test(
            "a requester address that is not one fires, saying what is wrong",
            arguments: [
                ("jane.smith@", "domain"), ("jane.smith", "no @"), ("@example.com", "before the @"),
                ("jane@example", "domain"), ("jane smith@example.com", "space"), ("jane＠example.com", "full-width"),
                ("jane@@example.com", "more than one"),
            ])
        func requester(address: String, reason: String) throws {
            let draft = TestDrafts.load("requester: {name: Jane Smith, email: \"\(address)\"}")
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "contact-invalid", severity: .warning, field: "requester.email")
            RuleExpect.english(finding, message: ["'\(address)'", reason], question: ["Jane Smith"])
        }

        @Test("a stakeholder's address, in Japanese")
        func stakeholderJapanese() throws {
            let draft = TestDrafts.load(
                "lang: ja\nstakeholders: [{role: legal, name: 佐藤, email: sato@}, {role: sales, name: 田中, email: tanaka@example.co.jp}]")
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "contact-invalid", severity: .warning,
                field: "stakeholders[0].email")
            RuleExpect.japanese(finding, message: ["「sato@」", "ドメイン"], question: ["佐藤"])
        }

        @Test(
            "real addresses, a display name form, and a placeholder are silent",
            arguments: ["aiko@example.com", "ken.ito+webinar@example.co.jp", "Aiko Sato <aiko@example.com>", "TBD", "未定", ""])
        func silent(address: String) {
            RuleExpect.silent(rule, TestDrafts.load("requester: {name: Aiko, email: \"\(address)\"}"))
        }

        @Test("the shipped examples are silent")
        func examples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
