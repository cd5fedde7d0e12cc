import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The source block written JSON-escaped in the walk that hashes the draft
/// (`SourceBlock.yamlEscapedForJSONAndDigest`) against its YAML written alone and then escaped,
/// and the exports that copy that escape in against the ones that escape the YAML themselves.
@Suite("Source block escaped for JSON in one walk")
struct SourceEscapeTests {
    /// Texts that quoting, escaping and the source block's guard each treat apart.
    static let trickyTexts = [
        "\"double\" and 'single' quotes", "back\\slash, C:\\path\\ and \\\\ two", "\"", "\\",
        "bell\u{7} esc\u{1B}[31m del\u{7F} nel\u{85} end", "a tab\there", "\ttab first", "line one\nline two\n",
        "first\n\n\nafter blank lines", "a \"quoted\" line\nand a back\\slash one\n\twith a tab",
        "embed {code} here", "{code:title=x.yaml}\n{code}", "{CODE} {noformat}", "日本語「かぎ括弧」のテキスト",
        "全角　スペース", "🎉 emoji, 👩‍💻 a joined one, 🇯🇵 a flag", "rtl \u{202E}override", "zero\u{200B}width",
        "soft\u{AD}hyphen", "\u{FEFF}bom", "line\u{2028}separator", "cr\r\nlf", "", " ", "\n", "\u{3000}", "yes", "~",
        "- dash", "key: value # comment", "#hash", "@at", "'", "1.5", "0x1F",
        String(repeating: "a long line of words ", count: 40), String(repeating: "x", count: 700),
        String(repeating: "日本語の長い行", count: 60), String(repeating: "\"q\" ", count: 200),
    ]

    /// Each tricky text in free text, a title, list items, a nested record, a quantity and a
    /// multi-line field of a ready draft, and the hostile export fixture.
    static func trickyDrafts() -> [Draft] {
        var drafts = [ExportFixtures.hostile, TestDrafts.ready, TestDrafts.japanese, Draft()]
        for (index, text) in trickyTexts.enumerated() {
            var draft = index % 2 == 0 ? TestDrafts.ready : TestDrafts.japanese
            draft.id = "tricky-\(index)"
            draft.title = text
            draft.idea = text + "\n" + text
            draft.requester.name = text
            draft.objective.problem = text
            draft.scope.deliverables = [text, "plain", text + "\n"]
            draft.scope.requirements.append(Requirement(text, .must))
            var system = AffectedSystem(name: text, change: "change\n" + text)
            system.data = [text]
            draft.systems.append(system)
            var metric = Metric()
            metric.name = text
            metric.baseline = .text(text)
            draft.success.metrics.append(metric)
            draft.testing.acceptanceCriteria = [text]
            drafts.append(draft)
        }
        return drafts
    }

    /// The tricky drafts, a share of the write plan's generated ones, and each with no format.
    static func drafts(generated: Int) throws -> [Draft] {
        let drafts = trickyDrafts() + (try WritePlanTests.drafts().prefix(generated))
        return drafts + drafts.map { draft in
            var unformatted = draft
            unformatted.format = nil
            return unformatted
        }
    }

    @Test("the escaped source block is the YAML escaped afterwards, its length and digest those of the YAML")
    func escapedIsEscapeOfYAML() throws {
        var complete = 0
        var incomplete = 0
        for draft in try Self.drafts(generated: 400) {
            let yaml = try #require(SourceBlock.yamlBytesAndDigest(for: draft))
            #expect(yaml.yaml == SourceBlock.yamlBytes(for: draft))
            var expected: [UInt8] = []
            let expectedComplete = yaml.yaml.withUnsafeBufferPointer { JSONWriter.writeEscaped(utf8: $0, into: &expected) }
            let written = SourceBlock.yamlEscapedForJSONAndDigest(for: draft)
            #expect((written != nil) == expectedComplete, "\(draft.id ?? "")")
            guard let written else {
                incomplete += 1
                continue
            }
            complete += 1
            #expect(written.escaped == expected, "\(draft.id ?? "")")
            #expect(written.count == yaml.yaml.count)
            #expect(written.digest == yaml.digest)
        }
        // Both ways are met: most drafts escape in one walk, an emoji joined by U+200D does not.
        #expect(complete > 300)
        #expect(incomplete > 0)
    }

    @Test("an item made with the escaped source block names the draft as one made without it")
    func itemsAgree() throws {
        for draft in try Self.drafts(generated: 40) {
            let report = ExportFixtures.item(draft).report
            let plain = ExportItem(draft: draft, report: report)
            let escaped = ExportItem(draft: draft, report: report, writingSource: true, escapingSourceForJSON: true)
            #expect(escaped.revision == plain.revision)
            #expect(escaped.externalID == plain.externalID)
            #expect(escaped.sourceYAMLCount == SourceBlock.yamlBytes(for: draft).count)
            #expect((escaped.sourceYAMLEscapedForJSON != nil) != (escaped.sourceYAMLBytes != nil))
        }
    }

    /// What `render` made of the item: its bytes, or the error's message.
    private static func rendered(_ format: ExportFormat, _ item: ExportItem, _ options: ExportOptions) -> [[UInt8]] {
        do {
            switch try format.exporter.render(item, options: options).piece() {
            case .text(let bytes), .json(let bytes): return [bytes]
            case .importIssues(let issues, let links): return issues + [Array(JSONWriter.compact(.list(links)).utf8)]
            }
        } catch {
            return [Array(error.message.utf8)]
        }
    }

    @Test(
        "the exports that copy the escaped source block in write what they write from the YAML",
        arguments: [ExportFormat.jiraImport, .jiraV2, .jiraV3, .jiraV3Bulk, .csv])
    func exportsAgree(format: ExportFormat) throws {
        for shape in format == .jiraImport ? [ExportOptions.Shape.single, .subtasks] : [.single] {
            let options = ExportFixtures.options(shape: shape)
            for draft in try Self.drafts(generated: 30) {
                let report = ExportFixtures.item(draft).report
                let plain = ExportItem(draft: draft, report: report)
                let withYAML = ExportItem(draft: draft, report: report, writingSource: true)
                let escaped = ExportItem(draft: draft, report: report, writingSource: true, escapingSourceForJSON: true)
                let expected = Self.rendered(format, plain, options)
                #expect(Self.rendered(format, withYAML, options) == expected, "\(draft.id ?? "")")
                #expect(Self.rendered(format, escaped, options) == expected, "\(draft.id ?? "")")
            }
        }
        #expect(format.escapesSourceForJSON == (format != .csv))
    }
}
