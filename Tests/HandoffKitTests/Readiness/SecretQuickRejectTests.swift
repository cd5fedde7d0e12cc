import Testing

@testable import HandoffKit

extension Rules {
    /// `SecretShapes.first` skips the full scan for a text that one pass over its bytes shows
    /// cannot hold a credential; over generated texts built from the shapes' own pieces it finds
    /// exactly what the full scan finds.
    @Suite("Secret shapes: the quick rejection")
    struct SecretQuickRejectTests {
        static let vocabulary = [
            "password: hunter22x", "PASSWORD=Tr0ub4dor&3", "API key for staging: k3yV4lue99", "token", "Token",
            "パスワード：abc123xyz", "パスワードは abc123xyz", "トークン", "秘密鍵", "キー", "暗証番号 482913",
            "AKIAIOSFODNN7EXAMPLE", "AKIA", "AIzaSyA1234567890abcdefghijklmnopqrstu", "ghp_", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "sk_live_", "SK_LIVE_4eC39HqLyjWDarjtT1zdp7dc", "xoxb-1234-5678-abcdefgh", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz",
            "-----BEGIN RSA PRIVATE KEY-----", "-----begin", "-----BEGIN CERTIFICATE-----",
            "AAAAabc1234:APA91bHun4MxP5egoKMwt2KZFBaFUH", ":APA91b", "ACabcdef0123456789abcdef0123456789",
            "5f9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d", "abcdefghijklmno", "abcdefghijklmn", "spring_sale_2027_newsletter",
            "credentials", "secret_key=", "monkey", "passport", "1Password", "TBD", "pwd",
        ]

        @Test("the same credential as the full scan, or none")
        func sameAsFullScan() {
            var found = 0
            var rejected = 0
            for text in ScanEquivalenceInputs.texts(3000, vocabulary: Self.vocabulary, seed: 31) {
                let expected = SecretShapes.fullScan(text)
                #expect(SecretShapes.first(in: text) == expected, "\(text.debugDescription)")
                // A text with a long token and no anchor takes the short way through the full scan.
                if !SensitiveTextTally(text).sawAnchor { #expect(SecretShapes.longTokenShape(text) == expected, "\(text.debugDescription)") }
                var copy = text
                if expected != nil { found += 1 }
                if !copy.withUTF8({ SecretShapes.mayHoldSecret($0) }) { rejected += 1 }
            }
            // Both sides of the gate are exercised.
            #expect(found > 100)
            #expect(rejected > 100)
        }

        @Test("a long token, a label anchor, a PEM header or an FCM marker each pass the gate")
        func eachReasonPasses() {
            for text in ["x abcdefghijklmno y", "ＰＡＳＳ PaSs", "トークン", "-----BEGIN", "x:APA91b"] {
                var copy = text
                #expect(copy.withUTF8 { SecretShapes.mayHoldSecret($0) }, "\(text)")
            }
            for text in ["abcdefghijklmn", "ＰＡＳＳ", "キ", "-----BEGI", "APA91b", "締め切りは未定です"] {
                var copy = text
                #expect(!copy.withUTF8 { SecretShapes.mayHoldSecret($0) }, "\(text)")
            }
        }
    }
}
