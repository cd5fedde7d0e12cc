import ArgumentParser
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the command and maps every outcome to the exit codes of docs/commands.md:
/// 0 done, 1 not ready, 2 usage or invalid input, 3 I/O failure, 130 interrupted.
@main
enum Entrypoint {
    static func main() {
        Terminal.guardStandardDescriptors()
        Signals.ignoreBrokenPipes()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            // What ArgumentParser prints, without building the parser for every command first
            // (most of start-up time: reflection over fourteen commands' options).
            print(HandoffVersion.current)
            exit(ExitStatus.done)
        }
        if let problem = unknownCommand(arguments) {
            Terminal.printError(problem)
            exit(ExitStatus.invalidInput)
        }
        do {
            var command = try shortcut(arguments) ?? Handoff.parseAsRoot()
            try command.run()
        } catch {
            exit(status(for: error))
        }
    }

    /// The interview with no options (`handoff`, `handoff new`), parsed as the one command it
    /// is: the root parser would first reflect over every command's options to look for a
    /// completion-script request, which costs more than everything up to the first question.
    static func shortcut(_ arguments: [String]) throws -> (any ParsableCommand)? {
        switch arguments {
        case []: return try StartCommand.parse([])
        case ["new"]: return try NewCommand.parse([])
        default: return nil
        }
    }

    /// A first word that is no command: without this, the default command (the interview) would
    /// report it as an unexpected argument of its own, which reads as nonsense for `handoff chekc`.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = Handoff.configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { $0 != "start" } + ["help"]
        guard !names.contains(first) else { return nil }
        var message = "unknown command '\(first)'."
        if let nearest = Spelling.nearest(to: first, in: names) { message += " Did you mean '\(nearest)'?" }
        return message + " Commands: " + names.joined(separator: ", ") + " (`handoff` alone starts the interview)."
    }

    static func status(for error: Error) -> Int32 {
        switch error {
        case let exit as ExitCode:
            return exit.rawValue
        case let invalid as InvalidInput:
            Terminal.printError(invalid.errors.map(\.description).joined(separator: "\n"))
            return ExitStatus.invalidInput
        case let failure as IOFailure:
            Terminal.printError(failure.description)
            return ExitStatus.ioFailure
        case let bug as InternalError:
            Terminal.printError(bug.description)
            return ExitStatus.internalError
        default:
            let code = Handoff.exitCode(for: error)
            let message = Handoff.fullMessage(for: error)
            if code == .success {
                // --help and --version: results go to stdout.
                print(message)
                return 0
            }
            Terminal.printError(message)
            // swift-argument-parser uses EX_USAGE (64) for usage errors; the contract says 2.
            return code == .validationFailure || code.rawValue == 64 ? ExitStatus.invalidInput : code.rawValue
        }
    }
}

/// The exit statuses every command shares.
enum ExitStatus {
    static let done: Int32 = 0
    static let notReady: Int32 = 1
    static let invalidInput: Int32 = 2
    static let ioFailure: Int32 = 3
    static let interrupted: Int32 = 130
    /// A bug in handoff (`InternalError`), EX_SOFTWARE in sysexits.h.
    static let internalError: Int32 = 70
}
