import Foundation
import HandoffTestSupport
import Testing

/// Attacker-chosen text in a draft, a pack, a path or an argument never reaches the terminal raw:
/// a table of payloads (escape sequences, OSC 52 clipboard writes, OSC 0 titles, BEL, C1
/// controls, direction overrides, zero-width characters) through every command's output.
@Suite("hostile text on the terminal")
struct HostileOutputTests {
    static let payloads: [(String, String)] = [
        ("OSC 52 clipboard write", "\u{1B}]52;c;cHduZWQ=\u{07}"),
        ("OSC 0 window title", "\u{1B}]0;pwned\u{1B}\\"),
        ("CSI clear screen", "\u{1B}[2J\u{1B}[H"),
        ("colour that hides text", "\u{1B}[8mhidden\u{1B}[0m"),
        ("BEL", "ring\u{07}"),
        ("C1 CSI", "\u{9B}31mred"),
        ("carriage return overwrite", "safe\rEVIL"),
        ("right-to-left override", "invoice\u{202E}fdp.exe"),
        ("isolates", "\u{2066}abc\u{2069}\u{2067}def\u{2069}"),
        ("zero-width space and word joiner", "ad\u{200B}min\u{2060}"),
        ("byte-order mark inside", "x\u{FEFF}y"),
    ]

    /// What the terminal may receive: text, line breaks (CR LF too) and tabs, and (with colour)
    /// SGR styling.
    static func rawProblems(_ text: String, allowStyling: Bool = false) -> [String] {
        var problems: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if allowStyling, scalar == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
                var end = index + 2
                while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
                if end < scalars.count, scalars[end] == "m" {
                    index = end + 1
                    continue
                }
            }
            let value = scalar.value
            // CR LF ends CSV rows (Jira's importer); a lone CR could overwrite a line.
            let lineEnd = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            let control = (value < 0x20 && scalar != "\n" && scalar != "\t" && !lineEnd) || (0x7F..<0xA0).contains(value)
            if control || scalar.properties.generalCategory == .format {
                problems.append(String(format: "U+%04X at %d", value, index))
            }
            index += 1
        }
        return problems
    }

    /// A draft file holding the payload in the fields reviewers read.
    static func hostileDraft(_ payload: String) throws -> String {
        let base = try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)
        let quoted = jsonQuoted(payload)
        return base.replacingOccurrences(of: "title: Sign-up form for the December webinar", with: "title: \(quoted)")
            .replacingOccurrences(of: "  name: Aiko Sato", with: "  name: \(quoted)")
            + "review:\n  questions:\n    - by: \(quoted)\n      text: \(quoted)\n      answered: false\n"
    }

    /// YAML reads a JSON string literal as a double-quoted scalar with the same escapes.
    static func jsonQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value >= 0x7F {
                    out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test("Every command's output, for every payload in a draft, a path, an argument and a pack", arguments: payloads)
    func everyCommand(_ name: String, _ payload: String) throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let file = fault.path("draft\(payload).yaml")
        try Self.hostileDraft(payload).write(toFile: file, atomically: true, encoding: .utf8)
        let other = fault.path("other.yaml")
        try String(contentsOf: Repository.file("examples/webinar-signup.yaml"), encoding: .utf8)
            .write(toFile: other, atomically: true, encoding: .utf8)
        let stored = try fault.newDraft("We need a landing page \(payload) for the launch\n")
        let pack = fault.path("pack")
        try FileManager.default.copyItem(at: Repository.file("prompts"), to: URL(fileURLWithPath: pack))
        for language in ["en", "ja"] {
            try "version: \(Self.jsonQuoted(payload))\n".write(toFile: "\(pack)/\(language)/pack.yaml", atomically: true, encoding: .utf8)
        }

        var runs: [[String]] = [
            ["review", file], ["review", file, "--format", "json"],
            ["check", file], ["check", file, "--format", "json"],
            ["diff", other, file], ["diff", other, file, "--format", "json"],
            ["export", file, "--to", "markdown", "--force"], ["export", file, "--to", "csv", "--force"],
            ["export", file, "--to", "yaml", "--force"], ["export", file, "--to", "json", "--force"],
            ["export", file, "--to", "jira-v2", "--force"],
            ["review", file, "--ask", "Which list? \(payload)", "--by", payload],
            ["review", stored, "--ask", "Which list?", "--by", payload], ["review", stored], ["drafts"], ["drafts", "--format", "json"],
            ["history", stored], ["diff", "\(stored)@1", stored],
            ["prompts", "check", pack], ["check", fault.path("missing\(payload).yaml")], ["review", "no-such-id\(payload)"],
            ["new", "--no-input", "--from", file],
        ]
        runs.append(["review", file])
        for arguments in runs {
            let result = try fault.run(arguments, stdin: "")
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let problems = Self.rawProblems(text)
                #expect(problems.isEmpty, "\(name): handoff \(arguments.joined(separator: " ")) wrote raw \(problems.prefix(4)) to \(stream):\n\(text.prefix(600))")
            }
        }
    }

    @Test("With colour forced, the only escape sequences are handoff's own styling", arguments: payloads)
    func colour(_ name: String, _ payload: String) throws {
        let fault = FaultStore()
        defer { fault.remove() }
        let file = fault.path("draft.yaml")
        try Self.hostileDraft(payload).write(toFile: file, atomically: true, encoding: .utf8)
        for arguments in [["review", file], ["check", file], ["drafts"]] {
            let result = try HandoffProcess.run(arguments, environment: fault.environment.merging(["CLICOLOR_FORCE": "1"]) { $1 })
            let problems = Self.rawProblems(result.stdout + result.stderr, allowStyling: true)
            #expect(problems.isEmpty, "\(name): handoff \(arguments.joined(separator: " ")): \(problems.prefix(4))")
        }
    }
}
