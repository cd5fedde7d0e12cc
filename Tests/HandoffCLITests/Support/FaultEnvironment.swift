import Foundation
import HandoffTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A private store for a test, and the faults the fault tests put it in: a small tmpfs that fills
/// up, a read-only mount. Mounting needs root (CI runs as root); elsewhere those cases are skipped
/// with their reason.
struct FaultStore {
    let home: URL
    var store: URL { home.appendingPathComponent("store") }
    var environment: [String: String?] { ["HANDOFF_HOME": store.path] }

    init() {
        home = Scratch.directory()
    }

    func path(_ relative: String) -> String { home.appendingPathComponent(relative).path }

    func draftDirectory(_ id: String) -> String { store.path + "/drafts/" + id }

    func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try HandoffProcess.run(arguments, stdin: stdin, environment: environment)
    }

    /// A stored draft made by a piped interview with `answers`; returns its id.
    func newDraft(_ answers: String = "A landing page for the spring webinar\n") throws -> String {
        let result = try run(["new", "--no-input"], stdin: answers)
        let id = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard !id.isEmpty else { throw FaultSetupError("no draft id: \(result)") }
        return id
    }

    func spawnEnvironment() -> [String: String] {
        var environment = HandoffProcess.baseEnvironment(home: home)
        environment["HANDOFF_HOME"] = store.path
        return environment
    }

    func remove() { try? FileManager.default.removeItem(at: home) }
}

struct FaultSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// tmpfs mounts for the full-disk and read-only cases.
enum Mounts {
    /// True when this process may mount (root, and a kernel that lets it).
    static let available: Bool = {
        guard getuid() == 0 else { return false }
        let probe = Scratch.directory().path
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` at `path` (created).
    static func tmpfs(at path: String, kilobytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0755") == 0 else {
            throw FaultSetupError("cannot mount a tmpfs at \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func remountReadOnly(_ path: String) throws {
        guard mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
            throw FaultSetupError("cannot remount \(path) read-only: \(String(cString: strerror(errno)))")
        }
    }

    /// Bind-mounts `source` over itself read-only, so that root too is refused writes.
    static func bindReadOnly(_ path: String) throws {
        guard mount(path, path, nil, UInt(MS_BIND), nil) == 0,
            mount("none", path, nil, UInt(MS_BIND | MS_REMOUNT | MS_RDONLY), nil) == 0
        else { throw FaultSetupError("cannot bind-mount \(path) read-only: \(String(cString: strerror(errno)))") }
    }

    static func unmount(_ path: String) { umount2(path, Int32(MNT_DETACH)) }

    /// Fills the file system holding `directory` to the last byte.
    static func fill(_ directory: String) {
        let descriptor = open(directory + "/filler", O_WRONLY | O_CREAT, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var block = [UInt8](repeating: 0x61, count: 4096)
        while block.withUnsafeMutableBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        var byte: UInt8 = 0x61
        while Glibc.write(descriptor, &byte, 1) > 0 {}
        fsync(descriptor)
    }
}
