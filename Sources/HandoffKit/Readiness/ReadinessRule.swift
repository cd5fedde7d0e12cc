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
///
/// What a whole run shares (the date, the configuration, the lexicons) sits behind one reference,
/// so a per-draft copy of the context retains one object rather than every buffer the
/// configuration and the lexicons hold; `forWorker()` gives a thread a reference of its own, so
/// that those counts are not bounced between cores.
public struct RuleContext: Sendable {
    /// The settings of a run, immutable: read in place (`_read`) by the rules, never copied out.
    final class Settings: Sendable {
        let today: CivilDate
        let configuration: Configuration
        let lexicon: VagueLexicon
        let placeholders: PlaceholderLexicon

        init(today: CivilDate, configuration: Configuration, lexicon: VagueLexicon, placeholders: PlaceholderLexicon) {
            self.today = today
            self.configuration = configuration
            self.lexicon = lexicon
            self.placeholders = placeholders
        }

        func with(
            today: CivilDate? = nil, configuration: Configuration? = nil, lexicon: VagueLexicon? = nil,
            placeholders: PlaceholderLexicon? = nil
        ) -> Settings {
            Settings(
                today: today ?? self.today, configuration: configuration ?? self.configuration,
                lexicon: lexicon ?? self.lexicon, placeholders: placeholders ?? self.placeholders)
        }
    }

    private var settings: Settings

    /// The date deadlines and lead times are measured from; usually the run's today.
    public var today: CivilDate {
        _read { yield settings.today }
        set { settings = settings.with(today: newValue) }
    }
    /// The organisation's settings: lead time, extra vague words and placeholders, among others.
    public var configuration: Configuration {
        _read { yield settings.configuration }
        set { settings = settings.with(configuration: newValue) }
    }
    /// The language of messages and questions in the findings.
    public var language: Language
    /// The built-in vague words plus the configured `vagueWords`.
    public var lexicon: VagueLexicon {
        _read { yield settings.lexicon }
        set { settings = settings.with(lexicon: newValue) }
    }
    /// The built-in placeholder texts plus the configured `placeholders`.
    public var placeholders: PlaceholderLexicon {
        _read { yield settings.placeholders }
        set { settings = settings.with(placeholders: newValue) }
    }
    /// The kind read from the words of the draft `Readiness.check` is checking, read once there
    /// for the three rules that need it; nil when it was not read (a rule asked on its own).
    var inferredKind: KindInference.Guess??

    /// A context for `today`; the lexicons are built once here from `configuration`.
    public init(today: CivilDate, configuration: Configuration = Configuration(), language: Language = .en) {
        self.language = language
        settings = Settings(
            today: today, configuration: configuration, lexicon: VagueLexicon(extra: configuration.vagueWords),
            placeholders: PlaceholderLexicon(extra: configuration.placeholders))
    }

    /// The same context behind a reference of its own, for one worker thread: the copies that
    /// thread makes per draft then count references on an object no other core writes to.
    public func forWorker() -> RuleContext {
        var copy = self
        copy.settings = settings.with()
        return copy
    }

    /// Whether the two contexts share their settings' reference (tests show `forWorker` gives a new one).
    func sharesSettings(with other: RuleContext) -> Bool { settings === other.settings }

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
