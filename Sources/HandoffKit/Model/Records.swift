/// Who asks for the work.
public struct Requester: Record {
    /// Full name of the person asking; nil until answered.
    public var name: String?
    /// Their e-mail address; nil until given (not checked for shape).
    public var email: String?
    /// Their team, e.g. Field Marketing; nil until answered.
    public var team: String?
    /// An empty requester, as a draft without `requester:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the requester"
    /// A bare scalar stands for the name: `requester: Ana` means `{name: Ana}`.
    public static var shorthand: WritableKeyPath<Requester, String?>? { \.name }
    /// The keys of the requester, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Requester>] = [
        .value("name", \.name, "Full name of the person asking."),
        .value("email", \.email, "Their e-mail address."),
        .value("team", \.team, "Their team, e.g. Field Marketing."),
    ]
}

/// Why the work matters: the business objective that later tells whether it succeeded.
public struct Objective: Record {
    /// The problem today, ideally with a number; nil until answered.
    public var problem: String?
    /// The organisation's goal this serves (this year's priorities); nil until answered.
    public var businessGoal: String?
    /// Why it has to happen now; nil until answered.
    public var whyNow: String?
    /// Expected value or ROI estimate; nil until answered.
    public var value: String?
    /// An empty objective, as a draft without `objective:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the objective"
    /// The keys of the objective, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Objective>] = [
        .value("problem", \.problem, "The problem today, ideally with a number."),
        .value("business_goal", \.businessGoal, "The organisation's goal this serves (this year's priorities)."),
        .value("why_now", \.whyNow, "Why it has to happen now."),
        .value("value", \.value, "Expected value or ROI estimate."),
    ]
}

/// One requirement with its MoSCoW priority.
public struct Requirement: Record {
    /// What is required; nil only in a requirement written as a mapping without `text`.
    public var text: String?
    /// must, should, could or wont (MoSCoW); nil when not prioritised yet.
    public var priority: Priority?
    /// An empty requirement, for the decoder to fill.
    public init() {}
    /// A requirement built in code, e.g. `Requirement("SSO login", .must)`.
    public init(_ text: String, _ priority: Priority? = nil) {
        self.text = text
        self.priority = priority
    }
    /// Names the record in error messages.
    public static let recordName = "a requirement"
    /// A bare scalar stands for the text: `- SSO login` means `{text: SSO login}`.
    public static var shorthand: WritableKeyPath<Requirement, String?>? { \.text }
    /// The keys of a requirement, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Requirement>] = [
        .value("text", \.text, "What is required."),
        .value("priority", \.priority, "must, should, could or wont (MoSCoW)."),
    ]
}

/// What will be delivered, and what will not.
public struct Scope: Record {
    /// What will exist when the work is done, one item per entry; empty until answered.
    public var deliverables: [String] = []
    /// What is explicitly not part of this request; empty until answered.
    public var outOfScope: [String] = []
    /// Requirements with MoSCoW priorities; empty until answered.
    public var requirements: [Requirement] = []
    /// An empty scope, as a draft without `scope:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the scope"
    /// The keys of the scope, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Scope>] = [
        .list("deliverables", \.deliverables, "What will exist when the work is done."),
        .list("out_of_scope", \.outOfScope, "What is explicitly not part of this request."),
        .list("requirements", \.requirements, "Requirements with MoSCoW priorities."),
    ]
}

/// A system the work touches.
public struct AffectedSystem: Record {
    /// The system, e.g. Marketo or the website CMS; matched against the catalogue by name or alias.
    public var name: String?
    /// What changes in it; nil until answered.
    public var change: String?
    /// Data items it receives or stores; empty until answered.
    public var data: [String] = []
    /// Whether it touches personal data; nil when not known yet.
    public var personalData: Bool?
    /// Team or person that owns the system; nil until answered.
    public var owner: String?
    /// An empty system, for the decoder to fill.
    public init() {}
    /// A system built in code, with the other fields left empty.
    public init(name: String, change: String? = nil) {
        self.name = name
        self.change = change
    }
    /// Names the record in error messages.
    public static let recordName = "a system"
    /// A bare scalar stands for the name: `systems: [Marketo]` means `[{name: Marketo}]`.
    public static var shorthand: WritableKeyPath<AffectedSystem, String?>? { \.name }
    /// The keys of a system, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<AffectedSystem>] = [
        .value("name", \.name, "The system, e.g. Marketo or the website CMS."),
        .value("change", \.change, "What changes in it."),
        .list("data", \.data, "Data items it receives or stores."),
        .value("personal_data", \.personalData, "Whether it touches personal data."),
        .value("owner", \.owner, "Team or person that owns the system."),
    ]
}

/// A person or team with a role in the request.
public struct Stakeholder: Record {
    /// business_owner, approver, it_contact, legal, security, sales, finance or other; nil until given.
    public var role: Role?
    /// Person or team; nil until given.
    public var name: String?
    /// Their e-mail address; nil until given.
    public var email: String?
    /// An empty stakeholder, for the decoder to fill.
    public init() {}
    /// A stakeholder built in code, without an e-mail address.
    public init(_ role: Role, _ name: String) {
        self.role = role
        self.name = name
    }
    /// Names the record in error messages.
    public static let recordName = "a stakeholder"
    /// The keys of a stakeholder, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Stakeholder>] = [
        .value("role", \.role, "business_owner, approver, it_contact, legal, security, sales, finance or other."),
        .value("name", \.name, "Person or team."),
        .value("email", \.email, "Their e-mail address."),
    ]
}

/// An intermediate date on the way to launch.
public struct Milestone: Record {
    /// What is done by then; nil until given.
    public var name: String?
    /// The milestone's date, YYYY-MM-DD; nil until given.
    public var date: CivilDate?
    /// An empty milestone, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a milestone"
    /// A bare scalar stands for the name: `- Copy ready` means `{name: Copy ready}`.
    public static var shorthand: WritableKeyPath<Milestone, String?>? { \.name }
    /// The keys of a milestone, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Milestone>] = [
        .value("name", \.name, "What is done by then."),
        .value("date", \.date, "YYYY-MM-DD."),
    ]
}

/// When it must be live, and how firm that is.
public struct Timeline: Record {
    /// Launch date, YYYY-MM-DD; nil until answered.
    public var launch: CivilDate?
    /// hard, soft or none: how firm the launch date is; nil until answered.
    public var deadline: DeadlineKind?
    /// What the date depends on, and what happens if it slips; nil until answered.
    public var reason: String?
    /// Intermediate dates on the way to launch; empty when there are none.
    public var milestones: [Milestone] = []
    /// An empty timeline, as a draft without `timeline:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the timeline"
    /// The keys of the timeline, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Timeline>] = [
        .value("launch", \.launch, "Launch date, YYYY-MM-DD."),
        .value("deadline", \.deadline, "hard, soft or none."),
        .value("reason", \.reason, "What the date depends on, and what happens if it slips."),
        .list("milestones", \.milestones, "Intermediate dates."),
    ]
}

/// How success is measured.
public struct Metric: Record {
    /// What is counted; nil until given.
    public var name: String?
    /// Today's value: a number or a text with its unit; nil until given.
    public var baseline: Quantity?
    /// The value that means success: a number or a text with its unit; nil until given.
    public var target: Quantity?
    /// Where the number comes from (GA4, Marketo, Salesforce…); nil until given.
    public var source: String?
    /// How it is tracked (event, UTM, report); nil until given.
    public var tracking: String?
    /// When the result is reviewed, YYYY-MM-DD; nil until given.
    public var reviewOn: CivilDate?
    /// Who reports the number; nil until given.
    public var owner: String?
    /// An empty metric, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a metric"
    /// A bare scalar stands for the name: `- Form fills` means `{name: Form fills}`.
    public static var shorthand: WritableKeyPath<Metric, String?>? { \.name }
    /// The keys of a metric, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Metric>] = [
        .value("name", \.name, "What is counted."),
        .value("baseline", \.baseline, "Today's value: a number or a text with its unit."),
        .value("target", \.target, "The value that means success: a number or a text with its unit."),
        .value("source", \.source, "Where the number comes from (GA4, Marketo, Salesforce…)."),
        .value("tracking", \.tracking, "How it is tracked (event, UTM, report)."),
        .value("review_on", \.reviewOn, "When the result is reviewed, YYYY-MM-DD."),
        .value("owner", \.owner, "Who reports the number."),
    ]
}

/// The conversion-level goal (KGI) and the metrics (KPIs) beneath it.
public struct Success: Record {
    /// Key goal indicator: the conversion-level goal; nil until answered.
    public var kgi: String?
    /// KPIs with baseline, target, source, tracking and review date; empty until answered.
    public var metrics: [Metric] = []
    /// An empty success measurement, as a draft without `success:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the success measurement"
    /// The keys of the success measurement, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Success>] = [
        .value("kgi", \.kgi, "Key goal indicator: the conversion-level goal."),
        .list("metrics", \.metrics, "KPIs with baseline, target, source, tracking and review date."),
    ]
}

/// Something that could go wrong, and what is done about it.
public struct Risk: Record {
    /// The risk; nil only in a risk written as a mapping without `text`.
    public var text: String?
    /// What reduces it; nil until given.
    public var mitigation: String?
    /// An empty risk, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a risk"
    /// A bare scalar stands for the text: `- Form spam` means `{text: Form spam}`.
    public static var shorthand: WritableKeyPath<Risk, String?>? { \.text }
    /// The keys of a risk, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Risk>] = [
        .value("text", \.text, "The risk."),
        .value("mitigation", \.mitigation, "What reduces it."),
    ]
}

/// Change management: expected pivots and the people affected.
public struct ChangePlan: Record {
    /// Expected pivots or iterations, said up front; nil until answered.
    public var iterations: String?
    /// Who is affected by the change and how they are prepared; nil until answered.
    public var peopleAffected: String?
    /// An empty change plan, as a draft without `change:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the change plan"
    /// The keys of the change plan, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<ChangePlan>] = [
        .value("iterations", \.iterations, "Expected pivots or iterations, said up front."),
        .value("people_affected", \.peopleAffected, "Who is affected by the change and how they are prepared."),
    ]
}

/// Legal review of personal data and disclosures.
public struct Compliance: Record {
    /// Whether Legal has reviewed it: yes, no or unsure; nil until answered.
    public var legalReview: LegalReview?
    /// What Legal said or must look at; nil until given.
    public var notes: String?
    /// An empty compliance section, as a draft without `compliance:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the compliance section"
    /// The keys of the compliance section, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<Compliance>] = [
        .value("legal_review", \.legalReview, "yes, no or unsure."),
        .value("notes", \.notes, "What Legal said or must look at."),
    ]
}

/// How IT and the requester know the work is done.
public struct TestPlan: Record {
    /// Given/when/then statements IT can test; empty until answered.
    public var acceptanceCriteria: [String] = []
    /// Devices, browsers, data to test with; nil until answered.
    public var qaNotes: String?
    /// An empty testing section, as a draft without `testing:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the testing section"
    /// The keys of the testing section, in the order they are written and asked, with their descriptions.
    public static let fields: [Field<TestPlan>] = [
        .list("acceptance_criteria", \.acceptanceCriteria, "Given/when/then statements IT can test."),
        .value("qa_notes", \.qaNotes, "Devices, browsers, data to test with."),
    ]
}

/// A question sent back by an IT reviewer.
public struct ReviewQuestion: Record {
    /// Who asked; nil when not known.
    public var by: String?
    /// The question; nil only in a question written as a mapping without `text`.
    public var text: String?
    /// Whether the requester has answered it; nil means "answered when it has an answer" (see `isOpen`).
    public var answered: Bool?
    /// The requester's answer; nil until answered.
    public var answer: String?
    /// When it was asked, YYYY-MM-DD; nil when not recorded.
    public var askedOn: CivilDate?
    /// The Jira comment the question came from (handoff pull), so it is never added twice.
    public var jiraComment: String?
    /// An empty question, for the decoder to fill.
    public init() {}
    /// A question built in code (by `handoff review`, `handoff pull`), with no answer yet.
    public init(by: String?, text: String, answered: Bool = false) {
        self.by = by
        self.text = text
        self.answered = answered
    }
    /// Names the record in error messages.
    public static let recordName = "a review question"
    /// A bare scalar stands for the text: `- Which form?` means `{text: Which form?}`.
    public static var shorthand: WritableKeyPath<ReviewQuestion, String?>? { \.text }
    /// The keys of a review question, in the order they are written, with their descriptions.
    public static let fields: [Field<ReviewQuestion>] = [
        .value("by", \.by, "Who asked."),
        .value("text", \.text, "The question."),
        .value("answered", \.answered, "Whether the requester has answered it."),
        .value("answer", \.answer, "The requester's answer."),
        .value("asked_on", \.askedOn, "When it was asked, YYYY-MM-DD."),
        .value("jira_comment", \.jiraComment, "Id of the Jira comment it came from (written by handoff pull)."),
    ]

    /// A question counts as open until it is marked answered or has an answer.
    public var isOpen: Bool {
        if answered == true { return false }
        if let answer, !answer.isEmptyValue, answered == nil { return false }
        return true
    }
}

/// What IT reviewers write back.
public struct Review: Record {
    /// Questions from IT reviewers; new ones are appended; empty when there are none.
    public var questions: [ReviewQuestion] = []
    /// An empty review section, as a draft without `review:` has.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the review section"
    /// The keys of the review section, with their descriptions.
    public static let fields: [Field<Review>] = [
        .list("questions", \.questions, "Questions from IT reviewers.")
    ]
}

extension Array where Element: DraftCodable {
    /// True when no item holds anything (`isEmptyValue`), as for an empty list: read through the
    /// buffer, where `allSatisfy(\.isEmptyValue)` copied each item (every string of it retained).
    var holdsNothing: Bool {
        withUnsafeBufferPointer { items in items.indices.allSatisfy { items[$0].isEmptyValue } }
    }
}
