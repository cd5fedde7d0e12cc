import ArgumentParser
import CEditLine
import Foundation
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `handoff review SRC`: the reviewer's view of a draft or of any handoff export, the verdict, and
/// the questions to send back; `--ask` sends them.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The reviewer's view of a draft or an export, and questions to send back.",
        discussion: """
            SRC is a draft file, a stored draft id, an export made by handoff, or - for stdin. The ticket \
            is laid out for the terminal's width, followed by the readiness verdict and the questions to \
            ask. --ask "question" (repeatable) adds questions to review.questions of the stored draft or \
            the draft file; the marketer's next `handoff resume` asks them first. Requirements changed \
            since a stored draft was first exported are flagged.
            Exit status: 0 ready, 1 not ready, 2 unreadable input, 3 the draft is open elsewhere.
            """)

    @Argument(help: ArgumentHelp("A draft file, a stored id, an export, or - for stdin.", valueName: "src"), completion: DraftIDCompletion.sources)
    var source: String

    @Option(name: .long, help: ArgumentHelp("text for people, json for tools.", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Add a question for the requester (repeatable).", valueName: "question"))
    var ask: [String] = []

    @Option(name: .long, help: ArgumentHelp("Who asks (default: IT).", valueName: "name"))
    var by: String = "IT"

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if ask.contains(where: { $0.allSatisfy(\.isWhitespace) }) { throw ValidationError("--ask needs the question's text") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = DraftStore(location: global.storeLocation)
        let source = try DraftSource.resolve(self.source, store: store.location)
        if !ask.isEmpty { return try addQuestions(to: source, store: store, today: today) }

        let renderer = ReviewRenderer(width: Self.terminalWidth(), styler: global.styler(for: STDOUT_FILENO), language: global.lang)
        var worst: Int32 = ExitStatus.done
        var first = true
        try source.forEachDocument { loaded in
            switch loaded {
            case .failure(let error):
                Terminal.printError(error.description)
                worst = max(worst, ExitStatus.invalidInput)
            case .success(let loaded):
                let language = global.lang ?? loaded.draft.language
                let report = Readiness.check(loaded.draft, in: RuleContext(today: today, configuration: configuration, language: language))
                worst = max(worst, report.isReady ? ExitStatus.done : ExitStatus.notReady)
                // A question is sent to the stored draft when there is one, else to the file.
                let reference = loaded.draft.id.flatMap { store.exists($0) ? $0 : nil } ?? loaded.source
                let subject = ReviewSubject(
                    loaded: loaded, report: report,
                    requirementChanges: RequirementChangesSinceExport.of(loaded.draft, in: store), reference: reference)
                if format == .json {
                    Terminal.write(renderer.json(subject) + "\n")
                } else {
                    Terminal.write((first ? "" : "\n\n") + renderer.text(subject, configuration: configuration, today: today))
                }
                first = false
            }
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }

    /// The terminal's width, else $COLUMNS, else 100 (a pipe has no width of its own).
    static func terminalWidth() -> Int {
        let columns = Int(cel_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
    }

    /// `--ask`: appends the questions to the stored draft (under its lock) or the draft file
    /// (atomically). Exports and stdin cannot take them: there is no draft to write back to.
    func addQuestions(to source: DraftSource, store: DraftStore, today: CivilDate) throws {
        func questions() -> [ReviewQuestion] {
            ask.map { text in
                var question = ReviewQuestion(by: by, text: text.trimmingCharacters(in: .whitespacesAndNewlines))
                question.askedOn = today
                return question
            }
        }
        switch source {
        case .standardInput:
            throw ValidationError("--ask writes the questions into the draft: name a draft file or a stored id, not stdin")
        case .stored(let id, _):
            let store = try global.usableStore()
            let lock = try store.lock(id)
            defer { lock.release() }
            var draft = try store.load(id)
            draft.review.questions += questions()
            try lock.verify()
            try store.save(draft, fields: ["review.questions"], section: Section.review.rawValue)
            Terminal.write(Self.confirmation(count: ask.count, target: id, resume: "handoff resume \(id)"))
        case .file(let path):
            let text = try DraftLoader.text(from: try Self.contents(of: path), source: path)
            let chunks = DocumentSplitter.split(text, source: path)
            if let first = text.split(separator: "\n", maxSplits: 1).first, ExportReader.textKind(firstLine: first) != nil {
                throw InvalidInput([InputError(source: path, message: "is an export; --ask writes into a draft file or a stored draft")])
            }
            guard chunks.count == 1 else {
                throw InvalidInput([
                    InputError(
                        source: path,
                        message: chunks.isEmpty
                            ? "holds no draft; --ask needs a file with one draft"
                            : "holds \(chunks.count) drafts; --ask needs a file with one draft")
                ])
            }
            let root = try YAMLReader.parse(chunks[0], source: path)
            if let kind = ExportReader.kind(of: root) {
                throw InvalidInput([
                    InputError(source: path, message: "is a \(kind.rawValue) export; --ask writes into a draft file or a stored draft")
                ])
            }
            let draft = try DraftLoader.decode(root, source: path, documentIndex: 1, requireFormat: true)
            let edited = try DraftFileQuestions.adding(questions(), to: text, draft: draft, source: path)
            Signals.cleanUpWhenInterrupted()
            // Through a symlink to its target, keeping the file's mode.
            try AtomicFile.write(edited, to: path)
            Terminal.write(Self.confirmation(count: ask.count, target: path, resume: "handoff new --from \(path)"))
        }
    }

    /// The bytes of a draft file; a file that cannot be read is an I/O failure that says why.
    static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IOFailure(path: path, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw IOFailure(path: path, message: "cannot be read: \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes += buffer[0..<count]
            if bytes.count > InputLimits.standard.maxDocumentBytes * 2 {
                throw InvalidInput([
                    InputError(source: path, message: "is larger than a draft can be; --ask writes into one draft file")
                ])
            }
        }
        return bytes
    }

    static func confirmation(count: Int, target: String, resume: String) -> String {
        let target = TerminalText.sanitize(target, multiline: false)
        let resume = TerminalText.sanitize(resume, multiline: false)
        return "Added \(count) question\(count == 1 ? "" : "s") to \(target); `\(resume)` asks \(count == 1 ? "it" : "them") first.\n"
    }
}
