import Foundation
import HandoffTestSupport
import Testing

/// `--jobs N`: the drafts are worked on several threads, and nothing of it shows in the output.
@Suite("--jobs")
struct JobsTests {
    /// stdout and stderr in one file, as a terminal or `2>&1` shows them: their interleaving is
    /// part of what must not change with the number of jobs.
    static func runCombined(_ arguments: [String], stdin: String) throws -> (status: Int32, output: String) {
        let scratch = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = HandoffProcess.binary
        process.arguments = arguments
        process.environment = HandoffProcess.baseEnvironment(home: scratch)
        process.currentDirectoryURL = HandoffProcess.repositoryRoot
        let outURL = scratch.appendingPathComponent("output")
        try Data().write(to: outURL)
        let out = try FileHandle(forWritingTo: outURL)
        process.standardOutput = out
        process.standardError = out
        let inURL = scratch.appendingPathComponent("input")
        try Data(stdin.utf8).write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
    }

    /// Each of these is one unreadable document of its own.
    static let unreadable = ["[1, 2]", "not json at all", "{\"title\": [\"a\"]}", "{\"title\": \"a\", \"title\": \"b\"}"]
    /// An unclosed object, which runs on into the next line (a YAML flow mapping may).
    static let unclosed = "{\"title\": "

    /// A few hundred JSON Lines drafts (ready and not, English and Japanese, titles with
    /// full-width and invisible characters) with unreadable documents mixed in.
    static func stream(count: Int, seed: UInt64, unreadable: [String] = unreadable + [unclosed]) throws -> String {
        let examples = try HandoffProcess.run(
            ["export", "--to", "json", "--force", "examples/half-formed-idea.yaml", "examples/ja-campaign-lp.yaml", "examples/webinar-signup.yaml"])
        let drafts = examples.stdout.split(separator: "\n").map(String.init)
        #expect(drafts.count == 3)
        let words = ["sign-up", "フォーム", "ＬＰ改修", "zero\u{200B}width", "ASAP", "なるべく早く", "better", "tab\there", "e\u{301}"]
        var random = SplitMix(seed: seed)
        var lines: [String] = []
        for _ in 0..<count {
            if random.int(in: 0...24) == 0 {
                lines.append(random.pick(unreadable))
                continue
            }
            var object = try #require(try JSONSerialization.jsonObject(with: Data(random.pick(drafts).utf8)) as? [String: Any])
            object["title"] = (0..<random.int(in: 1...5)).map { _ in random.pick(words) }.joined(separator: " ")
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(
        "--jobs 1, 2 and 3 give the same bytes, stdout and stderr interleaved, and the same exit status",
        arguments: [
            ["check", "--format", "json", "-"],
            ["check", "-"],
            ["check", "--format", "github", "-"],
            ["export", "--to", "jira-import", "-"],
            ["export", "--to", "jira-v3-bulk", "--force", "-"],
            ["export", "--to", "csv", "-"],
            ["export", "--to", "csv", "--csv-guard", "spreadsheet", "--force", "-"],
            ["export", "--to", "jira-import", "--shape", "subtasks", "--force", "-"],
            ["export", "--to", "jira-v2", "--force", "-"],
            ["export", "--to", "jira-v3", "-"],
            ["export", "--to", "markdown", "-"],
            ["export", "--to", "yaml", "-"],
            ["export", "--to", "json", "--no-source", "-"],
        ])
    func sameOutputForAnyNumberOfJobs(_ arguments: [String]) throws {
        let input = try Self.stream(count: 300, seed: 12)
        let one = try Self.runCombined(arguments + ["--jobs", "1"], stdin: input)
        #expect(one.output.contains("handoff: "), "the stream should have unreadable documents reported on stderr")
        for jobs in ["2", "3"] {
            let many = try Self.runCombined(arguments + ["--jobs", jobs], stdin: input)
            #expect(many.status == one.status, "--jobs \(jobs)")
            #expect(many.output == one.output, "--jobs \(jobs):\n\(Golden.lineDiff(one.output, many.output))")
        }
    }

    @Test("with several jobs the reports come in input order, unreadable documents by their index")
    func orderKept() throws {
        let input = try Self.stream(count: 400, seed: 7, unreadable: Self.unreadable)
        let result = try HandoffProcess.run(["check", "--format", "json", "--jobs", "3", "-"], stdin: input)
        let indices = try result.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["index"] as? Int)
        }
        #expect(indices == Array(1...400))
        let lines = input.split(separator: "\n")
        let unreadable = lines.indices.filter { Self.unreadable.contains(String(lines[$0])) }
        #expect(!unreadable.isEmpty)
        for index in unreadable {
            #expect(result.stderr.contains("(document \(index + 1))"), "document \(index + 1) is not reported on stderr")
        }
        #expect(result.status == 2)
    }

    @Test("--jobs refuses what is not a number of threads", arguments: ["0", "-1", "abc", "1.5"])
    func refused(_ value: String) throws {
        for command in [["check", "-"], ["export", "--to", "json", "-"]] {
            let result = try HandoffProcess.run(command + ["--jobs", value], stdin: "")
            #expect(result.status == 2)
            #expect(result.stderr.contains("--jobs takes a whole number of threads, 1 or more (got '\(value)')"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
    }
}
