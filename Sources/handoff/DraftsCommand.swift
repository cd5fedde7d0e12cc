import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `handoff drafts`: every stored draft with its readiness.
struct DraftsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drafts", abstract: "List stored drafts: id, title, last update, readiness.")

    @Option(name: .long, help: ArgumentHelp("text or json (JSON Lines).", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let configuration = try global.loadConfiguration()
        let store = try global.usableStore()
        let rows = ReviewRenderer.rows(
            store.list(), context: RuleContext(today: try global.today(), configuration: configuration))
        let renderer = ReviewRenderer(styler: global.styler(for: STDOUT_FILENO), language: global.lang)
        if format == .json {
            Terminal.write(rows.map { renderer.json($0) + "\n" }.joined())
        } else {
            guard !rows.isEmpty else {
                Terminal.printError("no stored drafts in \(store.location.root); `handoff new` starts one")
                return
            }
            Terminal.write(renderer.draftsTable(rows))
        }
    }
}
