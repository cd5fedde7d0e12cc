#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary twins of files being written (`.target.json.tmp-<pid>-<n>`), so that a signal
/// handler can remove them before the process exits, and a later write can sweep those that a
/// `kill -9` left behind.
public enum TemporaryFiles {
    private static let capacity = 32
    /// Fixed storage of C strings: a signal handler may read it without allocating or locking.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()

    /// Writers on several threads (a test run, a library user) take and free slots under it;
    /// the signal handler only reads.
    nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    /// Makes the storage exist before a signal handler can run.
    public static func prepare() { _ = slots }

    static func register(_ path: String) -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return nil
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard let path = slots[slot] else { return }
        slots[slot] = nil
        free(path)
    }

    /// Unlinks every registered temporary file. Async-signal-safe: only reads and `unlink(2)`.
    public static func removeAll() {
        for index in 0..<capacity {
            if let path = slots[index] { unlink(path) }
        }
    }

    /// The paths registered now.
    static func registered() -> [String] {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return (0..<capacity).compactMap { slots[$0].map { String(cString: $0) } }
    }

    /// `.<base>.tmp-`: the prefix of the temporary twins of `base`.
    static func prefix(for base: String) -> String { "." + base + ".tmp-" }

    /// Removes temporary twins of `base` in `directory` whose writer is dead: each name carries
    /// the writer's pid, and a live writer (this process included) keeps its file.
    static func sweep(base: String, in directory: String) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let prefix = prefix(for: base)
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + name) }
        }
    }
}
