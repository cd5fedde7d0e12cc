import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A running `handoff` with pipes on its three streams, for tests that act while it runs: kill it
/// at a chosen moment, send it a signal, close the reader of its output, hold it at a prompt.
final class SpawnedHandoff {
    let pid: pid_t
    private var input: Int32
    private let output: Int32
    private let errors: Int32
    private(set) var stdout: [UInt8] = []
    private(set) var stderr: [UInt8] = []
    private var status: Int32?

    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var stderr: String
        var description: String { "timed out waiting for \(waitingFor); stderr so far:\n\(stderr)" }
    }

    /// - Parameters:
    ///   - stdinPath: stdin comes from this file instead of a pipe (`/dev/zero`).
    ///   - stdoutPath: stdout goes to this file instead of a pipe (`/dev/full`); "" closes it.
    init(
        _ arguments: [String], environment: [String: String], stdinPath: String? = nil, stdoutPath: String? = nil
    ) throws {
        var inPipe: [Int32] = [0, 0]
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinPath {
            posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdinPath, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], STDIN_FILENO)
        }
        if stdoutPath == "" {
            posix_spawn_file_actions_addclose(&actions, STDOUT_FILENO)
        } else if let stdoutPath {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO)
        }
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO)
        for descriptor in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default dispositions and no blocked signals, whatever the test runner's thread has.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([HandoffProcess.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, HandoffProcess.binary.path, &actions, &attributes, argv, envp)
        close(inPipe[0])
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        pid = child
        input = inPipe[1]
        output = outPipe[0]
        errors = errPipe[0]
        for descriptor in [output, errors] { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        for descriptor in [input, output, errors] where descriptor >= 0 { close(descriptor) }
    }

    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    func write(_ text: String) {
        _ = text.withCString { Glibc.write(input, $0, strlen($0)) }
    }

    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Stops reading stdout: the next write the child makes meets a closed pipe.
    func closeOutput() { close(output) }

    /// Reads what the child wrote, for up to `timeout` seconds or until `done` holds.
    @discardableResult
    func pump(timeout: Double, until done: () -> Bool = { false }) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if done() { return true }
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, 20)
            var buffer = [UInt8](repeating: 0, count: 65536)
            let got = read(output, &buffer, buffer.count)
            if got > 0 { stdout += buffer[0..<got] }
            let gotErrors = read(errors, &buffer, buffer.count)
            if gotErrors > 0 { stderr += buffer[0..<gotErrors] }
            if got <= 0 && gotErrors <= 0 && hasExited() { return done() }
        }
        return done()
    }

    /// Waits until stderr holds `count` occurrences of `marker`.
    func waitFor(_ marker: String, count: Int = 1, timeout: Double = 10) throws {
        let found = pump(timeout: timeout) { stderrText.components(separatedBy: marker).count - 1 >= count }
        if !found { throw Timeout(waitingFor: "\(count)× \(marker.debugDescription)", stderr: stderrText) }
    }

    /// Reads what is left in the pipes of a child that has ended.
    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = read(output, &buffer, buffer.count)
            if got > 0 { stdout += buffer[0..<got] }
            let gotErrors = read(errors, &buffer, buffer.count)
            if gotErrors > 0 { stderr += buffer[0..<gotErrors] }
            if got <= 0 && gotErrors <= 0 { return }
        }
    }

    private func hasExited() -> Bool {
        if status != nil { return true }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid {
            status = raw
            return true
        }
        return false
    }

    /// The raw wait status once the child has ended (reading its output until then).
    func wait(timeout: Double = 20) -> Int32 {
        if let status { return status }
        pump(timeout: timeout) { hasExited() }
        drain()
        if status == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            waitpid(pid, &raw, 0)
            status = raw
        }
        return status!
    }

    /// The exit status, or nil when the child died by a signal.
    static func exitCode(_ raw: Int32) -> Int32? { (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : nil }
    static func signal(_ raw: Int32) -> Int32? { (raw & 0x7F) == 0 ? nil : raw & 0x7F }
}
