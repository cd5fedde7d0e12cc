/// Version information recorded in exports and printed by `handoff --version`.
public enum HandoffVersion {
    /// The release, as `handoff --version` prints it and exports record it (semantic versioning).
    public static let current = "0.1.0"
    /// The draft format this build reads and writes.
    public static let draftFormat = "handoff/1"
    /// Version of the embedded interview prompt pack, recorded in exports.
    public static let promptPack = "1"
}
