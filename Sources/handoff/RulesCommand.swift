import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the readiness rules, or explain one.",
        discussion: """
            Without ID: every rule with its severity and what it checks. With ID: why IT needs it, an \
            example that fires, and how to fix it. --format markdown prints the reference page \
            (docs/rules.md is generated from it); --format json prints one object a rule.
            """
    )

    @Argument(help: ArgumentHelp("A rule id, e.g. metric-source-missing.", valueName: "id"))
    var id: String?

    @Option(name: .long, help: ArgumentHelp("text, markdown or json.", valueName: "format"))
    var format: FormatChoice<RulesFormats> = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard let id, RulesRenderer.rule(id) == nil else { return }
        var message = "no rule '\(id)'."
        if let suggestion = Spelling.nearest(to: id, in: Readiness.ruleIDs) { message += " Did you mean '\(suggestion)'?" }
        message += " `handoff rules` lists them."
        throw ValidationError(message)
    }

    func run() throws {
        let renderer = RulesRenderer(language: global.lang ?? .en, styler: global.styler(for: STDOUT_FILENO))
        guard let id else {
            switch format.format {
            case .markdown: Terminal.write(renderer.markdown())
            case .json: Terminal.write(renderer.json())
            case .text, .github: Terminal.write(renderer.list())
            }
            return
        }
        guard let rule = RulesRenderer.rule(id) else { return }
        switch format.format {
        case .markdown: Terminal.write(renderer.section(rule))
        case .json: Terminal.write(renderer.json([rule]))
        case .text, .github: Terminal.write(renderer.explain(rule))
        }
    }
}
