#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One side of `handoff diff`: a draft file, a stored id (its current draft), `ID@N` (a revision
/// from the journal), an export made by handoff (the first draft it carries), or `-` for stdin.
public enum DiffOperand {
    /// Loads the one draft `argument` names; its `source` is the name to show (`ID@N` for a revision).
    /// - Throws: `InvalidInput` with the located message when it cannot be read as a draft;
    ///   `IOFailure` when the file system refuses.
    public static func load(_ argument: String, store: StoreLocation, limits: InputLimits = .standard) throws -> LoadedDraft {
        if argument != "-", access(argument, F_OK) != 0, let reference = try RevisionRef.parse(argument) {
            let revision = try reference.load(from: DraftStore(location: store))
            return LoadedDraft(draft: revision.draft, source: reference.description)
        }
        return try DraftSource.resolve(argument, store: store).firstDraft(limits: limits)
    }
}
