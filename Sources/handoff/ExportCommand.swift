import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export drafts for Jira (importer JSON, REST v2/v3 bodies, CSV) or for people (Markdown).",
        discussion: """
            Formats: jira-import (Jira's JSON importer; several drafts make one file), jira-v2 and jira-v3 \
            (bodies of POST /rest/api/{2,3}/issue), jira-v3-bulk (POST /rest/api/3/issue/bulk, at most 50 \
            issues a body, JSON Lines beyond), csv (Jira's CSV importer), markdown, yaml and json (the \
            normalised draft).
            A draft that is not ready is refused (its blockers on stderr, exit status 1) unless --force, \
            which lists the open findings in the description; an unreadable one is reported with its \
            source and index (exit status 2). Either way the other drafts are exported: drafts stream \
            through one at a time, so a pipeline can export any number with flat memory. With -o the \
            file appears only when complete, and not at all when no draft could be exported.
            Every export ends with the source draft (unless --no-source), so check, review and diff can \
            read it back.
            CSV cells are written as typed for Jira's importer (--csv-guard jira, the default): Jira would \
            keep a formula guard's apostrophe in the field. To open the file in a spreadsheet, export it \
            with --csv-guard spreadsheet: a cell starting with = + - @ (or their full-width forms, or a \
            tab, also after spaces and invisible characters) then starts with an apostrophe, which the \
            spreadsheet hides and Jira would keep.
            """
    )

    @Argument(help: ArgumentHelp("Draft files, stored draft ids, or - for stdin.", valueName: "src"), completion: DraftIDCompletion.sources)
    var sources: [String] = []

    @Option(name: .customLong("to"), help: ArgumentHelp(
            "Export format.", valueName: "format"))
    var format: ExportFormat

    @Option(
        name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "path"),
        completion: .file())
    var output: String?

    @Option(name: .long, help: ArgumentHelp("single: one issue per draft; subtasks: a story plus a sub-task per affected system (jira-import).", valueName: "shape"))
    var shape: ExportOptions.Shape = .single

    @Option(name: .long, help: ArgumentHelp("Jira project key (default: jira.project_key in the config, else MKT).", valueName: "key"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp(
            "csv only. jira: cells as typed, for Jira's importer; spreadsheet: a leading ' on cells a spreadsheet would run as formulas.",
            valueName: "reader"))
    var csvGuard: ExportOptions.CSVGuard = .jira

    @Flag(name: .long, help: "Export drafts that are not ready, listing their open findings in the description.")
    var force = false

    @Flag(name: .long, help: "Leave the source draft out of the description.")
    var noSource = false

    @OptionGroup var jobs: JobsOptions

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if sources.isEmpty {
            throw ValidationError("name at least one draft: a file, a stored draft id, or - for stdin")
        }
        if let project, !JiraSettings.isProjectKey(project) {
            throw ValidationError("'\(project)' is not a Jira project key: \(JiraSettings.projectKeyRule)")
        }
        if shape == .subtasks && format != .jiraImport {
            throw ValidationError("--shape subtasks works with --to jira-import only")
        }
        if csvGuard != .jira && format != .csv {
            throw ValidationError("--csv-guard works with --to csv only")
        }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = DraftStore(location: global.storeLocation)
        let options = ExportOptions(
            configuration: configuration, projectKey: project, shape: shape, includeSource: !noSource,
            language: global.lang, today: today, csvGuard: csvGuard)
        // Said with the first draft exported: a run that exports nothing (a missing file, only
        // refused drafts) has no project key to explain, and the note would crowd its errors.
        var projectKeyNoteDue = format.isJira && project == nil && configuration.jira.projectKey == nil
        // Output streams into the -o file's temporary twin, or straight to stdout.
        Signals.cleanUpWhenInterrupted()
        let file = try output.map { path throws(IOFailure) in try AtomicFile.Writer(path: path) }
        // One buffer for the run: each draft's bytes are appended, written and the buffer emptied.
        var pending: [UInt8] = []
        pending.reserveCapacity(16384)
        func emitPending() throws {
            guard !pending.isEmpty else { return }
            if let file { try file.write(pending) } else { Terminal.writeExport(pending) }
            pending.removeAll(keepingCapacity: true)
        }
        let exporter = format.exporter
        var writer = exporter.writer(options: options)
        var exported = 0
        let context = RuleContext(today: today, configuration: configuration)
        let language = global.lang
        let force = force
        // The check, a refusal's message and the draft's rendering are done on the workers; the
        // writer, which may hold state across drafts (one importer file, bulk bodies of 50),
        // puts the rendered drafts together here in order.
        let worst = try EachDraft.run(
            sources, store: store.location, jobs: jobs.count,
            preparer: {
                // Per batch on its thread: the context's per-draft copies count references on
                // this thread's own settings object.
                let context = context.forWorker()
                return { loaded -> Checked in
                    let report = Readiness.check(loaded.draft, in: context.reporting(in: language ?? loaded.draft.language))
                    if !report.isReady && !force {
                        return .refused(Terminal.errorText(ReviewRenderer().exportRefusal(loaded, report)))
                    }
                    // A stored draft is labelled with the revision it holds (the journal's, as the
                    // store reconciles them).
                    let revision = loaded.revision.map { "revision \($0)" }
                    let item = ExportItem(
                        draft: loaded.draft, report: report, revision: revision, digestingNow: exporter.namesDrafts,
                        writingSource: exporter.namesDrafts && options.includeSource,
                        escapingSourceForJSON: format.escapesSourceForJSON)
                    return .rendered(exporter.render(item, options: options), storedRevision: loaded.revision)
                }
            },
            handle: { source, checked in
            let rendered: RenderedDraft
            let storedRevision: Int?
            switch checked {
            case .refused(let refusal):
                Terminal.writePrepared(refusal, to: STDERR_FILENO)
                return ExitStatus.notReady
            case .rendered(let draft, let revision): (rendered, storedRevision) = (draft, revision)
            }
            if projectKeyNoteDue {
                projectKeyNoteDue = false
                Terminal.printError(
                    "note: no Jira project key configured; using \(JiraSettings.defaultProjectKey) "
                        + "(set jira.project_key in handoff.yaml, or pass --project)")
            }
            do {
                try writer.add(rendered, into: &pending)
                try emitPending()
            } catch let error as ExportError {
                Terminal.printError(error.description)
                return ExitStatus.invalidInput
            }
            exported += 1
            if case .stored(let id, _) = source, let storedRevision {
                // The note only serves review's "changed since the first export"; a store that
                // cannot take it (read-only, full) must not cost the export itself.
                do {
                    try store.recordExport(id: id, revision: storedRevision, format: format.rawValue)
                } catch {
                    Terminal.printError("warning: the export is written, but it could not be noted in the store: \(error)")
                }
            }
            return ExitStatus.done
        })
        // With nothing exported there is no export: no empty importer file, no lone CSV header.
        if exported > 0 {
            writer.finish(into: &pending)
            try emitPending()
        }
        if let file {
            if exported > 0 { try file.commit() } else { file.discard() }
        }
        if worst == ExitStatus.notReady {
            Terminal.printError("not-ready drafts were not exported; answer their blockers (handoff check shows the questions) or pass --force")
        }
        if worst != ExitStatus.done { throw ExitCode(worst) }
    }

    /// What the workers make of a draft: its refusal, or its part of the export with the journal
    /// revision a stored draft holds (what the store notes the export against).
    enum Checked: Sendable {
        case refused(String)
        case rendered(RenderedDraft, storedRevision: Int?)
    }
}
