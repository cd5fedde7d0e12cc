/// A revision of a stored draft, written `ID@N` (N as `handoff history ID` numbers them).
public struct RevisionRef: Sendable, Equatable, CustomStringConvertible {
    /// The stored draft's id.
    public var id: String
    /// The revision number, from 1, as `handoff history` lists it.
    public var revision: Int

    /// A reference as given; `parse(_:)` checks the id and number, this does not.
    public init(id: String, revision: Int) {
        self.id = id
        self.revision = revision
    }

    /// `ID@N`, as the user writes it.
    public var description: String { "\(id)@\(revision)" }

    /// Reads `ID@N`. Nil when `argument` is not of that shape at all (no `@`, or no valid id
    /// before it); an error when it names an id but what follows the `@` is not a revision number.
    public static func parse(_ argument: String) throws(InvalidInput) -> RevisionRef? {
        guard let at = argument.lastIndex(of: "@") else { return nil }
        let id = String(argument[..<at])
        let number = String(argument[argument.index(after: at)...])
        guard DraftLoader.isValidID(id) else { return nil }
        guard !number.isEmpty, number.count <= 9, number.allSatisfy({ $0.isASCII && $0.isNumber }), let revision = Int(number),
            revision > 0
        else {
            throw InvalidInput([
                InputError(
                    source: argument,
                    message: "'\(number)' is not a revision number; write \(id)@N with N from `handoff history \(id)`")
            ])
        }
        return RevisionRef(id: id, revision: revision)
    }

    /// The revision from the store's journal.
    /// - Throws: `InvalidInput` naming the id and the revisions that exist, when this one does not.
    public func load(from store: DraftStore) throws(InvalidInput) -> DraftStore.Revision {
        let revisions = store.revisions(id)
        if let found = revisions.last(where: { $0.number == revision }) { return found }
        guard !revisions.isEmpty else {
            if !store.exists(id) { throw InvalidInput([Self.unknownDraft(id, store: store)]) }
            throw InvalidInput([
                InputError(source: description, message: "\(id) has no revisions in its journal yet")
            ])
        }
        let numbers = Self.ranges(revisions.map(\.number))
        throw InvalidInput([
            InputError(
                source: description,
                message: "\(id) has no revision \(revision); its revision\(revisions.count == 1 ? " is" : "s are") "
                    + "\(numbers) (`handoff history \(id)` lists them)")
        ])
    }

    static func unknownDraft(_ id: String, store: DraftStore) -> InputError {
        InputError(
            source: id,
            message: "no stored draft with this id (store: \(store.location.root)); `handoff drafts` lists them")
    }

    /// `1–3, 5, 7–9`: numbers as runs.
    static func ranges(_ numbers: [Int]) -> String {
        let sorted = Array(Set(numbers)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
