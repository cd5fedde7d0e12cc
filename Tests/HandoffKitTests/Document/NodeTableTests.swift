import Testing

@testable import HandoffKit

/// The node table stands in for the `DocNode` tree everywhere drafts are decoded: it must hold the
/// same tree, and its views must answer as the tree's do, whatever the keys and texts.
@Suite("Node table: the same tree, read the same way")
struct NodeTableTests {
    /// Texts and keys with Japanese, full-width, invisible and canonically equivalent spellings,
    /// null spellings, and the keys of drafts and exports.
    static let words = [
        "title", "lang", "projects", "links", "users", "issueUpdates", "fields", "description", "systems", "name",
        "タイトル", "ＦＵＬＬ", "zero\u{200B}width", "\u{212A}ind", "Kind", "é", "e\u{301}", "", "~", "null", "Null", "NULL",
        "nULL", "true", "2026-12-01", " ", "\u{FEFF}", "line\nbreak",
    ]

    struct Generator {
        var random: UInt64
        mutating func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: random >> 33) % bound
        }

        mutating func word() -> String { NodeTableTests.words[next(NodeTableTests.words.count)] }

        mutating func tree(depth: Int) -> DocNode {
            let line = next(500) + 1
            let column = next(80) + 1
            if depth > 3 || next(4) == 0 { return DocNode(.scalar(word(), plain: next(2) == 0), line: line, column: column) }
            if next(3) == 0 {
                return DocNode(.sequence((0..<next(5)).map { _ in tree(depth: depth + 1) }), line: line, column: column)
            }
            let pairs = (0..<next(6)).map { _ in
                // Now and then a key that is itself a collection, as YAML allows.
                DocNode.Pair(
                    key: next(12) == 0 ? tree(depth: depth + 2) : DocNode(.scalar(word(), plain: next(2) == 0), line: line, column: column + 1),
                    value: tree(depth: depth + 1))
            }
            return DocNode(.mapping(pairs), line: line, column: column)
        }
    }

    /// Each node of `tree` against its view in the table, the views' answers against the tree's.
    static func compare(_ tree: DocNode, _ node: TableNode, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(node.line == tree.line && node.column == tree.column, sourceLocation: sourceLocation)
        #expect(node.scalarText == tree.scalarText, sourceLocation: sourceLocation)
        #expect(node.isNull == tree.isNull, sourceLocation: sourceLocation)
        #expect(node.kindDescription == tree.kindDescription, sourceLocation: sourceLocation)
        switch tree.kind {
        case .scalar(_, let plain):
            #expect(node.isScalar && node.isPlainScalar == plain, sourceLocation: sourceLocation)
            for word in words { #expect(node.textEquals(word) == (tree.scalarText == word), sourceLocation: sourceLocation) }
        case .sequence(let items):
            #expect(node.isSequence && node.count == items.count, sourceLocation: sourceLocation)
            for (offset, (item, view)) in zip(items, node.items).enumerated() {
                compare(item, view, sourceLocation: sourceLocation)
                #expect(node.item(offset).index == view.index, sourceLocation: sourceLocation)
            }
            #expect(Array(node.items).count == items.count, sourceLocation: sourceLocation)
        case .mapping(let pairs):
            #expect(node.isMapping && node.count == pairs.count, sourceLocation: sourceLocation)
            for (pair, view) in zip(pairs, node.pairs) {
                compare(pair.key, view.key, sourceLocation: sourceLocation)
                compare(pair.value, view.value, sourceLocation: sourceLocation)
            }
            #expect(Array(node.pairs).count == pairs.count, sourceLocation: sourceLocation)
            for word in words {
                #expect(node[word]?.index == node.pairs.first(where: { $0.key.scalarText == word })?.value.index)
                #expect((node[word] == nil) == (tree[word] == nil), sourceLocation: sourceLocation)
            }
        }
    }

    @Test("400 generated trees survive the table unchanged, and its views answer as the tree does")
    func generatedTrees() {
        var generator = Generator(random: 20_261_201)
        for _ in 0..<400 {
            let tree = generator.tree(depth: 0)
            let table = NodeTable(tree)
            if let difference = JSONReaderEquivalenceTests.difference(table.docNode, tree) { Issue.record("\(difference)") }
            table.withRoot { Self.compare(tree, $0) }
            #expect(table.withRoot { ExportReader.kind(of: $0) } == ExportReader.kind(of: tree))
        }
    }

    @Test("a record's keys are found as String equality finds them: bytes for ASCII, canonical equivalence past it")
    func recordKeys() {
        var keys = Draft.fields.map(\.key) + AffectedSystem.fields.map(\.key) + Self.words
        keys += keys.map { $0.uppercased() } + keys.map { $0.replacingOccurrences(of: "K", with: "\u{212A}") }
        keys += ["\u{212A}ind", "titl", "title ", "ti\u{200B}tle", "ｔｉｔｌｅ"]
        for key in keys {
            NodeTable(DocNode(.scalar(key, plain: false), line: 1, column: 1)).withRoot { node in
                let reference = Draft.fields.firstIndex { $0.key == key }
                #expect(Draft.field(named: node, in: Draft.fields)?.0 == reference, "key \(key.debugDescription)")
                if let (_, written) = Draft.field(named: node, in: Draft.fields) { #expect(written == key) }
            }
        }
    }

    @Test("the byte-level reader's table holds what Yams' tree holds, escapes and all")
    func readerTable() throws {
        let texts = [
            #"{"title":"Webinar","systems":[{"name":"Marketo"},"Salesforce"],"n":-1.5e3,"ok":true,"none":null}"#,
            #"{"a":"\u00e9\u3042\n\t\"q\" \\ \/","b":["x\u0041y",""],"c":{}}"#, "{\"ja\":\"ウェビナー申込フォーム\",\"fw\":\"ＡＳＡＰ\"}",
            "{\"z\":\"zero\u{200B}width\",\"e\":\"e\u{301}\",\n \"list\" : [ 1 , [ ] , { \"k\" : \"v\" } ]}",
        ]
        for (index, text) in texts.enumerated() {
            let table = try #require(JSONReader.table(text, lineOffset: index, limits: .standard), "text \(index)")
            let reference = try YAMLReader.parseWithYams(DocumentChunk(index: 1, firstLine: 1 + index, text: text, error: nil), source: "-")
            if let difference = JSONReaderEquivalenceTests.difference(table.docNode, reference) { Issue.record("\(index): \(difference)") }
            table.withRoot { Self.compare(reference, $0) }
        }
    }

    @Test("keys the byte-level reader cannot compare as bytes are left to Yams: escaped, non-ASCII, over 64 in a mapping")
    func keysLeftToYams() {
        #expect(JSONReader.table(#"{"\u0074itle":"x"}"#, lineOffset: 0, limits: .standard) == nil)
        #expect(JSONReader.table("{\"\u{212A}ind\":1}", lineOffset: 0, limits: .standard) == nil)
        let many = "{" + (0..<65).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let enough = "{" + (0..<64).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        #expect(JSONReader.table(many, lineOffset: 0, limits: .standard) == nil)
        #expect(JSONReader.table(enough, lineOffset: 0, limits: .standard) != nil)
        #expect(JSONReader.table(#"{"a":1,"b":2,"a":3}"#, lineOffset: 0, limits: .standard) == nil)
    }

    /// Breaks some of `value`'s fields: a typo in a key, a list or a mapping where text goes, a
    /// number where a date goes, a word no enumeration has.
    static func breakFields(_ value: Value, generator: inout Generator) -> Value {
        switch value {
        case .map(let entries):
            return .map(
                entries.map { entry in
                    switch generator.next(14) {
                    case 0: return Value.Entry(entry.key + "x", entry.value)
                    case 1: return Value.Entry(entry.key, .list([.string("a"), .map([])]))
                    case 2: return Value.Entry(entry.key, .map([Value.Entry("k", .string("v"))]))
                    case 3: return Value.Entry(entry.key, .number("12"))
                    case 4: return Value.Entry(entry.key, .string("sometimes"))
                    default: return Value.Entry(entry.key, breakFields(entry.value, generator: &generator))
                    }
                })
        case .list(let items): return .list(items.map { breakFields($0, generator: &generator) })
        default: return value
        }
    }

    @Test("300 generated drafts, many broken, load from the reader's table as from Yams' tree: same drafts, positions and errors")
    func loadedTheSameWay() throws {
        let examples = try JSONReaderEquivalenceTests.examples()
        var generator = Generator(random: 7)
        var seed: UInt64 = 99
        var taken = 0
        var failed = 0
        for index in 0..<300 {
            var value = JSONReaderEquivalenceTests.vary(examples[index % examples.count], seed: &seed)
            if index % 3 != 0 { value = Self.breakFields(value, generator: &generator) }
            let text = JSONReaderEquivalenceTests.json(value, spaced: index % 2 == 1, asciiOnly: index % 5 == 2, pretty: index % 7 == 3)
            if JSONReader.table(text, lineOffset: 0, limits: .standard) != nil { taken += 1 }
            let fast = DraftLoader.load(text: text, source: "-", requireFormat: index % 4 == 0)
            let chunk = DocumentChunk(index: 1, firstLine: 1, text: text, error: nil)
            let reference: Result<LoadedDraft, InvalidInput>
            do { reference = DraftLoader.load(root: try YAMLReader.parseWithYams(chunk, source: "-"), index: 1, source: "-", requireFormat: index % 4 == 0) } catch {
                reference = .failure(error)
            }
            switch (fast.first, reference) {
            case (.success(let loaded)?, .success(let expected)):
                #expect(loaded.draft.encoded == expected.draft.encoded, "draft \(index)")
                for field in ["title", "systems[0].name", "success.metrics[1].target", "timeline.launch", "nowhere.at[3]"] {
                    #expect(loaded.positions?.position(of: field) == expected.positions?.position(of: field), "draft \(index), \(field)")
                }
            case (.failure(let invalid)?, .failure(let expected)):
                failed += 1
                #expect(invalid.errors == expected.errors, "draft \(index)")
                #expect(invalid.language == expected.language, "draft \(index)")
            default:
                Issue.record("draft \(index) loads one way and fails the other: \(text.prefix(300))")
            }
        }
        #expect(taken > 100)  // hostile texts (a line separator, a C1 control) make many decline
        #expect(failed > 50)
    }
}
