/// The one document everything works on: a marketer's request, from half-formed idea to a ticket
/// IT can act on. Every field is optional, because a half-formed idea is a valid draft that is
/// simply not ready yet; readiness rules say what is missing.
public struct Draft: Record {
    /// Always handoff/1; written by the tool. Files must have it; nil only in a draft built in code.
    public var format: String?
    /// Assigned by the tool; letters, digits, '-', '_' and '.'; nil for a draft that is not stored.
    public var id: String?
    /// Language of the interview and of rendered headings: en or ja; nil means English (see `language`).
    public var lang: Language?
    /// One line; becomes the Jira summary (Jira refuses over 255 characters); nil until the marketer gives one.
    public var title: String?
    /// landing_page, form, email, tracking, integration, data_export, content_change or other: decides the
    /// kind-specific questions; nil until answered.
    public var kind: RequestKind?
    /// The marketer's own words, kept verbatim; nil until given.
    public var idea: String?
    /// Who asks for the work.
    public var requester = Requester()
    /// Why: problem, business goal, why now, value.
    public var objective = Objective()
    /// Deliverables, requirements and what is out of scope.
    public var scope = Scope()
    /// Answers that only some kinds of request have (a form's consent text, an e-mail's sender).
    public var details = KindDetails()
    /// Affected systems; empty until answered.
    public var systems: [AffectedSystem] = []
    /// People and teams with a role; empty until answered.
    public var stakeholders: [Stakeholder] = []
    /// Launch date, how firm it is, milestones.
    public var timeline = Timeline()
    /// KGI and metrics.
    public var success = Success()
    /// Risks and their mitigations; empty until answered.
    public var risks: [Risk] = []
    /// Expected traffic, security impact, who maintains it and until when.
    public var operations = Operations()
    /// Expected pivots and people affected.
    public var change = ChangePlan()
    /// Legal review.
    public var compliance = Compliance()
    /// Acceptance criteria and QA notes.
    public var testing = TestPlan()
    /// Written by IT reviewers.
    public var review = Review()
    /// Written by handoff push and pull: where the ticket lives now; empty until the first push.
    public var jira = JiraLink()

    /// An empty draft: every field nil or empty, not even `format`.
    public init() {}

    /// Names the record in error messages.
    public static let recordName = "the draft"
    /// The draft's keys, in the order they are written and asked, with their descriptions and rules.
    public static let fields: [Field<Draft>] = [
        .value(
            "format", \.format, "Always handoff/1; written by the tool.", rule: .draftFormat,
            whenMissing: "missing `format: \(HandoffVersion.draftFormat)`; add it as the first line so tools "
                + "know this file is a handoff draft"),
        .value(
            "id", \.id, "Assigned by the tool; letters, digits, '-', '_' and '.'; quoted when YAML would read it as a number.",
            rule: .draftID),
        .value("lang", \.lang, "Language of the interview and of rendered headings: en or ja."),
        .value("title", \.title, "One line; becomes the Jira summary."),
        .value(
            "kind", \.kind,
            "landing_page, form, email, tracking, integration, data_export, content_change or other: decides the kind-specific questions."),
        .value("idea", \.idea, "The marketer's own words, kept verbatim."),
        .record("requester", \.requester, "Who asks for the work."),
        .record("objective", \.objective, "Why: problem, business goal, why now, value."),
        .record("scope", \.scope, "Deliverables, requirements and what is out of scope."),
        .record("details", \.details, "Answers that only some kinds of request have (a form's consent text, an e-mail's sender)."),
        .list("systems", \.systems, "Affected systems."),
        .list("stakeholders", \.stakeholders, "People and teams with a role."),
        .record("timeline", \.timeline, "Launch date, how firm it is, milestones."),
        .record("success", \.success, "KGI and metrics."),
        .list("risks", \.risks, "Risks and their mitigations."),
        .record("operations", \.operations, "Expected traffic, security impact, who maintains it and until when."),
        .record("change", \.change, "Expected pivots and people affected."),
        .record("compliance", \.compliance, "Legal review."),
        .record("testing", \.testing, "Acceptance criteria and QA notes."),
        .record("review", \.review, "Written by IT reviewers."),
        .record("jira", \.jira, "Written by handoff push and pull: where the ticket lives now."),
    ]

    /// The language the draft's own text is in; English when not stated.
    public var language: Language { lang ?? .en }
}
