import Testing

@testable import HandoffKit

extension Rules {
    @Suite("systems-missing")
    struct SystemsMissingTests {
        let rule = SystemsMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(SystemsMissing.id == "systems-missing")
            #expect(SystemsMissing.severity == .blocker)
        }

        @Test("no system: a blocker on systems, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.systems = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "systems-missing", severity: .blocker, field: "systems")
            RuleExpect.english(finding, message: ["affected system"], question: ["Marketo", "CMS"])
        }

        @Test("no system, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.systems = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "systems-missing", severity: .blocker, field: "systems")
            RuleExpect.japanese(finding, message: ["システム"], question: ["システム"])
        }

        @Test("systems without names do not count")
        func namelessSystems() throws {
            let draft = TestDrafts.load(
                """
                systems:
                  - {change: new form}
                  - {name: "  ", change: new field}
                """)
            #expect(draft.systems.count == 2)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "systems-missing", severity: .blocker, field: "systems")
        }

        @Test("one named system is enough, even in shorthand")
        func shorthand() {
            RuleExpect.silent(rule, TestDrafts.load("systems: [Marketo]"))
        }

        @Test("the shipped examples name their systems")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
