import Testing

@testable import HandoffKit

extension Rules {
    @Suite("vague-language")
    struct VagueLanguageTests {
        let rule = VagueLanguage()

        /// The ready example with `title` as its title.
        static func title(_ title: String) -> Draft {
            TestDrafts.ready.with { $0.title = title }
        }

        /// A field VagueLanguage reads, with how to put text there.
        struct Place: CustomTestStringConvertible, Sendable {
            var field: String
            var set: @Sendable (inout Draft, String) -> Void
            var testDescription: String { field }
        }

        static let checkedPlaces: [Place] = [
            Place(field: "title") { $0.title = $1 },
            Place(field: "scope.deliverables[1]") { $0.scope.deliverables[1] = $1 },
            Place(field: "scope.requirements[2].text") { $0.scope.requirements[2].text = $1 },
            Place(field: "timeline.reason") { $0.timeline.reason = $1 },
            Place(field: "timeline.milestones[0].name") { $0.timeline.milestones[0].name = $1 },
            Place(field: "success.kgi") { $0.success.kgi = $1 },
            Place(field: "success.metrics[0].name") { $0.success.metrics[0].name = $1 },
            Place(field: "success.metrics[0].baseline") { $0.success.metrics[0].baseline = .text($1) },
            Place(field: "success.metrics[0].target") { $0.success.metrics[0].target = .text($1) },
            Place(field: "testing.acceptance_criteria[0]") { $0.testing.acceptanceCriteria[0] = $1 },
        ]

        static let uncheckedPlaces: [Place] = [
            Place(field: "idea") { $0.idea = $1 },
            Place(field: "objective.problem") { $0.objective.problem = $1 },
            Place(field: "objective.why_now") { $0.objective.whyNow = $1 },
            Place(field: "systems[0].change") { $0.systems[0].change = $1 },
            Place(field: "risks[0].text") { $0.risks[0].text = $1 },
            Place(field: "change.iterations") { $0.change.iterations = $1 },
            Place(field: "testing.qa_notes") { $0.testing.qaNotes = $1 },
        ]

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(VagueLanguage.id == "vague-language")
            #expect(VagueLanguage.severity == .warning)
        }

        @Test("ASAP in the title: a warning on title that asks for a date, in English")
        func firesInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.title("Sign-up form for the webinar ASAP")), rule: "vague-language",
                severity: .warning, field: "title")
            RuleExpect.english(finding, message: ["Vague wording", "'ASAP'"], question: ["which date", "slips"])
        }

        @Test("なるべく早く in a requirement, in Japanese, asks for a date")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.scope.requirements[1].text = "資料 PDF をなるべく早く送付する" }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "vague-language", severity: .warning,
                field: "scope.requirements[1].text")
            RuleExpect.japanese(finding, message: ["曖昧な表現", "「なるべく早く」"], question: ["「なるべく早く」", "いつ"])
        }

        @Test("every field IT builds from is checked", arguments: checkedPlaces)
        func checkedFields(place: Place) throws {
            let draft = TestDrafts.ready.with { place.set(&$0, "Something better") }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "vague-language", severity: .warning, field: place.field)
            #expect(finding.message.contains("'better'"))
        }

        @Test("prose that explains rather than specifies is not checked", arguments: uncheckedPlaces)
        func uncheckedFields(place: Place) {
            RuleExpect.silent(rule, TestDrafts.ready.with { place.set(&$0, "We need it ASAP, better, etc.") })
        }

        @Test(
            "English words match whole words, case-insensitively",
            arguments: [
                ("Launch ASAP", ["ASAP"]),
                ("launch asap please", ["ASAP"]),
                ("Forms, banners, etc.", ["etc."]),
                ("Forms, banners etc", ["etc"]),
                ("A better sign-up form", ["better"]),
                ("Some more fields", ["some", "more"]),
                ("Just add a form", ["just"]),
                ("Moreover, the form keeps its fields", []),
                ("Adjust the header", []),
                ("Someone from Sales reviews it", []),
                ("Breakfast briefing for SDRs", []),
                ("Justify the budget with 300 registrations", []),
                ("Registrations from 0 to 300 by 2026-12-18", []),
            ])
        func englishWholeWords(title: String, words: [String]) throws {
            let findings = RuleExpect.findings(rule, Self.title(title))
            if words.isEmpty {
                #expect(findings.isEmpty, "\(findings)")
                return
            }
            let finding = try RuleExpect.one(findings, rule: "vague-language", severity: .warning, field: "title")
            let quoted = words.map { "'\($0)'" }.joined(separator: ", ")
            #expect(finding.message.contains("Vague wording: \(quoted)."), "\(finding.message)")
        }

        @Test(
            "Japanese words match anywhere in the text",
            arguments: [
                ("なるべくシンプルな画面", "なるべく"),
                ("早急に公開したい", "早急"),
                ("いい感じのデザイン", "いい感じ"),
                ("バナーなどを用意", "など"),
                ("もっと登録を増やす", "もっと"),
                ("ASAPで公開", "ASAP"),
            ])
        func japaneseSubstrings(title: String, word: String) throws {
            let draft = TestDrafts.japanese.with { $0.title = title }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "vague-language", severity: .warning, field: "title")
            #expect(finding.message.contains("「\(word)」"), "\(finding.message)")
            #expect(finding.question.contains("「\(word)」"), "\(finding.question)")
        }

        @Test(
            "the follow-up question matches why the first word is vague",
            arguments: [
                ("Launch ASAP", "which date"),
                ("Launch as soon as possible", "which date"),
                ("More registrations", "how many"),
                ("A better form", "better by which measure"),
                ("Banners, forms etc.", "list every item"),
                ("Just a form", "what exactly is included"),
                ("A form if possible", "required or not"),
            ])
        func followUpInEnglish(title: String, asks: String) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.title(title)), rule: "vague-language", severity: .warning, field: "title"
            )
            #expect(finding.question.contains(asks), "\(finding.question)")
        }

        @Test(
            "the follow-up question matches the kind, in Japanese",
            arguments: [
                ("早急に公開", "具体的にいつ"),
                ("もっと登録を増やす", "数値"),
                ("いい感じのページ", "どの指標"),
                ("バナーなど", "すべて挙げて"),
                ("簡単なフォーム", "中身"),
                ("なるべく対応", "必須ですか"),
            ])
        func followUpInJapanese(title: String, asks: String) throws {
            let draft = TestDrafts.japanese.with { $0.title = title }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "vague-language", severity: .warning, field: "title")
            #expect(finding.question.contains(asks), "\(finding.question)")
        }

        @Test("several words: all listed in order, each once, and the question is about the first")
        func severalWords() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.title("A better form ASAP, a better page ASAP")), rule: "vague-language",
                severity: .warning, field: "title")
            #expect(finding.message.contains("Vague wording: 'better', 'ASAP'."), "\(finding.message)")
            #expect(finding.question.contains("'better'"))
        }

        @Test("the longest phrase wins over the words inside it")
        func longestPhrase() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.title("Live as soon as possible")), rule: "vague-language",
                severity: .warning, field: "title")
            #expect(finding.message.contains("Vague wording: 'as soon as possible'."), "\(finding.message)")
        }

        @Test("one finding per field, several fields reported")
        func severalFields() {
            let draft = TestDrafts.ready.with {
                $0.title = "Better sign-up form"
                $0.scope.requirements[0].text = "Some fields, etc."
                $0.success.metrics[0].target = .text("more than last year")
            }
            let findings = RuleExpect.findings(rule, draft)
            #expect(findings.map(\.field) == ["title", "scope.requirements[0].text", "success.metrics[0].target"])
        }

        @Test("configured words are flagged, in either language, with a generic follow-up")
        func configuredWords() throws {
            var configuration = Configuration()
            configuration.vagueWords.en = ["synergy"]
            configuration.vagueWords.ja = ["ふわっと"]
            let english = Self.title("Webinar Synergy form")
            RuleExpect.silent(rule, english)
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, english, configuration: configuration), rule: "vague-language",
                severity: .warning, field: "title")
            RuleExpect.english(finding, message: ["'synergy'"], question: ["what exactly do you mean"])
            // Whole words for ASCII configured words too.
            RuleExpect.silent(rule, Self.title("Synergyless form"), configuration: configuration)

            let japanese = TestDrafts.japanese.with { $0.title = "ふわっとしたランディングページ" }
            RuleExpect.silent(rule, japanese)
            let jaFinding = try RuleExpect.one(
                RuleExpect.findings(rule, japanese, .ja, configuration: configuration), rule: "vague-language",
                severity: .warning, field: "title")
            RuleExpect.japanese(jaFinding, message: ["「ふわっと」"], question: ["「ふわっと」", "具体的に"])
        }

        @Test("configured words come from handoff.yaml")
        func configuredFromFile() throws {
            let configuration = RuleExpect.configuration("vague_words: {en: [circle back], ja: [よしなに]}")
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.title("Circle back on the form"), configuration: configuration),
                rule: "vague-language", severity: .warning, field: "title")
            #expect(finding.message.contains("'circle back'"), "\(finding.message)")
        }

        @Test("the shipped examples are specific")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
