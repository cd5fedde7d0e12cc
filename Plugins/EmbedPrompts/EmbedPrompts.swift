import Foundation
import PackagePlugin

/// Embeds `prompts/<lang>/*.yaml` into the HandoffKit module at build time, so the interview's
/// questions travel inside the binary (it runs from any directory) while the YAML files in the
/// repository stay the only source.
@main
struct EmbedPrompts: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let prompts = context.package.directoryURL.appendingPathComponent("prompts")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: prompts, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "yaml" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedPrompts.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) prompt files",
                executable: try context.tool(named: "embed-prompts").url,
                arguments: [output.path, prompts.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
