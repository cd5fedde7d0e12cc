import Foundation
import Testing

/// `handoff export --to csv --csv-guard jira|spreadsheet`: the Summary Jira imports is the title as
/// typed by default; the spreadsheet guard puts an apostrophe before formulas; the option is
/// refused with other formats and with an unknown value.
@Suite("export --csv-guard")
struct CSVGuardCommandTests {
    /// The shipped ready example, read from stdin with `title` replaced.
    private func draft(titled title: String) throws -> String {
        let example = try String(contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent("examples/webinar-signup.yaml"), encoding: .utf8)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("title:") ? "title: \"\(title)\"" : String(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The second field of the second CSV line: the draft's Summary (the title needs no quoting).
    private func summary(_ csv: String) -> String? {
        let lines = csv.components(separatedBy: "\r\n")
        guard lines.count > 1 else { return nil }
        return lines[1].split(separator: ",", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
    }

    @Test("By default the Summary is the title as typed: Jira's importer would keep a guard apostrophe")
    func defaultJira() throws {
        let result = try HandoffProcess.run(["export", "-", "--to", "csv"], stdin: try draft(titled: "-10% churn fix"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(summary(result.stdout) == "-10% churn fix")
        let explicit = try HandoffProcess.run(["export", "-", "--to", "csv", "--csv-guard", "jira"], stdin: try draft(titled: "-10% churn fix"))
        #expect(explicit.stdout == result.stdout)
    }

    @Test("--csv-guard spreadsheet: a formula title, full-width or behind a zero-width space, starts with an apostrophe")
    func spreadsheet() throws {
        for (title, expected) in [("-10% churn fix", "'-10% churn fix"), ("＝1+1", "'＝1+1"), ("\\u200B@SUM(A1)", "'[U+200B]@SUM(A1)")] {
            let result = try HandoffProcess.run(
                ["export", "-", "--to", "csv", "--csv-guard", "spreadsheet"], stdin: try draft(titled: title))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(summary(result.stdout) == expected)
        }
    }

    @Test("--csv-guard is refused with another format or an unknown reader (exit 2)")
    func refused() throws {
        let other = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "jira-v2", "--csv-guard", "spreadsheet"])
        #expect(other.status == 2)
        #expect(other.stderr.contains("--csv-guard works with --to csv only"))
        let unknown = try HandoffProcess.run(["export", "examples/webinar-signup.yaml", "--to", "csv", "--csv-guard", "excel"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("jira") && unknown.stderr.contains("spreadsheet"))
    }

    @Test("export --help documents both readers and the default")
    func help() throws {
        let help = try HandoffProcess.run(["export", "--help"])
        #expect(help.stdout.contains("--csv-guard"))
        #expect(help.stdout.contains("default: jira"))
        #expect(help.stdout.contains("spreadsheet"))
    }
}
