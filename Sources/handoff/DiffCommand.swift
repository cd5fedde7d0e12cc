import ArgumentParser
import HandoffKit

/// `handoff diff OLD NEW`. (Being written; see issue 5.)
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Fields added, removed and changed between two drafts or revisions.")
    @Argument(help: ArgumentHelp("The older draft: a file, an id, ID@REVISION, an export.", valueName: "old")) var old: String
    @Argument(help: ArgumentHelp("The newer one.", valueName: "new")) var new: String
    @OptionGroup var global: GlobalOptions
    func run() throws { throw ValidationError("not available yet") }
}
