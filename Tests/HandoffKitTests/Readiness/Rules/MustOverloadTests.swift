import Testing

@testable import HandoffKit

extension Rules {
    @Suite("must-overload")
    struct MustOverloadTests {
        let rule = MustOverload()

        /// A draft whose requirements have `priorities` (nil: no priority given).
        static func draft(_ priorities: [Priority?]) -> Draft {
            TestDrafts.ready.with {
                $0.scope.requirements = priorities.enumerated().map { index, priority in
                    Requirement("Requirement \(index + 1)", priority)
                }
            }
        }

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MustOverload.id == "must-overload")
            #expect(MustOverload.severity == .warning)
            #expect(MustOverload.minimumRequirements == 3)
        }

        @Test(
            "fires from three requirements when more than half are must",
            arguments: [
                // (priorities, fires)
                ([Priority?](), false),
                ([.must], false),
                ([.must, .must], false),  // fewer than three: "most" says little
                ([.must, .should, .could], false),
                ([.must, .must, .could], true),  // 2 of 3
                ([.must, .must, .must], true),
                ([.must, .must, .should, .could], false),  // exactly half is not most
                ([.must, .must, .must, .could], true),  // 3 of 4
                ([.must, .must, .must, .should, .could], true),  // 3 of 5
                ([.must, .must, .should, .could, .wont], false),  // 2 of 5
                ([.must, .must, nil], true),  // an unprioritised requirement is not a must
                ([.must, nil, nil], false),
            ])
        func threshold(priorities: [Priority?], fires: Bool) throws {
            let findings = RuleExpect.findings(rule, Self.draft(priorities))
            if fires {
                let finding = try RuleExpect.one(
                    findings, rule: "must-overload", severity: .warning, field: "scope.requirements")
                let musts = priorities.filter { $0 == .must }.count
                #expect(finding.message.contains("\(musts) of \(priorities.count)"), "\(finding.message)")
            } else {
                #expect(findings.isEmpty, "\(findings)")
            }
        }

        @Test("2 of 3 must, in English")
        func firesInEnglish() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, Self.draft([.must, .must, .could])), rule: "must-overload",
                severity: .warning, field: "scope.requirements")
            RuleExpect.english(finding, message: ["2 of 3", "'must'"], question: ["could wait", "should", "could"])
        }

        @Test("3 of 4 must, in Japanese")
        func firesInJapanese() throws {
            let draft = TestDrafts.japanese.with { $0.scope.requirements[2].priority = .must }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "must-overload", severity: .warning,
                field: "scope.requirements")
            RuleExpect.japanese(finding, message: ["要件4件のうち3件", "must"], question: ["後回し"])
        }

        @Test("applies only from three requirements")
        func applies() {
            let context = TestDrafts.context()
            #expect(!rule.applies(to: Self.draft([.must, .must]), in: context))
            #expect(rule.applies(to: Self.draft([.could, .could, .could]), in: context))
        }

        @Test("priorities read from YAML count")
        func fromYAML() throws {
            let draft = TestDrafts.load(
                """
                scope:
                  requirements:
                    - {text: Name field, priority: must}
                    - {text: Company field, priority: MUST}
                    - {text: Phone field, priority: should}
                """)
            try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "must-overload", severity: .warning, field: "scope.requirements"
            )
        }

        @Test("the shipped examples prioritise (1 of 3, and 2 of 4 must)")
        func silentOnExamples() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }
}
