import Foundation
import HandoffTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The fault table: a full disk, a read-only store, a store that is not a directory, FIFOs and
/// devices where files belong, closed and full output. Each fault ends in the contract's exit
/// status with a message that says what happened, and nothing stored is lost or left torn.
@Suite("faults: disks, stores, devices and output", .serialized)
struct FaultTests {
    static let draft = try! String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)

    // MARK: Full disk and read-only store

    @Test(
        "Full disk: --ask reports ENOSPC (not a stale errno), leaves the journal as it was, and an export -o elsewhere goes on",
        .enabled(if: Mounts.available, "mounting a small tmpfs needs root"))
    func fullDisk() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        try Mounts.tmpfs(at: fault.store.path, kilobytes: 256)
        defer { Mounts.unmount(fault.store.path) }
        let id = try fault.newDraft()
        let journal = fault.draftDirectory(id) + "/journal.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        Mounts.fill(fault.store.path)

        let ask = try fault.run(["review", id, "--ask", String(repeating: "Which list? ", count: 400)])
        #expect(ask.status == 3, "\(ask)")
        #expect(ask.stderr.contains("No space left on device"), "\(ask)")
        #expect(!ask.stderr.contains("File exists"), "\(ask)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before, "the journal keeps no torn line")

        let target = fault.path("out.json")
        let export = try fault.run(["export", id, "--to", "json", "--force", "-o", target])
        #expect(export.status == 0, "\(export)")
        #expect(export.stderr.contains("warning") && export.stderr.contains("exports.jsonl"), "\(export)")
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect((try? JSONSerialization.jsonObject(with: written)) != nil, "the export is whole")
    }

    @Test(
        "Read-only store: exports to stdout and to a writable file are whole, with a warning; --ask is exit 3 naming the cause",
        .enabled(if: Mounts.available, "remounting a tmpfs read-only needs root"))
    func readOnlyStore() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        try Mounts.tmpfs(at: fault.store.path, kilobytes: 1024)
        defer { Mounts.unmount(fault.store.path) }
        let first = try fault.newDraft()
        let second = try fault.newDraft("A newsletter sign-up for the autumn campaign\n")
        try Mounts.remountReadOnly(fault.store.path)

        let both = try fault.run(["export", first, second, "--to", "jira-v3-bulk", "--force"])
        #expect(both.status == 0, "\(both)")
        #expect((try? JSONSerialization.jsonObject(with: Data(both.stdout.utf8))) != nil, "stdout holds whole JSON:\n\(both.stdout)")
        #expect(both.stderr.contains("Read-only file system"), "\(both)")

        let target = fault.path("out.json")
        let file = try fault.run(["export", first, "--to", "json", "--force", "-o", target])
        #expect(file.status == 0, "\(file)")
        #expect(FileManager.default.fileExists(atPath: target))

        let ask = try fault.run(["review", first, "--ask", "Which list?"])
        #expect(ask.status == 3, "\(ask)")
        #expect(ask.stderr.contains("Read-only file system"), "\(ask)")
    }

    // MARK: The store is not what it should be

    @Test("A store path that is a regular file: drafts, resume and history say what it is, exit 3")
    func storeIsAFile() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        try "not a store\n".write(to: fault.store, atomically: true, encoding: .utf8)
        for arguments in [["drafts"], ["resume"], ["history", "some-draft-1a2b"], ["new", "--no-input"]] {
            let result = try fault.run(arguments, stdin: "An idea\n")
            #expect(result.status == 3, "\(arguments): \(result)")
            #expect(result.stderr.contains("is a regular file, not a directory"), "\(arguments): \(result)")
        }
    }

    @Test("A FIFO planted as a store file is refused at once by drafts, check, export and history")
    func fifoInStore() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let id = try fault.newDraft()
        let directory = fault.draftDirectory(id)
        for name in ["draft.yaml", "journal.jsonl"] {
            unlink(directory + "/" + name)
            #expect(mkfifo(directory + "/" + name, 0o600) == 0)
        }
        for arguments in [["drafts"], ["check", id], ["export", id, "--to", "json", "--force"], ["history", id]] {
            let child = try SpawnedHandoff(arguments, environment: fault.spawnEnvironment())
            child.closeInput()
            let raw = child.wait(timeout: 10)
            #expect(SpawnedHandoff.signal(raw) == nil, "\(arguments) hung on the FIFO and was killed")
            #expect(SpawnedHandoff.exitCode(raw) != 0 || arguments == ["drafts"] || arguments.first == "history", "\(arguments)")
            if arguments.first == "check" || arguments.first == "export" {
                #expect(SpawnedHandoff.exitCode(raw) == 3, "\(arguments): \(child.stderrText)")
                #expect(child.stderrText.contains("is a FIFO"), "\(arguments): \(child.stderrText)")
            }
        }
    }

    // MARK: Devices and endless input

    @Test("check - < /dev/zero and check /dev/zero end at the line limit with the limit named")
    func devZero() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        for (arguments, stdin) in [(["check", "-"], "/dev/zero"), (["check", "/dev/zero"], "/dev/null")] {
            let child = try SpawnedHandoff(arguments, environment: fault.spawnEnvironment(), stdinPath: stdin)
            let raw = child.wait(timeout: 10)
            #expect(SpawnedHandoff.exitCode(raw) == 2, "\(arguments): \(child.stderrText)")
            #expect(child.stderrText.contains("64 KiB"), "\(arguments): \(child.stderrText)")
        }
    }

    @Test("export > /dev/full and check >&- exit 3 and say why")
    func fullAndClosedOutput() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let file = fault.path("draft.yaml")
        try Self.draft.write(toFile: file, atomically: true, encoding: .utf8)
        let full = try SpawnedHandoff(["export", file, "--to", "json", "--force"], environment: fault.spawnEnvironment(), stdoutPath: "/dev/full")
        let fullStatus = full.wait()
        #expect(SpawnedHandoff.exitCode(fullStatus) == 3)
        #expect(full.stderrText.contains("cannot write to standard output: No space left on device"), "\(full.stderrText)")

        let closed = try SpawnedHandoff(["check", file], environment: fault.spawnEnvironment(), stdoutPath: "")
        let closedStatus = closed.wait()
        #expect(SpawnedHandoff.exitCode(closedStatus) == 3)
        #expect(closed.stderrText.contains("cannot write to standard output"), "\(closed.stderrText)")
    }

    @Test("review UNREADABLE --ask is a permission error (exit 3), not 'holds 0 drafts'", .enabled(if: getuid() != 0, "root reads any file"))
    func unreadableFile() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let file = fault.path("draft.yaml")
        try Self.draft.write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0)
        let result = try fault.run(["review", file, "--ask", "Which list?"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("Permission denied"), "\(result)")
    }

    // MARK: Pipes and signals

    @Test("export | head -c 10: the closed pipe ends handoff with exit 0, not death by SIGPIPE")
    func closedPipe() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let stream = fault.path("stream.yaml")
        try Array(repeating: Self.draft, count: 300).joined(separator: "---\n").write(toFile: stream, atomically: true, encoding: .utf8)
        let child = try SpawnedHandoff(["export", "-", "--to", "json", "--force"], environment: fault.spawnEnvironment(), stdinPath: stream)
        child.pump(timeout: 10) { child.stdout.count >= 10 }
        child.closeOutput()
        let raw = child.wait()
        #expect(SpawnedHandoff.signal(raw) == nil, "died by signal \(SpawnedHandoff.signal(raw) ?? 0)")
        #expect(SpawnedHandoff.exitCode(raw) == 0, "\(child.stderrText)")
        #expect(child.stderrText.isEmpty, "\(child.stderrText)")
    }

    @Test("export -o interrupted by SIGINT, SIGTERM or SIGHUP: exit 130, no temporary file, no target", arguments: [SIGINT, SIGTERM, SIGHUP])
    func interruptedExport(_ signalNumber: Int32) throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let target = fault.path("target.json")
        let child = try SpawnedHandoff(["export", "-", "--to", "json", "--force", "-o", target], environment: fault.spawnEnvironment())
        child.write(Self.draft + "---\n")
        let appeared = child.pump(timeout: 10) { Self.temporaries(beside: target).count == 1 }
        #expect(appeared, "the temporary twin never appeared: \(child.stderrText)")
        kill(child.pid, signalNumber)
        let raw = child.wait()
        #expect(SpawnedHandoff.exitCode(raw) == 130, "status \(raw): \(child.stderrText)")
        #expect(Self.temporaries(beside: target).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("A temporary file a killed writer left is swept by the next write; one whose writer lives is kept")
    func staleTemporariesSwept() throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let target = fault.path("target.json")
        let dead = Self.deadPID()
        let stale = fault.path(".target.json.tmp-\(dead)-12345")
        let live = fault.path(".target.json.tmp-\(getpid())-6789")
        try Data("{\"partial\":".utf8).write(to: URL(fileURLWithPath: stale))
        try Data().write(to: URL(fileURLWithPath: live))
        let source = fault.path("draft.yaml")
        try Self.draft.write(toFile: source, atomically: true, encoding: .utf8)
        let result = try fault.run(["export", source, "--to", "json", "--force", "-o", target])
        #expect(result.status == 0, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    static func temporaries(beside target: String) -> [String] {
        let directory = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + ".tmp-"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The pid of a process that has ended (and been reaped).
    static func deadPID() -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        posix_spawn(&pid, "/bin/true", nil, nil, argv, nil)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}
