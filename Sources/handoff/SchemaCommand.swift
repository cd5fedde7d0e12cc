import ArgumentParser
import HandoffKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the draft format.",
        discussion: "Generated from the same model the decoder uses; point your editor's YAML plugin at it."
    )

    /// Taken like every command's (docs/commands.md); the schema depends on none of them.
    @OptionGroup var global: GlobalOptions

    func run() throws {
        Terminal.write(JSONWriter.pretty(DraftSchema.document) + "\n")
    }
}
