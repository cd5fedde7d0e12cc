import Testing

@testable import HandoffKit

extension Rules {
    @Suite("approver-missing")
    struct ApproverMissingTests {
        let rule = ApproverMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(ApproverMissing.id == "approver-missing")
            #expect(ApproverMissing.severity == .warning)
        }

        @Test("no business owner nor approver: a warning on stakeholders, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.stakeholders.removeAll { $0.role == .businessOwner } }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "approver-missing", severity: .warning, field: "stakeholders")
            RuleExpect.english(finding, message: ["business owner", "approver"], question: ["approve"])
        }

        @Test("no business owner nor approver, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.stakeholders.removeAll { $0.role == .businessOwner || $0.role == .approver }
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "approver-missing", severity: .warning,
                field: "stakeholders")
            RuleExpect.japanese(finding, message: ["ビジネスオーナー", "承認者"], question: ["承認"])
        }

        @Test("either role satisfies the rule", arguments: [Role.businessOwner, .approver])
        func eitherRole(role: Role) {
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.stakeholders = [Stakeholder(role, "Ken Ito")] })
        }

        @Test(
            "other roles do not", arguments: [Role.itContact, .legal, .security, .sales, .finance, .other])
        func otherRoles(role: Role) throws {
            let draft = TestDrafts.ready.with { $0.stakeholders = [Stakeholder(role, "Someone")] }
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "approver-missing", severity: .warning, field: "stakeholders")
        }

        @Test("a stakeholder without a role does not count")
        func noRole() throws {
            let draft = TestDrafts.load("stakeholders: [{name: Ken Ito}]")
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "approver-missing", severity: .warning, field: "stakeholders")
        }

        @Test("the shipped examples name an owner")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
