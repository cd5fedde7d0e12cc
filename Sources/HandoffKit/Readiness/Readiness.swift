/// The verdict on one draft: its findings, whether it is ready, and a readiness score.
public struct ReadinessReport: Sendable, Equatable {
    /// Every finding of every rule, in rule order (`Readiness.rules`); empty for a draft that passes all.
    public var findings: [Finding]
    /// 0–100: how much of what IT needs is there. The verdict alone decides exit codes.
    public var score: Int

    /// Ready means no blocker remains.
    public var isReady: Bool { !findings.contains { $0.severity == .blocker } }

    /// How many findings have `severity`.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The report with every finding pointing at the line and column of its field; unchanged
    /// when there are no positions (a stored draft, a draft inside an export).
    ///
    /// Consuming: the report is nearly always a temporary (`check(…).located(by:)`), and a copy
    /// of it shared the findings' buffer, so the first position written copied every finding (a
    /// retain of each of its strings) and the original was then released.
    public consuming func located(by positions: FieldPositions?) -> ReadinessReport {
        guard let positions else { return self }
        for index in findings.indices {
            let position = positions.position(of: findings[index].field)
            findings[index].line = position.line
            findings[index].column = position.column
        }
        return self
    }
}

/// Runs every readiness rule (docs/rules.md).
public enum Readiness {
    /// All rules, in the order of the design's table (and of the interview).
    public static let rules: [any ReadinessRule] = [
        TitleMissing(), TitleTooLong(), ObjectiveMissing(), ValueMissing(), VagueLanguage(), ScopeMissing(),
        OutOfScopeMissing(), MustOverload(), SystemsMissing(), SystemChangeMissing(), SystemUnknown(),
        PersonalDataWithoutLegal(), LeadFormWithoutSales(), ApproverMissing(), ITContactMissing(),
        LaunchMissing(), LaunchInPast(), DeadlineInsideLeadTime(), MilestonesMissing(), MetricsMissing(),
        MetricTargetMissing(), MetricSourceMissing(), MetricBaselineMissing(), MetricTrackingMissing(),
        MetricReviewMissing(), KGIMissing(), AcceptanceMissing(), IterationsUnstated(), ChangeImpactUnstated(),
        OpenQuestions(), SensitiveData(), AcceptanceUntestable(), ContactInvalid(), TrafficUnstated(),
        SecurityImpactUnstated(), MaintenanceUnstated(), KindUnstated(),
    ]

    /// The weight of each rule's own severity, in the order of `rules`: read once, not through
    /// each rule's dynamic type per draft.
    static let ruleWeights = rules.map { type(of: $0).severity.weight }

    /// The rule at `index` of `rules` asked for its findings, called on its own type: through the
    /// array, each call copied the rule's existential out and destroyed the copy after.
    /// `RuleEngineEquivalenceTests` holds the two in the same order.
    static func evaluate(ruleAt index: Int, _ draft: Draft, in context: RuleContext) -> (findings: [Finding], applies: Bool) {
        switch index {
        case 0: return TitleMissing().evaluate(draft, in: context)
        case 1: return TitleTooLong().evaluate(draft, in: context)
        case 2: return ObjectiveMissing().evaluate(draft, in: context)
        case 3: return ValueMissing().evaluate(draft, in: context)
        case 4: return VagueLanguage().evaluate(draft, in: context)
        case 5: return ScopeMissing().evaluate(draft, in: context)
        case 6: return OutOfScopeMissing().evaluate(draft, in: context)
        case 7: return MustOverload().evaluate(draft, in: context)
        case 8: return SystemsMissing().evaluate(draft, in: context)
        case 9: return SystemChangeMissing().evaluate(draft, in: context)
        case 10: return SystemUnknown().evaluate(draft, in: context)
        case 11: return PersonalDataWithoutLegal().evaluate(draft, in: context)
        case 12: return LeadFormWithoutSales().evaluate(draft, in: context)
        case 13: return ApproverMissing().evaluate(draft, in: context)
        case 14: return ITContactMissing().evaluate(draft, in: context)
        case 15: return LaunchMissing().evaluate(draft, in: context)
        case 16: return LaunchInPast().evaluate(draft, in: context)
        case 17: return DeadlineInsideLeadTime().evaluate(draft, in: context)
        case 18: return MilestonesMissing().evaluate(draft, in: context)
        case 19: return MetricsMissing().evaluate(draft, in: context)
        case 20: return MetricTargetMissing().evaluate(draft, in: context)
        case 21: return MetricSourceMissing().evaluate(draft, in: context)
        case 22: return MetricBaselineMissing().evaluate(draft, in: context)
        case 23: return MetricTrackingMissing().evaluate(draft, in: context)
        case 24: return MetricReviewMissing().evaluate(draft, in: context)
        case 25: return KGIMissing().evaluate(draft, in: context)
        case 26: return AcceptanceMissing().evaluate(draft, in: context)
        case 27: return IterationsUnstated().evaluate(draft, in: context)
        case 28: return ChangeImpactUnstated().evaluate(draft, in: context)
        case 29: return OpenQuestions().evaluate(draft, in: context)
        case 30: return SensitiveData().evaluate(draft, in: context)
        case 31: return AcceptanceUntestable().evaluate(draft, in: context)
        case 32: return ContactInvalid().evaluate(draft, in: context)
        case 33: return TrafficUnstated().evaluate(draft, in: context)
        case 34: return SecurityImpactUnstated().evaluate(draft, in: context)
        case 35: return MaintenanceUnstated().evaluate(draft, in: context)
        case 36: return KindUnstated().evaluate(draft, in: context)
        default: return rules[index].evaluate(draft, in: context)
        }
    }

    /// The ids of `rules`, in the same order.
    public static var ruleIDs: [String] { rules.map(\.id) }

    /// Checks `draft`. Findings come in rule order.
    public static func check(_ draft: Draft, in context: RuleContext) -> ReadinessReport {
        var context = context
        // Three rules judge a draft without a kind by the kind its words read as: read them once.
        context.inferredKind = draft.kind == nil ? .some(KindInference.guess(for: draft)) : .some(nil)
        var findings: [Finding] = []
        var lost = 0
        var total = 0
        ruleWeights.withUnsafeBufferPointer { weights in
            for index in weights.indices {
                var (ruleFindings, applies) = evaluate(ruleAt: index, draft, in: context)
                if ruleFindings.isEmpty {
                    if applies { total += weights[index] }
                    continue
                }
                var worst = ruleFindings[0].severity
                for finding in ruleFindings where finding.severity < worst { worst = finding.severity }
                // A rule that escalates (a hard deadline without a reason) weighs what it reports.
                total += max(weights[index], worst.weight)
                lost += worst.weight
                // The first rule's findings become the list as they are; appending copied
                // each finding and released the original.
                if findings.isEmpty {
                    findings = ruleFindings
                } else {
                    // Most drafts have a few findings: room for them at once, not grown step by step.
                    if findings.capacity < 16 { findings.reserveCapacity(16) }
                    // Moved over one by one, in order (reversed, then taken from the end): `+=`
                    // copied each finding (a retain of each of its strings) and released the originals.
                    ruleFindings.reverse()
                    while let finding = ruleFindings.popLast() { findings.append(finding) }
                }
            }
        }
        // Score: the share of the weight of applicable rules that passes. Each failing rule counts
        // once, with the weight of its worst finding, so one missing metric field does not zero
        // the score; rules with nothing to judge yet (no metrics) count neither way.
        let score = total == 0 ? 100 : Int((Double(total - lost) * 100 / Double(total)).rounded(.down))
        return ReadinessReport(findings: findings, score: max(0, min(100, score)))
    }
}
