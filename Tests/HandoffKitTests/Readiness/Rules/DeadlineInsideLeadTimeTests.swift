import Testing

@testable import HandoffKit

extension Rules {
    /// Today is Friday 2026-11-20; ten business days later is Friday 2026-12-04.
    @Suite("deadline-inside-lead-time")
    struct DeadlineInsideLeadTimeTests {
        let rule = DeadlineInsideLeadTime()

        static func date(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

        /// The ready example (hard deadline with a reason) launching on `launch`.
        static func launch(_ launch: String, deadline: DeadlineKind? = .hard, reason: String? = "Invitations go out")
            -> Draft
        {
            TestDrafts.ready.with {
                $0.timeline.launch = date(launch)
                $0.timeline.deadline = deadline
                $0.timeline.reason = reason
            }
        }

        static func leadTime(_ days: Int) -> Configuration {
            var configuration = Configuration()
            configuration.leadTimeDays = days
            return configuration
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(DeadlineInsideLeadTime.id == "deadline-inside-lead-time")
            #expect(DeadlineInsideLeadTime.severity == .warning)
            #expect(Configuration().effectiveLeadTimeDays == 10)
        }

        @Test(
            "business days are counted across weekends against the default ten",
            arguments: [
                ("2026-11-20", 0, true),  // today
                ("2026-11-21", 0, true),  // Saturday
                ("2026-11-22", 0, true),  // Sunday
                ("2026-11-23", 1, true),  // Monday
                ("2026-11-27", 5, true),
                ("2026-11-30", 6, true),  // Monday after the second weekend
                ("2026-12-03", 9, true),
                ("2026-12-04", 10, false),  // exactly the lead time
                ("2026-12-05", 10, false),  // Saturday: still ten business days
                ("2026-12-06", 10, false),
                ("2026-12-07", 11, false),
                ("2027-02-24", 68, false),  // 13 weeks and Mon–Wed
            ])
        func weekends(launch: String, available: Int, fires: Bool) throws {
            #expect(TestDrafts.today.businessDays(until: Self.date(launch)) == available)
            let findings = RuleExpect.findings(rule, Self.launch(launch))
            if fires {
                let finding = try RuleExpect.one(
                    findings, rule: "deadline-inside-lead-time", severity: .warning, field: "timeline.launch")
                // Today reads "today", a weekend with no business day before it says so; never "0 business days".
                let expected =
                    launch == "2026-11-20" ? "is today"
                    : available == 0 ? "leaves no business day before it"
                    : "is \(available) \(available == 1 ? "business day away" : "business days away")"
                #expect(finding.message.contains(expected), "\(finding.message)")
                #expect(!finding.message.contains(" is 0 business days"))
            } else {
                #expect(findings.isEmpty, "\(findings)")
            }
        }

        @Test("a hard deadline with a reason is a warning on timeline.launch, in English")
        func warningInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2026-12-03")), rule: "deadline-inside-lead-time",
                severity: .warning, field: "timeline.launch")
            RuleExpect.english(
                finding, message: ["2026-12-03", "9 business days", "lead time is 10"],
                question: ["tied to", "must be live by then", "follow later"])
            #expect(!finding.message.contains("no reason"))
        }

        @Test(
            "a hard deadline without a reason is a blocker on timeline.reason, in English",
            arguments: [String?.none, "", "  "])
        func blockerInEnglish(reason: String?) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2026-11-27", reason: reason)), rule: "deadline-inside-lead-time",
                severity: .blocker, field: "timeline.reason")
            RuleExpect.english(
                finding, message: ["5 business days", "hard", "no reason"],
                question: ["2026-11-27", "immovable", "slips"])
        }

        @Test("a placeholder reason is no reason: the blocker quotes it", arguments: ["TBD", "未定", "not sure yet"])
        func placeholderReason(reason: String) throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2026-11-27", reason: reason)), rule: "deadline-inside-lead-time",
                severity: .blocker, field: "timeline.reason")
            #expect(finding.message.contains("'\(reason)'"), "\(finding.message)")
        }

        @Test("a hard deadline without a reason, in Japanese")
        func blockerInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.timeline.launch = Self.date("2026-11-30")
                $0.timeline.reason = nil
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "deadline-inside-lead-time", severity: .blocker,
                field: "timeline.reason")
            RuleExpect.japanese(
                finding, message: ["公開日 2026-11-30", "営業日で6日", "10営業日", "理由"], question: ["動かせない理由"])
        }

        @Test("a soft deadline, in Japanese, is a warning")
        func warningInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.timeline.launch = Self.date("2026-11-30")
                $0.timeline.deadline = .soft
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "deadline-inside-lead-time", severity: .warning,
                field: "timeline.launch")
            // The example gives a reason for the date, so the question builds on it.
            RuleExpect.japanese(finding, message: ["営業日で6日"], question: ["日付の理由は「", "後回しにできる"])
            #expect(!finding.message.contains("理由"))
        }

        @Test(
            "without a hard deadline a missing reason is only a warning",
            arguments: [DeadlineKind?.none, .soft, DeadlineKind.none])
        func notHard(deadline: DeadlineKind?) throws {
            try RuleExpect.one(
                RuleExpect.findings(rule, Self.launch("2026-11-23", deadline: deadline, reason: nil)),
                rule: "deadline-inside-lead-time", severity: .warning, field: "timeline.launch")
        }

        @Test(
            "the lead time comes from the configuration",
            arguments: [
                (5, "2026-11-26", true), (5, "2026-11-27", false), (15, "2026-12-10", true), (15, "2026-12-11", false),
                (1, "2026-11-22", true), (1, "2026-11-23", false), (0, "2026-11-20", false),
            ])
        func configuredLeadTime(days: Int, launch: String, fires: Bool) throws {
            let findings = RuleExpect.findings(rule, Self.launch(launch), configuration: Self.leadTime(days))
            if fires {
                let finding = try RuleExpect.one(
                    findings, rule: "deadline-inside-lead-time", severity: .warning, field: "timeline.launch")
                #expect(
                    finding.message.contains("usual lead time is \(days) business day\(days == 1 ? "" : "s")."),
                    "\(finding.message)")
            } else {
                #expect(findings.isEmpty, "\(findings)")
            }
        }

        @Test("lead_time_days is read from handoff.yaml")
        func leadTimeFromConfigFile() throws {
            let configuration = RuleExpect.configuration("lead_time_days: 20")
            #expect(configuration.effectiveLeadTimeDays == 20)
            // 2026-12-04 is fine with the default ten days but not with twenty.
            RuleExpect.silent(rule, TestDrafts.ready)
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.ready, configuration: configuration),
                rule: "deadline-inside-lead-time", severity: .warning, field: "timeline.launch")
            #expect(finding.message.contains("lead time is 20"))
        }

        @Test("a launch in the past is launch-in-past's business", arguments: ["2026-11-19", "2026-01-01"])
        func pastLaunch(launch: String) {
            RuleExpect.silent(rule, Self.launch(launch, reason: nil))
        }

        @Test("counted from a weekend today")
        func weekendToday() throws {
            let saturday = Self.date("2026-11-21")
            let draft = Self.launch("2026-11-23")
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, today: saturday), rule: "deadline-inside-lead-time",
                severity: .warning, field: "timeline.launch")
            #expect(finding.message.contains("is 1 business day away"), "\(finding.message)")
        }

        @Test("no launch: nothing to judge")
        func noLaunch() {
            let draft = TestDrafts.ready.with { $0.timeline.launch = nil }
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
            #expect(rule.applies(to: TestDrafts.ready, in: TestDrafts.context()))
        }

        @Test("the shipped examples leave the lead time")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
