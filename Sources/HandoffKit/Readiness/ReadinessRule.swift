/// One readiness rule: a small type, in its own file, named after its rule id.
public protocol ReadinessRule: Sendable {
    /// The stable rule id (docs/rules.md), e.g. `metrics-missing`.
    static var id: String { get }
    /// The severity the rule usually reports; it weighs the rule in the readiness score.
    static var severity: Severity { get }
    /// What the rule checks, for `--help`-style listings.
    static var summary: Localized { get }
    /// Why IT needs it, a draft that fires, and how to fix it: what `handoff rules ID` prints.
    static var explanation: RuleExplanation { get }
    /// The findings for `draft`; empty when the rule is satisfied.
    func findings(for draft: Draft, in context: RuleContext) -> [Finding]
    /// Whether the rule has anything to judge yet (a per-metric rule needs metrics). Rules that do
    /// not apply neither pass nor fail in the readiness score.
    func applies(to draft: Draft, in context: RuleContext) -> Bool
    /// `findings` and `applies` together, as `Readiness.check` needs both of every rule: a rule
    /// whose two answers come from the same scan of the draft implements this to scan it once.
    func evaluate(_ draft: Draft, in context: RuleContext) -> (findings: [Finding], applies: Bool)
}

/// What `handoff rules ID` says about a rule, in both languages.
public struct RuleExplanation: Sendable {
    /// Why IT needs what the rule checks.
    public var why: Localized
    /// A piece of a draft that makes the rule fire, as YAML (field names are the same in every language).
    public var example: String
    /// How to fix the draft, naming the fields to fill.
    public var fix: Localized
    /// An explanation from its three parts.
    public init(why: Localized, example: String, fix: Localized) {
        self.why = why
        self.example = example
        self.fix = fix
    }
}

extension ReadinessRule {
    /// The rule's id, for code that holds a rule as `any ReadinessRule`.
    public var id: String { Self.id }
    /// By default a rule always has something to judge, so it always counts in the score.
    public func applies(to draft: Draft, in context: RuleContext) -> Bool { true }
    /// By default the two questions are asked separately.
    public func evaluate(_ draft: Draft, in context: RuleContext) -> (findings: [Finding], applies: Bool) {
        (findings(for: draft, in: context), applies(to: draft, in: context))
    }
}

/// What rules may consult besides the draft: today's date, the organisation's configuration and
/// the language the report is written in.
public struct RuleContext: Sendable {
    /// The date deadlines and lead times are measured from; usually the run's today.
    public var today: CivilDate
    /// The organisation's settings: lead time, extra vague words and placeholders, among others.
    public var configuration: Configuration
    /// The language of messages and questions in the findings.
    public var language: Language
    /// The built-in vague words plus the configured `vagueWords`.
    public var lexicon: VagueLexicon
    /// The built-in placeholder texts plus the configured `placeholders`.
    public var placeholders: PlaceholderLexicon
    /// The kind read from the words of the draft `Readiness.check` is checking, read once there
    /// for the three rules that need it; nil when it was not read (a rule asked on its own).
    var inferredKind: KindInference.Guess??

    /// A context for `today`; the lexicons are built once here from `configuration`.
    public init(today: CivilDate, configuration: Configuration = Configuration(), language: Language = .en) {
        self.today = today
        self.configuration = configuration
        self.language = language
        self.lexicon = VagueLexicon(extra: configuration.vagueWords)
        self.placeholders = PlaceholderLexicon(extra: configuration.placeholders)
    }

    /// A finding of `rule`, with message and question in the report's language.
    public func finding<R: ReadinessRule>(
        _ rule: R.Type, _ severity: Severity? = nil, field: String, message: Localized, question: Localized
    ) -> Finding {
        Finding(
            rule: R.id, severity: severity ?? R.severity, field: field, message: message(language),
            question: question(language))
    }

    /// The kind `draft` reads as (`KindInference.guess`), read once per check of a draft.
    func kindGuess(for draft: Draft) -> KindInference.Guess? {
        if let inferredKind { return inferredKind }
        return KindInference.guess(for: draft)
    }

    /// The kind `draft` says, or else the one read from its content.
    func effectiveKind(of draft: Draft) -> RequestKind? { draft.kind ?? kindGuess(for: draft)?.kind }

    /// A copy reporting in `language`.
    public func reporting(in language: Language) -> RuleContext {
        var copy = self
        copy.language = language
        return copy
    }
}
