import Testing

@testable import HandoffKit

extension Rules {
    @Suite("title-too-long")
    struct TitleTooLongTests {
        let rule = TitleTooLong()

        static func title(utf16 length: Int) -> String {
            String(repeating: "a", count: length)
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(TitleTooLong.id == "title-too-long")
            #expect(TitleTooLong.severity == .blocker)
        }

        @Test(
            "length thresholds in UTF-16 units",
            arguments: [
                (1, Severity?.none), (119, nil), (120, nil), (121, .warning), (200, .warning), (255, .warning),
                (256, .blocker), (1000, .blocker),
            ])
        func thresholds(length: Int, expected: Severity?) throws {
            let draft = TestDrafts.ready.with { $0.title = Self.title(utf16: length) }
            let findings = RuleExpect.findings(rule, draft)
            guard let expected else {
                #expect(findings.isEmpty, "\(findings)")
                return
            }
            let finding = try RuleExpect.one(findings, rule: "title-too-long", severity: expected, field: "title")
            #expect(finding.message.contains("\(length) characters"), "\(finding.message)")
        }

        @Test("over 120 is a warning that names the readable limit, in English")
        func warningInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.title = Self.title(utf16: 121) }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-too-long", severity: .warning, field: "title")
            RuleExpect.english(finding, message: ["121 characters", "over 120"], question: ["shorten"])
        }

        @Test("over 255 is a blocker that names Jira's limit, in English")
        func blockerInEnglish() throws {
            let draft = TestDrafts.ready.with { $0.title = Self.title(utf16: 256) }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-too-long", severity: .blocker, field: "title")
            RuleExpect.english(finding, message: ["256 characters", "Jira refuses", "255"], question: ["shortest"])
        }

        @Test("Japanese titles are counted per UTF-16 unit and reported in Japanese")
        func japaneseTitle() throws {
            // Kana are one UTF-16 unit each.
            let exactly120 = String(repeating: "あ", count: 120)
            RuleExpect.silent(rule, TestDrafts.japanese.with { $0.title = exactly120 })

            let draft = TestDrafts.japanese.with { $0.title = String(repeating: "あ", count: 121) }
            let warning = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "title-too-long", severity: .warning, field: "title")
            RuleExpect.japanese(warning, message: ["タイトル", "121文字", "120文字"], question: ["短く"])

            let long = TestDrafts.japanese.with { $0.title = String(repeating: "あ", count: 256) }
            let blocker = try RuleExpect.one(
                RuleExpect.findings(rule, long, .ja), rule: "title-too-long", severity: .blocker, field: "title")
            RuleExpect.japanese(blocker, message: ["256文字", "Jira", "受け付けません"])
        }

        @Test("characters outside the BMP count as two units, as Jira counts them")
        func surrogatePairs() throws {
            // 60 emoji are 60 characters but 120 UTF-16 units: still readable.
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.title = String(repeating: "🎉", count: 60) })
            // 61 emoji are 122 units: a warning although only 61 characters.
            let warning = TestDrafts.ready.with { $0.title = String(repeating: "🎉", count: 61) }
            try RuleExpect.one(
                RuleExpect.findings(rule, warning), rule: "title-too-long", severity: .warning, field: "title")
            // 128 emoji are 256 units: Jira refuses it.
            let blocker = TestDrafts.ready.with { $0.title = String(repeating: "🎉", count: 128) }
            try RuleExpect.one(
                RuleExpect.findings(rule, blocker), rule: "title-too-long", severity: .blocker, field: "title")
        }

        @Test(
            "a line break blocks even a short title", arguments: ["Line one\nline two", "Title\r\nmore", "Inner\nand trailing\n"])
        func lineBreak(title: String) throws {
            let draft = TestDrafts.ready.with { $0.title = title }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-too-long", severity: .blocker, field: "title")
            RuleExpect.english(finding, message: ["line break"], question: ["one line"])
        }

        @Test("a line break in a YAML block title is reported in Japanese")
        func lineBreakFromYAMLInJapanese() throws {
            let draft = TestDrafts.load(
                """
                lang: ja
                title: |
                  春のキャンペーン
                  ランディングページ
                """)
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "title-too-long", severity: .blocker, field: "title")
            RuleExpect.japanese(finding, message: ["改行"], question: ["一行"])
        }

        @Test("a one-line block title (`title: |`) is not a line break: its final newline is trimmed")
        func trailingNewlineOfBlockTitle() {
            let draft = TestDrafts.load(
                """
                title: |
                  Sign-up form for the December webinar
                """)
            #expect(draft.title == "Sign-up form for the December webinar\n")
            #expect(RuleExpect.findings(rule, draft).isEmpty)
        }

        @Test("a long title with a line break reports the line break (one blocker, not two findings)")
        func lineBreakWinsOverLength() throws {
            let draft = TestDrafts.ready.with { $0.title = Self.title(utf16: 150) + "\n" + Self.title(utf16: 150) }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "title-too-long", severity: .blocker, field: "title")
            #expect(finding.message.contains("line break"))
        }

        @Test("a missing title is title-missing's business, not this rule's")
        func missingTitle() {
            let draft = TestDrafts.ready.with { $0.title = nil }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
            #expect(rule.applies(to: TestDrafts.ready, in: TestDrafts.context()))
        }

        @Test("the shipped examples have short one-line titles")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }

        @Test("the byte test for line breaks agrees with Character.isNewline on every scalar of the first planes")
        func lineBreakByteTest() {
            var breaks = 0
            for value in UInt32(0)...0x2FFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "件名" + String(Character(scalar)) + "x"
                let expected = text.contains(where: \.isNewline)
                #expect(TitleTooLong.mayHoldLineBreak(text) == expected, "U+\(String(value, radix: 16))")
                if expected { breaks += 1 }
            }
            #expect(breaks == 7)
            #expect(TitleTooLong.mayHoldLineBreak("a\r\nb"))
        }
    }
}
