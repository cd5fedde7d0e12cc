import Testing

@testable import HandoffKit

extension Rules {
    @Suite("open-questions")
    struct OpenQuestionsTests {
        let rule = OpenQuestions()

        static func questions(_ yaml: String) -> Draft {
            TestDrafts.load(
                """
                title: Sign-up form
                review:
                  questions:
                \(yaml)
                """)
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(OpenQuestions.id == "open-questions")
            #expect(OpenQuestions.severity == .blocker)
        }

        @Test("an unanswered question: a blocker on review.questions[0], asking it again, in English")
        func firesInEnglish() throws {
            let draft = TestDrafts.ready.with {
                $0.review.questions = [ReviewQuestion(by: "IT", text: "Which Marketo workspace?")]
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "open-questions", severity: .blocker,
                field: "review.questions[0]")
            RuleExpect.english(finding, message: ["IT asked", "no answer"])
            #expect(finding.question == "Which Marketo workspace?")
        }

        @Test("an unanswered question, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.review.questions = [ReviewQuestion(by: "情報システム部", text: "Marketo のワークスペースはどれですか？")]
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "open-questions", severity: .blocker,
                field: "review.questions[0]")
            RuleExpect.japanese(finding, message: ["情報システム部 からの質問", "回答がありません"], question: ["ワークスペース"])
        }

        @Test("only unanswered questions count, each at its own index")
        func countsOnlyUnanswered() {
            let draft = Self.questions(
                """
                    - {by: IT, text: Which Marketo workspace?, answered: false}
                    - {by: IT, text: Who approves the consent text?, answered: true}
                    - {by: Security, text: Is CAPTCHA needed?}
                    - {by: IT, text: Which domain?, answer: forms.example.com}
                    - {by: IT, text: Which list?, answered: true, answer: Webinar list}
                    - {by: IT, text: Which program?, answered: false, answer: I think the default}
                """)
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["review.questions[0]", "review.questions[2]", "review.questions[5]"])
            #expect(findings.map(\.question) == ["Which Marketo workspace?", "Is CAPTCHA needed?", "Which program?"])
            #expect(findings[1].message.hasPrefix("Security asked"))
        }

        @Test("a question without an asker is IT's")
        func defaultAsker() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.questions("    - Which Marketo workspace?")), rule: "open-questions",
                severity: .blocker, field: "review.questions[0]")
            #expect(finding.message.hasPrefix("IT asked"))
        }

        @Test("a question without text is not a question")
        func noText() {
            RuleExpect.silent(rule, Self.questions("    - {by: IT, answered: false}"))
        }

        @Test("all answered: silent")
        func allAnswered() {
            let draft = Self.questions(
                """
                    - {by: IT, text: Which Marketo workspace?, answered: true}
                    - {by: IT, text: Which domain?, answer: forms.example.com}
                """)
            RuleExpect.silent(rule, draft)
            #expect(rule.applies(to: draft, in: TestDrafts.context()))
        }

        @Test("no questions: nothing to judge")
        func noQuestions() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
            #expect(!rule.applies(to: TestDrafts.ready, in: TestDrafts.context()))
        }
    }
}
