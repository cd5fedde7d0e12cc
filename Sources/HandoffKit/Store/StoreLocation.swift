#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where stored drafts live: `--store DIR`, else `$HANDOFF_HOME`, else `$XDG_DATA_HOME/handoff`,
/// else `~/.local/share/handoff`.
public struct StoreLocation: Sendable, Equatable {
    /// The store's root folder, as given (not resolved through symlinks).
    public var root: String

    /// A store at `root`, as `--store` gives it.
    public init(root: String) {
        self.root = root
    }

    /// The store that applies: `flag` (`--store`) when not empty, else `HANDOFF_HOME`, else an absolute
    /// `XDG_DATA_HOME`/handoff, else `~/.local/share/handoff` (relative to `.` when `HOME` is unset).
    public static func resolve(flag: String?, environment: [String: String]) -> StoreLocation {
        if let flag, !flag.isEmpty { return StoreLocation(root: flag) }
        if let home = environment["HANDOFF_HOME"], !home.isEmpty { return StoreLocation(root: home) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return StoreLocation(root: data + "/handoff") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return StoreLocation(root: home + "/.local/share/handoff")
    }

    /// `<root>/drafts`, the folder with one subfolder per stored draft.
    public var draftsDirectory: String { root + "/drafts" }
    /// `<root>/drafts/<id>`, the folder of one draft; `id` is not checked.
    public func draftDirectory(id: String) -> String { draftsDirectory + "/" + id }
    /// `<root>/drafts/<id>/draft.yaml`, the current draft of `id`.
    public func draftPath(id: String) -> String { draftDirectory(id: id) + "/draft.yaml" }

    /// The id of the stored draft that `path` names (`<store>/drafts/<id>/draft.yaml`, through
    /// any symlink or `..`), or nil: a path into the store is the stored draft, and takes its
    /// lock like the id does.
    public func storedID(atPath path: String) -> String? {
        guard let real = Self.realPath(path), let drafts = Self.realPath(draftsDirectory) else { return nil }
        guard real.hasPrefix(drafts + "/"), real.hasSuffix("/draft.yaml") else { return nil }
        let id = String(real.dropFirst(drafts.count + 1).dropLast("/draft.yaml".count))
        return DraftLoader.isValidID(id) && !id.contains("/") ? id : nil
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Why this store cannot be used, when its root or its drafts folder exists but is not a
    /// directory (a store that does not exist yet is fine: it is created on the first save).
    public func problem() -> IOFailure? {
        for path in [root, draftsDirectory] {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                return IOFailure(
                    path: path,
                    message: "is \(StoreFiles.kind(of: info.st_mode)), not a directory; the draft store must be a directory "
                        + "(set it with --store DIR or HANDOFF_HOME)")
            }
        }
        return nil
    }

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
