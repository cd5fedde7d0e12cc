#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's own file access: only regular files are read (a FIFO or a device planted as
/// `draft.yaml` or `journal.jsonl` would hang or never end), directories are checked to be
/// directories, and failed writes report the errno of the call that failed.
enum StoreFiles {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Opens `path` for reading if it is a regular file. The open does not block (a FIFO with no
    /// writer would otherwise wait forever before it could be refused).
    static func openRegular(_ path: String) throws(IOFailure) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: "cannot be read: \(errorText())") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = IOFailure(path: path, message: "cannot be read: \(errorText())")
            close(descriptor)
            throw failure
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw IOFailure(path: path, message: "is \(kind(of: info.st_mode)), not a regular file; the store reads only files it wrote")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// What a file that is not a regular file is, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFREG: return "a regular file"
        default: return "a special file"
        }
    }

    static func readText(_ path: String) throws(IOFailure) -> String {
        let descriptor = try openRegular(path)
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw IOFailure(path: path, message: "cannot be read: \(errorText())") }
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Creates `path` and its parents; an existing component that is not a directory is an error
    /// that says what it is (mkdir's EEXIST alone would hide it).
    static func makeDirectories(_ path: String) throws(IOFailure) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) == 0 { continue }
            let code = errno
            var info = stat()
            if code == EEXIST, stat(current, &info) == 0 {
                if (info.st_mode & S_IFMT) == S_IFDIR { continue }
                throw IOFailure(path: current, message: "is \(kind(of: info.st_mode)), not a directory; the store needs a directory here")
            }
            throw IOFailure(path: current, message: "cannot create the directory: \(errorText(code))")
        }
    }

    /// Appends `text` as one line and flushes it to disk. A short write (a full disk) is undone,
    /// so the file never keeps half a line, and the error is the one the failing call reported.
    static func append(_ text: String, to path: String) throws(IOFailure) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: "cannot open: \(errorText())") }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw IOFailure(path: path, message: "is \(kind(of: info.st_mode)), not a regular file")
        }
        var bytes = Array(text.utf8)
        // A crash mid-append leaves a torn last line without its line break; start on a line of
        // our own, or this entry would be glued to the torn one and be unreadable too.
        var last: UInt8 = 0
        let size = lseek(descriptor, 0, SEEK_END)
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            bytes.insert(UInt8(ascii: "\n"), at: 0)
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 {
                // write(2) returns 0 only for a zero-length request; a full disk is -1 ENOSPC on
                // the call after a short write, which this loop makes.
                let code = written < 0 ? errno : ENOSPC
                if size >= 0 { _ = ftruncate(descriptor, size) }
                throw IOFailure(path: path, message: "cannot append: \(errorText(code))")
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            if size >= 0 { _ = ftruncate(descriptor, size) }
            throw IOFailure(path: path, message: "cannot flush to disk: \(errorText(code))")
        }
    }
}
