import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check drafts against what IT needs before work can start.",
        discussion: """
            SRC is a draft file, a stored draft id, or - for stdin (one draft, several YAML documents \
            separated by ---, or JSON Lines); with no SRC, every stored draft (`handoff drafts` lists \
            them) is checked. Every document is checked; a bad one is reported with its index and the \
            rest still run. Exit status: 0 all ready (or nothing stored to check), 1 some not ready, \
            2 some unreadable.
            Set HANDOFF_TODAY=YYYY-MM-DD to fix "today" for date rules.
            """
    )

    @Argument(
        help: ArgumentHelp("Draft files, stored draft ids, or - for stdin (default: every stored draft).", valueName: "src"),
        completion: DraftIDCompletion.sources)
    var sources: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output: text for people, json for pipelines (JSON Lines), github for GitHub Actions annotations.",
            valueName: "format"))
    var format: FormatChoice<CheckFormats> = .text

    @OptionGroup var jobs: JobsOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if sources.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("stdin (-) can be read only once")
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = global.storeLocation
        let renderer = CheckRenderer(styler: global.styler(for: STDOUT_FILENO), language: global.lang)
        let baseContext = RuleContext(today: today, configuration: configuration)
        let language = global.lang
        let format = format.format
        var worst: Int32 = ExitStatus.done
        var tally = (ready: 0, notReady: 0, invalid: 0)
        var printed = 0

        let arguments = sources.isEmpty ? store.storedIDs() : sources
        if arguments.isEmpty {
            // Nothing stored is nothing not ready: 0, as `handoff drafts` on an empty store; the
            // message names the store, so a mistyped --store or HANDOFF_HOME shows.
            Terminal.printError(
                "nothing to check: no stored drafts in \(store.root); `handoff new` starts one, "
                    + "or name draft files: handoff check drafts/*.yaml")
            return
        }
        // Documents are parsed, checked and rendered on the workers; tallies, the text format's
        // separators and the writing stay here, in input order.
        let batches = OrderedBatches<CheckWork, [CheckedOutput]>(
            jobs: jobs.count,
            worker: {
                // Made per batch on its thread: the per-draft copies of the context count
                // references on this thread's own settings object, not one both cores write to.
                let workerContext = baseContext.forWorker()
                // Its own memo of the texts reports repeat, which only this thread writes to.
                let workerRenderer = renderer.forWorker()
                return { item in
                    func output(_ result: CheckResult) -> CheckedOutput {
                        CheckedOutput(result, renderer: workerRenderer, format: format, language: language)
                    }
                    switch item {
                    case .done(let done):
                        return [output(done)]
                    case .read(let document, let source):
                        // Taken out of the array one by one, so each draft moves into its result
                        // rather than being copied (a retain of every string it holds).
                        var results = document.load()
                        results.reverse()
                        var outputs: [CheckedOutput] = []
                        outputs.reserveCapacity(results.count)
                        while let result = results.popLast() {
                            switch consume result {
                            case .success(var loaded):
                                let context = workerContext.reporting(in: language ?? loaded.draft.language)
                                let report = Readiness.check(loaded.draft, in: context).located(by: loaded.positions)
                                let documentIndex = loaded.documentIndex
                                outputs.append(
                                    output(
                                        CheckResult(
                                            source: source, documentIndex: documentIndex,
                                            outcome: .checked(loaded.takeDraft(), report))))
                            case .failure(let invalid):
                                let index = invalid.errors.first?.documentIndex ?? 1
                                outputs.append(
                                    output(
                                        CheckResult(source: source, documentIndex: index, outcome: .invalid(invalid))))
                            }
                        }
                        return outputs
                    }
                }
            },
            deliver: { outputs in
                // A batch's reports go out in one write; what is pending goes first whenever
                // stderr is written, so the two streams interleave as the drafts came.
                var pending: [UInt8] = []
                // Room for the whole batch at once, rather than grown (and copied) as it fills.
                var size = 0
                for index in outputs.indices { size += outputs[index].stdout.count + 1 }
                pending.reserveCapacity(size)
                // Read in place (`outputs[index]`): a copy of each output would retain on this
                // thread the arrays a worker made.
                for index in outputs.indices {
                    worst = max(worst, outputs[index].exitStatus)
                    switch outputs[index].exitStatus {
                    case 0: tally.ready += 1
                    case 1: tally.notReady += 1
                    default: tally.invalid += 1
                    }
                    if let error = outputs[index].stderr {
                        Terminal.writePrepared(pending, to: STDOUT_FILENO)
                        pending.removeAll(keepingCapacity: true)
                        Terminal.writePrepared(error, to: STDERR_FILENO)
                    }
                    if let separated = outputs[index].separated, printed > 0 {
                        pending += separated
                    } else {
                        pending += outputs[index].stdout
                    }
                    if outputs[index].countsAsPrinted { printed += 1 }
                }
                Terminal.writePrepared(pending, to: STDOUT_FILENO)
            })
        for argument in arguments {
            let source: DraftSource
            do {
                source = try DraftSource.resolve(argument, store: store)
            } catch {
                try batches.submit(.done(CheckResult(source: argument, documentIndex: 1, outcome: .invalid(error))))
                continue
            }
            try source.forEachReadDocument { document in try batches.submit(.read(document, source: source.name)) }
        }
        try batches.finish()
        if format == .text, tally.ready + tally.notReady + tally.invalid > 1 {
            Terminal.write("\n" + renderer.totals(tally, language: global.lang ?? .en))
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }
}

/// A document on its way to a check: one read from a source, still to parse and check, or a
/// result known already (a source that cannot be resolved).
enum CheckWork: Sendable {
    case read(ReadDocument, source: String)
    case done(CheckResult)
}

/// One result as the terminal gets it: the bytes for stderr and stdout, prepared on a worker.
struct CheckedOutput: Sendable {
    var exitStatus: Int32
    var stderr: String?
    var stdout: [UInt8]
    /// The text format separates reports by an empty line: this is `stdout` after a report.
    var separated: [UInt8]?
    /// False for a text report with nothing to say, which takes no separator either.
    var countsAsPrinted: Bool

    init(_ result: CheckResult, renderer: CheckRenderer, format: OutputFormat, language: Language?) {
        exitStatus = result.exitStatus
        if case .invalid(let invalid) = result.outcome {
            // In GitHub's format the error is also an annotation on stdout, below.
            stderr = Terminal.errorText(invalid.description(in: language ?? invalid.language ?? .en))
        }
        countsAsPrinted = false
        switch format {
        case .json:
            // No terminal pass: every text in it is written by `JSONWriter`, which escapes each
            // control and invisible scalar the pass would (`CheckJSONTerminalSafetyTests`).
            stdout = renderer.jsonBytes(result, terminator: 0x0A)
        case .github:
            stdout = Array(TerminalText.terminalOutput(renderer.github(result)).utf8)
        case .text, .markdown:  // markdown is not among CheckFormats
            let text = renderer.text(result)
            stdout = Array(TerminalText.terminalOutput(text).utf8)
            if !text.isEmpty {
                separated = Array(TerminalText.terminalOutput("\n" + text).utf8)
                countsAsPrinted = true
            }
        }
    }
}
