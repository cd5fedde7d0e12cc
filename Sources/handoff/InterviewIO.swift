import CEditLine
import Foundation
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// How interview lines and prompts look: a heading per section, the question, a dim hint, and a
/// short prompt with the section and progress. Colour only when allowed.
struct InterviewStyle {
    var styler: Styler
    /// The terminal's width: text is wrapped there by handoff (at words in English, by Japanese
    /// line-breaking rules), not cut by the terminal. Nil when not writing to a terminal. Read
    /// at every use, so a resized window is followed.
    var width: Int? {
        guard onTerminal else { return nil }
        let columns = Int(cel_terminal_columns(STDOUT_FILENO))
        return columns > 0 ? columns : nil
    }
    /// Writing to a terminal (the interactive interview), rather than to a pipe or a file.
    var onTerminal = false

    /// `text` wrapped at the width, later lines indented under the first after `lead`.
    func fill(_ text: String, lead: String = "") -> String {
        let clean = TerminalText.sanitize(text)
        guard let width else { return lead + clean }
        let indent = String(repeating: " ", count: TerminalText.width(lead))
        // One column short of the edge: a line that fills it exactly makes some terminals wrap twice.
        let lines = LineWrap.wrap(clean, width: width - 1 - indent.count)
        return lines.enumerated().map { ($0.offset == 0 ? lead : indent) + $0.element }.joined(separator: "\n")
    }

    func render(_ lines: [InterviewResponse.Line]) -> String {
        var out = ""
        for line in lines {
            switch line {
            case .section(let title, let intro):
                let clean = TerminalText.sanitize(title, multiline: false)
                // 44 columns in all, or one short of a narrower terminal.
                let total = min(44, (width ?? 45) - 1)
                out += "\n" + styler("── " + clean + " " + String(repeating: "─", count: max(3, total - 4 - TerminalText.width(clean))), .bold) + "\n"
                if let intro { out += fill(intro) + "\n" }
            case .text(let text):
                var body = text
                while body.hasSuffix("\n") { body.removeLast() }
                out += fill(body) + "\n"
            case .notice(let text):
                out += styler(fill(text), .dim) + "\n"
            case .warning(let text):
                out += styler(fill(text, lead: "! "), .yellow) + "\n"
            case .followUp(let text):
                out += styler(fill(text, lead: "→ "), .cyan) + "\n"
            }
        }
        return out
    }

    /// The question block shown above the input line.
    func question(_ prompt: InterviewPrompt) -> String {
        var out: String
        switch prompt.kind {
        case .question: out = "\n" + styler(fill(prompt.text), .bold) + "\n"
        case .followUp: out = styler(fill(prompt.text, lead: "→ "), .cyan) + "\n"
        case .confirmation: out = styler(fill(prompt.text, lead: "= "), .cyan) + "\n"
        }
        var hint = prompt.hint.map { TerminalText.sanitize($0, multiline: false) } ?? ""
        if let value = prompt.defaultValue, !value.isEmpty {
            let shown = TerminalText.sanitize(value, multiline: false)
            hint += (hint.isEmpty ? "" : " · ") + "[" + (shown.count > 60 ? String(shown.prefix(57)) + "…" : shown) + "]"
        }
        if !hint.isEmpty { out += styler(fill(hint), .dim) + "\n" }
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
    private var toldHowToLeave = false

    static let howToLeave = Localized(
        en: "Ctrl-C clears the line. To leave, press Ctrl-D on an empty line or type /quit: every answer is saved.",
        ja: "Ctrl-C は入力中の行を消します。終了するには空の行で Ctrl-D を押すか /quit と入力してください（回答は保存されています）。")

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
        case .interrupted:
            if !toldHowToLeave {
                // Ctrl-C is how many people try to leave a program: say once how it is done here.
                toldHowToLeave = true
                Terminal.write(style.render([.notice(Self.howToLeave(engine?.language ?? .en))]))
            }
            return .interrupted
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
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
