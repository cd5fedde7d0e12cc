import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Sensitive text")
    struct SensitiveTextTests {
        static func isSecret(_ text: String) -> Bool {
            SensitiveText.scan(text).contains { if case .secret = $0 { return true } else { return false } }
        }

        @Test(
            "secrets after a keyword",
            arguments: [
                "password: hunter22", "Password = hunter22", "The password is hunter22", "pwd=s3cr3t!",
                "passwd:hunter22", "API key: 4f9a8b7c6d5e", "api_key=4f9a8b7c6d5e", "client secret: abcdef123456",
                "Access token: 9f8e7d6c5b4a", "パスワード：abc12345", "パスワード: abc12345", "パスワードは abc12345",
                "暗証番号：123456", "APIキー：4f9a8b7c6d5e", "password: sunshine", "パスワードはhunter22です",
            ])
        func keywordSecrets(text: String) {
            #expect(Self.isSecret(text), "\(SensitiveText.scan(text))")
        }

        @Test(
            "well-known credential formats",
            arguments: [
                "AKIAIOSFODNN7EXAMPLE", "use AKIAIOSFODNN7EXAMPLE for S3", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                "(AKIAIOSFODNN7EXAMPLE)", "sk_live_51HqLyjWDarjtT1zdp7dc", "key: sk_test_4eC39HqLyjWDarjtT1zdp7dc",
                "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "xoxb-123456789012-abcdefghijkl",
                "glpat-abcdefghijklmnopqrst", "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
                "-----BEGIN RSA PRIVATE KEY-----",
            ])
        func credentialFormats(text: String) {
            #expect(Self.isSecret(text), "\(SensitiveText.scan(text))")
        }

        @Test("the description names what was found without repeating the whole secret")
        func descriptions() throws {
            guard case .secret(let key) = try #require(SensitiveText.scan("AKIAIOSFODNN7EXAMPLE").first) else {
                Issue.record("not a secret")
                return
            }
            #expect(key.contains("AKIAIOSF"))
            #expect(!key.contains("AKIAIOSFODNN7EXAMPLE"))
            guard case .secret(let password) = try #require(SensitiveText.scan("password: hunter22").first) else {
                Issue.record("not a secret")
                return
            }
            #expect(password.contains("password"))
            #expect(!password.contains("hunter22"))
        }

        @Test(
            "not secrets",
            arguments: [
                "Password reset page", "password: TBD", "password: see vault", "Token-based login for SDRs",
                "AKIA", "AKIA1234", "sk_live_", "Secret sauce: none", "パスワードの再設定画面", "Asia-Pacific webinar",
                "The API key is stored in the vault", "The password is managed by IT",
                "パスワードは別途お伝えします", "パスワード：管理者から別途お伝えします", "トークンは情報システム部が発行",
            ])
        func notSecrets(text: String) {
            #expect(!Self.isSecret(text), "\(SensitiveText.scan(text))")
        }

        @Test(
            "e-mail addresses are counted",
            arguments: [
                ("no addresses here", 0),
                ("aiko@example.com", 1),
                ("aiko@example.com and ken.ito+webinar@example.co.jp", 2),
                ("a@example.com, b@example.com, c@example.com", 3),
                ("a@example.com、b@example.jp、c@example.org", 3),
                ("a@example.com.", 1),
                ("user@localhost", 0),
                ("@aiko in Slack", 0),
                ("a@example.", 0),
                ("mail a@b.io;b@b.io;c@b.io;d@b.io", 4),
            ])
        func emails(text: String, count: Int) {
            #expect(SensitiveText.emailCount(in: text) == count)
        }

        @Test(
            "phone numbers are counted, dates and plain numbers are not",
            arguments: [
                ("+81 90-1234-5678", 1),
                ("+81 90 1234 5678", 1),
                ("(555) 123-4567", 1),
                ("555-123-4567", 1),
                ("555.123.4567", 1),
                ("09012345678", 1),
                ("0120-123-456", 1),
                ("2026-12-05 15:00", 0),
                ("2026-12-05 15:00, 2026-12-06 15:00, 2026-12-07 10:00", 0),
                ("2026/12/05 15:00", 0),
                ("1234567890", 0),
                ("Order 1234567890 2345", 0),
                ("300 registrations, 40 leads, 120000 USD", 0),
                ("090-1234-5678, 080-2345-6789, 03-3456-7890", 3),
                ("090-1234-5678 080-2345-6789 03-3456-7890", 3),
                ("090-1234-5678\n080-2345-6789\n03-3456-7890", 3),
                ("電話：090-1234-5678、080-2345-6789", 2),
            ])
        func phones(text: String, count: Int) {
            #expect(SensitiveText.phoneCount(in: text) == count)
        }

        @Test("three or more make a pasted list, two do not")
        func listThreshold() {
            #expect(SensitiveText.listThreshold == 3)
            #expect(SensitiveText.scan("a@example.com, b@example.com").isEmpty)
            #expect(SensitiveText.scan("a@example.com, b@example.com, c@example.com") == [.emailList(3)])
            #expect(SensitiveText.scan("090-1234-5678, 080-2345-6789").isEmpty)
            #expect(SensitiveText.scan("090-1234-5678, 080-2345-6789, 03-3456-7890, 03-4567-8901") == [.phoneList(4)])
        }

        @Test("a secret and lists are all reported")
        func everything() {
            let kinds = SensitiveText.scan(
                "password: hunter22 a@x.io b@x.io c@x.io 090-1234-5678, 080-2345-6789, 03-3456-7890")
            #expect(kinds.count == 3)
            #expect(kinds.contains(.emailList(3)))
            #expect(kinds.contains(.phoneList(3)))
        }
    }
}
