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
    /// Names the value in error messages.
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
    /// Names the value in error messages.
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
    /// Names the value in error messages.
    public static let valueName = "suggestion source"
}

/// One option of a choice question.
public struct PromptChoice: Record {
    /// What is stored in the draft (a raw value such as `landing_page`).
    public var value: String?
    /// What the marketer sees; nil means the value is shown.
    public var label: String?
    /// An empty choice, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a choice"
    /// A bare scalar stands for the value: `- form` means `{value: form}`.
    public static var shorthand: WritableKeyPath<PromptChoice, String?>? { \.value }
    /// The keys of a choice, with their descriptions.
    public static let fields: [Field<PromptChoice>] = [
        .value("value", \.value, "What is stored in the draft."),
        .value("label", \.label, "What the marketer sees."),
    ]
}

/// A follow-up question asked right after an answer that needs more.
public struct PromptProbe: Record {
    /// vague, short or no_number: when the probe is asked; nil in a pack that forgot it.
    public var when: ProbeKind?
    /// The follow-up question (vague probes have one per vague word built in).
    public var text: String?
    /// For short: fewer words than this asks the probe; nil for the other kinds.
    public var minWords: Int?
    /// An empty probe, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a probe"
    /// The keys of a probe, with their descriptions.
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
    /// text, long_text, list, choice, date, number, yes_no or records; nil means text (see `questionType`).
    public var type: QuestionType?
    /// The question, as the marketer reads it.
    public var text: String?
    /// What IT does with the answer (`/why`).
    public var why: String?
    /// An example answer; nil when the question has none.
    public var example: String?
    /// Whether IT cannot start without it; nil means no (see `isRequired`).
    public var required: Bool?
    /// Ask only when this condition holds (see `QuestionCondition`).
    public var when: QuestionCondition?
    /// For choice questions: the options, in the order shown.
    public var choices: [PromptChoice] = []
    /// Follow-ups asked after the answer; empty when there are none.
    public var probes: [PromptProbe] = []
    /// Where a suggested answer comes from; nil when there is no suggestion.
    public var suggest: SuggestionSource?
    /// For records: how one item is called ("system").
    public var item: String?
    /// For records: the questions asked for each item.
    public var fields: [PromptQuestion] = []
    /// An empty question, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a question"
    /// The keys of a question, in the order they are written, with their descriptions.
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

    /// `required`, with nil read as false.
    public var isRequired: Bool { required ?? false }
    /// `type`, with nil read as text.
    public var questionType: QuestionType { type ?? .text }
}

/// One section of the interview, one file per section and language.
public struct PromptSection: Record {
    /// idea, why, scope, systems, people, timeline, success, risks or testing: which section the file is.
    public var section: String?
    /// Heading shown in the prompt.
    public var title: String?
    /// What the section is about, shown when it starts; nil for no introduction.
    public var intro: String?
    /// The questions, in the order they are asked.
    public var questions: [PromptQuestion] = []
    /// An empty section, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "a prompt section"
    /// The keys of a prompt section file, with their descriptions.
    public static let fields: [Field<PromptSection>] = [
        .value("section", \.section, "idea, why, scope, systems, people, timeline, success, risks or testing."),
        .value("title", \.title, "Heading shown in the prompt."),
        .value("intro", \.intro, "What the section is about, shown when it starts."),
        .list("questions", \.questions, "The questions, in order."),
    ]
}

/// `pack.yaml`: the pack's version, recorded in exports.
public struct PromptPackInfo: Record {
    /// Version of the pack, recorded in exports.
    public var version: String?
    /// An empty pack info, for the decoder to fill.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the prompt pack info"
    /// The keys of `pack.yaml`, with their descriptions.
    public static let fields: [Field<PromptPackInfo>] = [
        .value("version", \.version, "Version of the pack, recorded in exports.")
    ]
}

/// The interview's questions in one language: the sections in order.
public struct PromptPack: Sendable {
    /// The language every question of the pack is written in; it is the interview's language.
    public var language: Language
    /// The pack's version from `pack.yaml` ("1" when the pack has none), recorded in exports.
    public var version: String
    /// The sections in interview order, as `sectionOrder` lists them.
    public var sections: [PromptSection]

    /// The sections that hold questions, in interview order (`review`, IT's questions, is not asked).
    public static let sectionOrder: [Section] = [.idea, .why, .scope, .systems, .people, .timeline, .success, .risks, .testing]

    /// The file a section's questions are read from: `timeline` → `timeline.yaml`.
    public static func fileName(_ section: Section) -> String { section.rawValue + ".yaml" }
}
