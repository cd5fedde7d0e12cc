import Testing

@testable import HandoffKit

extension Rules {
    @Suite("title-missing")
    struct TitleMissingTests {
        let rule = TitleMissing()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(TitleMissing.id == "title-missing")
            #expect(TitleMissing.severity == .blocker)
        }

        @Test("a draft without a title is blocked, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.title = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-missing", severity: .blocker, field: "title")
            RuleExpect.english(finding, message: ["no title", "Jira summary"], question: ["one line"])
        }

        @Test("a draft without a title is blocked, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.title = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "title-missing", severity: .blocker, field: "title")
            RuleExpect.japanese(finding, message: ["タイトル", "Jira"], question: ["一行"])
        }

        @Test("blank titles count as missing", arguments: ["", "   ", "\t", " \n "])
        func blankTitle(title: String) throws {
            let draft = TestDrafts.ready.with { $0.title = title }
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-missing", severity: .blocker, field: "title")
        }

        @Test("a title given in YAML as an empty string is missing")
        func emptyStringInYAML() throws {
            let draft = TestDrafts.load(#"title: """#)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-missing", severity: .blocker, field: "title")
        }

        @Test("the shipped examples have titles")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }

        @Test("a one-word title is enough")
        func shortTitle() {
            RuleExpect.silent(rule, TestDrafts.load("title: X"))
        }
    }
}
