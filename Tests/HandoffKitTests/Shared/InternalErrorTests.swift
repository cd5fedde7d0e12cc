import Foundation
import Testing

@testable import HandoffKit

/// A programmer error reaches the user in one voice — "a bug in handoff, please report it" — and
/// never as an input or disk problem the user would try to fix.
@Suite("Internal errors")
struct InternalErrorTests {
    @Test("says it is a bug, names the version and where it was found")
    func wording() {
        let error = InternalError("a draft was saved to the store without an id")
        #expect(error.description.hasPrefix("internal error: a draft was saved to the store without an id ("))
        #expect(error.description.contains("This is a bug in handoff \(HandoffVersion.current)"))
        #expect(error.description.contains("please report it"))
        #expect(error.location.hasPrefix("HandoffKitTests/InternalErrorTests.swift:"))
    }

    @Test("saving a draft without an id is reported as a bug, and writes nothing")
    func saveWithoutID() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        var draft = TestDrafts.ready
        draft.id = nil
        #expect {
            try scratch.store.save(draft, fields: ["title"])
        } throws: { error in
            guard let failure = error as? IOFailure else { return false }
            return failure.path == "handoff" && failure.message.hasPrefix("internal error: ")
                && failure.message.contains("without an id") && failure.message.contains("DraftStore.swift:")
        }
        #expect(scratch.store.location.storedIDs().isEmpty)
    }
}
