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
            #expect(key.en.contains("AKIAIOSF"))
            #expect(!key.en.contains("AKIAIOSFODNN7EXAMPLE"))
            guard case .secret(let password) = try #require(SensitiveText.scan("password: hunter22").first) else {
                Issue.record("not a secret")
                return
            }
            #expect(password.en.contains("password"))
            #expect(!password.en.contains("hunter22"))
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

extension Rules {
    @Suite("Secret shapes")
    struct SecretShapesTests {
        static func isSecret(_ text: String) -> Bool { SecretShapes.first(in: text) != nil }

        @Test(
            "credentials are found by their shape, with or without a label",
            arguments: [
                "Legacy server key for staging: AAAAq3Zt9Lk:APA91bHPRgkF3JUikC4ENAHEeMrd41Zxv3hVZjC9KtT8OvPVGJ-hQMRKRrZuJAEcl7B338qju59zJMjw2DELjzEvxwYv7hH5Ynpc1ODQ0aT4U4OFEeco8ohsN5PjL1iC2dNtk2BAokeMCg2ZXKqpc8FXKmhX94kIxQ",
                "FCM: AAAAq3Zt9Lk:APA91b…", "server_key=Zt9Lk4q3AAAAAPA91bq3Zt9Lk", "Twilio auth token 5f2b9c8e1d7a4b6c9e0f1a2b3c4d5e6f",
                "Twilio SID AC1f2e3d4c5b6a79881726354453627180", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
                "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg", "xoxs-2387-23984-abcdefgh", "github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz",
                "APIキー AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe を使う", "トークン q8Zr4TbW2xLmN7vKp3YsHd9F",
            ])
        func shapes(text: String) {
            #expect(Self.isSecret(text), "\(text)")
        }

        @Test(
            "ids and hashes meant to be in a ticket are not secrets",
            arguments: [
                "UTM campaign: utm_campaign=spring_sale_2027_newsletter", "Order number ORD-2026-000123456789",
                "Commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 has the fix", "-----BEGIN CERTIFICATE-----",
                "Password reset page: https://example.com/account/reset", "key visual: KV_2027_spring_v3",
                "Coupon code WINTER2027SALE for members", "トークン連携は情報システム部が設定", "The API key is kept in 1Password",
                "GA4 measurement ID G-2X4Y6Z8W0Q", "password: TBD",
            ])
        func notSecrets(text: String) {
            #expect(!Self.isSecret(text), "\(SecretShapes.first(in: text).map(\.en) ?? "")")
        }
    }
}
