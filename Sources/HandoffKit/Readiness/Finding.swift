/// How much a finding stands in the way of IT starting work.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    /// IT cannot start: the draft is not ready while one remains.
    case blocker
    /// IT can start but will likely come back with questions.
    case warning
    /// Good practice; worth a look.
    case info

    var rank: Int {
        switch self {
        case .blocker: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    /// Orders by weight, most serious first: `blocker < warning < info`, so `min()` is the worst.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The severity's name as reports, exports and `handoff rules` print it.
    public var label: Localized {
        switch self {
        case .blocker: return Localized(en: "blocker", ja: "ブロッカー")
        case .warning: return Localized(en: "warning", ja: "警告")
        case .info: return Localized(en: "info", ja: "情報")
        }
    }

    /// How much the finding weighs in the readiness score.
    var weight: Int {
        switch self {
        case .blocker: return 10
        case .warning: return 3
        case .info: return 1
        }
    }
}

/// One thing a readiness rule found: which rule, how serious, which field, why it matters, and
/// the question to ask next.
public struct Finding: Equatable, Sendable {
    /// The id of the rule that found it, e.g. `metrics-missing`.
    public var rule: String
    /// How serious it is: usually the rule's own severity, though a rule may report another for a case.
    public var severity: Severity
    /// Field path such as `success.metrics[0].source`.
    public var field: String
    /// Plain-language reason, in the report's language.
    public var message: String
    /// The question to ask the requester next, in the report's language.
    public var question: String
    /// Where the field (or the nearest enclosing one) was written, when the source is a file or stdin.
    public var line: Int?
    /// The 1-based column of that place, in Unicode scalars; nil with `line`.
    public var column: Int?

    /// A finding with no position; `ReadinessReport.located(by:)` fills in `line` and `column`.
    public init(rule: String, severity: Severity, field: String, message: String, question: String) {
        self.rule = rule
        self.severity = severity
        self.field = field
        self.message = message
        self.question = question
    }

    /// The finding as a map for JSON and YAML reports; `line` and `column` are left out when nil.
    public var encoded: Value {
        .object([
            ("rule", .string(rule)), ("severity", .string(severity.rawValue)), ("field", .string(field)),
            ("line", line.map(Value.int)), ("column", column.map(Value.int)),
            ("message", .string(message)), ("question", .string(question)),
        ])
    }
}
