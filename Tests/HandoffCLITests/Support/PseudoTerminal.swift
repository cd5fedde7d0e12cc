import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real `handoff` binary on a pseudo-terminal, the way a marketer uses it: keystrokes in
/// (including Ctrl-C, Ctrl-D, Tab and Japanese text), the screen's bytes out. The child gets its own
/// session with the pty as its controlling terminal, so Ctrl-C is a real SIGINT.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var output: String
        var description: String { "timed out waiting for \(waitingFor.debugDescription); screen so far:\n\(output)" }
    }

    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    /// Everything read so far that `expect` has not consumed.
    private var unread = 0
    private(set) var exitStatus: Int32?

    /// `POSIX_SPAWN_SETSID` (glibc hides it behind _GNU_SOURCE).
    private static let spawnSetSID: Int16 = 0x80

    /// posix_openpt, grantpt, unlockpt and ptsname are behind _XOPEN_SOURCE, which Swift's Glibc
    /// module does not define; they are plain libc functions, so they are looked up by name.
    private enum PTY {
        typealias IntFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        nonisolated(unsafe) static let handle = dlopen(nil, RTLD_NOW)
        static func function<T>(_ name: String, as type: T.Type) -> T {
            unsafeBitCast(dlsym(handle, name)!, to: type)
        }
        static let open = function("posix_openpt", as: IntFunction.self)
        static let grant = function("grantpt", as: IntFunction.self)
        static let unlock = function("unlockpt", as: IntFunction.self)
        static let name = function("ptsname", as: NameFunction.self)
    }

    init(_ arguments: [String], environment: [String: String]) throws {
        master = PTY.open(O_RDWR | O_NOCTTY)
        guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0, let name = PTY.name(master) else {
            throw POSIXError(.ENODEV)
        }
        let slavePath = String(cString: name)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        // A new session, an empty signal mask and default dispositions, whatever the test runner's
        // thread has blocked or ignored.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(
            &attributes, Self.spawnSetSID | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        // Opened after setsid, the slave becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        let argv = ([HandoffProcess.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, HandoffProcess.binary.path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        pid = child
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (UTF-8) as keystrokes.
    func type(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else { usleep(1000) }
        }
    }

    /// Types a line and Enter.
    func line(_ text: String) { type(text + "\r") }

    /// Waits for `question`, then for the input prompt after it (libedit is reading, the terminal
    /// in raw mode: keys typed earlier would meet the line discipline instead), then types `text`.
    func answer(_ question: String, _ text: String, timeout: Double = 10) throws {
        try expect(question, timeout: timeout)
        try ready(timeout: timeout)
        line(text)
    }

    /// Waits for the next input prompt, and a moment more: libedit draws the prompt a hair before
    /// its raw mode takes effect, and keys sent in that instant meet the cooked tty (a Ctrl-D there
    /// is swallowed as a line-discipline EOF). No person types that fast; a test does.
    func ready(timeout: Double = 10) throws {
        try expect("› ", timeout: timeout)
        usleep(30_000)
        pump(wait: 0)
    }

    static let controlC = "\u{03}"
    static let controlD = "\u{04}"
    static let tab = "\t"
    static let backspace = "\u{7F}"

    /// All output so far, with colour and cursor escapes removed.
    var screen: String { Self.plain(String(decoding: bytes, as: UTF8.self)) }

    /// Waits until `text` appears in new output; returns the output up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fresh = Self.plain(String(decoding: bytes[unread...], as: UTF8.self))
            if let range = fresh.range(of: text) {
                // Consume through the match, measured in the raw bytes.
                let consumed = String(fresh[..<range.upperBound])
                advance(past: text)
                return consumed
            }
            if Date() > deadline { throw Timeout(waitingFor: text, output: fresh) }
            pump(wait: 0.05)
            if exitStatus != nil && !Self.plain(String(decoding: bytes[unread...], as: UTF8.self)).contains(text) {
                pump(wait: 0.05)
                if !Self.plain(String(decoding: bytes[unread...], as: UTF8.self)).contains(text) {
                    throw Timeout(waitingFor: text + " (the program exited with \(exitStatus!))", output: fresh)
                }
            }
        }
    }

    /// Moves the read mark past the first occurrence of `text` in the raw bytes (or to the end).
    private func advance(past text: String) {
        let raw = Array(text.utf8)
        if raw.count <= bytes.count - unread, let start = (unread...(bytes.count - raw.count)).first(where: {
            Array(bytes[$0..<$0 + raw.count]) == raw
        }) {
            unread = start + raw.count
        } else {
            unread = bytes.count
        }
    }

    /// Waits for the program to exit and returns its status (128+N for a signal).
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while exitStatus == nil {
            if Date() > deadline { throw Timeout(waitingFor: "exit", output: screen) }
            pump(wait: 0.05)
        }
        pump(wait: 0)
        return exitStatus!
    }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Reads what is available, and notes the exit status once the child is gone.
    private func pump(wait: Double) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(wait * 1000))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count > 0 { bytes += buffer[0..<count] } else { break }
        }
        if exitStatus == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signalled = status & 0x7F
                exitStatus = signalled == 0 ? (status >> 8) & 0xFF : 128 + signalled
            }
        }
    }

    /// Text without ANSI escape sequences and carriage returns.
    static func plain(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let c = iterator.next(), !(("@"..."~").contains(c)) {}
                }
                continue
            }
            if scalar == "\r" || scalar == "\u{07}" || scalar == "\u{1}" { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
