import Testing

@testable import HandoffKit

extension Rules {
    /// Today is 2026-11-20: 42 days later is 2027-01-01, 43 days later 2027-01-02.
    @Suite("milestones-missing")
    struct MilestonesMissingTests {
        let rule = MilestonesMissing()

        static func launch(_ text: String, milestones: [Milestone] = []) -> Draft {
            TestDrafts.ready.with {
                $0.timeline.launch = try! CivilDate.parse(text).get()
                $0.timeline.milestones = milestones
            }
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MilestonesMissing.id == "milestones-missing")
            #expect(MilestonesMissing.severity == .info)
            #expect(MilestonesMissing.horizonDays == 42)
        }

        @Test(
            "six weeks is the horizon",
            arguments: [
                ("2026-12-04", false), ("2026-12-31", false), ("2027-01-01", false),  // 42 days
                ("2027-01-02", true),  // 43 days
                ("2027-06-30", true),
            ])
        func horizon(launch: String, fires: Bool) {
            #expect(RuleExpect.findings(rule, Self.launch(launch)).isEmpty != fires)
        }

        @Test("43 days out without milestones: an info on timeline.milestones, in English")
        func firesInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2027-01-02")), rule: "milestones-missing", severity: .info,
                field: "timeline.milestones")
            RuleExpect.english(finding, message: ["about 6 weeks", "no milestones"], question: ["intermediate dates"])
        }

        @Test("far out without milestones, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.timeline.milestones = [] }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "milestones-missing", severity: .info,
                field: "timeline.milestones")
            // 2026-11-20 → 2027-02-24 is 96 days: about 13 weeks.
            RuleExpect.japanese(finding, message: ["約13週間", "マイルストーン"], question: ["途中の大事な日付"])
        }

        @Test("one milestone is enough, even one without a date")
        func oneMilestone() {
            var milestone = Milestone()
            milestone.name = "Copy final"
            RuleExpect.silent(rule, Self.launch("2027-06-30", milestones: [milestone]))
            RuleExpect.silent(rule, TestDrafts.load("timeline: {launch: 2027-06-30, milestones: [Design approved]}"))
        }

        @Test("empty milestone entries do not count")
        func emptyMilestones() throws {
            let draft = TestDrafts.load(
                """
                timeline:
                  launch: 2027-06-30
                  milestones: [{name: ""}, {}]
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "milestones-missing", severity: .info,
                field: "timeline.milestones")
        }

        @Test("no launch, or a past launch: silent")
        func noOrPastLaunch() {
            let none = TestDrafts.ready.with {
                $0.timeline.launch = nil
                $0.timeline.milestones = []
            }
            RuleExpect.silent(rule, none)
            #expect(!rule.applies(to: none, in: TestDrafts.context()))
            RuleExpect.silent(rule, Self.launch("2025-01-01"))
        }

        @Test("the shipped examples have milestones")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
