import Testing

@testable import HandoffKit

extension Rules {
    @Suite("traffic-unstated")
    struct TrafficUnstatedTests {
        let rule = TrafficUnstated()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(TrafficUnstated.id == "traffic-unstated")
            #expect(TrafficUnstated.severity == .info)
        }

        @Test("no traffic, a launch tied to nothing in particular: an info, in English")
        func infoWhenUntied() throws {
            let draft = TestDrafts.ready.with {
                $0.operations.expectedTraffic = nil
                $0.timeline.reason = "The quarter's plan"
                $0.objective.whyNow = "Sign-ups are lost every day"
                $0.timeline.milestones = []
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "traffic-unstated", severity: .info,
                field: "operations.expected_traffic")
            RuleExpect.english(finding, message: ["expected traffic"], question: ["busiest hour"])
        }

        @Test("a launch tied to an invitation e-mail: a warning naming what it is tied to")
        func warningWhenTiedToSend() throws {
            let draft = TestDrafts.ready.with { $0.operations.expectedTraffic = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "traffic-unstated", severity: .warning,
                field: "operations.expected_traffic")
            RuleExpect.english(finding, message: ["timeline.reason", "peak"])
        }

        @Test("an e-mail campaign peaks by its nature: a warning, in Japanese")
        func emailKindInJapanese() throws {
            let draft = TestDrafts.japanese.with {
                $0.kind = .email
                $0.operations.expectedTraffic = nil
                $0.timeline.reason = "四半期の計画のため"
                $0.objective.whyNow = "今期中に実施したい"
                $0.timeline.milestones = []
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "traffic-unstated", severity: .warning,
                field: "operations.expected_traffic")
            RuleExpect.japanese(finding, message: ["メール配信", "ピーク"], question: ["集中"])
        }

        @Test("a placeholder is no traffic estimate: quoted", arguments: ["TBD", "未定"])
        func placeholder(_ text: String) throws {
            let draft = TestDrafts.ready.with { $0.operations.expectedTraffic = text }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "traffic-unstated", severity: .warning,
                field: "operations.expected_traffic")
            #expect(finding.message.contains("'\(text)'"), "\(finding.message)")
        }

        @Test("an estimate with its peak satisfies the rule")
        func stated() {
            RuleExpect.silent(rule, TestDrafts.ready)
            RuleExpect.silent(rule, TestDrafts.japanese)
        }
    }

    @Suite("security-impact-unstated")
    struct SecurityImpactUnstatedTests {
        let rule = SecurityImpactUnstated()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(SecurityImpactUnstated.id == "security-impact-unstated")
            #expect(SecurityImpactUnstated.severity == .warning)
        }

        @Test("an embedded form script and no answer: a warning naming the cue, in English")
        func firesOnScript() throws {
            let draft = TestDrafts.ready.with { $0.operations.securityImpact = nil }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "security-impact-unstated", severity: .warning,
                field: "operations.security_impact")
            RuleExpect.english(finding, message: ["'embed'", "systems[0].change"], question: ["cookies", "Security"])
        }

        @Test("a tracking request: a warning, in Japanese")
        func firesOnTrackingKind() throws {
            let draft = TestDrafts.japanese.with {
                $0.kind = .tracking
                $0.operations.securityImpact = nil
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft, .ja), rule: "security-impact-unstated", severity: .warning,
                field: "operations.security_impact")
            RuleExpect.japanese(finding, message: ["「tracking」"], question: ["セキュリティ担当"])
        }

        @Test("unsure with no security stakeholder fires; a named security stakeholder settles it")
        func unsure() throws {
            let unsure = TestDrafts.ready.with { $0.operations.securityImpact = .unsure }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, unsure), rule: "security-impact-unstated", severity: .warning,
                field: "operations.security_impact")
            #expect(finding.message.contains("'unsure'"))
            RuleExpect.silent(rule, unsure.with { $0.stakeholders.append(Stakeholder(.security, "InfoSec desk")) })
            // A placeholder name is nobody.
            #expect(!RuleExpect.findings(rule, unsure.with { $0.stakeholders.append(Stakeholder(.security, "TBD")) }).isEmpty)
        }

        @Test("yes and no both answer it", arguments: [SecurityImpact.yes, .no])
        func answered(_ impact: SecurityImpact) {
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.operations.securityImpact = impact })
        }

        @Test("nothing third-party involved: the rule has nothing to judge")
        func notInvolved() {
            let draft = TestDrafts.load(
                "kind: content_change\ntitle: New pricing copy\nidea: Update the copy on the pricing page\n"
                    + "systems: [{name: Website CMS, change: new text on the pricing page}]")
            RuleExpect.silent(rule, draft)
            #expect(!rule.applies(to: draft, in: TestDrafts.context()))
        }
    }

    @Suite("maintenance-unstated")
    struct MaintenanceUnstatedTests {
        let rule = MaintenanceUnstated()

        @Test("the rule id and severity are the design's")
        func identity() {
            #expect(MaintenanceUnstated.id == "maintenance-unstated")
            #expect(MaintenanceUnstated.severity == .warning)
        }

        @Test("no maintainer and no end date: a warning, in English and Japanese")
        func fires() throws {
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.ready.with { $0.operations = Operations() }),
                rule: "maintenance-unstated", severity: .warning, field: "operations.maintained_by")
            RuleExpect.english(english, message: ["maintain", "end date"], question: ["permanent"])
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.japanese.with { $0.operations = Operations() }, .ja),
                rule: "maintenance-unstated", severity: .warning, field: "operations.maintained_by")
            RuleExpect.japanese(japanese, message: ["保守担当", "終了日"], question: ["permanent"])
        }

        @Test("permanent with nobody to maintain it fires, and says why")
        func permanentWithoutOwner() throws {
            let draft = TestDrafts.ready.with {
                $0.operations.maintainedBy = "TBD"
                $0.operations.until = .permanent
            }
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, draft), rule: "maintenance-unstated", severity: .warning,
                field: "operations.maintained_by")
            #expect(finding.message.contains("'TBD'") && finding.message.contains("permanently"), "\(finding.message)")
        }

        @Test("a maintainer, or an end date, satisfies the rule")
        func satisfied() {
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.operations.until = nil })
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.operations.maintainedBy = nil })
            RuleExpect.silent(rule, TestDrafts.ready.with { $0.operations.until = .permanent })
        }
    }

    @Suite("kind-unstated")
    struct KindUnstatedTests {
        let rule = KindUnstated()

        @Test("a draft without a kind says which kind it was checked as, and from which words")
        func inferred() throws {
            let english = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.ready.with { $0.kind = nil }), rule: "kind-unstated", severity: .info,
                field: "kind")
            RuleExpect.english(english, message: ["'form'", "'register'", "idea"], question: ["kind: form"])
            let japanese = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.japanese.with { $0.kind = nil }, .ja), rule: "kind-unstated",
                severity: .info, field: "kind")
            RuleExpect.japanese(japanese, message: ["「フォーム」", "「form」"], question: ["kind: form"])
        }

        @Test("nothing to read a kind from: says the kind-specific checks are skipped")
        func unknown() throws {
            let finding = try RuleExpect.one(
                RuleExpect.findings(rule, TestDrafts.load("title: Quarterly review")), rule: "kind-unstated", severity: .info,
                field: "kind")
            #expect(finding.message.contains("skipped"), "\(finding.message)")
        }

        @Test("a stated kind satisfies the rule")
        func stated() { RuleExpect.silent(rule, TestDrafts.ready) }
    }
}
