import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// `handoff history ID`: the revisions of a stored draft, oldest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the revisions of a stored draft.",
        discussion: """
            One line a revision, oldest first: its number (for `handoff diff ID@N ID@M`), when it was \
            saved (UTC), the sections and the fields it changed. --format json prints one object a \
            line (JSON Lines): revision, at, section, sections, fields.
            Exit status: 0 done; 2 when no stored draft has this id (`handoff drafts` lists them).
            """
    )

    @Argument(help: ArgumentHelp("The stored draft's id (`handoff drafts` lists them).", valueName: "id"), completion: DraftIDCompletion.ids)
    var id: String

    @Option(name: .long, help: ArgumentHelp("Output: text for people, json for pipelines (JSON Lines).", valueName: "format"))
    var format: FormatChoice<TextOrJSON> = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.usableStore()
        let revisions = DraftLoader.isValidID(id) ? store.revisions(id) : []
        guard !revisions.isEmpty || (DraftLoader.isValidID(id) && store.exists(id)) else {
            throw InvalidInput([
                InputError(
                    source: id,
                    message: "no stored draft with this id (store: \(store.location.root)); `handoff drafts` lists them")
            ])
        }
        let entries = HistoryEntry.entries(revisions)
        let current = try? store.load(id)
        let language = global.lang ?? current?.language ?? revisions.last?.draft.language ?? .en
        let renderer = HistoryRenderer(styler: global.styler(for: STDOUT_FILENO), language: language)
        if format == .json {
            if entries.isEmpty {
                Terminal.printError("\(id) has no revisions in its journal yet")
                return
            }
            var out = ""
            for entry in entries { out += renderer.json(entry) + "\n" }
            Terminal.write(out)
        } else {
            let title = current?.title ?? revisions.last?.draft.title
            Terminal.write(renderer.text(id: id, title: title, entries: entries))
        }
    }
}
