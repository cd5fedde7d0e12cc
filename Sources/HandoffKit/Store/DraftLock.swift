#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DraftStore {
    /// An exclusive hold on a draft for one session: a `flock` on the draft's directory, so it
    /// lives in the open file description and goes when the process dies (a crashed session never
    /// blocks a resume). Deleting the `lock` file, which holds only the note naming the holder,
    /// cannot let a second editor in; `verify` re-checks the hold before each write.
    public final class Lock: @unchecked Sendable {
        let descriptor: Int32
        let directory: String
        let device: UInt64
        let inode: UInt64
        let note: String
        private var released = false

        init(descriptor: Int32, directory: String, device: UInt64, inode: UInt64, note: String) {
            self.descriptor = descriptor
            self.directory = directory
            self.device = device
            self.inode = inode
            self.note = note
        }

        var notePath: String { directory + "/lock" }

        /// Before a write: the directory held is still the draft's directory, and the note is there
        /// (put back if it was deleted, so the next contender is told who holds the draft).
        public func verify() throws(IOFailure) {
            var info = stat()
            guard stat(directory, &info) == 0, UInt64(info.st_dev) == device, UInt64(info.st_ino) == inode else {
                throw IOFailure(
                    path: directory,
                    message: "was removed or replaced while this session held it; nothing more is written there")
            }
            if access(notePath, F_OK) != 0 { try? AtomicFile.write(note, to: notePath, mode: 0o600, durable: false) }
        }

        /// Removes the note, then lets go: a note present while the lock is held always names
        /// the holder.
        public func release() {
            guard !released else { return }
            released = true
            if let text = try? StoreFiles.readText(notePath), text == note { unlink(notePath) }
            close(descriptor)
        }

        deinit { release() }
    }

    /// Takes the lock on draft `id`, or says who holds it.
    public func lock(_ id: String) throws(IOFailure) -> Lock {
        let directory = location.draftDirectory(id: id)
        try StoreFiles.makeDirectories(directory)
        let note = Self.holderNote()
        // A contender that finds the lock taken waits a moment for the holder's note: the holder
        // writes it just after taking the lock.
        let deadline = Self.monotonicSeconds() + 2
        while true {
            let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw IOFailure(path: directory, message: "cannot open the draft's folder: \(StoreFiles.errorText())")
            }
            var info = stat()
            fstat(descriptor, &info)
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                let lock = Lock(
                    descriptor: descriptor, directory: directory, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
                    note: note)
                try AtomicFile.write(note, to: lock.notePath, mode: 0o600, durable: false)
                return lock
            }
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK || code == EINTR else {
                throw IOFailure(path: directory, message: "cannot lock: \(StoreFiles.errorText(code))")
            }
            let holder = Self.liveHolder(directory + "/lock")
            if holder != nil || Self.monotonicSeconds() > deadline {
                throw IOFailure(
                    path: id,
                    message: "is open in another session" + (holder.map { " (\($0))" } ?? "")
                        + "; finish or quit that session first")
            }
            usleep(5_000)
        }
    }

    /// `pid 123, user@host, since 2026-12-01T09:00:00Z`.
    static func holderNote() -> String {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, 255)
        let user = getenv("USER").map { String(cString: $0) } ?? "unknown"
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "pid \(getpid()), \(user)@\(hostName), since \(WallClock.nowISO())\n"
    }

    /// The note at `path` when it names a process that is alive: a note left by a killed
    /// session is not the holder.
    static func liveHolder(_ path: String) -> String? {
        guard let text = try? StoreFiles.readText(path) else { return nil }
        let note = text.trimmingCharacters(in: "\n ")
        guard !note.isEmpty else { return nil }
        if note.hasPrefix("pid "), let pid = Int32(note.dropFirst(4).prefix { $0.isNumber }), kill(pid, 0) != 0, errno == ESRCH {
            return nil
        }
        return note
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
