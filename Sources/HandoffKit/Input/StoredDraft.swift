// Reading a stored draft goes through the same reader as files and stdin (`DraftSource.stored`),
// which takes the journal's side of a hand edit; it lives here, beside that reader, so the store
// itself does not depend on the input layer that resolves ids through it.
extension DraftStore {
    /// The stored draft `id`; a file that does not parse is an error naming its line.
    public func load(_ id: String) throws -> Draft {
        let path = location.draftPath(id: id)
        guard exists(id) else {
            throw InvalidInput([InputError(source: id, message: "no stored draft with this id; `handoff drafts` lists them")])
        }
        return try DraftSource.stored(id: id, path: path).firstDraft().draft
    }

    /// Every stored draft, most recently updated first.
    public func list() -> [Entry] {
        let ids = location.storedIDs()
        return ids.map { id in
            let revisions = self.revisions(id)
            var problem: String?
            var draft: Draft?
            do { draft = try load(id) } catch { problem = "\(error)" }
            return Entry(
                id: id, draft: draft, problem: problem, updated: revisions.last?.at ?? "", revisions: revisions.count)
        }.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }

    /// The most recently updated draft, for `handoff resume` without an id.
    public func mostRecent() -> Entry? { list().first }
}
