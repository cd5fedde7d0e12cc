import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The exports render the description as the builder hands over its blocks (`WikiMarkupStream`,
/// `ADFStream`); these compare them with the renderers of the whole `TicketDocument`, which stay
/// the reference, over generated drafts with hostile text in every kind of block.
@Suite("Descriptions written as they are built against the rendered document")
struct DocumentStreamTests {
    /// Generated drafts, and hostile text also in the tables, questions and lists.
    static func drafts() throws -> [Draft] {
        var random = SplitMix(seed: 0x57EA)
        func hostile() -> String {
            random.int(in: 0...4) == 0 ? random.pick(["", " ", "\n", "a\r\nb", "(x)", "h1. x"]) : WriterEquivalenceTests.text(&random)
        }
        var drafts = [ExportFixtures.hostile]
        for var draft in try TreeBytesEquivalenceTests.drafts() {
            if random.int(in: 0...2) == 0 {
                var risk = Risk()
                risk.text = hostile()
                risk.mitigation = hostile()
                draft.risks.append(risk)
            }
            if random.int(in: 0...2) == 0 {
                var question = ReviewQuestion(by: random.int(in: 0...1) == 0 ? nil : hostile(), text: hostile())
                if random.int(in: 0...1) == 0 { question.answer = hostile() }
                draft.review.questions.append(question)
            }
            if random.int(in: 0...2) == 0 {
                var metric = Metric()
                metric.name = hostile()
                metric.source = hostile()
                draft.success.metrics.append(metric)
            }
            if random.int(in: 0...2) == 0 { draft.testing.acceptanceCriteria.append(hostile()) }
            if random.int(in: 0...2) == 0 { draft.details.url = hostile() }
            if random.int(in: 0...2) == 0 { draft.operations.securityNotes = hostile() }
            drafts.append(draft)
        }
        return drafts
    }

    static let optionSets = [
        ExportFixtures.options(), ExportFixtures.options(includeSource: false, language: .ja),
    ]

    @Test("wiki markup written as the builder goes is the rendered document's, byte for byte")
    func wiki() throws {
        let drafts = try Self.drafts()
        #expect(drafts.count > 80)
        for options in Self.optionSets {
            for draft in drafts {
                let item = ExportFixtures.item(draft)
                for bodyOnly in [false, true] {
                    let builder = TicketDocumentBuilder(options: options, bodyOnly: bodyOnly)
                    var stream = WikiMarkupStream()
                    builder.write(item, into: &stream)
                    #expect(stream.finish() == WikiMarkupRenderer.renderBytes(builder.document(for: item)))
                }
                #expect(try wikiDescriptionBytes(item, options: options) == WikiMarkupRenderer.renderBytes(
                    TicketDocumentBuilder(options: options).document(for: item)))
            }
        }
    }

    @Test("the description written JSON-escaped as it is rendered is the JSON string of the wiki text")
    func wikiJSON() throws {
        var complete = 0
        var gaveUp = 0
        for options in Self.optionSets {
            for draft in try Self.drafts() {
                let item = ExportFixtures.item(draft)
                let wiki = try wikiDescriptionBytes(item, options: options)
                var expected: [UInt8] = Array("x".utf8)
                wiki.withUnsafeBufferPointer { JSONWriter.writeString(utf8: $0, into: &expected) }
                var written: [UInt8] = Array("x\"".utf8)
                if appendWikiDescriptionJSON(item, options: options, to: &written) {
                    written.append(0x22)
                    #expect(written == expected)
                    complete += 1
                } else {
                    #expect(wiki.utf8String.unicodeScalars.contains(where: UnsafeScalar.isInvisible))
                    gaveUp += 1
                }
            }
        }
        // The generated text is dense with invisible characters: both ways are taken often.
        #expect(complete > 40)
        #expect(gaveUp > 40)
    }

    @Test("the description's CSV cell written as it is rendered is the cell of the wiki text")
    func csvCell() throws {
        var complete = 0
        var gaveUp = 0
        for options in Self.optionSets {
            for mode in [ExportOptions.CSVGuard.jira, .spreadsheet] {
                var options = options
                options.csvGuard = mode
                for draft in try Self.drafts() {
                    let item = ExportFixtures.item(draft)
                    let wiki = try wikiDescriptionBytes(item, options: options)
                    var expected: [UInt8] = Array("x,".utf8)
                    wiki.withUnsafeBufferPointer { utf8 in
                        CSVExporter.appendCell(utf8, of: { String(decoding: utf8, as: UTF8.self) }, guard: mode, into: &expected)
                    }
                    var written: [UInt8] = Array("x,".utf8)
                    if CSVExporter.appendDescriptionCell(item, options: options, into: &written) {
                        #expect(written == expected)
                        complete += 1
                    } else {
                        #expect(Self.mayNeedCharacterwiseCell(wiki))
                        gaveUp += 1
                    }
                }
            }
        }
        // The generated text is dense with invisible characters: both ways are taken often.
        #expect(complete > 50)
        #expect(gaveUp > 50)
    }

    /// What sends a cell to the character-wise writer: an invisible scalar, a quote or comma
    /// next to a non-ASCII scalar, a first character that is not a letter or digit.
    static func mayNeedCharacterwiseCell(_ wiki: [UInt8]) -> Bool {
        let text = wiki.utf8String
        if text.unicodeScalars.contains(where: UnsafeScalar.isInvisible) { return true }
        if let first = text.unicodeScalars.first, !(first.isASCII && first.properties.isAlphabetic) { return true }
        for (index, byte) in wiki.enumerated() where byte == 0x22 || byte == 0x2C {
            if (index > 0 && wiki[index - 1] >= 0x80) || (index + 1 < wiki.count && wiki[index + 1] >= 0x80) { return true }
        }
        return false
    }

    @Test("a description that may be over Jira's limit is left to the writer that counts it")
    func jsonNearLimit() throws {
        var draft = TestDrafts.ready
        draft.objective.problem = String(repeating: "\"", count: 20_000)
        let item = ExportFixtures.item(draft)
        let options = ExportFixtures.options(includeSource: false)
        var written: [UInt8] = []
        #expect(!appendWikiDescriptionJSON(item, options: options, to: &written))
        #expect(try wikiDescriptionBytes(item, options: options).count < 32_767)
    }

    @Test("ADF written as the builder goes is the rendered document's, compact and indented")
    func adf() throws {
        for options in Self.optionSets {
            for draft in try Self.drafts().prefix(200) {
                let item = ExportFixtures.item(draft)
                let builder = TicketDocumentBuilder(options: options)
                let document = builder.document(for: item)
                for (indent, level) in [(nil, 0), (2, 3)] as [(Int?, Int)] {
                    var expected = TreeBytes(.json(indent: indent), level: level)
                    ADFRenderer.write(document, into: &expected)
                    var stream = ADFStream()
                    stream.tree = TreeBytes(.json(indent: indent), level: level)
                    stream.start()
                    builder.write(item, into: &stream)
                    stream.finish()
                    #expect(stream.tree.text == expected.text)
                    #expect(stream.lengthBound >= document.textLength)
                }
            }
        }
    }

    @Test("the hostile draft gives every kind of block, so the comparisons above reach them all")
    func collected() throws {
        let item = ExportFixtures.item(ExportFixtures.hostile)
        let document = TicketDocumentBuilder(options: ExportFixtures.options()).document(for: item)
        var kinds: Set<String> = []
        for block in document.blocks {
            switch block {
            case .heading: kinds.insert("heading")
            case .paragraph: kinds.insert("paragraph")
            case .bullets: kinds.insert("bullets")
            case .checklist: kinds.insert("checklist")
            case .table: kinds.insert("table")
            case .quote: kinds.insert("quote")
            case .code: kinds.insert("code")
            }
        }
        #expect(kinds == ["heading", "paragraph", "bullets", "checklist", "table", "quote", "code"])
    }

    @Test("a description over Jira's limit is still refused, counted exactly near the limit")
    func overLimit() throws {
        var draft = TestDrafts.ready
        // Japanese: three UTF-8 bytes but one UTF-16 unit a character, so the bound alone would refuse it.
        draft.objective.problem = String(repeating: "日本", count: 6_000)
        let item = ExportFixtures.item(draft)
        let options = ExportFixtures.options(includeSource: false)
        #expect(throws: Never.self) { try JiraV3Exporter.body(item, options: options, indent: nil) }
        #expect(throws: Never.self) { try wikiDescriptionBytes(item, options: options) }
        draft.objective.problem = String(repeating: "日本", count: 17_000)
        let long = ExportFixtures.item(draft)
        #expect(throws: ExportError.self) { try JiraV3Exporter.body(long, options: options, indent: nil) }
        #expect(throws: ExportError.self) { try wikiDescriptionBytes(long, options: options) }
    }
}
