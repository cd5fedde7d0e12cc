import ArgumentParser
import Foundation
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `text` on one line: a multi-line idea or title never reaches a table or a prompt as a raw
/// line break.
func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.joined(separator: " ")
}

/// Options of the commands that run an interview.
struct InterviewOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the prompt packs in DIR (DIR/en, DIR/ja) instead of the built-in ones.", valueName: "dir"))
    var prompts: String?
}

/// `handoff`: start an interview, or offer to resume the last unfinished one. Needs a terminal.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start an interview, or offer to resume the last unfinished one (the default).",
        shouldDisplay: false)

    @OptionGroup var interview: InterviewOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let runner = try InterviewRunner(global: global, options: interview)
        guard runner.interactive else {
            if global.noInput { return try runner.run(draft: Draft(), isNew: true) }
            throw ValidationError(
                "the interview needs a terminal; to answer from stdin, use `handoff new --no-input < answers.txt`")
        }
        if let entry = runner.store.mostRecent(), let draft = entry.draft, runner.store.state(entry.id).finished != true {
            let title = oneLine(draft.title ?? draft.idea?.split(separator: "\n").first.map(String.init) ?? entry.id)
            let question = Localized(
                en: "Resume “\(title)” (\(entry.id))? [Y/n] ", ja: "「\(title)」（\(entry.id)）の続きから再開しますか？ [Y/n] ")
            let editor = LineEditor(historyPath: nil)
            let answer = editor.read(prompt: TerminalText.sanitize(question(runner.language(for: draft)), multiline: false))
            editor.close()
            switch answer {
            case .line(let text) where text.isEmpty || ["y", "yes", "はい"].contains(text.lowercased()):
                return try runner.run(draft: draft, isNew: false)
            case .line: break
            default: return
            }
        }
        try runner.run(draft: Draft(), isNew: true)
    }
}

/// `handoff new`: a new interview.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a new interview.",
        discussion: """
            At a terminal the interview is a line-editing session (Tab completes, /help lists commands). \
            With --no-input, or when stdin is not a terminal, answers are read one a line from stdin and \
            prompts go to stderr; the draft id is printed on stdout. If stdin ends before the required \
            answers, the exit status is 2 and the answers given are kept.
            """)

    @Option(name: .long, help: ArgumentHelp("Start from this draft (a file or a stored id): its answers become the defaults.", valueName: "draft"))
    var from: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Answers by field, in the draft's own shape (YAML or JSON); what they answer is not asked.", valueName: "file"))
    var answers: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Answer one field (repeatable): --set timeline.launch=2026-12-04.", valueName: "field=value"))
    var settings: [String] = []

    @OptionGroup var interview: InterviewOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let runner = try InterviewRunner(global: global, options: interview)
        var draft = try startingDraft(runner)
        // Answers by name are checked before anything is saved: a bad one leaves no draft behind.
        if let answers {
            guard let data = FileManager.default.contents(atPath: answers) else {
                throw InvalidInput([InputError(source: answers, message: "cannot be read; --answers takes a YAML or JSON file")])
            }
            // A file of answers is a partial draft: its `format:` line is optional.
            let text = try DraftLoader.text(from: [UInt8](data), source: answers)
            let results = DraftInput.load(text: text, source: answers, requireFormat: false)
            guard results.count == 1 else {
                throw InvalidInput([InputError(source: answers, message: "holds \(results.count) documents; --answers takes one draft")])
            }
            switch results[0] {
            case .success(let loaded): PresetAnswers.merge(loaded.draft, into: &draft)
            case .failure(let error): throw error
            }
        }
        try PresetAnswers.apply(settings: settings, to: &draft)
        try runner.run(draft: draft, isNew: true)
    }

    private func startingDraft(_ runner: InterviewRunner) throws -> Draft {
        var draft = Draft()
        if let from {
            draft = try DraftSource.resolve(from, store: runner.store.location).firstDraft().draft
            draft.id = nil
            draft.review = Review()
        }
        return draft
    }
}

/// `handoff resume [ID]`: continue an interview where it was left, IT's questions first.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue an interview where it was left (the most recent draft by default).")

    @Argument(help: ArgumentHelp("The stored draft's id (see `handoff drafts`).", valueName: "id"), completion: DraftIDCompletion.ids)
    var id: String?

    @OptionGroup var interview: InterviewOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let runner = try InterviewRunner(global: global, options: interview)
        guard let id = id ?? runner.store.mostRecent()?.id else {
            throw InvalidInput([
                InputError(source: runner.store.location.root, message: "no stored drafts yet; `handoff new` starts one")
            ])
        }
        try runner.run(draft: try runner.store.load(id), isNew: false)
    }
}

/// What the interview commands share: settings, the store, the prompt pack, and the session.
struct InterviewRunner {
    let global: GlobalOptions
    let options: InterviewOptions
    let configuration: Configuration
    let today: CivilDate
    let store: DraftStore
    /// A person at a terminal, rather than piped answers.
    let interactive: Bool

    init(global: GlobalOptions, options: InterviewOptions) throws {
        self.global = global
        self.options = options
        configuration = try global.loadConfiguration()
        today = try global.today()
        store = try global.usableStore()
        interactive = Self.isInteractive(noInput: global.noInput, stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Interactive only with a terminal on both ends and no --no-input.
    static func isInteractive(noInput: Bool, stdinIsTerminal: Bool, stdoutIsTerminal: Bool) -> Bool {
        !noInput && stdinIsTerminal && stdoutIsTerminal
    }

    /// --lang, else the draft's, else the user's locale (ja_JP… → ja), else English.
    func language(for draft: Draft) -> Language {
        if let lang = global.lang { return lang }
        if let lang = draft.lang { return lang }
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return locale.hasPrefix("ja") ? .ja : .en
    }

    func pack(_ language: Language) throws -> PromptPack {
        guard let directory = options.prompts else { return try PromptPackLoader.embedded(language) }
        return try PromptPackLoader.load(
            files: PromptsCommand.files(in: directory + "/" + language.rawValue), language: language,
            origin: directory + "/" + language.rawValue)
    }

    func run(draft: Draft, isNew: Bool) throws {
        var draft = draft
        let language = language(for: draft)
        if draft.lang == nil || global.lang != nil { draft.lang = language }
        let pack = try pack(language)
        // A stored draft is locked before anything is asked; a new one when it is first saved.
        let existingLock = isNew ? nil : try draft.id.map { try store.lock($0) }
        let state = isNew ? InterviewState() : draft.id.map { store.state($0) } ?? InterviewState()
        let settings = InterviewSettings(
            configuration: configuration, today: today, interactive: interactive, followUps: interactive ? .ask : .report)
        let engine = InterviewEngine(pack: pack, draft: draft, state: state, settings: settings)
        let style = InterviewStyle(styler: global.styler(for: interactive ? STDOUT_FILENO : STDERR_FILENO), onTerminal: interactive)
        let io: InterviewIO
        var editor: LineEditor?
        if interactive {
            let lineEditor = LineEditor(historyPath: Self.historyPath())
            let terminal = TerminalIO(editor: lineEditor, style: style)
            terminal.engine = engine
            editor = lineEditor
            io = terminal
        } else {
            io = PipeIO(style: style)
        }
        let session = InterviewSession(engine: engine, store: store, io: io) { format, path, draft in
            try Self.export(draft, format: format, path: path, configuration: configuration, today: today)
        }
        let outcome: SessionOutcome
        do {
            // The terminal is restored before the closing notices below, and on every error path.
            defer { editor?.close() }
            if let existingLock { session.hold(existingLock) }
            if isNew && draft.idea != nil || isNew && draft.title != nil {
                // Seeded with --from, --answers or --set: keep it as the first revision.
                try session.save(fields: ["from"], section: nil)
            }
            outcome = try session.run()
        }
        let id = session.draft.id ?? ""
        let saved = !id.isEmpty && store.exists(id)
        switch outcome {
        case .finished, .left:
            if !saved {
                io.show([.notice(Localized(en: "Nothing was answered, so nothing was saved.", ja: "回答がないため、何も保存していません。")(language))])
                return
            }
            io.show([
                .notice(
                    (
                        outcome == .finished
                            ? Localized(
                                en: "Saved as \(id). Export with: handoff export \(id) --to jira-v3",
                                ja: "\(id) として保存しました。出力：handoff export \(id) --to jira-v3")
                            : Localized(
                                en: "Saved as \(id). Continue with: handoff resume \(id)",
                                ja: "\(id) として保存しました。続きは：handoff resume \(id)"))(language))
            ])
            if !interactive { Terminal.write(id + "\n") }
        case .inputEnded(let missing):
            let path = store.location.draftPath(id: id)
            Terminal.printError(
                "stdin ended before these required answers: \(missing.joined(separator: ", "))"
                    + (saved
                        ? "; the answers given are saved as \(id) in \(path) (handoff resume \(id), or answer them with --answers or --set)"
                        : "; nothing was saved"))
            if saved { Terminal.write(id + "\n") }
            throw ExitCode(ExitStatus.invalidInput)
        case .terminated:
            throw ExitCode(ExitStatus.interrupted)
        }
    }

    /// `$XDG_STATE_HOME/handoff/history`, else `~/.local/state/handoff/history`.
    static func historyPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/handoff/history" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/handoff/history" }
        return nil
    }

    /// `/export FORMAT [PATH]` during the interview: written even when not ready (the findings
    /// are listed in it), by default to `<id>.<extension>` in the current directory.
    static func export(_ draft: Draft, format: ExportFormat, path: String?, configuration: Configuration, today: CivilDate) throws -> String {
        let report = Readiness.check(draft, in: RuleContext(today: today, configuration: configuration, language: draft.language))
        let options = ExportOptions(configuration: configuration, today: today)
        let text = try format.exporter.export([ExportItem(draft: draft, report: report)], options: options)
        // <id>.jira-v3.json for the JSON formats (several share .json), <id>.md, <id>.csv, <id>.yaml.
        let name: String
        switch format {
        case .csv: name = "csv"
        case .markdown: name = "md"
        case .yaml: name = "yaml"
        case .json: name = "json"
        default: name = format.rawValue + ".json"
        }
        let target = path ?? "\(draft.id ?? "draft").\(name)"
        try AtomicFile.write(text, to: target)
        return target
    }
}

/// `handoff prompts check DIR`: validate a prompt pack.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "Work with interview prompt packs.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a prompt pack: DIR holding en/ and ja/, or one language's directory.")

        @Argument(help: ArgumentHelp("The pack directory.", valueName: "dir"))
        var directory: String

        /// Taken like every command's (docs/commands.md); checking a pack depends on none of them.
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var packs: [PromptPack] = []
            var errors: [InputError] = []
            let languages: [(Language, String)]
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            let single = Language(rawValue: (base as NSString).lastPathComponent)
            if let single, !FileManager.default.fileExists(atPath: base + "/en") {
                languages = [(single, base)]
            } else {
                languages = Language.allCases.map { ($0, base + "/" + $0.rawValue) }
            }
            for (language, path) in languages {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                    errors.append(InputError(source: path, message: "missing: a pack holds en/ and ja/, one file per section"))
                    continue
                }
                do {
                    packs.append(try PromptPackLoader.load(files: PromptsCommand.files(in: path), language: language, origin: path))
                } catch let invalid as InvalidInput {
                    errors += invalid.errors
                }
            }
            if packs.count == 2 {
                errors += PromptPackLoader.compare(packs[0], packs[1]).map { InputError(source: base, message: $0) }
            }
            if !errors.isEmpty { throw InvalidInput(errors) }
            for pack in packs {
                let questions = pack.sections.reduce(0) { $0 + $1.questions.count }
                let place = TerminalText.sanitize("\(base)/\(pack.language.rawValue)", multiline: false)
                let version = TerminalText.sanitize(pack.version, multiline: false)
                Terminal.write("\(place): \(pack.sections.count) sections, \(questions) questions, version \(version) — ok\n")
            }
        }
    }

    /// The `.yaml` files of a directory, by name.
    static func files(in directory: String) throws -> [String: String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw InvalidInput([InputError(source: directory, message: "cannot be read as a prompt pack directory")])
        }
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".yaml") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            files[name] = try DraftLoader.text(from: [UInt8](data), source: directory + "/" + name)
        }
        return files
    }
}
