import ArgumentParser
import HandoffKit

struct Handoff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Turn a marketing idea into a ticket IT can act on, check it, and export it to Jira.",
        discussion: """
            Exit status: 0 done (and ready, for check), 1 not ready, 2 usage error or invalid input, \
            3 I/O failure, 130 interrupted.
            """,
        version: HandoffVersion.current,
        subcommands: [
            StartCommand.self, NewCommand.self, ResumeCommand.self, DraftsCommand.self, CheckCommand.self,
            ExportCommand.self, ReviewCommand.self, DiffCommand.self, HistoryCommand.self, SchemaCommand.self,
            PromptsCommand.self, RulesCommand.self, PushCommand.self, PullCommand.self,
        ],
        defaultSubcommand: StartCommand.self
    )
}
