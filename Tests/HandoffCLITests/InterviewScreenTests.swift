import Foundation
import Testing

/// The interview's screen as a terminal emulator shows it: the real binary inside a detached
/// tmux session (no terminal of ours needed), read back with `capture-pane` and `#{cursor_x}`.
/// Cursor columns after Japanese edits mid-line, text wrapped at 40 columns, the Ctrl-C screen.
@Suite("the interview's screen", .serialized)
struct InterviewScreenTests {
    /// One tmux server of its own, with one window running `handoff`.
    final class Screen {
        let socket = "handoff-test-\(UUID().uuidString.prefix(8))"
        let home = HandoffProcess.temporaryDirectory()
        let width: Int

        init(_ arguments: [String], width: Int = 80) throws {
            self.width = width
            var environment = HandoffProcess.baseEnvironment(home: home)
            environment["NO_COLOR"] = "1"
            let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            // exec: the pane's process is handoff itself, so the end of the test can kill it.
            let command = "exec env \(exports) '\(HandoffProcess.binary.path)' " + arguments.joined(separator: " ")
            try tmux(["new-session", "-d", "-x", "\(width)", "-y", "30", "-s", "t", command])
            try waitFor("›")
        }

        deinit {
            if let pid = Int32(((try? tmux(["display", "-p", "-t", "t", "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGKILL)
            }
            _ = try? tmux(["kill-server"])
            try? FileManager.default.removeItem(at: home)
        }

        /// Runs tmux with posix_spawn and waitpid: Foundation's Process never sees the client
        /// exit when the server it starts keeps the descriptors it watches, and would wait forever.
        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let outputPath = home.appendingPathComponent("tmux-output-\(UUID().uuidString)").path
            defer { unlink(outputPath) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let words: [String] = ["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + arguments
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let settings: [String] = ["PATH=/usr/bin:/bin", "TERM=xterm", "LANG=C.UTF-8"]
            let environment: [UnsafeMutablePointer<CChar>?] = settings.map { strdup($0) } + [nil]
            defer { environment.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, argv, environment) == 0 else {
                throw CocoaError(.executableLoad)
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }

        func keys(_ keys: String...) throws {
            try tmux(["send-keys", "-t", "t"] + keys)
            try settle()
        }

        /// Literal text (no key names).
        func type(_ text: String) throws {
            try tmux(["send-keys", "-t", "t", "-l", text])
            try settle()
        }

        var screen: String { (try? tmux(["capture-pane", "-p", "-t", "t"])) ?? "" }
        var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

        var cursor: (x: Int, y: Int) {
            let parts = ((try? tmux(["display", "-p", "-t", "t", "#{cursor_x} #{cursor_y}"])) ?? "").split(separator: " ")
            return (Int(parts.first ?? "") ?? -1, Int(parts.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? -1)
        }

        /// Waits until the screen stops changing (the program has drawn what it was sent).
        func settle() throws {
            var last = ""
            for _ in 0..<40 {
                Thread.sleep(forTimeInterval: 0.05)
                let now = screen + "\(cursor)"
                if now == last { return }
                last = now
            }
        }

        func waitFor(_ text: String) throws {
            for _ in 0..<100 {
                if screen.contains(text) { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("'\(text)' never appeared:\n\(screen)")
        }
    }

    static var hasTmux: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    /// Display width of what is before the cursor on its row.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0xFFE0...0xFFE6).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }

    @Test("inserting and deleting inside a line of Japanese keeps the cursor on the text", .enabled(if: hasTmux))
    func japaneseEditsMidLine() throws {
        let screen = try Screen(["new", "--lang", "ja"])
        try screen.type("展示会のリード獲得")
        let row = screen.cursor.y
        let prompt = Self.width(String(screen.lines[row].prefix { $0 != "›" })) + 2
        #expect(screen.cursor.x == prompt + 18)
        try screen.keys("Left", "Left", "Left")
        #expect(screen.cursor.x == prompt + 12)
        try screen.type("X")
        // The text before the cursor is 展示会のリーX: 13 columns.
        #expect(screen.cursor.x == prompt + 13)
        try screen.keys("BSpace")
        #expect(screen.cursor.x == prompt + 12)
        try screen.keys("BSpace")
        #expect(screen.cursor.x == prompt + 10)
        try screen.type("あ")
        #expect(screen.cursor.x == prompt + 12)
        #expect(screen.lines[row].hasSuffix("展示会のリあド獲得"))
    }

    @Test("the cursor stays on the text when a Japanese line wraps", .enabled(if: hasTmux))
    func japaneseEditsOnWrappedLine() throws {
        let screen = try Screen(["new", "--lang", "ja"], width: 30)
        try screen.type("展示会のリード獲得展示会のリード獲得")
        let end = screen.cursor
        try screen.keys("Left", "Left", "Left")
        #expect(screen.cursor == (end.x - 6, end.y))
        try screen.type("X")
        #expect(screen.cursor == (end.x - 5, end.y))
        try screen.keys("BSpace", "BSpace")
        #expect(screen.cursor == (end.x - 8, end.y))
    }

    @Test("text is wrapped at the terminal's width: words in English, no 。、」 starting a Japanese line", .enabled(if: hasTmux))
    func wrapped() throws {
        for language in ["en", "ja"] {
            let screen = try Screen(["new", "--lang", language], width: 40)
            for line in screen.lines {
                #expect(Self.width(line) <= 40, "\(line)")
                if let first = line.first { #expect(!"。、」）".contains(first), "\(language): '\(line)'") }
            }
            if language == "en" {
                // Every line break falls between words: each row ends a word of the intro.
                let intro = "Tell me about your idea in your own words. Half-formed is fine; we will shape it together."
                let shown = screen.lines.filter { !$0.isEmpty && intro.contains($0) }
                #expect(shown.count >= 2)
                #expect(shown.joined(separator: " ") == intro)
            }
        }
    }

    @Test("Ctrl-C leaves the abandoned line readable above a fresh prompt and says once how to leave", .enabled(if: hasTmux))
    func controlC() throws {
        for (language, hint) in [("en", "Ctrl-D"), ("ja", "Ctrl-D")] {
            let screen = try Screen(["new", "--lang", language], width: 60)
            try screen.type(language == "en" ? "half an idea typed" : "展示会のリード獲得")
            try screen.keys("Left", "Left")
            try screen.keys("C-c")
            let lines = screen.lines
            let abandoned = lines.firstIndex { $0.hasSuffix(" ^C") }
            #expect(abandoned != nil, "\(screen.screen)")
            if let abandoned {
                #expect(lines[abandoned].contains(language == "en" ? "half an idea typed ^C" : "展示会のリード獲得 ^C"))
                #expect(lines[(abandoned + 1)...].joined(separator: " ").contains(hint))
                #expect(lines[(abandoned + 1)...].contains { $0.hasSuffix("› ") || $0.hasSuffix("›") })
            }
            // The second time, only the line is marked.
            try screen.type("again")
            try screen.keys("C-c")
            #expect(screen.screen.components(separatedBy: "/quit").count == 2)
        }
    }
}
