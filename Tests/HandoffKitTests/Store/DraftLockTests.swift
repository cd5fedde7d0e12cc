import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The lock lives on the draft's folder (a `flock` in the open file description), so the `lock`
/// file is only the note naming the holder: deleting it lets nobody in.
@Suite("store: the lock")
struct DraftLockTests {
    @Test("A held draft is refused naming the holder; the note is written before the lock is returned")
    func refusedNamingHolder() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let lock = try scratch.store.lock("draft-1a2b")
        defer { lock.release() }
        let note = try String(contentsOfFile: scratch.store.location.draftDirectory(id: "draft-1a2b") + "/lock", encoding: .utf8)
        #expect(note.hasPrefix("pid \(getpid()), "))
        do {
            _ = try scratch.store.lock("draft-1a2b")
            Issue.record("a second lock was granted")
        } catch {
            #expect(error.message.contains("(pid \(getpid()), "), "\(error.message)")
        }
    }

    @Test("Deleting the lock file while it is held lets no second holder in; verify puts the note back")
    func deletedNote() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let lock = try scratch.store.lock("draft-1a2b")
        defer { lock.release() }
        let notePath = scratch.store.location.draftDirectory(id: "draft-1a2b") + "/lock"
        unlink(notePath)
        #expect(throws: IOFailure.self) { _ = try scratch.store.lock("draft-1a2b") }
        try lock.verify()
        #expect(FileManager.default.fileExists(atPath: notePath))
    }

    @Test("verify refuses once the draft's folder was replaced")
    func replacedFolder() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let lock = try scratch.store.lock("draft-1a2b")
        defer { lock.release() }
        let directory = scratch.store.location.draftDirectory(id: "draft-1a2b")
        try FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(throws: IOFailure.self) { try lock.verify() }
    }

    @Test("Released, the lock leaves no note and can be taken again")
    func released() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        try scratch.store.lock("draft-1a2b").release()
        #expect(!FileManager.default.fileExists(atPath: scratch.store.location.draftDirectory(id: "draft-1a2b") + "/lock"))
        try scratch.store.lock("draft-1a2b").release()
    }

    @Test("A note left by a killed session does not name a holder")
    func staleNote() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path("lock")
        try "pid \(FaultPID.dead()), someone@host, since 2026-01-01T00:00:00Z\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(DraftStore.liveHolder(path) == nil)
        try "pid \(getpid()), me@host, since 2026-01-01T00:00:00Z\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(DraftStore.liveHolder(path)?.hasPrefix("pid \(getpid())") == true)
    }
}

/// The pid of a process that has ended and been reaped.
enum FaultPID {
    static func dead() -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { argv.forEach { free($0) } }
        posix_spawn(&pid, "/bin/true", nil, nil, argv, nil)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }
}
