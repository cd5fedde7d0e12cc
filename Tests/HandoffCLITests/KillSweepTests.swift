import Foundation
import HandoffTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at seeded random moments: during the interview, during `export -o`, during `--ask`.
/// An answer is acknowledged when the next question appears (it is saved before that); none may
/// be lost, the store's two files must agree once read, and no partial file may stand in for a
/// target. Bounded: a few seconds.
@Suite("kill -9 sweeps")
struct KillSweepTests {
    static let answers = try! String(
        contentsOf: Repository.file("Tests/HandoffCLITests/Fixtures/answers-en.txt"), encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    /// The lines of a journal that parse, as the bytes they hold.
    static func journalLines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] != nil
        }
    }

    /// Prompts on stderr: a question, a follow-up or a confirmation each start a line.
    static func prompts(_ stderr: String) -> Int {
        stderr.split(separator: "\n").filter { $0.hasPrefix("? [") || $0.hasPrefix("→ [") || $0.hasPrefix("= [") }.count
    }

    @Test("Interview: kill -9 after a random number of acknowledged answers loses none, and the store reads back whole")
    func interview() throws {
        var random = SplitMix(rawState: 11)
        var trials = 0
        var acknowledged = 0
        var lost = 0
        for _ in 0..<16 {
            let fault = FaultStore()
            defer { fault.remove() }
            let child = try SpawnedHandoff(["new", "--no-input"], environment: fault.spawnEnvironment())
            var seen = 1
            let waited = child.pump(timeout: 10) { Self.prompts(child.stderrText) >= seen }
            try #require(waited, "no first question: \(child.stderrText)")
            let target = Int(random.next() % 14) + 1
            var durable: [String] = []
            var journal = ""
            for index in 0..<target where index < Self.answers.count {
                child.write(Self.answers[index] + "\n")
                seen += 1
                guard child.pump(timeout: 10, until: { Self.prompts(child.stderrText) >= seen }) else { break }
                acknowledged += 1
                if journal.isEmpty, let id = try? FileManager.default.contentsOfDirectory(atPath: fault.store.path + "/drafts").first {
                    journal = fault.draftDirectory(id) + "/journal.jsonl"
                }
                durable = Self.journalLines(journal)
            }
            // The next answer is on its way when the kill comes.
            child.write(Self.answers[target % Self.answers.count] + "\n")
            usleep(UInt32(random.next() % 3000))
            kill(child.pid, SIGKILL)
            _ = child.wait()
            trials += 1
            guard !journal.isEmpty else { continue }
            let after = Self.journalLines(journal)
            if Array(after.prefix(durable.count)) != durable { lost += durable.count }
            let id = URL(fileURLWithPath: journal).deletingLastPathComponent().lastPathComponent
            let check = try fault.run(["check", id])
            #expect(check.status != 2, "the stored draft no longer reads:\n\(check)")
            let diff = try fault.run(["diff", "\(id)@\(after.count)", id])
            #expect(diff.status == 0 && diff.stdout.contains("no differences"), "journal and draft disagree:\n\(diff)")
        }
        print("kill -9 sweep (interview): \(trials) trials, \(acknowledged) answers acknowledged, \(lost) lost")
        #expect(lost == 0)
        #expect(acknowledged > trials)
    }

    @Test("export -o: kill -9 at random moments leaves the target absent or whole; the next export sweeps the leftovers")
    func exportToFile() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let draft = try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)
        let stream = fault.path("stream.yaml")
        try Array(repeating: draft, count: 200).joined(separator: "---\n").write(toFile: stream, atomically: true, encoding: .utf8)
        let target = fault.path("target.json")
        var random = SplitMix(rawState: 8)
        for _ in 0..<12 {
            let child = try SpawnedHandoff(
                ["export", "-", "--to", "jira-import", "--force", "-o", target], environment: fault.spawnEnvironment(), stdinPath: stream)
            usleep(UInt32(random.next() % 60_000))
            kill(child.pid, SIGKILL)
            _ = child.wait()
            if let data = FileManager.default.contents(atPath: target) {
                #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "a torn target")
            }
        }
        let last = try fault.run(["export", stream, "--to", "jira-import", "--force", "-o", target])
        #expect(last.status == 0, "\(last)")
        #expect(FaultTests.temporaries(beside: target).isEmpty, "left behind: \(FaultTests.temporaries(beside: target))")
    }

    @Test("--ask: kill -9 at random moments never tears the draft file or the stored draft, and loses no acknowledged question")
    func ask() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let id = try fault.newDraft()
        let file = fault.path("draft.yaml")
        try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)
            .write(toFile: file, atomically: true, encoding: .utf8)
        var random = SplitMix(rawState: 5)
        var acknowledged = 0
        for trial in 0..<20 {
            let target = trial % 2 == 0 ? id : file
            let child = try SpawnedHandoff(["review", target, "--ask", "Question \(trial)?"], environment: fault.spawnEnvironment())
            usleep(UInt32(random.next() % 8000))
            kill(child.pid, SIGKILL)
            let raw = child.wait()
            if SpawnedHandoff.exitCode(raw) == 0 { acknowledged += 1 }
            #expect(try fault.run(["check", file]).status != 2, "the draft file was torn")
        }
        let asked = try LockTests.questions(in: id, fault) + LockTests.questions(in: file, fault)
        #expect(asked >= acknowledged, "\(acknowledged) acknowledged, \(asked) kept")
        let final = try fault.run(["review", file, "--ask", "Last?"])
        #expect(final.status == 0)
        #expect(FaultTests.temporaries(beside: file).isEmpty)
    }
}

