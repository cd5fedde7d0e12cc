import Foundation
import Testing

/// Runs `../shared/tools/jira-validate FORMAT FILE`: the Jira schemas (Atlassian's ADF schema, the
/// importer linter, strict REST create bodies) judge every export, not our own code.
enum JiraValidate {
    static let tool = HandoffProcess.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/tools/jira-validate")

    /// Exit status and output of the validator on `text`.
    static func run(_ format: String, _ text: String) throws -> (status: Int32, output: String) {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("export.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tool.path, format, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Expects `text` to be a valid `format` export.
    static func expectValid(_ format: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(FileManager.default.fileExists(atPath: tool.path), "jira-validate not found at \(tool.path)", sourceLocation: sourceLocation)
        let result = try run(format, text)
        #expect(result.status == 0, "jira-validate \(format) failed:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
