#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where stored drafts live: `--store DIR`, else `$HANDOFF_HOME`, else `$XDG_DATA_HOME/handoff`,
/// else `~/.local/share/handoff`.
public struct StoreLocation: Sendable, Equatable {
    public var root: String

    public init(root: String) {
        self.root = root
    }

    public static func resolve(flag: String?, environment: [String: String]) -> StoreLocation {
        if let flag, !flag.isEmpty { return StoreLocation(root: flag) }
        if let home = environment["HANDOFF_HOME"], !home.isEmpty { return StoreLocation(root: home) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return StoreLocation(root: data + "/handoff") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return StoreLocation(root: home + "/.local/share/handoff")
    }

    public var draftsDirectory: String { root + "/drafts" }
    public func draftDirectory(id: String) -> String { draftsDirectory + "/" + id }
    public func draftPath(id: String) -> String { draftDirectory(id: id) + "/draft.yaml" }

    /// The ids of the drafts stored here, by name. Reads the directory only, never a draft: shell
    /// completion calls this on every Tab.
    public func storedIDs() -> [String] {
        guard let directory = opendir(draftsDirectory) else { return [] }
        defer { closedir(directory) }
        var ids: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") || !DraftLoader.isValidID(name) { continue }
            if access(draftPath(id: name), F_OK) == 0 { ids.append(name) }
        }
        return ids.sorted()
    }
}
