import ArgumentParser

/// `--format`: how a command prints its results. Every command that has the option uses this one
/// type, so a format name means the same everywhere; a command that can print more (check's GitHub
/// annotations, rules' Markdown) adds the case here and lists it in its own `OutputFormats`. The
/// text-or-JSON commands test `format == .json` rather than switching, so a new case needs no
/// change in them: their `FormatChoice<TextOrJSON>` can never hold it.
enum OutputFormat: String, CaseIterable, Sendable {
    /// For people: aligned, coloured on a terminal, in the draft's language.
    case text
    /// For pipelines: JSON (JSON Lines where a command prints one object per draft or revision).
    case json
    /// GitHub Actions annotations (`::error file=…,line=…::…`), for `check` in a workflow.
    case github
    /// Markdown, for `rules` (docs/rules.md is generated from it).
    case markdown
}

/// The formats one command accepts. A type rather than a list so that parsing, `--help` and the
/// completion scripts all offer exactly these, and an unknown one is refused with the valid names.
protocol OutputFormats {
    static var accepted: [OutputFormat] { get }
}

/// What check, diff, history, drafts and review print.
enum TextOrJSON: OutputFormats {
    static let accepted: [OutputFormat] = [.text, .json]
}

/// What check prints: besides text and JSON, annotations a GitHub workflow shows beside the lines.
enum CheckFormats: OutputFormats {
    static let accepted: [OutputFormat] = [.text, .json, .github]
}

/// What rules prints.
enum RulesFormats: OutputFormats {
    static let accepted: [OutputFormat] = [.text, .markdown, .json]
}

/// The value of a `--format` option restricted to `Formats.accepted`.
struct FormatChoice<Formats: OutputFormats>: ExpressibleByArgument, Equatable, Sendable {
    let format: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Formats.accepted.contains(format) else { return nil }
        self.format = format
    }

    /// A default the command picks (always one it accepts).
    init(_ format: OutputFormat) {
        precondition(Formats.accepted.contains(format), "\(format) is not among \(Formats.self).accepted")
        self.format = format
    }

    static var text: Self { Self(.text) }
    static var json: Self { Self(.json) }

    static var allValueStrings: [String] { Formats.accepted.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    // Without this, --help would print the struct's debug description as the default.
    var defaultValueDescription: String { format.rawValue }
}
