import Foundation
import HandoffTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The lock on a stored draft, seen from outside: a question sent while an interview holds the
/// draft is refused naming the holder, whether the draft is named by id or by its path in the
/// store, and whatever happens to the `lock` file.
@Suite("the draft lock")
struct LockTests {
    /// A piped `resume` of a new draft, held at its first question.
    static func heldInterview(_ fault: FaultStore) throws -> (id: String, child: SpawnedHandoff) {
        let id = try fault.newDraft()
        let child = try SpawnedHandoff(["resume", id, "--no-input"], environment: fault.spawnEnvironment())
        try child.waitFor("? [")
        return (id, child)
    }

    /// How many review questions the draft holds, as the store reads it.
    static func questions(in source: String, _ fault: FaultStore) throws -> Int {
        let yaml = try fault.run(["export", source, "--to", "yaml", "--force", "--no-source"])
        return yaml.stdout.components(separatedBy: "text: Question ").count - 1
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test("While resume runs, --ask by the draft's path in the store is refused naming the holder; nothing is written")
    func byPath() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let (id, child) = try Self.heldInterview(fault)
        let directory = fault.draftDirectory(id)
        let journal = try Data(contentsOf: URL(fileURLWithPath: directory + "/journal.jsonl"))
        for reference in [directory + "/draft.yaml", fault.store.path + "/drafts/./\(id)/../\(id)/draft.yaml", id] {
            let result = try fault.run(["review", reference, "--ask", "Which list?"])
            #expect(result.status == 3, "\(reference): \(result)")
            #expect(result.stderr.contains("pid \(child.pid)"), "\(reference): \(result)")
        }
        #expect(Self.mode(directory + "/draft.yaml") == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/journal.jsonl")) == journal)
        child.closeInput()
        _ = child.wait()
    }

    @Test("Deleting the lock file while it is held lets no second editor in")
    func deletedLockFile() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let (id, child) = try Self.heldInterview(fault)
        unlink(fault.draftDirectory(id) + "/lock")
        let result = try fault.run(["review", id, "--ask", "Which list?"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("is open in another session"), "\(result)")
        // The holder puts its note back on its next write.
        child.write("A landing page for the spring webinar, with a form\n")
        try child.waitFor("? [", count: 2)
        #expect(FileManager.default.fileExists(atPath: fault.draftDirectory(id) + "/lock"))
        child.closeInput()
        _ = child.wait()
    }

    @Test("20 concurrent --ask: each refusal names the holder, and every question that was accepted is kept")
    func contention() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let id = try fault.newDraft()
        let children = try (0..<20).map { index in
            try SpawnedHandoff(["review", id, "--ask", "Question \(index)?"], environment: fault.spawnEnvironment())
        }
        var accepted = 0
        for child in children {
            let raw = child.wait()
            switch SpawnedHandoff.exitCode(raw) {
            case 0?: accepted += 1
            case 3?: #expect(child.stderrText.contains("is open in another session (pid "), "\(child.stderrText)")
            default: Issue.record("unexpected status \(raw): \(child.stderrText)")
            }
        }
        #expect(try Self.questions(in: id, fault) == accepted)
        #expect(accepted >= 1)
    }
}
