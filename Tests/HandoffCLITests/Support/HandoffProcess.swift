import Foundation
import HandoffTestSupport
import Testing

/// What a run of the real `handoff` binary produced.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs the built `handoff` executable the way a user or a pipeline does: real arguments, real
/// pipes, a controlled environment (fixed today, private store and config directories).
enum HandoffProcess {
    /// The repository root (tests run from any directory).
    static var repositoryRoot: URL { Repository.root }

    /// The `handoff` binary next to the test bundle (SwiftPM builds it first: the test target
    /// depends on the executable).
    static let binary: URL = {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        // Inside an .xctest bundle on some platforms the executable sits deeper.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("handoff")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        fatalError("handoff binary not found next to \(me.path)")
    }()

    /// A fresh private directory for one test.
    static func temporaryDirectory() -> URL { Scratch.directory() }

    /// The environment every run starts from: nothing from the developer's own setup leaks in.
    static func baseEnvironment(home: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin",
            "HOME": home.path,
            "LANG": "C.UTF-8",
            "HANDOFF_TODAY": "2026-11-20",
            "HANDOFF_HOME": home.appendingPathComponent("store").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
    }

    /// Runs `handoff arguments…` in `directory` (default: the repository root).
    static func run(
        _ arguments: [String], stdin: String? = nil, environment extra: [String: String?] = [:],
        in directory: URL? = nil
    ) throws -> RunResult {
        let scratch = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = baseEnvironment(home: scratch)
        for (key, value) in extra { environment[key] = value }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory ?? repositoryRoot
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return RunResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Golden transcripts: the command, its exit status, stdout and stderr, as a user sees them.
/// Set `HANDOFF_RECORD_GOLDEN=1` to (re)write them after an intended change, then review the diff.
enum Golden {
    static let directory = HandoffProcess.repositoryRoot.appendingPathComponent("Tests/HandoffCLITests/Golden")

    static func transcript(_ arguments: [String], _ result: RunResult, stdinNote: String?) -> String {
        var text = "$ handoff " + arguments.joined(separator: " ")
        if let stdinNote { text += " < " + stdinNote }
        text += "\nexit: \(result.status)\n--- stdout\n" + result.stdout + "--- stderr\n" + result.stderr
        return text
    }

    /// Runs handoff and compares the transcript with `Golden/<name>.txt`.
    @discardableResult
    /// - Parameter normalise: replaces what legitimately differs between runs (a random draft id).
    static func check(
        _ name: String, _ arguments: [String], stdin: String? = nil, stdinNote: String? = nil,
        environment: [String: String?] = [:], normalise: (String) -> String = { $0 },
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try HandoffProcess.run(arguments, stdin: stdin, environment: environment)
        let actual = normalise(transcript(arguments, result, stdinNote: stdinNote ?? (stdin == nil ? nil : "(stdin)")))
        let url = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["HANDOFF_RECORD_GOLDEN"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            if !record {
                Issue.record("recorded new golden file \(name).txt; review it and run again", sourceLocation: sourceLocation)
            }
            return result
        }
        if actual != expected {
            Issue.record(
                "output differs from Golden/\(name).txt (HANDOFF_RECORD_GOLDEN=1 re-records):\n\(lineDiff(expected, actual))",
                sourceLocation: sourceLocation)
        }
        return result
    }

    /// The first differing lines, enough to see what changed.
    static func lineDiff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : "<none>"
            let b = index < new.count ? String(new[index]) : "<none>"
            if a != b { out.append("line \(index + 1):\n  - \(a)\n  + \(b)") }
            if out.count >= 8 { break }
        }
        return out.joined(separator: "\n")
    }
}
