import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `handoff diff OLD NEW`: fields added, removed and changed between two drafts or revisions.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Fields added, removed and changed between two drafts or revisions.",
        discussion: """
            OLD and NEW are each a draft file, a stored draft id (its current draft), ID@N (revision N \
            of a stored draft, as `handoff history ID` numbers them), an export made by handoff (the \
            first draft it carries), or - for stdin (at most one of the two). Lists are compared item \
            by item: systems[1] with systems[1].
            Exit status: 0 whether or not the drafts differ (read the output, or --format json, to \
            tell); 2 when a side cannot be read as a draft; 3 on an I/O failure.
            """
    )

    @Argument(help: ArgumentHelp("The older draft: a file, a stored id, ID@N, an export, or -.", valueName: "old"), completion: DraftIDCompletion.sources)
    var old: String

    @Argument(help: ArgumentHelp("The newer draft: a file, a stored id, ID@N, an export, or -.", valueName: "new"), completion: DraftIDCompletion.sources)
    var new: String

    @Option(name: .long, help: ArgumentHelp("Output: text for people, json for pipelines (one object).", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if old == "-" && new == "-" {
            throw ValidationError("stdin (-) can be read only once: give at most one of OLD and NEW as -")
        }
    }

    func run() throws {
        let store = global.storeLocation
        let oldDraft = try DiffOperand.load(old, store: store)
        let newDraft = try DiffOperand.load(new, store: store)
        let diff = DraftDiff(old: oldDraft.draft, new: newDraft.draft)
        let renderer = DiffRenderer(
            styler: global.styler(for: STDOUT_FILENO), language: global.lang ?? newDraft.draft.language)
        if format == .json {
            Terminal.write(renderer.json(diff, old: oldDraft.source, new: newDraft.source) + "\n")
        } else {
            Terminal.write(renderer.text(diff, old: oldDraft.source, new: newDraft.source))
        }
    }
}
