import Testing

@testable import HandoffKit

/// What `handoff export` writes, `check`, `review` and `diff` read back without loss: every format
/// gives back the drafts it was made from, in order, whatever they hold; an export without its
/// source draft says so.
@Suite("Export round trip")
struct ExportRoundTripTests {
    // MARK: - Helpers

    enum Sample: String, CaseIterable, CustomTestStringConvertible {
        case ready, japanese, hostile
        var testDescription: String { rawValue }

        var draft: Draft {
            switch self {
            case .ready: return TestDrafts.ready
            case .japanese: return TestDrafts.japanese
            case .hostile: return ExportFixtures.hostile
            }
        }
    }

    private func export(
        _ format: ExportFormat, _ drafts: [Draft], _ options: ExportOptions = ExportFixtures.options(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        do {
            return try format.exporter.export(drafts.map(ExportFixtures.item), options: options)
        } catch {
            Issue.record("export failed: \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    /// Field-by-field differences, so a failure says where the drafts part.
    private func differences(_ got: Draft, _ expected: Draft) -> String {
        let left = YAMLWriter.document(got.encoded).split(separator: "\n")
        let right = YAMLWriter.document(expected.encoded).split(separator: "\n")
        return zip(left, right).filter { $0 != $1 }.prefix(5).map { "got \($0)\nexpected \($1)" }.joined(
            separator: "\n")
    }

    static let combinations: [(ExportFormat, Sample)] = ExportFormat.allCases.flatMap { format in
        Sample.allCases.map { (format, $0) }
    }

    // MARK: - One draft

    @Test("Each format reads back as the same draft", arguments: combinations)
    func oneDraft(_ format: ExportFormat, _ sample: Sample) {
        let draft = sample.draft
        let text = export(format, [draft])
        let back = ExportFixtures.reload(text)
        let expected = ExportFixtures.normalised(draft)
        #expect(back.count == 1)
        if let first = back.first {
            #expect(first == expected, "\(format.rawValue):\n\(differences(first, expected))")
        }
    }

    @Test("The hostile draft really is hostile: its text needs every safeguard")
    func hostileIsHostile() throws {
        let draft = ExportFixtures.hostile
        #expect(draft.title == "yes")
        let idea = try #require(draft.idea)
        for needle in ["{code}", "\\", "\"", "🎉", "日本語", "\u{7}", "\u{1B}", "*bold*", "|", "h1. "] {
            #expect(idea.contains(needle), "\(needle)")
        }
        #expect(draft.objective.problem?.contains("\t") == true)
    }

    @Test("Exports with Windows line endings still read back", arguments: [ExportFormat.markdown, .jiraImport, .yaml])
    func crlf(_ format: ExportFormat) {
        let text = export(format, [TestDrafts.ready, TestDrafts.japanese])
        let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(ExportFixtures.reload(crlf) == [TestDrafts.ready, TestDrafts.japanese].map(ExportFixtures.normalised))
    }

    // MARK: - Several drafts

    @Test("Several drafts come back as several drafts, in order", arguments: ExportFormat.allCases)
    func severalDrafts(_ format: ExportFormat) {
        let drafts = [TestDrafts.ready, ExportFixtures.hostile, TestDrafts.japanese, TestDrafts.ready]
        let back = ExportFixtures.reload(export(format, drafts))
        let expected = drafts.map(ExportFixtures.normalised)
        #expect(back.count == expected.count)
        for (got, want) in zip(back, expected) {
            #expect(got == want, "\(format.rawValue):\n\(differences(got, want))")
        }
    }

    @Test("Sub-tasks add issues, not drafts: a subtasks import reads back as its stories")
    func subtasksReadBack() {
        let drafts = [TestDrafts.ready, TestDrafts.japanese]
        let text = export(.jiraImport, drafts, ExportFixtures.options(shape: .subtasks))
        #expect(ExportFixtures.reload(text) == drafts.map(ExportFixtures.normalised))
    }

    @Test("Documents are numbered in the order of the export")
    func documentIndexes() {
        let text = export(.jiraV3Bulk, [TestDrafts.ready, TestDrafts.japanese, ExportFixtures.hostile])
        let results = DraftInput.load(text: text, source: "bulk.json", requireFormat: true)
        let indexes = results.compactMap { result -> Int? in
            if case .success(let loaded) = result { return loaded.documentIndex }
            return nil
        }
        #expect(indexes == [1, 2, 3])
    }

    // MARK: - Without the source

    @Test(
        "An export made with --no-source reads back as an error that says so",
        arguments: ExportFormat.allCases.filter { $0 != .yaml && $0 != .json })
    func noSource(_ format: ExportFormat) {
        let text = export(format, [TestDrafts.ready], ExportFixtures.options(includeSource: false))
        #expect(!text.isEmpty && !text.contains("format: handoff/1"))
        let results = DraftInput.load(text: text, source: "export", requireFormat: true)
        #expect(results.count == 1)
        guard case .failure(let invalid)? = results.first else {
            Issue.record("an export without its source loaded: \(results)")
            return
        }
        #expect(invalid.description.contains("--no-source"), "\(invalid)")
        #expect(invalid.errors.first?.source == "export")
    }

    @Test("yaml and json are the draft itself: --no-source changes nothing", arguments: [ExportFormat.yaml, .json])
    func noSourceForDrafts(_ format: ExportFormat) {
        let with = export(format, [TestDrafts.ready])
        #expect(export(format, [TestDrafts.ready], ExportFixtures.options(includeSource: false)) == with)
        #expect(ExportFixtures.reload(with) == [ExportFixtures.normalised(TestDrafts.ready)])
    }
}
