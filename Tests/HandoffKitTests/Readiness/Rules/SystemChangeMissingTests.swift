import Testing

@testable import HandoffKit

extension Rules {
    @Suite("system-change-missing")
    struct SystemChangeMissingTests {
        let rule = SystemChangeMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(SystemChangeMissing.id == "system-change-missing")
            #expect(SystemChangeMissing.severity == .warning)
        }

        @Test("the second system without a change: a warning on systems[1].change, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.systems[1].change = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "system-change-missing", severity: .warning,
                field: "systems[1].change")
            RuleExpect.english(finding, message: ["Marketo", "not what changes"], question: ["change in Marketo"])
        }

        @Test("a system without a change, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.systems[0].change = " " }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "system-change-missing", severity: .warning,
                field: "systems[0].change")
            RuleExpect.japanese(finding, message: ["Website CMS", "何を変える"], question: ["Website CMS", "変える"])
        }

        @Test("systems given in shorthand have no change, each reported")
        func shorthand() {
            let draft = TestDrafts.load("systems: [Marketo, Salesforce]")
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["systems[0].change", "systems[1].change"])
            #expect(findings.last?.message.contains("Salesforce") == true)
        }

        @Test("a system without a name is systems-missing's business")
        func namelessSystem() {
            RuleExpect.silent(rule, TestDrafts.load("systems: [{owner: Web team}]"))
        }

        @Test("nothing to judge without systems")
        func noSystems() {
            let draft = TestDrafts.ready.with { $0.systems = [] }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("the shipped examples describe every change")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
