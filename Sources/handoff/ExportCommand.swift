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
            A draft that is not ready is refused (exit 1, its blockers on stderr) unless --force, which \
            lists the open findings in the description. Nothing is written when any draft is refused.
            Every export ends with the source draft (unless --no-source), so check, review and diff can \
            read it back.
            """
    )

    @Argument(help: ArgumentHelp("Draft files, stored draft ids, or - for stdin.", valueName: "src"))
    var sources: [String] = []

    @Option(name: .customLong("to"), help: ArgumentHelp("Export format.", valueName: "format"))
    var format: ExportFormatArgument

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("single: one issue per draft; subtasks: a story plus a sub-task per affected system (jira-import).", valueName: "shape"))
    var shape: ShapeArgument = .single

    @Option(name: .long, help: ArgumentHelp("Jira project key (default: jira.project_key in the config, else MKT).", valueName: "key"))
    var project: String?

    @Flag(name: .long, help: "Export drafts that are not ready, listing their open findings in the description.")
    var force = false

    @Flag(name: .long, help: "Leave the source draft out of the description.")
    var noSource = false

    @OptionGroup var global: GlobalOptions

    struct ExportFormatArgument: ExpressibleByArgument {
        var format: ExportFormat
        init?(argument: String) {
            guard let format = ExportFormat(rawValue: argument) else { return nil }
            self.format = format
        }
        static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) }
    }

    struct ShapeArgument: ExpressibleByArgument {
        var shape: ExportOptions.Shape
        init?(argument: String) {
            guard let shape = ExportOptions.Shape(rawValue: argument) else { return nil }
            self.shape = shape
        }
        static let single = ShapeArgument(argument: "single")!
        static var allValueStrings: [String] { ExportOptions.Shape.allCases.map(\.rawValue) }
    }

    func validate() throws {
        if sources.isEmpty {
            throw ValidationError("name at least one draft: a file, a stored draft id, or - for stdin")
        }
        if let project, !Self.isProjectKey(project) {
            throw ValidationError(
                "'\(project)' is not a Jira project key: 2 to 10 capital letters, digits or '_', starting with a letter (e.g. MKT)")
        }
        if shape.shape == .subtasks && format.format != .jiraImport {
            throw ValidationError("--shape subtasks works with --to jira-import only")
        }
    }

    static func isProjectKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("A"..."Z").contains(first), (2...10).contains(key.unicodeScalars.count)
        else { return false }
        return key.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let today = try global.today()
        let store = global.storeLocation
        let options = ExportOptions(
            configuration: configuration, projectKey: project, shape: shape.shape, includeSource: !noSource,
            language: global.lang, today: today)

        // Read and check everything first: nothing is written unless every draft can go.
        var items: [ExportItem] = []
        var invalid: [InvalidInput] = []
        var refused: [(String, Int, Draft, ReadinessReport)] = []
        let context = RuleContext(today: today, configuration: configuration)
        for argument in sources {
            do {
                let source = try DraftSource.resolve(argument, store: store)
                try source.forEachDocument { loaded in
                    switch loaded {
                    case .failure(let error): invalid.append(error)
                    case .success(let loaded):
                        let report = Readiness.check(loaded.draft, in: context.reporting(in: global.lang ?? loaded.draft.language))
                        if !report.isReady && !force {
                            refused.append((loaded.source, loaded.documentIndex, loaded.draft, report))
                        }
                        items.append(ExportItem(draft: loaded.draft, report: report))
                    }
                }
            } catch let error as InvalidInput {
                invalid.append(error)
            }
        }
        if !invalid.isEmpty {
            throw InvalidInput(invalid.flatMap(\.errors))
        }
        if !refused.isEmpty {
            for (source, index, draft, report) in refused {
                let name = (source == "-" ? "<stdin>" : source) + (index > 1 ? " (document \(index))" : "")
                let title = draft.title.map { " “\($0)”" } ?? ""
                var lines = ["\(name)\(title) is not ready: \(report.count(.blocker)) blocker\(report.count(.blocker) == 1 ? "" : "s")"]
                for finding in report.findings where finding.severity == .blocker {
                    lines.append("  ✖ \(finding.field): \(finding.message)")
                }
                Terminal.printError(lines.joined(separator: "\n"))
            }
            Terminal.printError("nothing exported; answer the blockers (handoff check shows the questions) or pass --force")
            throw ExitCode(ExitStatus.notReady)
        }
        if format.format.isJira && project == nil && configuration.jira.projectKey == nil {
            Terminal.printError(
                "note: no Jira project key configured; using \(JiraSettings.defaultProjectKey) "
                    + "(set jira.project_key in handoff.yaml, or pass --project)")
        }
        let text: String
        do {
            text = try format.format.exporter.export(items, options: options)
        } catch {
            Terminal.printError(error.description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            Terminal.write(text)
        }
    }
}
