import Foundation
import HandoffKit

/// A private store seeded with the shipped examples that carry an id, for commands that read the
/// store (check without SRC, completion, review by id). The caller removes `home`.
enum StoredExamples {
    static let ready = "webinar-signup-7f3a"
    static let japanese = "spring-lp-ja-2c91"

    static func seed() throws -> (store: DraftStore, home: URL, environment: [String: String?]) {
        let home = HandoffProcess.temporaryDirectory()
        let store = DraftStore(location: StoreLocation(root: home.appendingPathComponent("store").path))
        for example in ["examples/webinar-signup.yaml", "examples/ja-campaign-lp.yaml"] {
            let path = HandoffProcess.repositoryRoot.appendingPathComponent(example).path
            try store.save(try DraftSource.file(path).firstDraft().draft)
        }
        return (store, home, ["HANDOFF_HOME": store.location.root])
    }
}
