import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// A store in a fresh scratch folder for one test.
struct ScratchStore {
    let root: URL
    let store: DraftStore

    init() {
        root = Scratch.directory()
        store = DraftStore(location: StoreLocation(root: root.appendingPathComponent("store").path))
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The ready example saved under `id`, as revision 1.
    func saved(_ id: String = "webinar-1a2b") throws -> Draft {
        var draft = TestDrafts.ready
        draft.id = id
        try store.save(draft, fields: ["title"])
        return try store.load(id)
    }
}
