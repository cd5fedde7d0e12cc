/// The one document everything works on: a marketer's request, from half-formed idea to a ticket
/// IT can act on. Every field is optional, because a half-formed idea is a valid draft that is
/// simply not ready yet; readiness rules say what is missing.
public struct Draft: Record {
    public var format: String?
    public var id: String?
    public var lang: Language?
    public var title: String?
    public var kind: RequestKind?
    public var idea: String?
    public var requester = Requester()
    public var objective = Objective()
    public var scope = Scope()
    public var details = KindDetails()
    public var systems: [AffectedSystem] = []
    public var stakeholders: [Stakeholder] = []
    public var timeline = Timeline()
    public var success = Success()
    public var risks: [Risk] = []
    public var operations = Operations()
    public var change = ChangePlan()
    public var compliance = Compliance()
    public var testing = TestPlan()
    public var review = Review()
    public var jira = JiraLink()

    public init() {}

    public static let recordName = "the draft"
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
