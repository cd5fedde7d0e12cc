import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Terminal plumbing: where output goes and whether it may be coloured.
enum Terminal {
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func colorAllowed(descriptor: Int32, noColorFlag: Bool, environment: [String: String]) -> Bool {
        if noColorFlag { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
        return isTerminal(descriptor)
    }

    /// Writes to stdout without buffering surprises when stdout and stderr interleave. Everything
    /// goes through the terminal sanitiser: control and invisible characters never reach the
    /// terminal raw, whichever renderer produced the text.
    static func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    static func write(_ text: String, to descriptor: Int32) {
        writeBytes(TerminalText.terminalOutput(text), to: descriptor)
    }

    /// An export's bytes as its exporter made them, unsanitised (each format escapes by its own
    /// rules, and the bytes must be the same on stdout as in an `-o` file); no round trip
    /// through `String`.
    static func writeExport(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeBuffer($0, to: STDOUT_FILENO) }
    }

    /// Standard streams that were closed when handoff started (`check >&-`): /dev/null holds
    /// their descriptor numbers so that no file opened later becomes "stdout", and a write to
    /// them is reported instead of vanishing.
    nonisolated(unsafe) static var closedAtStart: Set<Int32> = []

    /// Run first: keeps descriptors 0, 1 and 2 from being reused by files.
    static func guardStandardDescriptors() {
        for descriptor: Int32 in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
        where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if placeholder >= 0 && placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
            closedAtStart.insert(descriptor)
        }
    }

    private static func writeBytes(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in writeBuffer(bytes, to: descriptor) }
    }

    private static func writeBuffer(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        if closedAtStart.contains(descriptor) && !bytes.isEmpty {
            failWriting(to: descriptor, reason: "it was closed when handoff started")
        }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // The reader went away (`| head`): what it wanted, it has. SIGPIPE is ignored
                // (see Entrypoint), so this is where that ends, quietly and successfully.
                if errno == EPIPE { exit(ExitStatus.done) }
                failWriting(to: descriptor, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Says that output could not be written (on stderr, unless stderr is what failed), exit 3.
    private static func failWriting(to descriptor: Int32, reason: String) -> Never {
        if descriptor != STDERR_FILENO && !closedAtStart.contains(STDERR_FILENO) {
            let name = descriptor == STDOUT_FILENO ? "standard output" : "descriptor \(descriptor)"
            let message = "handoff: cannot write to \(name): \(reason)\n"
            _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        }
        exit(ExitStatus.ioFailure)
    }

    /// Writes an error line to stderr, with the program name, control characters made visible.
    static func printError(_ message: String) { writePrepared(errorText(message), to: STDERR_FILENO) }

    /// The bytes `printError` writes, made on any thread so that a worker can prepare them.
    static func errorText(_ message: String) -> String {
        let lines = TerminalText.sanitize(message).split(separator: "\n", omittingEmptySubsequences: false)
        var text = ""
        for line in lines where !line.isEmpty { text += "handoff: " + line + "\n" }
        return TerminalText.terminalOutput(text)
    }

    /// Writes text already passed through `TerminalText.terminalOutput` (or `errorText`).
    static func writePrepared(_ text: String, to descriptor: Int32) { writeBytes(text, to: descriptor) }

    /// Writes bytes already passed through `TerminalText.terminalOutput(bytes:)`.
    static func writePrepared(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBufferPointer { writeBuffer($0, to: descriptor) }
    }
}
