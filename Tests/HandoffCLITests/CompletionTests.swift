import Foundation
import HandoffKit
import HandoffTestSupport
import Testing

/// Shell completion: the generated bash, zsh and fish scripts complete the option values, files and
/// directories, and call back into handoff for the stored draft ids.
@Suite("shell completion")
struct CompletionTests {
    static func script(_ shell: String) throws -> String {
        let result = try HandoffProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result)")
        return result.stdout
    }

    @Test("bash, zsh and fish scripts offer the values of --to, --shape and --lang")
    func optionValues() throws {
        let formats = ExportFormat.allCases.map(\.rawValue)
        let bash = try Self.script("bash")
        #expect(
            bash.contains(
                "'--to')\n        __handoff_add_completions -W '" + formats.joined(separator: "'$'\\n''") + "'"))
        #expect(bash.contains("'--shape')\n        __handoff_add_completions -W 'single'$'\\n''subtasks'"))
        #expect(bash.contains("'--lang')\n        __handoff_add_completions -W 'en'$'\\n''ja'"))
        let zsh = try Self.script("zsh")
        #expect(zsh.contains("local -ar ___to=(" + formats.map { "'\($0)'" }.joined(separator: " ") + ")"))
        #expect(zsh.contains("local -ar ___shape=('single' 'subtasks')"))
        #expect(zsh.contains("local -ar ___lang=('en' 'ja')"))
        let fish = try Self.script("fish").split(separator: "\n")
        let export = fish.filter { $0.contains("\"handoff export\"") }
        #expect(
            export.contains { $0.contains("-l 'to'") && $0.hasSuffix("-rfka '" + formats.joined(separator: " ") + "'") }
        )
        #expect(export.contains { $0.contains("-l 'shape'") && $0.hasSuffix("-rfka 'single subtasks'") })
        #expect(export.contains { $0.contains("-l 'lang'") && $0.hasSuffix("-rfka 'en ja'") })
    }

    @Test("--config and -o complete files, --store directories")
    func filesAndDirectories() throws {
        let bash = try Self.script("bash")
        #expect(bash.contains("'--config')\n        __handoff_add_completions -f"))
        #expect(bash.contains("'-o'|'--output')\n        __handoff_add_completions -f"))
        #expect(bash.contains("'--store')\n        __handoff_add_completions -d"))
        let zsh = try Self.script("zsh")
        #expect(zsh.contains("--config[") && zsh.contains(":file:_files"))
        #expect(zsh.contains("--store[") && zsh.contains(":dir:_files -/"))
        let fish = try Self.script("fish").split(separator: "\n")
        func fishLine(_ command: String, _ option: String) -> Substring? {
            fish.first { $0.contains("\"handoff \(command)\"") && $0.contains("-l '\(option)'") }
        }
        #expect(fishLine("export", "config")?.hasSuffix("-rF") == true)
        #expect(fishLine("export", "output")?.hasSuffix("-rF") == true)
        #expect(fishLine("check", "store")?.contains("__handoff_complete_directories") == true)
    }

    @Test(
        "resume, review, history, export (and check, diff) ask handoff for the draft ids",
        arguments: ["bash", "zsh", "fish"])
    func idsCallBack(shell: String) throws {
        let script = try Self.script(shell)
        for command in ["resume", "review", "history", "export", "check", "diff"] {
            #expect(script.contains("---completion \(command) -- positional@0"), "\(shell): \(command)")
        }
    }

    /// Completes the last word of `line` the way bash does on Tab: the script sourced, the
    /// completion function called with COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set.
    static func bashComplete(_ words: [String], store: String?, in directory: URL? = nil) throws -> [String] {
        let script = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: script) }
        let file = script.appendingPathComponent("handoff.bash")
        try Self.script("bash").write(to: file, atomically: true, encoding: .utf8)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let program = """
            source '\(file.path)'
            COMP_WORDS=(\(quoted.joined(separator: " ")))
            COMP_CWORD=\(words.count - 1)
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _handoff handoff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var environment = [
            "PATH": HandoffProcess.binary.deletingLastPathComponent().path + ":/usr/bin:/bin", "HOME": script.path,
        ]
        environment["HANDOFF_HOME"] = store
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "-c", program]
        process.environment = environment
        process.currentDirectoryURL = directory ?? script
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("bash: `handoff review <Tab>` offers the stored ids; a typed prefix narrows them")
    func bashOffersStoredIDs() throws {
        let (store, home, _) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        let all = try Self.bashComplete(["handoff", "review", ""], store: store.location.root)
        #expect(all.contains("webinar-signup-7f3a"), "\(all)")
        #expect(all.contains("spring-lp-ja-2c91"), "\(all)")
        let narrowed = try Self.bashComplete(["handoff", "history", "web"], store: store.location.root)
        #expect(narrowed == ["webinar-signup-7f3a"])
        let resume = try Self.bashComplete(["handoff", "resume", "sp"], store: store.location.root)
        #expect(resume == ["spring-lp-ja-2c91"])
    }

    @Test("bash: the ids come from the --store typed on the line, not only from HANDOFF_HOME")
    func storeOnTheLine() throws {
        let (store, home, _) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        let elsewhere = try Self.bashComplete(["handoff", "export", "--store", store.location.root, "w"], store: nil)
        #expect(elsewhere.contains("webinar-signup-7f3a"), "\(elsewhere)")
        let empty = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try Self.bashComplete(["handoff", "review", "w"], store: empty.path)
        #expect(!none.contains("webinar-signup-7f3a"))
    }

    @Test("bash: a SRC argument offers files beside the ids; --to offers the formats")
    func sourcesAndFormats() throws {
        let (store, home, _) = try StoredExamples.seed()
        defer { try? FileManager.default.removeItem(at: home) }
        let files = try Self.bashComplete(
            ["handoff", "check", "examples/web"], store: store.location.root, in: HandoffProcess.repositoryRoot)
        #expect(files.contains("examples/webinar-signup.yaml"), "\(files)")
        let formats = try Self.bashComplete(["handoff", "export", "--to", "jira-v3"], store: nil)
        #expect(Set(formats) == ["jira-v3", "jira-v3-bulk"])
    }

    @Test("the id callback reads the directory only: fast on a store of 500 drafts")
    func idCallbackIsFast() throws {
        let home = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let location = StoreLocation(root: home.appendingPathComponent("store").path)
        for index in 0..<500 {
            let directory = location.draftDirectory(id: "draft-\(index)")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Not even valid drafts: completion must not parse them.
            try Data("{".utf8).write(to: URL(fileURLWithPath: location.draftPath(id: "draft-\(index)")))
        }
        let started = Date()
        let result = try HandoffProcess.run(
            ["---completion", "review", "--", "positional@0", "2", "0", "handoff", "review", ""],
            environment: ["HANDOFF_HOME": location.root])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("draft-") }.count == 500)
        #expect(elapsed < 2, "completion took \(elapsed)s")
    }
}
