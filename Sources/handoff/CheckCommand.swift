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
        var worst: Int32 = ExitStatus.done
        var tally = (ready: 0, notReady: 0, invalid: 0)
        var printed = 0

        func emit(_ result: CheckResult) {
            worst = max(worst, result.exitStatus)
            switch result.outcome {
            case .checked(_, let report):
                if report.isReady { tally.ready += 1 } else { tally.notReady += 1 }
            case .invalid(let invalid):
                tally.invalid += 1
                Terminal.printError(invalid.description(in: global.lang ?? invalid.language ?? .en))
                // In GitHub's format the error is also an annotation on stdout, below.
            }
            switch format.format {
            case .json:
                Terminal.write(renderer.json(result) + "\n")
            case .github:
                Terminal.write(renderer.github(result))
            case .text, .markdown:  // markdown is not among CheckFormats
                let text = renderer.text(result)
                guard !text.isEmpty else { return }
                Terminal.write((printed > 0 ? "\n" : "") + text)
                printed += 1
            }
        }

        let arguments = sources.isEmpty ? store.storedIDs() : sources
        if arguments.isEmpty {
            // Nothing stored is nothing not ready: 0, as `handoff drafts` on an empty store; the
            // message names the store, so a mistyped --store or HANDOFF_HOME shows.
            Terminal.printError(
                "nothing to check: no stored drafts in \(store.root); `handoff new` starts one, "
                    + "or name draft files: handoff check drafts/*.yaml")
            return
        }
        for argument in arguments {
            let source: DraftSource
            do {
                source = try DraftSource.resolve(argument, store: store)
            } catch {
                emit(CheckResult(source: argument, documentIndex: 1, outcome: .invalid(error)))
                continue
            }
            try source.forEachDocument { loaded in
                switch loaded {
                case .success(let loaded):
                    let context = baseContext.reporting(in: global.lang ?? loaded.draft.language)
                    let report = Readiness.check(loaded.draft, in: context).located(by: loaded.positions)
                    emit(CheckResult(source: source.name, documentIndex: loaded.documentIndex, outcome: .checked(loaded.draft, report)))
                case .failure(let invalid):
                    let index = invalid.errors.first?.documentIndex ?? 1
                    emit(CheckResult(source: source.name, documentIndex: index, outcome: .invalid(invalid)))
                }
            }
        }
        if format.format == .text, tally.ready + tally.notReady + tally.invalid > 1 {
            Terminal.write("\n" + renderer.totals(tally, language: global.lang ?? .en))
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }
}
