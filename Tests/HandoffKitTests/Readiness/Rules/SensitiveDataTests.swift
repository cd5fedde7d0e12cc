import Testing

@testable import HandoffKit

extension Rules {
    @Suite("sensitive-data")
    struct SensitiveDataTests {
        let rule = SensitiveData()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(SensitiveData.id == "sensitive-data")
            #expect(SensitiveData.severity == .warning)
        }

        @Test("a password in the idea: a warning on idea, in English")
        func passwordInEnglish() throws {
            let draft = TestDrafts.ready.with {
                $0.idea = "Log in to the CMS with password: hunter22 and add the form."
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning, field: "idea")
            RuleExpect.english(finding, message: ["password"], question: ["remove", "vault"])
        }

        @Test("a password in Japanese, reported in Japanese")
        func passwordInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.compliance.notes = "管理画面のパスワード：abc12345" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "sensitive-data", severity: .warning,
                field: "compliance.notes")
            RuleExpect.japanese(finding, message: ["秘密情報"], question: ["安全な保管場所"])
        }

        @Test(
            "API keys, wherever they are pasted",
            arguments: [
                ("systems[1].change", "connect with key AKIAIOSFODNN7EXAMPLE"),
                ("systems[1].change", "Stripe: sk_live_51HqLyjWDarjtT1zdp7dc"),
                ("systems[1].change", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"),
                ("systems[1].change", "api_key: 4f9a8b7c6d5e"),
                ("systems[1].change", "token is ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
            ])
        func apiKeys(field: String, text: String) throws {
            let draft = TestDrafts.ready.with { $0.systems[1].change = text }
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning, field: field)
        }

        @Test("a pasted list of three e-mail addresses, in English and Japanese")
        func emailList() throws {
            let draft = TestDrafts.ready.with {
                $0.risks[0].mitigation = "Notify a.sato@example.com, k.ito@example.com and m.tanaka@example.co.jp"
            }
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning,
                field: "risks[0].mitigation")
            RuleExpect.english(english, message: ["3 e-mail addresses", "personal data"])
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "sensitive-data", severity: .warning,
                field: "risks[0].mitigation")
            RuleExpect.japanese(japanese, message: ["メールアドレスが3件", "個人データ"])
        }

        @Test("a pasted list of phone numbers, in English and Japanese")
        func phoneList() throws {
            let draft = TestDrafts.japanese.with {
                $0.testing.qaNotes = "テスト用の連絡先：090-1234-5678、080-2345-6789、03-3456-7890"
            }
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning, field: "testing.qa_notes")
            RuleExpect.english(english, message: ["3 phone numbers"])
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "sensitive-data", severity: .warning,
                field: "testing.qa_notes")
            RuleExpect.japanese(japanese, message: ["電話番号が3件"])
        }

        @Test("a folded YAML list of phone numbers, one per line, is still a list")
        func foldedPhoneList() throws {
            let draft = TestDrafts.load(
                """
                idea: >
                  Call these people before launch:
                  090-1234-5678
                  080-2345-6789
                  03-3456-7890
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning, field: "idea")
        }

        @Test("a secret and a list in one text are two findings on the same field")
        func secretAndList() {
            let draft = TestDrafts.ready.with {
                $0.idea = "password: hunter22; send to a@example.com, b@example.com, c@example.com"
            }
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["idea", "idea"])
            #expect(findings.map(\.rule) == ["sensitive-data", "sensitive-data"])
        }

        @Test("lists spread over several texts are judged per text")
        func perText() {
            let draft = TestDrafts.ready.with {
                $0.idea = "Ask a@example.com and b@example.com"
                $0.change.peopleAffected = "c@example.com, d@example.com"
            }
            RuleExpect.silent(rule, draft)
        }

        @Test(
            "ordinary text is not sensitive",
            arguments: [
                "Send the invite to a@example.com and b@example.com",  // two addresses
                "The webinar starts 2026-12-05 15:00, rehearsal 2026-12-04 15:00, dry run 2026-12-03 10:00",
                "Password reset page must keep working",
                "password: TBD",
                "Budget 1,200,000 JPY; 300 registrations; 40 leads",
                "Order numbers 1234567890 and 2345678901 and 3456789012",
                "Support line 03-1234-5678",
                "パスワードの再設定画面は対象外",
            ])
        func ordinaryText(text: String) {
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.idea = text })
        }

        @Test("contact e-mail fields are not free text")
        func contactFields() {
            let draft = TestDrafts.ready.with {
                $0.requester.email = "a@example.com, b@example.com, c@example.com"
                $0.stakeholders[0].email = "x@example.com; y@example.com; z@example.com"
            }
            RuleExpect.silent(rule, draft)
            let fields = draft.freeText().map(\.field)
            #expect(fields.contains("requester.name"))
            #expect(!fields.contains("requester.email"))
            #expect(!fields.contains("stakeholders[0].email"))
            #expect(fields.contains("stakeholders[0].name"))
        }

        @Test("text deep in the draft is scanned with its path")
        func nestedPaths() throws {
            let draft = TestDrafts.ready.with {
                $0.review.questions = [ReviewQuestion(by: "IT", text: "Admin token: 9f8e7d6c5b4a, is it still valid?")]
            }
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "sensitive-data", severity: .warning,
                field: "review.questions[0].text")
        }

        @Test("the shipped examples hold no secrets and no pasted lists")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
