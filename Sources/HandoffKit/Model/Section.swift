/// The interview's sections, in order. Findings, reports and exports are grouped by them so that
/// everyone reads a request in the same order.
public enum Section: String, CaseIterable, Sendable {
    case idea, why, scope, systems, people, timeline, success, risks, testing, review

    /// The section a field path belongs to (`success.metrics[0].source` → success).
    public init(field: String) {
        let top = field.prefix { $0 != "." && $0 != "[" }
        switch top {
        case "objective": self = .why
        case "scope", "details": self = .scope
        case "systems": self = .systems
        case "stakeholders", "compliance": self = .people
        case "timeline": self = .timeline
        case "success": self = .success
        // Operations are asked with risks and change: what IT weighs beyond the feature.
        case "risks", "change", "operations": self = .risks
        case "testing": self = .testing
        case "review": self = .review
        default: self = .idea
        }
    }

    /// The section's heading in reports and exports, in both languages.
    public var heading: Localized {
        switch self {
        case .idea: return Localized(en: "Idea", ja: "アイデア")
        case .why: return Localized(en: "Why", ja: "目的")
        case .scope: return Localized(en: "Scope", ja: "範囲")
        case .systems: return Localized(en: "Affected systems", ja: "影響するシステム")
        case .people: return Localized(en: "People", ja: "関係者")
        case .timeline: return Localized(en: "Timeline", ja: "スケジュール")
        case .success: return Localized(en: "Success measurement", ja: "成果の測定")
        case .risks: return Localized(en: "Risks and change", ja: "リスクと変更")
        case .testing: return Localized(en: "Testing", ja: "テスト")
        case .review: return Localized(en: "Questions from IT", ja: "IT からの質問")
        }
    }
}
