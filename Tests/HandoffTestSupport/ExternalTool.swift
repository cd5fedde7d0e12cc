import Foundation

/// What a helper program printed and how it ended.
public struct ToolOutput: Sendable, CustomStringConvertible {
    public var status: Int32
    public var output: String
    public var description: String { "exit \(status)\n\(output)" }
}

/// Runs the independent programs the tests judge handoff's output with (Python's jsonschema, the
/// Jira validator, pandoc…), so that a verdict never comes from handoff's own code.
public enum ExternalTool {
    /// The Python that has the test dependencies: `HANDOFF_TEST_PYTHON`, else the virtual
    /// environment `.ci/run` makes (`.build-venv`), else `python3` on the PATH.
    public static let python: [String] = {
        if let chosen = ProcessInfo.processInfo.environment["HANDOFF_TEST_PYTHON"], !chosen.isEmpty { return [chosen] }
        let venv = Repository.file(".build-venv/bin/python3")
        if FileManager.default.isExecutableFile(atPath: venv.path) { return [venv.path] }
        return ["/usr/bin/env", "python3"]
    }()

    /// Whether `python` can import every module in `modules`.
    public static func pythonHas(_ modules: String...) -> Bool {
        let probe = run(python + ["-c", modules.map { "import \($0)" }.joined(separator: "; ")])
        return probe.status == 0
    }

    /// Whether `program` is on the PATH.
    public static func available(_ program: String) -> Bool {
        run(["/usr/bin/env", "sh", "-c", "command -v \(program)"]).status == 0
    }

    /// Runs `command` (the first element is the executable's path) with `stdin`, in `directory`
    /// (default: the test's own), output and errors together.
    public static func run(_ command: [String], stdin: String? = nil, in directory: URL? = nil) -> ToolOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        do { try process.run() } catch { return ToolOutput(status: 127, output: "cannot run \(command[0]): \(error)") }
        if let stdin {
            // Written from another thread: a large input would otherwise deadlock against a full
            // output pipe.
            let writer = input.fileHandleForWriting
            let data = Data(stdin.utf8)
            DispatchQueue.global().async {
                try? writer.write(contentsOf: data)
                try? writer.close()
            }
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolOutput(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// The project's Jira validator, `Tests/Jira/jira-validate`: Atlassian's OpenAPI document and ADF
/// schema (vendored beside it) and the importer's documented format judge every export.
public enum JiraValidator {
    public static let script = Repository.file("Tests/Jira/jira-validate")

    /// The validator's verdict on `text` as a `format` export (jira-import, jira-v2, jira-v3,
    /// jira-v2-bulk, jira-v3-bulk, adf).
    public static func validate(_ text: String, format: String) -> ToolOutput {
        ExternalTool.run(ExternalTool.python + [script.path, format, "-"], stdin: text)
    }
}
