import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Decoding a draft straight from its JSON bytes gives the draft that the table's path gives, or
/// gives up: a document the table's path refuses is never taken, so every error stays its own.
@Suite("JSON drafts decoded from their bytes against the table's path")
struct JSONDecodingEquivalenceTests {
    /// What the table's path makes of `text`: the reference the direct decoding is held to.
    static func reference(_ chunk: DocumentChunk, requireFormat: Bool, limits: InputLimits = .standard) -> Result<LoadedDraft, InvalidInput> {
        do {
            let table = try YAMLReader.parseTable(chunk, source: "-", limits: limits)
            return DraftLoader.load(table: table, index: chunk.index, source: "-", requireFormat: requireFormat)
        } catch {
            return .failure(error)
        }
    }

    /// Either the direct decoding gives up, or it gives the reference's draft and positions.
    @discardableResult
    static func expectSame(
        _ text: String, index: Int = 1, requireFormat: Bool = false, limits: InputLimits = .standard,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let chunk = DocumentChunk(index: index, firstLine: index, text: text, error: nil)
        guard let fast = DraftLoader.loadJSON(chunk: chunk, source: "-", requireFormat: requireFormat, limits: limits) else {
            return false
        }
        switch reference(chunk, requireFormat: requireFormat, limits: limits) {
        case .success(let reference):
            #expect(fast.draft == reference.draft, "\(text.prefix(300))", sourceLocation: sourceLocation)
            #expect(fast.documentIndex == reference.documentIndex, sourceLocation: sourceLocation)
            var seed = UInt64(text.utf8.count)
            let pieces = FieldPositionsPathTests.pathPieces + ["systems", "name", "scope", "requirements", "metrics", "success"]
            let generated = (0..<6).map { _ in
                (0..<3).map { _ -> String in
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return pieces[Int(truncatingIfNeeded: seed >> 33) % pieces.count]
                }.joined(separator: ".")
            }
            for field in Self.paths + generated {
                #expect(
                    fast.positions?.position(of: field) == reference.positions?.position(of: field), "\(field) in \(text.prefix(200))",
                    sourceLocation: sourceLocation)
            }
        case .failure(let error):
            Issue.record("decoded what the table's path refuses (\(error)): \(text.prefix(300))", sourceLocation: sourceLocation)
        }
        return true
    }

    /// Paths a finding names, and paths of every other shape (which the table answers).
    static let paths = [
        "title", "scope.deliverables", "systems[1].owner", "success.metrics[0].target", "review.questions", "nowhere.at.all",
        "systems[0]", "systems[9]", "stakeholders[2].name", "scope.requirements[1].priority", "timeline.milestones[0].date",
        "details.url", "title.deeper", "title[0]", "systems[0].data[1]", "", ".", "a..b", "[0]", "systems[x]", "systems[]",
        "systems[007].name", "ｔitle", "tit\u{200B}le", "requester.name", "jira", "success.metrics[1].review_on",
    ]

    /// Changes the shape of some values of `value` as a marketer's or a tool's mistakes would: a
    /// value dropped or made null, a scalar for a list or a record, a list of one, an unknown or
    /// repeated key, another letter case, a YAML spelling of a boolean.
    static func reshape(_ value: Value, seed: inout UInt64) -> Value {
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33) % bound
        }
        let scalars: [Value] = [
            .null, .string("Marketo"), .plain("MUST"), .plain("Yes"), .bool(false), .number("12"), .number("1.5"), .string("2026-12-01"),
            .string("permanent"), .string("ｆｕｌｌ\u{200B}"), .map([]), .list([]),
        ]
        switch value {
        case .map(var entries):
            var changed: [Value.Entry] = []
            for entry in entries {
                switch next(14) {
                case 0: continue
                case 1: changed.append(Value.Entry(entry.key, scalars[next(scalars.count)]))
                case 2: changed.append(Value.Entry(entry.key, .list([reshape(entry.value, seed: &seed)])))
                case 3:
                    if case .list(let items) = entry.value, let first = items.first {
                        changed.append(Value.Entry(entry.key, first))
                    } else {
                        changed.append(entry)
                    }
                case 4: changed.append(Value.Entry(entry.key + "_x", entry.value))
                case 5 where next(4) == 0: changed += [entry, entry]
                default: changed.append(Value.Entry(entry.key, reshape(entry.value, seed: &seed)))
                }
            }
            entries = changed
            return .map(entries)
        case .list(let items): return .list(items.map { reshape($0, seed: &seed) })
        case .plain(let word) where next(3) == 0: return .plain(word.uppercased())
        default: return value
        }
    }

    @Test("300 generated JSON drafts decode from their bytes to the table's draft, and most are taken")
    func generatedDrafts() throws {
        let examples = try JSONReaderEquivalenceTests.examples()
        var seed: UInt64 = 20_261_202
        var taken = 0
        for index in 0..<300 {
            let value = JSONReaderEquivalenceTests.vary(examples[index % examples.count], seed: &seed)
            let text = JSONReaderEquivalenceTests.json(value, spaced: index % 3 == 1, asciiOnly: index % 4 == 2, pretty: index % 10 == 7)
            if Self.expectSame(text, index: 1 + index % 3, requireFormat: index % 5 == 0) { taken += 1 }
        }
        // Hostile texts make many decline (a line separator, a C1 control, a date or a word that is not one).
        #expect(taken > 50)
        for example in examples {
            let text = JSONReaderEquivalenceTests.json(example, spaced: false, asciiOnly: false, pretty: false)
            #expect(Self.expectSame(text), "the shipped example is not taken")
        }
    }

    @Test("300 reshaped drafts give the table's draft or are left to its path, which words their errors")
    func reshapedDrafts() throws {
        let examples = try JSONReaderEquivalenceTests.examples()
        var seed: UInt64 = 7_700_001
        var taken = 0
        var declined = 0
        for index in 0..<300 {
            let value = Self.reshape(JSONReaderEquivalenceTests.vary(examples[index % examples.count], seed: &seed), seed: &seed)
            let text = JSONReaderEquivalenceTests.json(value, spaced: index % 2 == 1, asciiOnly: index % 7 == 3, pretty: index % 9 == 4)
            if Self.expectSame(text, requireFormat: index % 4 == 0) { taken += 1 } else { declined += 1 }
        }
        #expect(taken > 0)
        #expect(declined > 0)
    }

    @Test("shapes at the edges: shorthands, nulls, empty records, lists of one, escapes, limits")
    func edges() {
        let cases = [
            #"{"title":"x","systems":["Marketo",{"name":"CMS","personal_data":"yes"},null]}"#,
            #"{"requester":"Ana","systems":"Marketo","scope":{"deliverables":"one","requirements":"SSO"}}"#,
            #"{"timeline":{"launch":"2026-12-01","deadline":"HARD","milestones":[{"name":"a","date":"2026-11-01"}]}}"#,
            #"{"success":{"metrics":{"name":"leads","baseline":12,"target":"30 a week"}},"operations":{"until":"permanent"}}"#,
            #"{"title":null,"idea":"a\"b\\c\/d\n\u00e9\u3042","review":{},"jira":{"pushed_revision":3}}"#,
            #"{"title":"x","title":"y"}"#, #"{"titel":"x"}"#, #"{"kind":"landing"}"#, #"{"systems":[["x"]]}"#,
            #"{"title":{"a":1}}"#, #"{"jira":{"pushed_revision":"three"}}"#, #"{"id":"bad id"}"#, #"{"format":"handoff/2"}"#,
            #"{"format":"handoff/1","id":"a-1","lang":"JA"}"#, "{\"title\":\"x\"}  \n", "{\"title\"\n:\"x\"}", "{\"title\":\"\u{2028}\"}",
            "{\"title\":\t\"x\"}", #"{"title":"x",}"#, "\n\n  {\"idea\":\"日本語（全角）\u{200B}\",\n \"systems\":[\"a\",\n {\"owner\":\"ｂ\"}]}",
            "{\"title\":\"é\",\"scope\":{\"deliverables\":[\"あ\",\"い\"]},\"success\":{\"metrics\":[{\"target\":3}]}}", #"{"risks":[{"text":"t","mitigation":null},"spam"]}"#, "{}", "[]",
        ]
        for text in cases { Self.expectSame(text) }
        #expect(Self.expectSame(#"{"title":"x","systems":["Marketo",{"name":"CMS","personal_data":"yes"},null]}"#))
        #expect(!Self.expectSame(#"{"title":"x","title":"y"}"#))
        #expect(Self.expectSame("{\"title\":\"é\",\"scope\":{\"deliverables\":[\"あ\",\"い\"]},\"success\":{\"metrics\":[{\"target\":3}]}}"))
        var small = InputLimits.standard
        small.maxNodes = 5
        #expect(!Self.expectSame(#"{"title":"x","idea":"y","kind":"form"}"#, limits: small))
    }

    @Test("a file without its format line is left to the table's path, which says so")
    func requiredFormat() {
        let chunk = DocumentChunk(index: 1, firstLine: 1, text: #"{"title":"x"}"#, error: nil)
        #expect(DraftLoader.loadJSON(chunk: chunk, source: "a.json", requireFormat: true, limits: .standard) == nil)
        #expect(DraftLoader.loadJSON(chunk: chunk, source: "-", requireFormat: false, limits: .standard) != nil)
    }
}
