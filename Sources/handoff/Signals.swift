import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// What handoff does on signals outside the interview (whose line editor handles its own).
enum Signals {
    /// A closed pipe becomes EPIPE on write, which `Terminal` ends with exit 0: one behaviour for
    /// `handoff export … | head`, whichever write meets the closed pipe.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// SIGINT, SIGTERM and SIGHUP remove the temporary twin of a file being written (an `-o`
    /// export, a draft file taking questions) and exit 130, the contract's "interrupted".
    static func cleanUpWhenInterrupted() {
        TemporaryFiles.prepare()
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { _ in
                TemporaryFiles.removeAll()
                _exit(130)
            }
        }
    }
}
