/// How an answer is typed and read.
public enum QuestionType: String, DraftEnum {
    case text
    case longText = "long_text"
    /// One item a line; an empty line ends the list.
    case list
    case choice
    case date
    case number
    case yesNo = "yes_no"
    /// A list of records (systems, metrics, stakeholders, requirements), asked field by field.
    case records
    public static let valueName = "question type"
}

/// A follow-up asked right after an answer that needs more.
public enum ProbeKind: String, DraftEnum {
    /// The answer uses vague words ("ASAP", "better", なるべく).
    case vague
    /// The answer has fewer than `min_words` words.
    case short
    /// The answer has no number in it.
    case noNumber = "no_number"
    public static let valueName = "probe kind"
}

/// Where a question's suggested answer comes from.
public enum SuggestionSource: String, DraftEnum {
    /// Systems of the catalogue (or well-known tools) named in the idea.
    case ideaSystems = "idea_systems"
    /// A date named in the idea or in why-now.
    case ideaDate = "idea_date"
    /// A number named in the idea.
    case ideaNumber = "idea_number"
    /// The kind of request the idea reads as ("a landing page with a form" → form).
    case ideaKind = "idea_kind"
    public static let valueName = "suggestion source"
}

public struct PromptChoice: Record {
    public var value: String?
    public var label: String?
    public init() {}
    public static let recordName = "a choice"
    public static var shorthand: WritableKeyPath<PromptChoice, String?>? { \.value }
    public static let fields: [Field<PromptChoice>] = [
        .value("value", \.value, "What is stored in the draft."),
        .value("label", \.label, "What the marketer sees."),
    ]
}

public struct PromptProbe: Record {
    public var when: ProbeKind?
    public var text: String?
    public var minWords: Int?
    public init() {}
    public static let recordName = "a probe"
    public static let fields: [Field<PromptProbe>] = [
        .value("when", \.when, "vague, short or no_number."),
        .value("text", \.text, "The follow-up question (vague probes have one per vague word built in)."),
        .value("min_words", \.minWords, "For short: fewer words than this asks the probe."),
    ]
}

/// One question: which draft field it fills, how, and what to say about it.
public struct PromptQuestion: Record {
    /// The draft field path it fills (`timeline.launch`); inside records, the record's key.
    public var id: String?
    public var type: QuestionType?
    public var text: String?
    /// What IT does with the answer (`/why`).
    public var why: String?
    public var example: String?
    public var required: Bool?
    /// Ask only when this condition holds (see `QuestionCondition`).
    public var when: QuestionCondition?
    public var choices: [PromptChoice] = []
    public var probes: [PromptProbe] = []
    public var suggest: SuggestionSource?
    /// For records: how one item is called ("system").
    public var item: String?
    /// For records: the questions asked for each item.
    public var fields: [PromptQuestion] = []
    public init() {}
    public static let recordName = "a question"
    public static let fields: [Field<PromptQuestion>] = [
        .value("id", \.id, "Draft field path the answer fills."),
        .value("type", \.type, "text, long_text, list, choice, date, number, yes_no or records."),
        .value("text", \.text, "The question."),
        .value("why", \.why, "What IT does with the answer."),
        .value("example", \.example, "An example answer."),
        .value("required", \.required, "Whether IT cannot start without it."),
        .value("when", \.when, "Condition for asking it: PATH, not PATH, PATH == VALUE, PATH != VALUE, or {kind: [...]}."),
        .list("choices", \.choices, "For choice questions."),
        .list("probes", \.probes, "Follow-ups."),
        .value("suggest", \.suggest, "Where a suggested answer comes from."),
        .value("item", \.item, "For records: what one item is called."),
        .list("fields", \.fields, "For records: the questions for each item."),
    ]

    public var isRequired: Bool { required ?? false }
    public var questionType: QuestionType { type ?? .text }
}

/// One section of the interview, one file per section and language.
public struct PromptSection: Record {
    public var section: String?
    public var title: String?
    public var intro: String?
    public var questions: [PromptQuestion] = []
    public init() {}
    public static let recordName = "a prompt section"
    public static let fields: [Field<PromptSection>] = [
        .value("section", \.section, "idea, why, scope, systems, people, timeline, success, risks or testing."),
        .value("title", \.title, "Heading shown in the prompt."),
        .value("intro", \.intro, "What the section is about, shown when it starts."),
        .list("questions", \.questions, "The questions, in order."),
    ]
}

/// `pack.yaml`: the pack's version, recorded in exports.
public struct PromptPackInfo: Record {
    public var version: String?
    public init() {}
    public static let recordName = "the prompt pack info"
    public static let fields: [Field<PromptPackInfo>] = [
        .value("version", \.version, "Version of the pack, recorded in exports.")
    ]
}

/// The interview's questions in one language: the sections in order.
public struct PromptPack: Sendable {
    public var language: Language
    public var version: String
    public var sections: [PromptSection]

    /// The sections that hold questions, in interview order (the summary is not a file).
    public static let sectionOrder: [Section] = [.idea, .why, .scope, .systems, .people, .timeline, .success, .risks, .testing]

    public static func fileName(_ section: Section) -> String { section.rawValue + ".yaml" }
}
