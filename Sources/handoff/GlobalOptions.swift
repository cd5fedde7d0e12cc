import ArgumentParser
import Foundation
import HandoffKit

/// Options every command takes (docs/commands.md).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Configuration file (default: nearest handoff.yaml, then $XDG_CONFIG_HOME/handoff/config.yaml).", valueName: "file"), completion: .file())
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Draft store directory (default: $HANDOFF_HOME, then $XDG_DATA_HOME/handoff).", valueName: "dir"), completion: .directory)
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Language of messages and headings: en or ja (default: each draft's own).", valueName: "lang"))
    var lang: Language?

    @Flag(name: .long, help: "Never colour the output (also: NO_COLOR).")
    var noColor = false

    @Flag(name: .long, help: "Never read from a terminal; answers come from stdin.")
    var noInput = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The configuration that applies, or the defaults.
    func loadConfiguration() throws -> Configuration {
        let path = ConfigLoader.discover(
            explicit: config, currentDirectory: FileManager.default.currentDirectoryPath, environment: environment)
        guard let path else { return Configuration() }
        return try ConfigLoader.load(path: path)
    }

    var storeLocation: StoreLocation { StoreLocation.resolve(flag: store, environment: environment) }

    /// The store, for commands that work in it: one that exists but is not a directory is an I/O
    /// failure (exit 3) that says what it is, not an empty store.
    func usableStore() throws(IOFailure) -> DraftStore {
        let location = storeLocation
        if let problem = location.problem() { throw problem }
        return DraftStore(location: location)
    }

    func today() throws -> CivilDate { try Today.resolve(environment: environment) }

    /// Colour only on a terminal, never with NO_COLOR, TERM=dumb or --no-color; CLICOLOR_FORCE=1
    /// forces it on (for pagers such as `less -R`).
    func styler(for descriptor: Int32) -> Styler {
        Styler(enabled: Terminal.colorAllowed(descriptor: descriptor, noColorFlag: noColor, environment: environment))
    }
}

extension Language: ExpressibleByArgument {}
