import Foundation
import Testing

/// `handoff --version`, `handoff` and `handoff new` skip the root parser to start faster: what
/// they print and how they end must be what the root parser gives them.
@Suite("start-up shortcuts")
struct StartupShortcutTests {
    /// New drafts get a random id, and each run its own scratch home: the only things allowed to differ.
    static func withoutDraftIDs(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b[a-z]+-[0-9a-f]{4}\b"#, with: "idea-XXXX", options: .regularExpression)
            .replacingOccurrences(of: #"handoff-tests-[0-9A-Fa-f-]+"#, with: "HOME", options: .regularExpression)
    }

    @Test(
        "the shortcut and the root parser give the same output, whatever stdin holds",
        arguments: [
            (shortcut: [String](), parsed: ["--no-color"]),
            (shortcut: ["new"], parsed: ["new", "--no-color"]),
        ])
    func sameAsRootParser(_ pair: (shortcut: [String], parsed: [String])) throws {
        for stdin in ["", "A sign-up form for the webinar\n", "春のキャンペーン用のランディングページ\nタイトル\n"] {
            let fast = try HandoffProcess.run(pair.shortcut, stdin: stdin)
            let parsed = try HandoffProcess.run(pair.parsed, stdin: stdin)
            #expect(fast.status == parsed.status, "\(pair.shortcut)")
            #expect(Self.withoutDraftIDs(fast.stdout) == Self.withoutDraftIDs(parsed.stdout), "\(pair.shortcut)")
            #expect(Self.withoutDraftIDs(fast.stderr) == Self.withoutDraftIDs(parsed.stderr), "\(pair.shortcut)")
        }
    }

    @Test("--version alone prints what --version among other flags prints")
    func version() throws {
        let fast = try HandoffProcess.run(["--version"])
        let parsed = try HandoffProcess.run(["--no-color", "--version"])
        #expect(fast.status == 0)
        #expect(fast.stdout == parsed.stdout)
        #expect(fast.stderr.isEmpty && parsed.stderr.isEmpty)
    }
}
