import ArgumentParser
import HandoffKit

/// `handoff review SRC`. (Being written; see issue 5.)
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "review", abstract: "The reviewer's view of a draft or an export, and questions to send back.")
    @Argument(help: ArgumentHelp("A draft file, a stored id, an export, or - for stdin.", valueName: "src")) var source: String
    @OptionGroup var global: GlobalOptions
    func run() throws { throw ValidationError("not available yet") }
}
