import Foundation
import Testing

@testable import HandoffKit

@Suite("Store safety and cost")
struct StoreSafetyTests {
    func temporaryStore() -> (DraftStore, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-store-\(UUID().uuidString)")
        return (DraftStore(location: StoreLocation(root: url.path)), url)
    }

    func draft(_ id: String, title: String) -> Draft {
        var draft = Draft()
        draft.id = id
        draft.title = title
        return draft
    }

    @Test("a draft file edited into something that does not parse is never overwritten; the answer is in the journal")
    func brokenDraftIsKept() throws {
        let (store, url) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: url) }
        try store.save(draft("kept-1a2b", title: "First"))
        let path = store.location.draftPath(id: "kept-1a2b")
        let broken = "format: handoff/1\ntitle: [unclosed\n"
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: IOFailure.self) { try store.save(draft("kept-1a2b", title: "Second")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
        let revisions = store.revisions("kept-1a2b")
        #expect(revisions.map(\.number) == [1, 2])
        #expect(revisions.last?.draft.title == "Second")
    }

    @Test("a save that names the previous revision numbers on from it without reading the journal")
    func revisionNumbering() throws {
        let (store, url) = temporaryStore()
        defer { try? FileManager.default.removeItem(at: url) }
        let first = try store.save(draft("count-1a2b", title: "A"))
        let second = try store.save(draft("count-1a2b", title: "B"), after: first)
        let third = try store.save(draft("count-1a2b", title: "C"))
        #expect(first == 1 && second == 2 && third == 3)
    }

    @Test("a year in the idea is not offered as a metric target")
    func yearsAreNotNumbers() {
        let hints = IdeaHints(
            texts: ["Grow sign-ups in 2027 to 300 a month"], configuration: Configuration(), today: TestDrafts.today)
        #expect(hints.numbers == ["300"])
    }
}
