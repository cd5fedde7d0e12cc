import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// `csv`: Jira's CSV importer. Columns and quoting, and the formula guard: by default (`jira`)
/// every cell is written as typed, since Jira's importer keeps a guard apostrophe in the field;
/// `spreadsheet` puts an apostrophe before whatever a spreadsheet would run as a formula,
/// full-width signs and signs behind invisible characters included.
@Suite("CSV export")
struct CSVExportTests {
    // MARK: - Helpers

    private func exported(
        _ drafts: [Draft], _ options: ExportOptions = ExportFixtures.options(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        do {
            return try ExportFormat.csv.exporter.export(drafts.map(ExportFixtures.item), options: options)
        } catch {
            Issue.record("export failed: \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    private func options(
        _ guardMode: ExportOptions.CSVGuard, _ configuration: Configuration = Configuration()
    ) -> ExportOptions {
        var options = ExportFixtures.options(configuration)
        options.csvGuard = guardMode
        return options
    }

    /// The ready draft with another title.
    private func titled(_ title: String) -> Draft {
        var draft = TestDrafts.ready
        draft.title = title
        return draft
    }

    /// Cells a spreadsheet would run as formulas, and how the spreadsheet guard writes them.
    static let formulas: [(String, String)] = [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "'+1"), ("-10%", "'-10%"), ("@mention", "'@mention"),
        ("\t=cmd", "'\t=cmd"), ("=a,\"b\"", "\"'=a,\"\"b\"\"\""),
        // Full-width and small forms: Japanese input gives them, spreadsheets fold them to ASCII.
        ("＝1+1", "'＝1+1"), ("＋81 3", "'＋81 3"), ("－10％", "'－10％"), ("＠channel", "'＠channel"),
        ("﹦1", "'﹦1"), ("﹢1", "'﹢1"), ("﹣1", "'﹣1"), ("﹫x", "'﹫x"),
        // Behind spaces and invisible characters, which the cell then shows as [U+XXXX].
        ("\u{A0}=1+1", "'\u{A0}=1+1"), ("\u{200B}=HYPERLINK(\"x\")", "\"'[U+200B]=HYPERLINK(\"\"x\"\")\""),
        ("\u{A0}\u{200B}-2+3", "'\u{A0}[U+200B]-2+3"), ("\u{200F}@x", "'[U+200F]@x"), ("\u{3000}＝1", "'\u{3000}＝1"),
        ("\u{2060}+1", "'[U+2060]+1"), ("\u{202E}=1", "'[U+202E]=1"), (" =1", "' =1"),
    ]

    // MARK: - Cells

    @Test("Spreadsheet guard: a formula, in any of its disguises, gets a leading apostrophe", arguments: formulas)
    func spreadsheetGuard(_ raw: String, _ expected: String) {
        #expect(CSVExporter.cell(raw, guard: .spreadsheet) == expected)
    }

    @Test("Jira guard: the same cells are written as typed (invisible characters shown), quoted only where CSV needs it", arguments: formulas)
    func jiraGuard(_ raw: String, _ spreadsheet: String) {
        let cell = CSVExporter.cell(raw, guard: .jira)
        #expect(!cell.hasPrefix("'") && !cell.hasPrefix("\"'"))
        // Invisible characters are shown, not hidden: a ticket reads as what it holds.
        #expect(CSVParser.rows(cell + "\r\n") == [[UnsafeScalar.showingInvisibles(raw)]])
    }

    @Test(
        "Neither guard touches text that only starts with a space, an invisible character or an apostrophe",
        arguments: ["\u{A0}plain", "\u{200B}x", "'quoted", "a=b", "1-2", "mail@example.com", "日本語", ""])
    func notFormulas(_ raw: String) {
        #expect(CSVExporter.cell(raw, guard: .spreadsheet) == CSVExporter.cell(raw, guard: .jira))
    }

    @Test(
        "CSV cells: quotes doubled, quoting where needed, control characters removed",
        arguments: [
            ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a,b", "\"a,b\""), ("multi\nline", "\"multi\nline\""),
            (" edge", "\" edge\""), ("plain", "plain"), ("", ""), ("bell\u{7}\u{1B}x", "bellx"), ("tab\there", "tab\there"),
        ])
    func csvCell(_ raw: String, _ expected: String) {
        #expect(CSVExporter.cell(raw, guard: .jira) == expected)
        #expect(CSVExporter.cell(raw, guard: .spreadsheet) == expected)
    }

    @Test("CSV round trip: the parser gives back the cells")
    func csvRoundTrip() {
        let cells = [
            "plain", "a,b", "say \"hi\"", "multi\nline\n\nend", " edge ", "", "日本語, 🎉", "tab\there", "\"\"", ",",
        ]
        let line = cells.map { CSVExporter.cell($0, guard: .spreadsheet) }.joined(separator: ",") + "\r\n"
        #expect(CSVParser.rows(line + line) == [cells, cells])
    }

    // MARK: - Whole exports

    @Test("CSV: Labels repeat as often as the most labels; Components and custom fields get columns")
    func csvHeader() throws {
        let configuration = ExportFixtures.configuration(
            "jira:\n  labels: [web, q4]\n  components: [Web, MOps]\n  fields:\n    launch: customfield_10015\n")
        let rows = CSVParser.rows(exported([TestDrafts.ready, TestDrafts.japanese], ExportFixtures.options(configuration)))
        let header = try #require(rows.first)
        #expect(header.filter { $0 == "Labels" }.count == 3)
        #expect(header.filter { $0 == "Component" }.count == 2)
        #expect(
            header == [
                "Issue Id", "Summary", "Issue Type", "Status", "Priority", "Due Date", "Labels", "Labels", "Labels",
                "Component", "Component", "Custom field (customfield_10015)", "Description",
            ])
        #expect(rows.count == 3)
        #expect(
            rows[1][0...9] == [
                "webinar-signup-7f3a", "Sign-up form for the December webinar", "Story", "To Do", "High", "2026-12-04",
                "marketing-request", "web", "q4", "Web",
            ])
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count })
        let plain = CSVParser.rows(exported([TestDrafts.ready]))
        #expect(plain.first?.filter { $0 == "Labels" }.count == 1)
        #expect(plain.first?.contains("Component") == false)
    }

    @Test("The default is jira: the Summary Jira imports is the title as typed, no apostrophe")
    func defaultKeepsSummary() throws {
        #expect(ExportFixtures.options().csvGuard == .jira)
        let rows = CSVParser.rows(exported([titled("-10% churn fix"), titled("＝ full-width title")]))
        let summary = try #require(rows.first?.firstIndex(of: "Summary"))
        #expect(rows.dropFirst().map { $0[summary] } == ["-10% churn fix", "＝ full-width title"])
    }

    @Test("--csv-guard spreadsheet guards the Summary and every other cell")
    func spreadsheetGuardsEverything() throws {
        let rows = CSVParser.rows(exported([titled("-10% churn fix"), titled("\u{A0}＝1+1")], options(.spreadsheet)))
        let summary = try #require(rows.first?.firstIndex(of: "Summary"))
        #expect(rows.dropFirst().map { $0[summary] } == ["'-10% churn fix", "'\u{A0}＝1+1"])
    }

    @Test("CSV export round trip: every cell reads back as the field it came from, with either guard")
    func csvExportRoundTrip() throws {
        let configuration = ExportFixtures.configuration(
            "jira:\n  fields:\n    team: customfield_4\n    business_owner: customfield_2\n")
        let drafts = [TestDrafts.ready, ExportFixtures.hostile, TestDrafts.japanese]
        for guardMode in ExportOptions.CSVGuard.allCases {
            let options = options(guardMode, configuration)
            let rows = CSVParser.rows(exported(drafts, options))
            let header = try #require(rows.first)
            #expect(rows.count == drafts.count + 1)
            for (draft, row) in zip(drafts, rows.dropFirst()) {
                let item = ExportFixtures.item(draft)
                let fields = IssueFields(draft: draft, options: options)
                let cell = { (name: String) in header.firstIndex(of: name).map { row[$0] } }
                #expect(cell("Issue Id") == item.externalID)
                #expect(cell("Summary") == fields.summary)
                #expect(cell("Priority") == fields.priority)
                #expect(cell("Description") == UnsafeScalar.showingInvisibles(try wikiDescription(item, options: options)))
            }
            // The hostile draft's formula-like custom fields: as typed for Jira, guarded for a spreadsheet.
            let hostile = rows[2]
            let guardMark = guardMode == .spreadsheet ? "'" : ""
            #expect(hostile[header.firstIndex(of: "Custom field (customfield_4)")!] == guardMark + "=SUM(A1:A9)")
            #expect(hostile[header.firstIndex(of: "Custom field (customfield_2)")!] == guardMark + "-minus")
        }
    }

    // MARK: - Judged by Python

    /// Python's csv module reads the file; a cell whose first visible character folds (NFKC) to
    /// `= + - @`, or that starts with a tab or line break, is what a spreadsheet would run.
    private static let formulaJudge = """
        import csv, io, sys, unicodedata
        def invisible(c):
            return c.isspace() or unicodedata.category(c) == "Cf"
        def formula(cell):
            if cell[:1] in ("\\t", "\\n", "\\r"):
                return True
            visible = cell.lstrip("".join(c for c in cell if invisible(c)))
            return unicodedata.normalize("NFKC", visible[:1]) in ("=", "+", "-", "@")
        text = sys.stdin.read()
        rows = list(csv.reader(io.StringIO(text, newline="")))
        cells = [cell for row in rows for cell in row]
        bare = [cell for cell in cells if formula(cell)]
        print(len(rows), len(bare))
        for cell in bare:
            print(repr(cell))
        """

    @Test("Python finds no cell a spreadsheet would run in a spreadsheet-guarded export, and finds them in a Jira one")
    func pythonJudge() throws {
        let configuration = ExportFixtures.configuration(
            "jira:\n  fields:\n    team: customfield_4\n    business_owner: customfield_2\n    value: customfield_5\n")
        var draft = ExportFixtures.hostile
        draft.title = "\u{200B}＝HYPERLINK(\"http://evil\")"
        draft.objective.value = "\u{A0}－10% churn"
        for guardMode in ExportOptions.CSVGuard.allCases {
            let text = exported([draft, titled("-10% churn fix")], options(guardMode, configuration))
            let verdict = ExternalTool.run(ExternalTool.python + ["-c", Self.formulaJudge], stdin: text)
            try #require(verdict.status == 0, "python3 could not judge the CSV: \(verdict)")
            let counts = verdict.output.split(separator: "\n").first?.split(separator: " ").compactMap { Int($0) } ?? []
            #expect(counts.first == 3, "rows: \(verdict.output)")
            if guardMode == .spreadsheet {
                #expect(counts.last == 0, "cells a spreadsheet would run:\n\(verdict.output)")
            } else {
                // Value, team and owner of the hostile draft, and the second title. The title's
                // zero-width space is shown as [U+200B], so a spreadsheet no longer sees a formula.
                #expect(counts.last == 4, "\(verdict.output)")
            }
        }
    }
}
