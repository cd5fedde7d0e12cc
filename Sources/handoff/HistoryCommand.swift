import ArgumentParser
import HandoffKit

/// `handoff history ID`: the revisions of a stored draft. (Being written; see issue 5.)
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List the revisions of a stored draft.")
    @Argument(help: ArgumentHelp("The stored draft's id.", valueName: "id")) var id: String
    @OptionGroup var global: GlobalOptions
    func run() throws { throw ValidationError("not available yet") }
}
