import Testing

@testable import HandoffKit

extension Rules {
    /// `SensitiveTextTally` decides in one table-driven pass what `SensitiveText.scan` used to
    /// learn from three: a simple reference kept here (a token length count, a search for each
    /// anchor in the folded bytes, and counts of '@' and ASCII digits) gives the same answers
    /// over generated texts with Japanese, full-width, invisible, address, number and key pieces.
    @Suite("Sensitive text: the one-pass tally")
    struct SensitiveTextTallyTests {
        static func referenceMayHoldSecret(_ text: String) -> Bool {
            referenceLongToken(text) || referenceSawAnchor(text)
        }

        static func referenceLongToken(_ text: String) -> Bool {
            var run = 0
            for byte in text.utf8 {
                run = byte >= 0x80 || "\"'`,;=:()[]{}<>| \t\r\n".utf8.contains(byte) ? 0 : run + 1
                if run >= 15 { return true }
            }
            return false
        }

        static func referenceSawAnchor(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            let folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let anchors = [
                "pass", "pwd", "key", "secret", "token", "credential", "パスワード", "暗証", "キー", "トークン", "シークレット", "秘密鍵",
                "-----begin", ":apa91b",
            ]
            return anchors.contains { anchor in
                let needle = Array(anchor.utf8)
                guard folded.count >= needle.count else { return false }
                return (0...(folded.count - needle.count)).contains { folded[$0..<$0 + needle.count].elementsEqual(needle) }
            }
        }

        static let vocabulary = [
            "sato@example.jp", "ｓａｔｏ＠ｅｘａｍｐｌｅ．ｊｐ", "a@b", "@", "＠", "+81 90-1234-5678", "０９０１２３４５６７８",
            "4111 1111 1111 1111", "4111-1111-1111-1111", "09012345678", "password: hunter22x", "PASS", "pAsS", "Pwd",
            "KEY", "kEy", "Secret", "TOKEN", "Credential", "パスワード", "パス", "暗証", "暗", "キー", "キ", "トークン", "トー",
            "シークレット", "シーク", "秘密鍵", "秘密", "ＫＥＹ", "-----BEGIN", "-----BEGI", "-----begin RSA PRIVATE KEY-----",
            ":APA91b", ":apa91", "AAAAabc1234:APA91bHun4MxP5", "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "abcdefghijklmno", "abcdefghijklmn", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "\u{200B}", "\u{FEFF}",
        ]

        @Test("the same gate and counts as the simple reference")
        func sameAsReference() {
            var passed = 0
            var rejected = 0
            for text in ScanEquivalenceInputs.texts(3000, vocabulary: Self.vocabulary, seed: 47) {
                let tally = SensitiveTextTally(text)
                let expected = Self.referenceMayHoldSecret(text)
                #expect(tally.mayHoldSecret == expected, "\(text.debugDescription)")
                // Each reason on its own, as the full scan is told which one it was.
                #expect(tally.longToken == Self.referenceLongToken(text), "\(text.debugDescription)")
                #expect(tally.sawAnchor == Self.referenceSawAnchor(text), "\(text.debugDescription)")
                #expect(tally.ats == text.utf8.filter { $0 == UInt8(ascii: "@") }.count, "\(text.debugDescription)")
                #expect(tally.digits == text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count, "\(text.debugDescription)")
                if expected { passed += 1 } else { rejected += 1 }
            }
            // Both sides of the gate are exercised.
            #expect(passed > 300)
            #expect(rejected > 300)
        }
        /// Kana and kanji are read a run at a time: an anchor right after one, at the very end of
        /// the text, after a two- or four-byte character, or cut short by the end is found (or
        /// not) exactly as the reference finds it; so are tokens and counts around the runs.
        @Test("runs of kana and kanji, anchors at their edges and at the end of the text")
        func japaneseRunsAndEdges() {
            let pieces = [
                "締め切りは未定です", "パスワード", "パスワ", "キー", "キ", "トークン", "シークレット", "秘密鍵", "暗証",
                "ｐａｓｓ", "ＫＥＹ", "é", "🙂", "token", "ToKeN", "pAsS", "kEy", "-----BEGIN", ":APA91b", "abcdefghijklmno",
                "abcdefghijklmn", "@", "0123456789", "、", "。", " ", "（", "）",
            ]
            var texts: [String] = []
            for first in pieces {
                for second in pieces {
                    texts.append(first + second)
                    texts.append("かな" + first + "漢字" + second)
                    texts.append(first + second + "ん")
                }
            }
            texts += [
                "", "p", "pa", "pas", "pass", "パ", "パス", "キ", "キー", "ん" + String(repeating: "あ", count: 40) + "トークン",
                String(repeating: "日本語", count: 30), String(repeating: "日本語", count: 30) + "key",
            ]
            var anchors = 0
            for text in texts {
                let tally = SensitiveTextTally(text)
                #expect(tally.longToken == Self.referenceLongToken(text), "\(text.debugDescription)")
                #expect(tally.sawAnchor == Self.referenceSawAnchor(text), "\(text.debugDescription)")
                #expect(tally.ats == text.utf8.filter { $0 == UInt8(ascii: "@") }.count, "\(text.debugDescription)")
                #expect(tally.digits == text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count, "\(text.debugDescription)")
                if tally.sawAnchor { anchors += 1 }
            }
            // Both sides are exercised.
            #expect(anchors > 300)
            #expect(anchors < texts.count - 300)
        }
    }
}
