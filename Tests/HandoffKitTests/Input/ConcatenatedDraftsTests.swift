import Testing

@testable import HandoffKit

/// `cat a.yaml b.yaml | handoff check -`: drafts run together without `---` are read as separate
/// drafts when each starts with its `format:` line, and the duplicate-key error suggests `---`
/// when they do not.
@Suite("Drafts run together on one stream")
struct ConcatenatedDraftsTests {
    private func load(_ text: String) -> [Result<LoadedDraft, InvalidInput>] {
        DraftLoader.load(text: text, source: "-", requireFormat: false)
    }

    private func titles(_ results: [Result<LoadedDraft, InvalidInput>]) -> [String?] {
        results.map { (try? $0.get())?.draft.title }
    }

    static let first = "format: handoff/1\ntitle: First\nsystems: [Marketo]\n"
    static let second = "# the second file\nformat: handoff/1\ntitle: Second\n"

    @Test("a second top-level format line starts a new draft")
    func repeatedFormatSplits() {
        let results = load(Self.first + Self.second)
        #expect(titles(results) == ["First", "Second"])
        #expect(results.compactMap { try? $0.get().documentIndex } == [1, 2])
        let chunks = DocumentSplitter.split(Self.first + Self.second, source: "-")
        #expect(chunks.map(\.firstLine) == [1, 5])
    }

    @Test("errors in the second draft name its index and the line of the whole stream")
    func errorsKeepStreamLines() throws {
        let results = load(Self.first + Self.second + "timeline: {launch: 2026-02-30}\n")
        #expect(results.count == 2)
        guard case .failure(let invalid) = results[1] else {
            Issue.record("the bad date in the second draft was accepted")
            return
        }
        let error = try #require(invalid.errors.first)
        #expect(error.documentIndex == 2)
        #expect(error.line == 7)
        #expect(error.field == "timeline.launch")
    }

    @Test("format lines that are not top-level keys do not split", arguments: [
        "format: handoff/1\nidea: |\n  format: handoff/1\n  is what the file starts with\n",
        "format: handoff/1\nidea: >\n  format: x\n",
        "format: handoff/1\ntitle: formats\nformatting: yes\n",
    ])
    func nestedFormatStaysInside(_ text: String) {
        #expect(DocumentSplitter.split(text, source: "-").count == 1)
    }

    @Test("--- between drafts still makes exactly one split")
    func markerAndFormat() {
        #expect(titles(load(Self.first + "---\n" + Self.second)) == ["First", "Second"])
        #expect(titles(load("---\n" + Self.first + "---\n" + Self.second + "---\n")) == ["First", "Second"])
    }

    @Test("drafts without format lines run together get the duplicate-key error, which suggests ---")
    func withoutFormatSuggestsMarker() throws {
        let results = load("title: First\nidea: one\ntitle: Second\n")
        #expect(results.count == 1)
        guard case .failure(let invalid) = results[0] else {
            Issue.record("a repeated title was accepted")
            return
        }
        let message = try #require(invalid.errors.first?.message)
        #expect(message.contains("'title'"))
        #expect(message.contains("`---`"), "\(message)")
    }

    @Test("a key repeated inside a record does not suggest ---")
    func nestedDuplicateNoMarkerHint() throws {
        let results = load("format: handoff/1\nrequester:\n  name: A\n  name: B\n")
        guard case .failure(let invalid) = results.first else {
            Issue.record("a repeated name was accepted")
            return
        }
        let message = try #require(invalid.errors.first?.message)
        #expect(message.contains("'name'"))
        #expect(!message.contains("---"), "\(message)")
    }
}
