#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a crash or kill at any moment leaves either the old file or the new one,
/// never a torn mix: write a temporary file beside the target, fsync it, rename it over the
/// target, fsync the directory.
public enum AtomicFile {
    /// - Parameter durable: fsync the file and its directory, so the write also survives a power
    ///   loss. Without it the write is still atomic against crashes and kills (the rename is), and
    ///   costs no disk flush: the store uses that for files its journal can rebuild.
    ///
    /// A symlink is written through (the link stays a link), and an existing file keeps its
    /// permission bits: `mode` is for a new file.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644, durable: Bool = true) throws(IOFailure) {
        let target = try resolved(path)
        let (temporary, descriptor, slot) = try createTemporary(for: target, mode: mode)
        var ok = false
        defer {
            if !ok { unlink(temporary) }
            TemporaryFiles.unregister(slot)
        }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure(path, "cannot write")
                close(descriptor)
                throw error
            }
            offset += written
        }
        if durable && fsync(descriptor) != 0 {
            let error = failure(path, "cannot flush to disk")
            close(descriptor)
            throw error
        }
        close(descriptor)
        guard rename(temporary, target.path) == 0 else { throw failure(path, "cannot replace") }
        ok = true
        guard durable else { return }
        let directoryDescriptor = open(Self.directory(of: target.path), O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        bytes.removeAll()
    }

    /// Where a write to `path` lands: through symlinks, and with the mode the file has.
    struct Target {
        var path: String
        var mode: mode_t?
    }

    static func resolved(_ path: String) throws(IOFailure) -> Target {
        var info = stat()
        guard lstat(path, &info) == 0 else { return Target(path: path, mode: nil) }
        var target = path
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let real = realpath(path, nil) else { return Target(path: path, mode: nil) }
            target = String(cString: real)
            free(real)
            guard stat(target, &info) == 0 else { return Target(path: target, mode: nil) }
        }
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw IOFailure(path: path, message: "is \(StoreFiles.kind(of: info.st_mode)), not a regular file; it is not replaced")
        }
        return Target(path: target, mode: info.st_mode & 0o7777)
    }

    /// A new temporary twin of `target` (after sweeping the ones dead writers left), registered
    /// for the signal handler before it exists, so that no signal can leave it behind.
    static func createTemporary(for target: Target, mode: mode_t) throws(IOFailure) -> (String, Int32, Int?) {
        let directory = Self.directory(of: target.path)
        let base = Self.baseName(of: target.path)
        TemporaryFiles.sweep(base: base, in: directory)
        let temporary = directory + "/" + TemporaryFiles.prefix(for: base) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let slot = TemporaryFiles.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, target.mode ?? mode)
        guard descriptor >= 0 else {
            let error = failure(target.path, "cannot create a file in \(directory)")
            TemporaryFiles.unregister(slot)
            throw error
        }
        // open(2) applies the umask; an existing file's mode is kept as it was.
        if let kept = target.mode { fchmod(descriptor, kept) }
        return (temporary, descriptor, slot)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func failure(_ path: String, _ what: String) -> IOFailure {
        IOFailure(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension AtomicFile {
    /// Writes a file incrementally and atomically: text goes to a temporary file beside the
    /// target; `commit` makes it the target in one rename, `discard` (or dropping the writer)
    /// leaves the target untouched.
    public final class Writer {
        /// The target as given; a symlink there is written through.
        public let path: String
        private let target: AtomicFile.Target
        private let temporary: String
        private let slot: Int?
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var done = false

        /// Creates the temporary file beside `path` (an existing file's mode is kept; `mode` is for a new one).
        /// - Throws: `IOFailure` when `path` exists but is not a regular file, or the directory refuses a new file.
        public init(path: String, mode: mode_t = 0o644) throws(IOFailure) {
            self.path = path
            target = try AtomicFile.resolved(path)
            (temporary, descriptor, slot) = try AtomicFile.createTemporary(for: target, mode: mode)
        }

        /// Appends `text`, buffered: it reaches the temporary file in 64 KiB chunks and at `commit()`.
        /// - Throws: `IOFailure` when a write to the temporary file fails.
        public func write(_ text: String) throws(IOFailure) {
            buffer += text.utf8
            if buffer.count >= 1 << 16 { try flush() }
        }

        /// Appends `bytes`, buffered as `write(_:)` buffers text: for output made as UTF-8 bytes,
        /// which need not become a `String` (checked as UTF-8 again) only to be taken apart.
        /// - Throws: `IOFailure` when a write to the temporary file fails.
        public func write(_ bytes: [UInt8]) throws(IOFailure) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try flush() }
        }

        private func flush() throws(IOFailure) {
            var offset = 0
            while offset < buffer.count {
                let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw IOFailure(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes the text, fsyncs it and renames it over the target; the writer is then done.
        /// - Throws: `IOFailure` when the flush, fsync or rename fails; the target is then untouched.
        public func commit() throws(IOFailure) {
            try flush()
            guard fsync(descriptor) == 0 else { throw IOFailure(path: path, message: "cannot flush to disk: \(String(cString: strerror(errno)))") }
            close(descriptor)
            descriptor = -1
            guard rename(temporary, target.path) == 0 else {
                throw IOFailure(path: path, message: "cannot replace: \(String(cString: strerror(errno)))")
            }
            done = true
            TemporaryFiles.unregister(slot)
        }

        /// Drops the temporary file, leaving the target untouched; does nothing after `commit()`. Safe to call twice.
        public func discard() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            if !done { unlink(temporary) }
            if !done { TemporaryFiles.unregister(slot) }
            done = true
        }

        deinit { discard() }
    }
}
