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

    /// An export's bytes as its exporter made them (each format escapes by its own rules, and
    /// the bytes must be the same on stdout as in an `-o` file).
    static func writeExport(_ text: String) { writeBytes(text, to: STDOUT_FILENO) }

    private static func writeBytes(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // A closed pipe (`| head`) is not an error worth a message.
                    exit(errno == EPIPE ? 0 : ExitStatus.ioFailure)
                }
                offset += written
            }
        }
    }

    /// Writes an error line to stderr, with the program name, control characters made visible.
    static func printError(_ message: String) {
        let lines = TerminalText.sanitize(message).split(separator: "\n", omittingEmptySubsequences: false)
        var text = ""
        for line in lines where !line.isEmpty { text += "handoff: " + line + "\n" }
        write(text, to: STDERR_FILENO)
    }
}
