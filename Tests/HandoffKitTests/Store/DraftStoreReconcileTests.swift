import Foundation
import Testing

@testable import HandoffKit

/// The journal is the record: a kill between its append and the rename of `draft.yaml` leaves the
/// file a revision behind, and the store then reads the journal's latest revision, labelled with
/// its number; a file edited by hand since is read as it is.
@Suite("store: the draft and its journal agree")
struct DraftStoreReconcileTests {
    @Test("A draft file one revision behind the journal is read as the journal's latest, with its number")
    func behind() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        var draft = try scratch.saved()
        let id = try #require(draft.id)
        let path = scratch.store.location.draftPath(id: id)
        let revisionOne = try String(contentsOfFile: path, encoding: .utf8)
        draft.title = "Sign-up form, second version"
        try scratch.store.save(draft, fields: ["title"])
        // As if killed after the journal append, before the rename.
        try revisionOne.write(toFile: path, atomically: true, encoding: .utf8)

        let loaded = try DraftSource.stored(id: id, path: path).firstDraft()
        #expect(loaded.draft.title == "Sign-up form, second version")
        #expect(loaded.revision == 2)
        #expect(try scratch.store.load(id).title == "Sign-up form, second version")
    }

    @Test("A draft file that matches the journal's latest revision is labelled with it")
    func current() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let draft = try scratch.saved()
        let id = try #require(draft.id)
        let loaded = try DraftSource.stored(id: id, path: scratch.store.location.draftPath(id: id)).firstDraft()
        #expect(loaded.revision == 1)
        #expect(loaded.draft == draft)
    }

    @Test("A draft file edited by hand since its last revision is read as edited, with no revision number")
    func editedByHand() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let draft = try scratch.saved()
        let id = try #require(draft.id)
        let path = scratch.store.location.draftPath(id: id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "Sign-up form for the December webinar", with: "Edited by hand")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try DraftSource.stored(id: id, path: path).firstDraft()
        #expect(loaded.draft.title == "Edited by hand")
        #expect(loaded.revision == nil)
    }

    @Test("A draft too large to read back is never saved: neither the journal nor the file takes it")
    func tooLargeNotSaved() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        var draft = try scratch.saved()
        let id = try #require(draft.id)
        draft.idea = String(repeating: "word ", count: 300_000)
        #expect(throws: IOFailure.self) { try scratch.store.save(draft, fields: ["idea"]) }
        #expect(scratch.store.revisions(id).count == 1)
        #expect(try scratch.store.load(id).idea == TestDrafts.ready.idea)
    }
}
