import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// `DraftSource.firstDraft`: the one way `new --from`, `diff` and the store read "the draft" a
/// source holds; and the store's ids, read without opening a draft.
@Suite("First draft of a source")
struct FirstDraftTests {
    func file(_ text: String) throws -> (DraftSource, URL) {
        let directory = Scratch.directory()
        let url = directory.appendingPathComponent("drafts.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (.file(url.path), directory)
    }

    @Test("the first document wins, and reading stops there: a broken later one is never reached")
    func firstWins() throws {
        let (source, directory) = try file("format: handoff/1\ntitle: First\n---\nformat: handoff/1\ntitle: [broken\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try source.firstDraft()
        #expect(loaded.draft.title == "First")
        #expect(loaded.source == source.name)
        var seen = 0
        try source.forEachDocument { _ in seen += 1 }
        #expect(seen == 2)
    }

    @Test("a broken first document is an error naming its line; an empty source is an error too")
    func errors() throws {
        let (broken, brokenDirectory) = try file("format: handoff/1\ntitle: [broken\n")
        defer { try? FileManager.default.removeItem(at: brokenDirectory) }
        let error = try #require(throws: InvalidInput.self) { try broken.firstDraft() }
        #expect(error.errors.first?.line != nil, "\(error)")
        #expect(error.description.contains("not valid YAML"), "\(error)")
        let (empty, emptyDirectory) = try file("")
        defer { try? FileManager.default.removeItem(at: emptyDirectory) }
        #expect(throws: InvalidInput.self) { try empty.firstDraft() }
    }

    @Test("the store and diff read a stored draft through it alike")
    func storeAndDiffAgree() throws {
        let root = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = DraftStore(location: StoreLocation(root: root.path))
        try store.save(TestDrafts.ready)
        let id = try #require(TestDrafts.ready.id)
        #expect(try store.load(id) == DiffOperand.load(id, store: store.location).draft)
        #expect(try DiffOperand.load(id, store: store.location).source == id)
    }

    @Test("stored ids: directories holding a draft.yaml with a valid id, sorted; nothing else")
    func storedIDs() throws {
        let root = Scratch.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let location = StoreLocation(root: root.path)
        #expect(location.storedIDs().isEmpty)
        for id in ["b-2", "a-1", "no-draft", ".hidden"] {
            try FileManager.default.createDirectory(
                atPath: location.draftDirectory(id: id), withIntermediateDirectories: true)
            if id != "no-draft" {
                #expect(FileManager.default.createFile(atPath: location.draftPath(id: id), contents: Data("{".utf8)))
            }
        }
        #expect(location.storedIDs() == ["a-1", "b-2"])
    }
}
