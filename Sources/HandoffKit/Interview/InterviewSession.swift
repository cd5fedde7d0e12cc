/// One line of input from wherever answers come from: a libedit terminal, piped stdin, a test.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line was cleared; the session goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// SIGTERM or SIGHUP: save and leave.
    case terminated
}

/// Where answers come from and where the interview's words go.
public protocol InterviewIO: AnyObject {
    /// Shows `prompt` and reads one answer.
    func read(_ prompt: InterviewPrompt) -> LineInput
    /// Shows lines of the interview (section headings, follow-ups, warnings).
    func show(_ lines: [InterviewResponse.Line])
    /// Lets the marketer edit `text` in their editor; nil when that was not possible.
    func edit(_ text: String) -> String?
}

/// How a session ended.
public enum SessionOutcome: Equatable, Sendable {
    /// The summary was reached.
    case finished
    /// `/quit` or Ctrl-D: everything is saved; `handoff resume` continues.
    case left
    /// Piped answers ran out before these required questions were answered.
    case inputEnded(missing: [String])
    /// SIGTERM or SIGHUP.
    case terminated
}

/// Runs an interview: reads answers, hands them to the engine, saves every change before the
/// next question appears, and carries out what the engine asks (edit, export, save, quit).
public final class InterviewSession {
    /// The interview the session runs.
    public let engine: InterviewEngine
    /// The store every change is saved to.
    public let store: DraftStore
    let io: InterviewIO
    /// Writes an export asked for with `/export`; returns where it went.
    let exporter: (ExportFormat, String?, Draft) throws -> String

    /// A session that saves to `store` and calls `exporter` for `/export`.
    /// - Parameter exporter: writes the draft in a format (to the path `/export` gave, if any) and
    ///   returns where it went; what it throws is shown as a warning and the interview goes on.
    public init(
        engine: InterviewEngine, store: DraftStore, io: InterviewIO,
        exporter: @escaping (ExportFormat, String?, Draft) throws -> String
    ) {
        self.engine = engine
        self.store = store
        self.io = io
        self.exporter = exporter
    }

    /// The draft as the engine has it now.
    public var draft: Draft { engine.draft }
    /// Held from the first save until the session object goes away.
    public private(set) var lock: DraftStore.Lock?
    /// The revision saved last, so a save does not re-read the journal.
    private var revision: Int?

    /// Takes the lock on a stored draft before its session starts.
    public func hold(_ lock: DraftStore.Lock) { self.lock = lock }

    /// Saves the draft as a new revision. A new draft gets its id (from its first words) and its
    /// lock on the first save.
    public func save(fields: [String] = [], section: String? = nil) throws(IOFailure) {
        if engine.draft.id == nil {
            let id = store.newID(for: engine.draft)
            lock = try store.lock(id)
            engine.assign(id: id)
        }
        try lock?.verify()
        revision = try store.save(engine.draft, state: engine.state, fields: fields, section: section, after: revision)
    }

    /// Saves the interview state, when the draft has been saved at all.
    func saveState() throws(IOFailure) {
        guard let id = engine.draft.id, store.exists(id) else { return }
        try store.saveState(engine.state, id: id)
    }

    /// Runs the interview until it finishes, the marketer leaves, input ends or a signal stops it.
    /// Every change is saved before the next question; on leaving, the interview state is saved.
    /// - Throws: `IOFailure` when a save fails; what was saved before stays.
    public func run() throws(IOFailure) -> SessionOutcome {
        io.show(engine.startLines())
        while let prompt = engine.prompt {
            let input = io.read(prompt)
            let response: InterviewResponse
            switch input {
            case .interrupted:
                continue
            case .terminated:
                try saveState()
                return .terminated
            case .endOfInput:
                try saveState()
                if !engine.settings.interactive, !engine.missingRequired.isEmpty {
                    return .inputEnded(missing: engine.missingRequired)
                }
                return .left
            case .line(let line):
                if let refusal = Self.refusal(line) {
                    io.show([.warning(refusal(engine.language))])
                    continue
                }
                response = engine.handle(line)
            }
            if try apply(response, section: prompt.section) { return response.action == .quit ? .left : .finished }
        }
        return .finished
    }

    /// Why `answer` is refused as it is typed: over the answer limit, it could make a draft that
    /// handoff cannot read back.
    static func refusal(_ answer: String, limits: InputLimits = .standard) -> Localized? {
        guard answer.utf8.count > limits.maxAnswerBytes else { return nil }
        let limit = DocumentSplitter.size(limits.maxAnswerBytes)
        return Localized(
            en: "That answer is longer than \(limit), the most one answer may hold. It was not saved: shorten it, "
                + "or put long material in a file and give its path.",
            ja: "回答が \(limit) を超えています（1 つの回答の上限です）。保存していません。短くするか、長い資料はファイルにしてそのパスを入力してください。")
    }

    /// Saves and shows `response`, carries out its action; true when the session is over.
    private func apply(_ response: InterviewResponse, section: Section) throws(IOFailure) -> Bool {
        // Nothing typed is lost: the answer is on disk before anything else happens.
        if !response.changed.isEmpty {
            try save(fields: response.changed, section: section.rawValue)
        } else if response.stateChanged {
            try saveState()
        }
        io.show(response.lines)
        switch response.action {
        case nil:
            return false
        case .save?:
            try save(fields: [], section: section.rawValue)
            io.show([.notice(InterviewText.saved(engine.language) + " (\(engine.draft.id ?? ""))")])
            return false
        case .quit?:
            try saveState()
            return true
        case .finished?:
            return true
        case .edit(let text)?:
            guard let edited = io.edit(text) else { return false }
            if let refusal = Self.refusal(edited) {
                io.show([.warning(refusal(engine.language))])
                return false
            }
            return try apply(engine.edited(edited), section: section)
        case .export(let format, let path)?:
            do {
                let written = try exporter(format, path, engine.draft)
                io.show([.notice(Localized(en: "Exported to \(written).", ja: "\(written) に出力しました。")(engine.language))])
            } catch {
                io.show([.warning("\(error)")])
            }
            return engine.prompt == nil
        }
    }
}
