import CEditLine
import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Signals noted by the handlers and acted on by the reader (a handler may only set a flag).
nonisolated(unsafe) var pendingSignal: Int32 = 0
nonisolated(unsafe) var pendingResize: Int32 = 0

private func noteSignal(_ signal: Int32) {
    if signal == SIGWINCH { pendingResize = 1 } else { pendingSignal = signal }
}

/// A line editor on libedit's histedit API: UTF-8 (Japanese edits by display width), emacs keys,
/// `~/.editrc` lines for `handoff`, a bounded history file saved after every entry, and Tab
/// completion from a callback.
///
/// Ctrl-C clears the line and keeps the session; Ctrl-D on an empty line ends input; SIGTERM and
/// SIGHUP end the read so the caller can save and the terminal is restored (libedit's own signal
/// handling is off: it re-raises to the whole process group).
final class LineEditor {
    enum Result: Equatable {
        case line(String)
        case interrupted
        case endOfInput
        case terminated(Int32)
    }

    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private let historyPath: String?
    /// The prompt libedit shows; kept alive here because libedit holds the pointer.
    private var promptBuffer: UnsafeMutablePointer<CChar> = strdup("> ")!
    /// Candidates for what is typed before the cursor.
    var complete: (String) -> [String] = { _ in [] }

    init(historyPath: String?, historySize: Int32 = 1000) {
        Self.prepareLocale()
        self.historyPath = historyPath
        Self.installSignalHandlers()
        editLine = el_init("handoff", cel_stdin(), cel_stdout(), cel_stderr())
        guard let editLine else { return }
        cel_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        cel_set_editor(editLine, "emacs")
        cel_set_signal(editLine, 0)
        cel_set_getcfn(editLine, readCharacter)
        cel_set_prompt_esc(editLine, promptCallback, 1)
        history = history_init()
        if let history {
            cel_hist_setsize(history, historySize)
            cel_hist_setunique(history, 1)
            if let historyPath { cel_hist_load(history, historyPath) }
            cel_set_hist(editLine, history)
        }
        // ~/.editrc first, then the keys handoff must own.
        el_source(editLine, nil)
        cel_addfn(editLine, "handoff-complete", "Complete commands, sections, formats, systems, roles", completeCallback)
        cel_bind(editLine, "^I", "handoff-complete")
        // libedit 3.1-20221030 leaves the terminal's cursor one cell right of the text after an
        // insertion or deletion inside a line of wide characters; a full redisplay after the edit
        // puts it right (wrapped lines too). Deletions are bound to functions that redisplay;
        // a character typed inside the line arrives as a private key bound to one that inserts
        // it and redisplays (see `readCharacter`). At the end of the line libedit is right, and
        // typing there stays on its fast path.
        cel_addfn(editLine, "handoff-insert", "Insert the character typed inside the line", insertCallback)
        cel_bind(editLine, LineEditor.insertKeyName, "handoff-insert")
        cel_addfn(editLine, "handoff-delete-previous", "Delete the character before the cursor", deletePreviousCallback)
        cel_bind(editLine, "^?", "handoff-delete-previous")
        cel_bind(editLine, "^H", "handoff-delete-previous")
    }

    /// The character that stands for "insert `pendingInsert`": ^\, which a terminal in libedit's
    /// mode delivers as SIGQUIT rather than as a key, so it never collides with one typed.
    static let insertKey: wchar_t = 0x1C
    static let insertKeyName = "^\\"
    /// Where an escape sequence being read stands: none, after ESC, inside a CSI/SS3 sequence.
    private var escapeState = 0

    /// True for the characters of an escape sequence (ESC, `[` or `O`, parameters, final byte).
    fileprivate func passesEscapeSequence(_ character: wchar_t) -> Bool {
        switch escapeState {
        case 1:
            escapeState = character == 0x5B || character == 0x4F ? 2 : 0
            return true
        case 2:
            if (0x40...0x7E).contains(character) { escapeState = 0 }
            return true
        default:
            if character == 0x1B { escapeState = 1 }
            return character == 0x1B
        }
    }

    /// The character typed inside the line, waiting for `insertCallback`.
    fileprivate var pendingInsert: wchar_t = 0
    /// Whether the line at the cursor has something after it (libedit's miscount happens there).
    fileprivate var insideLine: Bool {
        guard let editLine else { return false }
        return cel_cursor_at_end(editLine) == 0
    }

    deinit { close() }

    func close() {
        if let editLine { el_end(editLine) }
        editLine = nil
        if let history { history_end(history) }
        history = nil
    }

    /// Reads one line after showing `prompt` (which may hold colour escapes).
    func read(prompt: String) -> Result {
        guard let editLine else { return .endOfInput }
        free(promptBuffer)
        promptBuffer = strdup(prompt)!
        // A Ctrl-C between two reads is moot; a SIGTERM or SIGHUP still ends this read at once.
        if pendingSignal == SIGINT { pendingSignal = 0 }
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        // A signal ends the read even with half a line typed (libedit then hands back the partial
        // line): Ctrl-C drops it, SIGTERM and SIGHUP leave.
        let signal = pendingSignal
        pendingSignal = 0
        switch signal {
        case SIGINT:
            abandonLine(prompt: prompt)
            el_reset(editLine)
            return .interrupted
        case SIGTERM, SIGHUP:
            fputs("\n", cel_stdout())
            return .terminated(signal)
        default:
            break
        }
        guard let raw, count > 0 else {
            fputs("\n", cel_stdout())
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        if let history, line.contains(where: { !$0.isWhitespace }) {
            cel_hist_enter(history, line)
            if let historyPath {
                Self.makeParent(of: historyPath)
                cel_hist_save(history, historyPath)
            }
        }
        return .line(line)
    }

    /// Ctrl-C: the line typed so far stays readable, marked ^C, and a fresh prompt follows on
    /// the next line. libedit leaves the terminal's cursor where the editing cursor was (maybe
    /// mid-line, maybe on an upper row of a wrapped line), so the line is written again whole
    /// from its first row.
    private func abandonLine(prompt: String) {
        let typed = lineText()
        let before = typedBeforeCursor()
        let visiblePrompt = prompt.replacingOccurrences(of: "\u{1}", with: "")
        let promptWidth = TerminalText.width(Self.withoutEscapes(visiblePrompt))
        let columns = Int(cel_terminal_columns(STDOUT_FILENO))
        var out = "\r"
        if columns > 0 {
            let rowsAbove = (promptWidth + TerminalText.width(before)) / columns
            if rowsAbove > 0 { out += "\u{1B}[\(rowsAbove)A" }
            out += "\u{1B}[J"
        }
        out += visiblePrompt + TerminalText.sanitize(typed, multiline: false) + " ^C\n"
        fputs(out, cel_stdout())
        fflush(cel_stdout())
    }

    /// `text` without its terminal escape sequences (the prompt's colour), for its width.
    static func withoutEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// The whole line being edited.
    fileprivate func lineText() -> String {
        guard let editLine, let info = el_line(editLine)?.pointee, let start = info.buffer, let end = info.lastchar else {
            return ""
        }
        let length = end - start
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The text before the cursor, for completion.
    fileprivate func typedBeforeCursor() -> String {
        guard let editLine, let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else {
            return ""
        }
        let length = cursor - start
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    fileprivate func insert(_ text: String) {
        guard let editLine else { return }
        _ = el_insertstr(editLine, text)
    }

    fileprivate var prompt: UnsafeMutablePointer<CChar> { promptBuffer }

    // MARK: Setup

    /// libedit drops every byte ≥ 0x80 without a UTF-8 LC_CTYPE: take the user's locale, and fall
    /// back to C.UTF-8 when it is not UTF-8.
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Handlers without SA_RESTART, so a signal interrupts `read` and the reader sees it. The
    /// signals are also unblocked: a launcher (a test runner, a process manager) may hand down a
    /// mask that blocks them, and Ctrl-C would then never arrive.
    static func installSignalHandlers() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&unblock, signal) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = noteSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    static func makeParent(of path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        var current = ""
        for component in path[..<slash].split(separator: "/") {
            current += "/" + component
            mkdir(current, 0o700)
        }
    }

    fileprivate static func from(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let raw = cel_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue()
    }
}

private func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    LineEditor.from(editLine)?.prompt
}

/// Reads one character with read(2), decoding UTF-8 itself; a pending SIGINT, SIGTERM or SIGHUP
/// ends the line (el_gets returns and the reader tells which), SIGWINCH redraws.
///
/// The wait is a poll with a short timeout, with the flags checked before each: a signal that
/// lands just before a blocking read(2) would otherwise set its flag and leave the read blocked.
private func readCharacter(_ editLine: OpaquePointer?, _ out: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    var state = mbstate_t()
    var byte: CChar = 0
    while true {
        if pendingSignal != 0 {
            out?.pointee = 0
            return 0
        }
        if pendingResize != 0 {
            pendingResize = 0
            if let editLine { el_resize(editLine) }
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 100)
        if ready == 0 || (ready < 0 && errno == EINTR) { continue }
        if ready < 0 { return -1 }
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 {
            var character: wchar_t = 0
            // Swift imports size_t as Int: C's (size_t)-2 and (size_t)-1 arrive as -2 and -1.
            let result = mbrtowc(&character, &byte, 1, &state)
            if result == -2 { continue }  // incomplete multibyte sequence: read the next byte
            if result == -1 {  // invalid byte: drop it and start afresh
                state = mbstate_t()
                continue
            }
            // Inside the line, a printable character goes through handoff-insert (see init); the
            // bytes of an escape sequence (an arrow key) go to libedit as they are.
            if let editor = LineEditor.from(editLine), !editor.passesEscapeSequence(character),
                character >= 0x20 && character != 0x7F, editor.insideLine
            {
                editor.pendingInsert = character
                out?.pointee = LineEditor.insertKey
                return 1
            }
            out?.pointee = character
            return 1
        }
        if count == 0 { return 0 }
        if errno == EINTR || errno == EAGAIN { continue }
        return -1
    }
}

/// Tab: completes a unique candidate, extends to the common prefix, or lists the candidates.
private func completeCallback(_ editLine: OpaquePointer?, _ character: Int32) -> UInt8 {
    guard let editor = LineEditor.from(editLine) else { return UInt8(CC_ERROR) }
    let typed = editor.typedBeforeCursor()
    let candidates = editor.complete(typed)
    guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    var common = candidates[0]
    for candidate in candidates.dropFirst() {
        while !candidate.hasPrefix(common) { common.removeLast() }
    }
    if common.count > typed.count, common.hasPrefix(typed) {
        editor.insert(String(common.dropFirst(typed.count)) + (candidates.count == 1 ? " " : ""))
        return UInt8(CC_REFRESH)
    }
    // Several candidates and nothing more in common: list them under the line.
    fputs("\n" + candidates.prefix(40).joined(separator: "  ") + "\n", cel_stdout())
    return UInt8(CC_REDISPLAY)
}

/// Inserts the character typed inside the line, then redisplays the whole line (libedit's own
/// insertion leaves the cursor a cell off after wide characters).
private func insertCallback(_ editLine: OpaquePointer?, _ character: Int32) -> UInt8 {
    guard let editLine, let editor = LineEditor.from(editLine), editor.pendingInsert != 0 else { return UInt8(CC_ERROR) }
    cel_insert_wide(editLine, editor.pendingInsert)
    editor.pendingInsert = 0
    return UInt8(CC_REDISPLAY)
}

/// Backspace: deletes the character before the cursor and redisplays the whole line.
private func deletePreviousCallback(_ editLine: OpaquePointer?, _ character: Int32) -> UInt8 {
    guard let editLine else { return UInt8(CC_ERROR) }
    guard cel_chars_before_cursor(editLine) > 0 else { return UInt8(CC_REFRESH_BEEP) }
    el_deletestr(editLine, 1)
    return UInt8(CC_REDISPLAY)
}
