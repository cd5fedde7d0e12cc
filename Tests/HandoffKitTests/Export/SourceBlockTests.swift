import Testing

@testable import HandoffKit

/// The source draft every export carries: YAML that starts with the format line, reloads to the
/// same draft, never holds `{code` (which would end its wiki code block), and is found again in
/// wiki and Markdown text.
@Suite("Source block")
struct SourceBlockTests {
    // MARK: - Helpers

    /// The drafts `yaml` loads to, as a file must (with its format line).
    private func reload(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Draft? {
        let results = DraftLoader.load(text: yaml, source: "source.yaml", requireFormat: true)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("did not reload: \(results)\n--- yaml ---\n\(yaml)", sourceLocation: sourceLocation)
            return nil
        }
        return loaded.draft
    }

    /// A draft carrying `text` in single-line, multi-line, list, nested and flow-style places.
    private func draft(with text: String) -> Draft {
        var draft = Draft()
        draft.title = text
        draft.idea = text + "\nsecond line " + text + "\n"
        draft.requester.name = text
        draft.objective.problem = "first\n" + text
        draft.scope.deliverables = [text, "plain"]
        draft.scope.requirements = [Requirement(text, .must)]
        var system = AffectedSystem(name: text, change: text + "\n" + text)
        system.data = [text]
        draft.systems = [system]
        draft.stakeholders = [Stakeholder(.approver, text)]
        var metric = Metric()
        metric.name = text
        metric.baseline = .text(text)
        draft.success.metrics = [metric]
        draft.testing.acceptanceCriteria = [text]
        draft.review.questions = [ReviewQuestion(by: text, text: text)]
        return draft
    }

    static let samples: [(String, Draft)] = [
        ("ready", TestDrafts.ready), ("japanese", TestDrafts.japanese), ("hostile", ExportFixtures.hostile),
        ("empty", Draft()), ("half-formed", TestDrafts.load(TestDrafts.exampleText("half-formed-idea.yaml"))),
    ]

    // MARK: - YAML

    @Test("The YAML starts with the format line and reloads to the same draft", arguments: samples.map(\.0))
    func yamlReloads(_ name: String) throws {
        let draft = try #require(Self.samples.first { $0.0 == name }?.1)
        let yaml = SourceBlock.yaml(for: draft)
        #expect(yaml.hasPrefix("format: handoff/1\n") || yaml == "format: handoff/1")
        #expect(!yaml.hasSuffix("\n"), "the code block adds the final line break")
        #expect(reload(yaml) == ExportFixtures.normalised(draft))
    }

    @Test("A draft without a format line gets one")
    func formatAdded() {
        let draft = TestDrafts.load("title: No format line\nidea: just an idea\n")
        #expect(draft.format == nil)
        let yaml = SourceBlock.yaml(for: draft)
        #expect(yaml.hasPrefix("format: handoff/1\ntitle: No format line\n"))
        var expected = draft
        expected.format = "handoff/1"
        #expect(reload(yaml) == expected)
        // A draft that already says so is not given a second one.
        #expect(SourceBlock.yaml(for: expected) == yaml)
    }

    @Test(
        "Text holding {code} never puts {code in the YAML, and reloads unchanged",
        arguments: [
            "{code}", "{CODE:x}", "{Code:title=a.yaml|language=yaml}", "before {code} after", "{{code}}",
            "{noformat}{code}", "x{cOdE", "{code:title=handoff-source.yaml|language=yaml}",
        ])
    func guarded(_ text: String) {
        let draft = draft(with: text)
        let yaml = SourceBlock.yaml(for: draft)
        for line in yaml.split(separator: "\n") {
            #expect(!line.lowercased().contains("{code"), "\(line)")
        }
        #expect(reload(yaml) == ExportFixtures.normalised(draft))
        // And it survives its own wiki code block.
        let wiki = WikiMarkupRenderer.render(
            TicketDocument(blocks: [.code(language: "yaml", title: TicketDocument.sourceTitle, text: yaml)]))
        #expect(ExportReader.sources(inWiki: wiki) == [yaml + "\n"])
    }

    @Test("Text without {code keeps the readable literal style")
    func unguardedStaysLiteral() {
        var draft = Draft()
        draft.idea = "line one\nline two\n"
        #expect(SourceBlock.yaml(for: draft).contains("idea: |\n  line one\n  line two"))
    }

    // MARK: - Extraction from wiki markup

    @Test("Every source block is found in wiki text; other code blocks are ignored")
    func extractWiki() {
        let first = SourceBlock.yaml(for: TestDrafts.ready)
        let second = SourceBlock.yaml(for: TestDrafts.japanese)
        let text = """
            h2. Code from the requester
            {code:java}
            format: handoff/1
            title: not a source: no title on the block
            {code}
            {code:title=\(TicketDocument.sourceTitle)|language=yaml}
            \(first)
            {code}
            A paragraph between.
            {noformat}
            format: handoff/1
            {noformat}
            {code:title=\(TicketDocument.sourceTitle)|language=yaml}
            not: a draft
            {code}
            {code:title=\(TicketDocument.sourceTitle)|language=yaml}
            \(second)
            {code}

            """
        #expect(ExportReader.sources(inWiki: text) == [first + "\n", second + "\n"])
    }

    @Test("Wiki text with Windows line endings still gives its source")
    func extractWikiCRLF() {
        let yaml = SourceBlock.yaml(for: TestDrafts.ready)
        let text = "h2. x\n{code:title=\(TicketDocument.sourceTitle)|language=yaml}\n\(yaml)\n{code}\n"
        let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(ExportReader.sources(inWiki: crlf) == [yaml + "\n"])
    }

    @Test("An unclosed source block is not a source")
    func unclosedWiki() {
        let yaml = SourceBlock.yaml(for: TestDrafts.ready)
        #expect(ExportReader.sources(inWiki: "{code:title=\(TicketDocument.sourceTitle)}\n\(yaml)\n").isEmpty)
    }

    // MARK: - Extraction from Markdown

    @Test("Markdown fences: longer fences hold shorter backtick runs; several sources are found")
    func extractMarkdown() {
        let first = "format: handoff/1\ntitle: \"```\"\nidea: |\n  ```\n  not a fence end\n  ````"
        let second = SourceBlock.yaml(for: TestDrafts.ready)
        let text = """
            # Title

            ```yaml
            format: handoff/1
            title: no source title on this fence
            ```

            `````yaml \(TicketDocument.sourceTitle)
            \(first)
            `````

            ```yaml \(TicketDocument.sourceTitle)
            \(second)
            ```

            ```yaml \(TicketDocument.sourceTitle)
            not: a draft
            ```

            """
        #expect(ExportReader.sources(inMarkdown: text) == [first + "\n", second + "\n"])
    }

    @Test("Markdown with Windows line endings still gives its source")
    func extractMarkdownCRLF() {
        let yaml = SourceBlock.yaml(for: TestDrafts.japanese)
        let text = "# x\n\n```yaml \(TicketDocument.sourceTitle)\n\(yaml)\n```\n"
        let crlf = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(ExportReader.sources(inMarkdown: crlf) == [yaml + "\n"])
    }

    @Test("What the Markdown renderer writes, the extractor reads, whatever backticks the draft holds")
    func markdownRendererAgreement() {
        for text in ["`", "``", "```", "````````", "a ``` b\n```\n````"] {
            let yaml = SourceBlock.yaml(for: draft(with: text))
            let rendered = MarkdownRenderer.block(
                .code(language: "yaml", title: TicketDocument.sourceTitle, text: yaml))
            #expect(ExportReader.sources(inMarkdown: rendered) == [yaml + "\n"], "\(text)")
        }
    }
}
