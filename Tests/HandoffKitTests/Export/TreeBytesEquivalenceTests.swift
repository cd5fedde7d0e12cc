import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The exports write drafts, ADF and REST bodies straight into bytes (`TreeBytes`); these compare
/// them with the `Value` trees they replaced, written by `JSONWriter` and hashed by the walk
/// `ContentDigest` used to do, over generated drafts filled with hostile text.
extension ExportItem {
    /// `SourceBlock.yaml(for: draft)` when it was written with the digest.
    fileprivate var sourceYAML: String? { sourceYAMLBytes?.utf8String }
}

@Suite("Tree bytes against the Value trees they replaced")
struct TreeBytesEquivalenceTests {
    /// The digest as it was: FNV-1a over the encoded tree, each node tagged by its kind.
    static func referenceDigest(_ draft: Draft) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        func walk(_ value: Value) {
            switch value {
            case .null: feed([0])
            case .bool(let flag): feed([1, flag ? 1 : 0])
            case .number(let text): feed([2]); feed(text.utf8); feed([0])
            case .string(let text): feed([3]); feed(text.utf8); feed([0])
            case .plain(let text): feed([4]); feed(text.utf8); feed([0])
            case .list(let items):
                feed([5])
                items.forEach(walk)
                feed([6])
            case .map(let entries):
                feed([7])
                for entry in entries {
                    feed(entry.key.utf8)
                    feed([0])
                    walk(entry.value)
                }
                feed([8])
            }
        }
        walk(draft.encoded)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Generated drafts with some texts replaced by hostile ones (Japanese, full-width, invisible,
    /// controls, blank text that counts as empty), plus the empty draft and the samples.
    static func drafts() throws -> [Draft] {
        var generator = DraftGenerator(seed: 0x7BEE_B17E)
        var random = SplitMix(seed: 0x7BEE)
        var drafts = [Draft(), TestDrafts.ready, TestDrafts.japanese]
        func hostile() -> String {
            random.int(in: 0...5) == 0 ? random.pick(["", " ", "\n", "\t "]) : WriterEquivalenceTests.text(&random)
        }
        for _ in 0..<500 {
            for case .success(let loaded) in DraftLoader.load(text: try generator.draft(), source: "test.yaml", requireFormat: false) {
                var draft = loaded.draft
                if random.int(in: 0...1) == 0 { draft.title = hostile() }
                if random.int(in: 0...1) == 0 { draft.idea = hostile() + "\n" + hostile() }
                if random.int(in: 0...2) == 0 { draft.objective.problem = hostile() }
                if random.int(in: 0...2) == 0 { draft.scope.deliverables = (0..<random.int(in: 0...3)).map { _ in hostile() } }
                if random.int(in: 0...2) == 0 { draft.requester = Requester() }
                if random.int(in: 0...2) == 0 {
                    draft.systems.append(AffectedSystem(name: hostile(), change: hostile()))
                    draft.systems.append(AffectedSystem())
                }
                drafts.append(draft)
            }
        }
        return drafts
    }

    @Test("a draft's JSON, compact and indented, and its digest match the encoded tree's")
    func draftsMatch() throws {
        let drafts = try Self.drafts()
        #expect(drafts.count > 80)
        for draft in drafts {
            var compact = TreeBytes(.json(indent: nil))
            draft.writeRecord(into: &compact)
            #expect(compact.text == JSONWriter.compact(draft.encoded))
            var pretty = TreeBytes(.json(indent: 2), level: 1)
            draft.writeRecord(into: &pretty)
            #expect(pretty.text == JSONWriter.pretty(draft.encoded, level: 1))
            #expect(ContentDigest.of(draft) == Self.referenceDigest(draft))
        }
    }

    @Test("an item whose digest waits names the draft as one digested at once")
    func digestLater() throws {
        var unnamed = TestDrafts.ready
        unnamed.id = nil
        for draft in [TestDrafts.ready, unnamed, TestDrafts.japanese] + (try Self.drafts().prefix(20)) {
            let report = ExportFixtures.item(draft).report
            let now = ExportItem(draft: draft, report: report)
            let later = ExportItem(draft: draft, report: report, digestingNow: false)
            #expect(later.revision == now.revision)
            #expect(later.externalID == now.externalID)
            #expect(now.revision == "content " + Self.referenceDigest(draft))
        }
        #expect(ExportFormat.allCases.filter { !$0.exporter.namesDrafts } == [.yaml, .json])
    }

    @Test("the source block written in the digest's walk is the one written alone, and so is the digest")
    func sourceWithDigest() throws {
        var unformatted = TestDrafts.ready
        unformatted.format = nil
        var foreign = TestDrafts.ready
        foreign.format = "other/2"
        #expect(SourceBlock.yamlAndDigest(for: foreign) == nil)
        for draft in [Draft(), unformatted] + (try Self.drafts()) {
            var formatted = draft
            formatted.format = HandoffVersion.draftFormat
            for draft in [draft, formatted] {
                let both = try #require(SourceBlock.yamlAndDigest(for: draft))
                #expect(both.yaml == SourceBlock.yaml(for: draft))
                #expect(both.digest == Self.referenceDigest(draft))
                let item = ExportItem(draft: draft, report: ExportFixtures.item(draft).report, writingSource: true)
                #expect(item.revision == "content " + Self.referenceDigest(draft))
                #expect(item.sourceYAML == SourceBlock.yaml(for: draft))
            }
        }
    }

    @Test("any Value tree written node by node gives JSONWriter's text")
    func values() {
        var random = SplitMix(seed: 0x7EE5)
        for _ in 0..<400 {
            let value = WriterEquivalenceTests.tree(&random)
            for (indent, level) in [(nil, 0), (2, 0), (2, 3)] as [(Int?, Int)] {
                var tree = TreeBytes(.json(indent: indent), level: level)
                tree.value(value)
                #expect(tree.text == (indent == nil ? JSONWriter.compact(value) : JSONWriter.pretty(value, level: level)))
            }
        }
    }

    @Test("ADF written directly is the rendered ADF tree, for whole documents and hostile text")
    func adf() throws {
        let options = ExportFixtures.options()
        for draft in try Self.drafts().prefix(150) {
            let document = TicketDocumentBuilder(options: options).document(for: ExportFixtures.item(draft))
            var tree = TreeBytes(.json(indent: nil))
            ADFRenderer.write(document, into: &tree)
            #expect(tree.text == JSONWriter.compact(ADFRenderer.render(document)))
            var indented = TreeBytes(.json(indent: 2), level: 2)
            ADFRenderer.write(document, into: &indented)
            #expect(indented.text == JSONWriter.pretty(ADFRenderer.render(document), level: 2))
        }
        // Compact JSON copies recorded fragments; indented JSON writes the same members one by one.
        for text in WriterEquivalenceTests.texts(seed: 0xADF) {
            for mark: ADFRenderer.TextMark in [.none, .strong, .code] {
                for indent: Int? in [nil, 2] {
                    var tree = TreeBytes(.json(indent: indent))
                    tree.beginList()
                    ADFRenderer.writeText(text, mark: mark, into: &tree)
                    tree.endList()
                    let rendered = Value.list(ADFRenderer.text(text, marks: mark.names))
                    let expected = indent == nil ? JSONWriter.compact(rendered) : JSONWriter.pretty(rendered)
                    #expect(tree.text == expected, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("REST bodies written directly are the Value bodies, with every configured field")
    func restBodies() throws {
        let configuration = ExportFixtures.configuration(
            """
            jira:
              project_key: MKT
              labels: [web-form, q4]
              components: [Web, Ops]
              fields:
                launch: customfield_10001
                business_goal: customfield_10002
            """)
        for options in [ExportFixtures.options(), ExportFixtures.options(configuration)] {
            for draft in try Self.drafts().prefix(60) {
                let item = ExportFixtures.item(draft)
                let document = TicketDocumentBuilder(options: options).document(for: item)
                let v3 = Value.object([("fields", restFields(item, options: options, description: ADFRenderer.render(document)))])
                #expect(try JiraV3Exporter.body(item, options: options, indent: nil).utf8String == JSONWriter.compact(v3))
                #expect(try JiraV3Exporter.body(item, options: options, indent: 2, level: 2).utf8String == JSONWriter.pretty(v3, level: 2))
                let wiki = try wikiDescription(item, options: options)
                let v2 = Value.object([("fields", restFields(item, options: options, description: .string(wiki)))])
                #expect(try JiraV2Exporter.body(item, options: options, indent: 2).utf8String == JSONWriter.pretty(v2))
            }
        }
    }

    @Test("the UTF-16 length counted from UTF-8 is the standard library's count")
    func utf16Length() {
        for text in WriterEquivalenceTests.texts(seed: 0x16) {
            #expect(text.utf16Length == text.utf16.count, "\(text.debugDescription)")
            // Counted eight bytes at a time: each text again at every offset from a word boundary,
            // and long enough to span several words.
            for shift in 1...7 {
                let shifted = String(repeating: "a", count: shift) + text + text + "😀" + text
                #expect(shifted.utf16Length == shifted.utf16.count, "\(shifted.debugDescription)")
            }
        }
    }
}

extension TreeBytesEquivalenceTests {
    @Test("the source block written from the draft is YAMLWriter's document of the encoded draft")
    func sourceBlock() throws {
        for draft in try Self.drafts() {
            var normalised = draft
            normalised.format = HandoffVersion.draftFormat
            var expected = YAMLWriter.document(normalised.encoded, guarded: SourceBlock.guarded)
            if expected.hasSuffix("\n") { expected.removeLast() }
            #expect(SourceBlock.yaml(for: draft) == expected)
        }
    }

    @Test("any map written node by node as YAML gives YAMLWriter's document, guarded or not")
    func yamlValues() {
        var random = SplitMix(seed: 0x7A41)
        for _ in 0..<400 {
            let value = Value.map([Value.Entry("a", WriterEquivalenceTests.tree(&random)), Value.Entry("b", WriterEquivalenceTests.tree(&random))])
            for guarded in [[], ["{code"], ["Kit"]] {
                var tree = TreeBytes(.yaml(guarded: guarded))
                tree.value(value)
                #expect(tree.text == YAMLWriter.document(value, guarded: guarded), "\(value)")
            }
        }
    }
}

extension TreeBytesEquivalenceTests {
    /// The importer issue as it was built before, as a `Value`.
    static func referenceIssue(_ item: ExportItem, options: ExportOptions) throws -> Value {
        let fields = IssueFields(draft: item.draft, options: options)
        var entries: [(String, Value?)] = [
            ("externalId", .string(item.externalID)), ("issueType", .string(fields.issueType)),
            ("summary", .string(fields.summary)), ("status", .string(fields.status)), ("priority", .string(fields.priority)),
            ("description", .string(try wikiDescription(item, options: options))),
            ("labels", .list(fields.labels.map(Value.string))),
            ("components", fields.components.isEmpty ? nil : .list(fields.components.map(Value.string))),
            ("duedate", fields.dueDate.map { .string($0.description) }),
        ]
        if !fields.customFields.isEmpty {
            let type = "com.atlassian.jira.plugin.system.customfieldtypes:"
            entries.append(
                (
                    "customFieldValues",
                    .list(
                        fields.customFields.map { field in
                            .object([
                                ("fieldName", .string(field.id)),
                                ("fieldType", .string(type + (field.kind == .date ? "datepicker" : "textfield"))),
                                ("value", .string(field.value)),
                            ])
                        })
                ))
        }
        return .object(entries)
    }

    @Test("jira-import issues written directly are the Value issues, components and custom fields included")
    func importIssues() throws {
        let configuration = ExportFixtures.configuration(
            "jira:\n  labels: [web, q4]\n  components: [Web, Ops]\n  fields:\n    launch: customfield_1\n    team: customfield_2\n")
        for options in [ExportFixtures.options(), ExportFixtures.options(configuration)] {
            for draft in try Self.drafts().prefix(60) {
                let item = ExportFixtures.item(draft)
                var used = JiraImportExporter.TakenIDs()
                var links: [Value] = []
                let issues = try JiraImportExporter().issues(for: item, options: options, used: &used, links: &links)
                #expect(issues.first?.utf8String == JSONWriter.pretty(try Self.referenceIssue(item, options: options), level: 4))
            }
        }
    }
}
