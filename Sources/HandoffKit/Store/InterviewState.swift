/// Where an interview stands, kept beside the draft so `handoff resume` continues where the
/// marketer left off.
public struct InterviewState: Record {
    /// The key of the question to ask next (`timeline.launch`, `systems[1].change`).
    public var position: String?
    /// Questions the marketer skipped; resume does not ask them again.
    public var skipped: [String] = []
    /// The interview reached its summary.
    public var finished: Bool?
    /// Keys of the questions asked, oldest first, so `/back` after `handoff resume` goes to the
    /// question asked before rather than nowhere.
    public var asked: [String] = []
    /// Yes/no questions answered "don't know": open points the summary lists.
    public var unsure: [String] = []
    /// A state at the start: nothing asked, skipped or answered.
    public init() {}
    /// Names the record in error messages.
    public static let recordName = "the interview state"
    /// The keys of `interview.yaml`, with their descriptions.
    public static let fields: [Field<InterviewState>] = [
        .value("position", \.position, "Next question."),
        .list("skipped", \.skipped, "Skipped questions."),
        .value("finished", \.finished, "The interview reached its summary."),
        .list("asked", \.asked, "Questions asked, oldest first."),
        .list("unsure", \.unsure, "Yes/no questions answered with don't know."),
    ]
}
