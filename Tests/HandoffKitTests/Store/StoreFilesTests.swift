import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// The store reads only regular files, checks that its folders are folders, and reports the
/// errno of the call that failed.
@Suite("store: files")
struct StoreFilesTests {
    @Test("A FIFO as draft.yaml or journal.jsonl is refused at once (no wait for a writer)")
    func fifo() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let draft = try scratch.saved()
        let id = try #require(draft.id)
        let directory = scratch.store.location.draftDirectory(id: id)
        for name in ["draft.yaml", "journal.jsonl"] {
            unlink(directory + "/" + name)
            #expect(mkfifo(directory + "/" + name, 0o600) == 0)
        }
        do {
            _ = try scratch.store.load(id)
            Issue.record("a FIFO was read as a draft")
        } catch let failure as IOFailure {
            #expect(failure.message.contains("is a FIFO, not a regular file"), "\(failure)")
        }
        #expect(scratch.store.revisions(id).isEmpty)
        let entry = try #require(scratch.store.list().first)
        #expect(entry.problem?.contains("FIFO") == true)
    }

    @Test("A store root that is a file is a problem that says what it is")
    func storeIsAFile() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let root = scratch.path("store")
        try "x".write(toFile: root, atomically: true, encoding: .utf8)
        let problem = try #require(StoreLocation(root: root).problem())
        #expect(problem.message.contains("is a regular file, not a directory"))
        #expect(throws: IOFailure.self) { try StoreFiles.makeDirectories(root + "/drafts/x") }
        #expect(StoreLocation(root: scratch.path("not-yet")).problem() == nil)
    }

    @Test("A path into the store, through .. or a symlink, is the stored draft's id")
    func storedIDAtPath() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let draft = try scratch.saved()
        let id = try #require(draft.id)
        let location = scratch.store.location
        let link = scratch.path("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: location.draftPath(id: id))
        #expect(location.storedID(atPath: location.draftPath(id: id)) == id)
        #expect(location.storedID(atPath: location.draftsDirectory + "/\(id)/../\(id)/draft.yaml") == id)
        #expect(location.storedID(atPath: link) == id)
        #expect(location.storedID(atPath: location.draftDirectory(id: id) + "/journal.jsonl") == nil)
        if case .stored(let resolved, _) = try DraftSource.resolve(link, store: location) {
            #expect(resolved == id)
        } else {
            Issue.record("a path into the store resolved to a plain file")
        }
    }
}
