import Foundation
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// How interview lines and prompts look: a heading per section, the question, a dim hint, and a
/// short prompt with the section and progress. Colour only when allowed.
struct InterviewStyle {
    var styler: Styler

    func render(_ lines: [InterviewResponse.Line]) -> String {
        var out = ""
        for line in lines {
            switch line {
            case .section(let title, let intro):
                let clean = TerminalText.sanitize(title, multiline: false)
                out += "\n" + styler("── " + clean + " " + String(repeating: "─", count: max(3, 40 - TerminalText.width(clean))), .bold) + "\n"
                if let intro { out += TerminalText.sanitize(intro) + "\n" }
            case .text(let text):
                out += TerminalText.sanitize(text) + (text.hasSuffix("\n") ? "" : "\n")
            case .notice(let text):
                out += styler(TerminalText.sanitize(text), .dim) + "\n"
            case .warning(let text):
                out += styler("! " + TerminalText.sanitize(text), .yellow) + "\n"
            case .followUp(let text):
                out += styler("→ " + TerminalText.sanitize(text), .cyan) + "\n"
            }
        }
        return out
    }

    /// The question block shown above the input line.
    func question(_ prompt: InterviewPrompt) -> String {
        let text = TerminalText.sanitize(prompt.text)
        var out: String
        switch prompt.kind {
        case .question: out = "\n" + styler(text, .bold) + "\n"
        case .followUp: out = styler("→ " + text, .cyan) + "\n"
        case .confirmation: out = styler("= " + text, .cyan) + "\n"
        }
        var hint = prompt.hint.map { TerminalText.sanitize($0, multiline: false) } ?? ""
        if let value = prompt.defaultValue, !value.isEmpty {
            let shown = TerminalText.sanitize(value, multiline: false)
            hint += (hint.isEmpty ? "" : " · ") + "[" + (shown.count > 60 ? String(shown.prefix(57)) + "…" : shown) + "]"
        }
        if !hint.isEmpty { out += styler(hint, .dim) + "\n" }
        return out
    }

    /// The input line's prompt: "timeline 12/31 › ".
    func inputPrompt(_ prompt: InterviewPrompt) -> String {
        let label = TerminalText.sanitize(prompt.sectionTitle, multiline: false) + " \(prompt.answered)/\(prompt.total)"
        guard styler.enabled else { return label + " › " }
        // \u{1} brackets the escape codes so libedit does not count them as columns.
        return "\u{1}\u{1B}[36m\u{1}" + label + "\u{1}\u{1B}[0m\u{1} › "
    }
}

/// The interview at a terminal: libedit for input, everything shown on stdout.
final class TerminalIO: InterviewIO {
    let editor: LineEditor
    let style: InterviewStyle
    weak var engine: InterviewEngine?
    private var lastQuestion: String?

    init(editor: LineEditor, style: InterviewStyle) {
        self.editor = editor
        self.style = style
        editor.complete = { [weak self] typed in self?.engine?.completions(for: typed) ?? [] }
    }

    func read(_ prompt: InterviewPrompt) -> LineInput {
        let block = style.question(prompt)
        if block != lastQuestion {
            Terminal.write(block)
            lastQuestion = block
        }
        switch editor.read(prompt: style.inputPrompt(prompt)) {
        case .line(let line): return .line(line)
        case .interrupted: return .interrupted
        case .endOfInput: return .endOfInput
        case .terminated: return .terminated
        }
    }

    func show(_ lines: [InterviewResponse.Line]) {
        guard !lines.isEmpty else { return }
        // After a warning or a follow-up the question is worth repeating.
        lastQuestion = nil
        Terminal.write(style.render(lines))
    }

    func edit(_ text: String) -> String? { ExternalEditor.edit(text) }
}

/// The interview without a terminal: one answer a line from stdin, prompts and messages on
/// stderr, never a wait on a tty.
final class PipeIO: InterviewIO {
    /// One byte over the answer limit is enough for the session to refuse the answer, and a
    /// line without end (`< /dev/zero`) is never read whole.
    private var reader = LineReader(descriptor: STDIN_FILENO, maxLineBytes: InputLimits.standard.maxAnswerBytes + 1)
    let style: InterviewStyle

    init(style: InterviewStyle) {
        self.style = style
    }

    func read(_ prompt: InterviewPrompt) -> LineInput {
        let mark = prompt.kind == .question ? "?" : (prompt.kind == .followUp ? "→" : "=")
        var text = "\(mark) [\(prompt.sectionTitle) \(prompt.answered)/\(prompt.total)] " + prompt.text
        if let hint = prompt.hint { text += " (" + hint + ")" }
        if let value = prompt.defaultValue, !value.isEmpty { text += " [" + value + "]" }
        Terminal.write(TerminalText.sanitize(text, multiline: false) + "\n", to: STDERR_FILENO)
        guard let line = try? reader.nextLine() else { return .endOfInput }
        return .line(String(line))
    }

    func show(_ lines: [InterviewResponse.Line]) {
        guard !lines.isEmpty else { return }
        Terminal.write(style.render(lines), to: STDERR_FILENO)
    }

    /// No editor without a terminal: the line typed is the answer.
    func edit(_ text: String) -> String? { nil }
}

/// `/edit`: the current answer in `$VISUAL` or `$EDITOR` (else vi), through a private temporary file.
enum ExternalEditor {
    static func edit(_ text: String) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        var template = Array("/tmp/handoff-edit-XXXXXX.txt".utf8CString)
        let descriptor = mkstemps(&template, 4)
        guard descriptor >= 0 else { return nil }
        let path = String(cString: template)
        defer { unlink(path) }
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        // The editor name may carry arguments ("code -w"); the shell splits it, the path is quoted.
        let command = editor + " '" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // handoff ignores SIGPIPE (a closed pipe is EPIPE, handled); the editor gets the default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return contents
    }
}
