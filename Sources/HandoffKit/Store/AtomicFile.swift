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
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644, durable: Bool = true) throws(IOFailure) {
        let directory = Self.directory(of: path)
        let temporary = directory + "/." + Self.baseName(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(path, "cannot create a file in \(directory)") }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
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
        guard rename(temporary, path) == 0 else { throw failure(path, "cannot replace") }
        ok = true
        guard durable else { return }
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        bytes.removeAll()
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func failure(_ path: String, _ what: String) -> IOFailure {
        IOFailure(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension AtomicFile {
    /// Writes a file incrementally and atomically: text goes to a temporary file beside the
    /// target; `commit` makes it the target in one rename, `discard` (or dropping the writer)
    /// leaves the target untouched.
    public final class Writer {
        public let path: String
        private let temporary: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var done = false

        public init(path: String, mode: mode_t = 0o644) throws(IOFailure) {
            self.path = path
            let directory = AtomicFile.directory(of: path)
            temporary = directory + "/." + AtomicFile.baseName(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            guard descriptor >= 0 else {
                throw IOFailure(path: path, message: "cannot create a file in \(directory): \(String(cString: strerror(errno)))")
            }
        }

        public func write(_ text: String) throws(IOFailure) {
            buffer += text.utf8
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

        public func commit() throws(IOFailure) {
            try flush()
            guard fsync(descriptor) == 0 else { throw IOFailure(path: path, message: "cannot flush to disk: \(String(cString: strerror(errno)))") }
            close(descriptor)
            descriptor = -1
            guard rename(temporary, path) == 0 else {
                throw IOFailure(path: path, message: "cannot replace: \(String(cString: strerror(errno)))")
            }
            done = true
        }

        public func discard() {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            if !done { unlink(temporary) }
            done = true
        }

        deinit { discard() }
    }
}
