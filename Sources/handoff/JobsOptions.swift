import ArgumentParser
import HandoffKit

/// `--jobs N`, for the commands that work through many drafts.
struct JobsOptions: ParsableArguments {
    // Unconditional, so that `--jobs -1` reaches the check below instead of reading as an option.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Threads that parse, check and render drafts (default: the cores this process may use). The output is the same for any number; a handful of drafts is worked on one.",
            valueName: "n"))
    var jobs: String?

    /// The number asked for, or nil for the default.
    var count: Int? { jobs.flatMap { Int($0) } }

    func validate() throws {
        guard let jobs else { return }
        guard let count = Int(jobs), count >= 1 else {
            throw ValidationError("--jobs takes a whole number of threads, 1 or more (got '\(jobs)'); leave it out to use every core this process may use")
        }
        _ = count
    }
}
