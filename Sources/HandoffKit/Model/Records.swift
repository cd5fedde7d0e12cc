/// Who asks for the work.
public struct Requester: Record {
    public var name: String?
    public var email: String?
    public var team: String?
    public init() {}
    public static let recordName = "the requester"
    public static var shorthand: WritableKeyPath<Requester, String?>? { \.name }
    public static let fields: [Field<Requester>] = [
        .value("name", \.name, "Full name of the person asking."),
        .value("email", \.email, "Their e-mail address."),
        .value("team", \.team, "Their team, e.g. Field Marketing."),
    ]
}

/// Why the work matters: the business objective that later tells whether it succeeded.
public struct Objective: Record {
    public var problem: String?
    public var businessGoal: String?
    public var whyNow: String?
    public var value: String?
    public init() {}
    public static let recordName = "the objective"
    public static let fields: [Field<Objective>] = [
        .value("problem", \.problem, "The problem today, ideally with a number."),
        .value("business_goal", \.businessGoal, "The organisation's goal this serves (this year's priorities)."),
        .value("why_now", \.whyNow, "Why it has to happen now."),
        .value("value", \.value, "Expected value or ROI estimate."),
    ]
}

/// One requirement with its MoSCoW priority.
public struct Requirement: Record {
    public var text: String?
    public var priority: Priority?
    public init() {}
    public init(_ text: String, _ priority: Priority? = nil) {
        self.text = text
        self.priority = priority
    }
    public static let recordName = "a requirement"
    public static var shorthand: WritableKeyPath<Requirement, String?>? { \.text }
    public static let fields: [Field<Requirement>] = [
        .value("text", \.text, "What is required."),
        .value("priority", \.priority, "must, should, could or wont (MoSCoW)."),
    ]
}

/// What will be delivered, and what will not.
public struct Scope: Record {
    public var deliverables: [String] = []
    public var outOfScope: [String] = []
    public var requirements: [Requirement] = []
    public init() {}
    public static let recordName = "the scope"
    public static let fields: [Field<Scope>] = [
        .list("deliverables", \.deliverables, "What will exist when the work is done."),
        .list("out_of_scope", \.outOfScope, "What is explicitly not part of this request."),
        .list("requirements", \.requirements, "Requirements with MoSCoW priorities."),
    ]
}

/// A system the work touches.
public struct AffectedSystem: Record {
    public var name: String?
    public var change: String?
    public var data: [String] = []
    public var personalData: Bool?
    public var owner: String?
    public init() {}
    public init(name: String, change: String? = nil) {
        self.name = name
        self.change = change
    }
    public static let recordName = "a system"
    public static var shorthand: WritableKeyPath<AffectedSystem, String?>? { \.name }
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
    public var role: Role?
    public var name: String?
    public var email: String?
    public init() {}
    public init(_ role: Role, _ name: String) {
        self.role = role
        self.name = name
    }
    public static let recordName = "a stakeholder"
    public static let fields: [Field<Stakeholder>] = [
        .value("role", \.role, "business_owner, approver, it_contact, legal, security, sales, finance or other."),
        .value("name", \.name, "Person or team."),
        .value("email", \.email, "Their e-mail address."),
    ]
}

/// An intermediate date on the way to launch.
public struct Milestone: Record {
    public var name: String?
    public var date: CivilDate?
    public init() {}
    public static let recordName = "a milestone"
    public static var shorthand: WritableKeyPath<Milestone, String?>? { \.name }
    public static let fields: [Field<Milestone>] = [
        .value("name", \.name, "What is done by then."),
        .value("date", \.date, "YYYY-MM-DD."),
    ]
}

/// When it must be live, and how firm that is.
public struct Timeline: Record {
    public var launch: CivilDate?
    public var deadline: DeadlineKind?
    public var reason: String?
    public var milestones: [Milestone] = []
    public init() {}
    public static let recordName = "the timeline"
    public static let fields: [Field<Timeline>] = [
        .value("launch", \.launch, "Launch date, YYYY-MM-DD."),
        .value("deadline", \.deadline, "hard, soft or none."),
        .value("reason", \.reason, "What the date depends on, and what happens if it slips."),
        .list("milestones", \.milestones, "Intermediate dates."),
    ]
}

/// How success is measured.
public struct Metric: Record {
    public var name: String?
    public var baseline: Quantity?
    public var target: Quantity?
    public var source: String?
    public var tracking: String?
    public var reviewOn: CivilDate?
    public var owner: String?
    public init() {}
    public static let recordName = "a metric"
    public static var shorthand: WritableKeyPath<Metric, String?>? { \.name }
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
    public var kgi: String?
    public var metrics: [Metric] = []
    public init() {}
    public static let recordName = "the success measurement"
    public static let fields: [Field<Success>] = [
        .value("kgi", \.kgi, "Key goal indicator: the conversion-level goal."),
        .list("metrics", \.metrics, "KPIs with baseline, target, source, tracking and review date."),
    ]
}

/// Something that could go wrong, and what is done about it.
public struct Risk: Record {
    public var text: String?
    public var mitigation: String?
    public init() {}
    public static let recordName = "a risk"
    public static var shorthand: WritableKeyPath<Risk, String?>? { \.text }
    public static let fields: [Field<Risk>] = [
        .value("text", \.text, "The risk."),
        .value("mitigation", \.mitigation, "What reduces it."),
    ]
}

/// Change management: expected pivots and the people affected.
public struct ChangePlan: Record {
    public var iterations: String?
    public var peopleAffected: String?
    public init() {}
    public static let recordName = "the change plan"
    public static let fields: [Field<ChangePlan>] = [
        .value("iterations", \.iterations, "Expected pivots or iterations, said up front."),
        .value("people_affected", \.peopleAffected, "Who is affected by the change and how they are prepared."),
    ]
}

/// Legal review of personal data and disclosures.
public struct Compliance: Record {
    public var legalReview: LegalReview?
    public var notes: String?
    public init() {}
    public static let recordName = "the compliance section"
    public static let fields: [Field<Compliance>] = [
        .value("legal_review", \.legalReview, "yes, no or unsure."),
        .value("notes", \.notes, "What Legal said or must look at."),
    ]
}

/// How IT and the requester know the work is done.
public struct TestPlan: Record {
    public var acceptanceCriteria: [String] = []
    public var qaNotes: String?
    public init() {}
    public static let recordName = "the testing section"
    public static let fields: [Field<TestPlan>] = [
        .list("acceptance_criteria", \.acceptanceCriteria, "Given/when/then statements IT can test."),
        .value("qa_notes", \.qaNotes, "Devices, browsers, data to test with."),
    ]
}

/// A question sent back by an IT reviewer.
public struct ReviewQuestion: Record {
    public var by: String?
    public var text: String?
    public var answered: Bool?
    public var answer: String?
    public var askedOn: CivilDate?
    /// The Jira comment the question came from (handoff pull), so it is never added twice.
    public var jiraComment: String?
    public init() {}
    public init(by: String?, text: String, answered: Bool = false) {
        self.by = by
        self.text = text
        self.answered = answered
    }
    public static let recordName = "a review question"
    public static var shorthand: WritableKeyPath<ReviewQuestion, String?>? { \.text }
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
    public var questions: [ReviewQuestion] = []
    public init() {}
    public static let recordName = "the review section"
    public static let fields: [Field<Review>] = [
        .list("questions", \.questions, "Questions from IT reviewers.")
    ]
}
