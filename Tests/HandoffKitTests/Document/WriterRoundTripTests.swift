import Foundation
import Testing

@testable import HandoffKit

/// What the writers produce reads back as the same draft, whatever the text holds, and JSON output
/// is valid, escaped and deterministic.
@Suite("Writers round-trip")
struct WriterRoundTripTests {
    // MARK: - Helpers

    static let examples = ["webinar-signup.yaml", "ja-campaign-lp.yaml", "half-formed-idea.yaml"]

    /// Loads `text` as one document; nil (with an issue recorded) when it does not load.
    private func reload(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Draft? {
        let results = DraftLoader.load(text: text, source: "written", requireFormat: false)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("written text did not load back: \(results)\n--- text ---\n\(text)", sourceLocation: sourceLocation)
            return nil
        }
        return loaded.draft
    }

    /// A draft carrying `text` in every kind of place: top-level text, nested records, lists,
    /// list items that are records, shorthand-capable fields and a metric's text quantity.
    private static func draft(with text: String) -> Draft {
        var draft = Draft()
        draft.format = "handoff/1"
        draft.title = text
        draft.idea = text
        draft.requester.name = text
        draft.objective.problem = text
        draft.scope.deliverables = [text, "plain"]
        draft.scope.outOfScope = [text]
        draft.scope.requirements = [Requirement(text, .must), Requirement(text)]
        var system = AffectedSystem(name: text, change: text)
        system.data = [text, "email"]
        system.personalData = true
        draft.systems = [system, AffectedSystem(name: text)]
        draft.stakeholders = [Stakeholder(.legal, text)]
        draft.timeline.reason = text
        var milestone = Milestone()
        milestone.name = text
        milestone.date = CivilDate(year: 2026, month: 12, day: 1)
        draft.timeline.milestones = [milestone]
        var metric = Metric()
        metric.name = text
        metric.baseline = .text(text)
        metric.target = .number("300")
        metric.source = text
        draft.success.metrics = [metric]
        var risk = Risk()
        risk.text = text
        risk.mitigation = text
        draft.risks = [risk]
        draft.change.iterations = text
        draft.compliance.legalReview = .unsure
        draft.compliance.notes = text
        draft.testing.acceptanceCriteria = [text]
        draft.review.questions = [ReviewQuestion(by: text, text: text)]
        return draft
    }

    static let hostileTexts: [String] = [
        // YAML would read these plain words as booleans, null, numbers, dates or times.
        "yes", "no", "Yes", "NO", "on", "Off", "y", "n", "true", "False", "null", "Null", "~",
        "2026-12-04", "123", "0x1F", "0o17", "1e3", "-1", ".5", "+1", "1_000", "12:30", ".inf", "-.inf", ".NaN", "007",
        // Indicators at the start, and inside, of a value.
        "- item", "-", "--- x", "---", "...", "... x", "@mention", "key: value", "key:", "a: b: c", "#hash", "a #b", "a#b",
        "? q", ": x", ",", "{", "}", "[", "]", "{a: b}", "[a, b]", "*", "*alias", "&", "&anchor", "!", "!tag", "!!str",
        "%", "%YAML", "|", "|-", ">", ">+", "`code`", "=", "<<",
        // Whitespace at the edges and inside.
        " leading space", "trailing space ", "  both  ", "\t tab", "tab\t", "tab\tinside",
        // Line breaks.
        "multi\nline", "ends with newline\n", "ends with two\n\n", "\nstarts with newline", "para\n\npara",
        "indented\n  second", "line\n#not a comment", "line\n---\nline", "line\n...\nline", "trailing blank \n",
        "space line\n \nend", "crlf\r\nline", "cr\ronly", "line \nnext",
        // Control and special characters.
        "\u{1}", "bell\u{7}", "del\u{7F}", "esc\u{1B}[31mred", "nel\u{85}x", "c1\u{9B}x", "ls\u{2028}ps\u{2029}",
        "bom\u{FEFF}mid", "nonchar\u{FFFE}\u{FFFF}", "nbsp\u{A0}", "\u{A0}lead",
        // Quotes and backslashes.
        "'single'", "\"double\"", "it's", "say \"hi\"", "back\\slash", "C:\\path\\to", "\\n not a newline", "'", "\"",
        // Other scripts and emoji.
        "emoji 😀", "😀", "よしなに", "春のキャンペーン：資料請求", "全角　スペース", "👩‍💻 family 👨‍👩‍👧",
        // Long text.
        String(repeating: "long text ", count: 200),
    ]

    // MARK: - YAML

    @Test("the shipped examples round-trip through YAMLWriter", arguments: examples)
    func examplesRoundTripYAML(_ name: String) throws {
        let original = TestDrafts.load(TestDrafts.exampleText(name))
        #expect(original.title != nil)
        let written = YAMLWriter.document(original.encoded)
        let reloaded = try #require(reload(written))
        #expect(reloaded == original, "\(written)")
        // Writing again gives the same text.
        #expect(YAMLWriter.document(reloaded.encoded) == written)
    }

    @Test("the webinar example is written in field order with plain scalars where safe")
    func readableOutput() {
        let written = YAMLWriter.document(TestDrafts.ready.encoded)
        #expect(written.hasPrefix("format: handoff/1\nid: webinar-signup-7f3a\nlang: en\ntitle: Sign-up form for the December webinar\n"))
        #expect(written.contains("idea: |\n  We need a way"))
        #expect(written.contains("  launch: 2026-12-04\n"))
        #expect(written.contains("      target: 300\n"))
        #expect(written.contains("  deadline: hard\n"))
        #expect(!written.contains(" \n"), "no trailing spaces")
    }

    @Test("hostile text round-trips through YAMLWriter", arguments: hostileTexts)
    func hostileTextRoundTripsYAML(_ text: String) throws {
        let original = Self.draft(with: text)
        let written = YAMLWriter.document(original.encoded)
        let reloaded = try #require(reload(written))
        #expect(reloaded == original, "\(written)")
        #expect(reloaded.title == text)
        #expect(reloaded.success.metrics.first?.baseline == .text(text))
    }

    @Test("YAML output holds no raw control characters", arguments: hostileTexts)
    func yamlOutputHasNoControlCharacters(_ text: String) {
        let written = YAMLWriter.document(Self.draft(with: text).encoded)
        let raw = written.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        #expect(raw.isEmpty, "raw \(raw.map { String($0.value, radix: 16) }) in \(written)")
    }

    @Test("a quantity that is text stays text, a number stays a number")
    func quantitiesKeepTheirKind() throws {
        var draft = Draft()
        var metric = Metric()
        metric.name = "Sign-ups"
        metric.baseline = .text("300")
        metric.target = .number("0.5")
        draft.success.metrics = [metric]
        let written = YAMLWriter.document(draft.encoded)
        #expect(written.contains("baseline: \"300\""), "\(written)")
        #expect(written.contains("target: 0.5"), "\(written)")
        let reloaded = try #require(reload(written))
        #expect(reloaded.success.metrics.first?.baseline == .text("300"))
        #expect(reloaded.success.metrics.first?.target == .number("0.5"))
    }

    // MARK: - JSON

    @Test("the shipped examples round-trip through JSONWriter, compact and pretty", arguments: examples)
    func examplesRoundTripJSON(_ name: String) throws {
        let original = TestDrafts.load(TestDrafts.exampleText(name))
        let compact = JSONWriter.compact(original.encoded)
        let pretty = JSONWriter.pretty(original.encoded)
        #expect(try #require(reload(compact)) == original)
        #expect(try #require(reload(pretty)) == original)
    }

    @Test("hostile text round-trips through JSONWriter and parses as JSON", arguments: hostileTexts)
    func hostileTextRoundTripsJSON(_ text: String) throws {
        let original = Self.draft(with: text)
        let compact = JSONWriter.compact(original.encoded)
        #expect(!compact.contains("\n"), "compact output is one line")
        let reloaded = try #require(reload(compact))
        #expect(reloaded == original, "\(compact)")

        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == text)
        #expect(matches(original.encoded, parsed), "\(compact)")
        let fromPretty = try JSONSerialization.jsonObject(with: Data(JSONWriter.pretty(original.encoded).utf8))
        #expect(matches(original.encoded, fromPretty))
    }

    static let controlScalars: [UInt32] = Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF]

    @Test("every control character is escaped in JSON and parses back", arguments: controlScalars)
    func controlCharactersEscaped(_ value: UInt32) throws {
        let text = "a" + String(Unicode.Scalar(value)!) + "b"
        let json = JSONWriter.compact(.list([.string(text)]))
        #expect(json.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }, "\(json.debugDescription)")
        #expect(!json.unicodeScalars.contains { [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF].contains($0.value) })
        #expect(json.contains("\\u") || json.contains("\\b") || json.contains("\\f") || json.contains("\\n") || json.contains("\\r") || json.contains("\\t"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
        #expect(parsed == [text])
        // And the loader, which reads JSON as YAML, reads it back too.
        var draft = Draft()
        draft.title = text
        #expect(reload(JSONWriter.compact(draft.encoded))?.title == text)
    }

    @Test("JSON escapes use the short forms where JSON has them")
    func shortEscapes() {
        #expect(JSONWriter.compact(.string("\"\\\n\r\t\u{8}\u{C}")) == #""\"\\\n\r\t\b\f""#)
        #expect(JSONWriter.compact(.string("\u{2028}")) == #""\u2028""#)
        #expect(JSONWriter.compact(.string("\u{1}")) == #""\u0001""#)
        #expect(JSONWriter.compact(.string("日本 😀 /")) == "\"日本 😀 /\"")
    }

    @Test("compact output is one line; pretty output is indented by two spaces without trailing spaces")
    func compactAndPrettyShape() {
        let value = TestDrafts.ready.encoded
        let compact = JSONWriter.compact(value)
        #expect(!compact.contains("\n"))
        #expect(compact.hasPrefix(#"{"format":"handoff/1","id":"webinar-signup-7f3a","#))
        let pretty = JSONWriter.pretty(value)
        let lines = pretty.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "{")
        #expect(lines[1] == #"  "format": "handoff/1","#)
        #expect(lines.last == "}")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(JSONWriter.compact(.map([])) == "{}")
        #expect(JSONWriter.compact(.list([])) == "[]")
        #expect(JSONWriter.pretty(.object([("a", .list([])), ("b", .map([]))])) == "{\n  \"a\": [],\n  \"b\": {}\n}")
    }

    @Test("keys are written in the order of the fields")
    func fieldOrder() throws {
        let compact = JSONWriter.compact(TestDrafts.ready.encoded)
        let keys = ["\"format\"", "\"id\"", "\"lang\"", "\"title\"", "\"idea\"", "\"requester\"", "\"systems\"", "\"timeline\"", "\"testing\""]
        let positions = try keys.map { try #require(compact.range(of: $0)?.lowerBound) }
        #expect(positions == positions.sorted())
    }

    @Test("output is deterministic: the same draft gives the same bytes", arguments: examples)
    func deterministic(_ name: String) {
        let first = TestDrafts.load(TestDrafts.exampleText(name))
        let second = TestDrafts.load(TestDrafts.exampleText(name))
        #expect(JSONWriter.compact(first.encoded) == JSONWriter.compact(second.encoded))
        #expect(JSONWriter.pretty(first.encoded) == JSONWriter.pretty(second.encoded))
        #expect(YAMLWriter.document(first.encoded) == YAMLWriter.document(second.encoded))
        #expect(Array(JSONWriter.compact(first.encoded).utf8) == Array(JSONWriter.compact(first.encoded).utf8))
    }

    @Test("compact JSON of several drafts is JSON Lines the loader reads back")
    func jsonLinesOfExamples() {
        let drafts = Self.examples.map { TestDrafts.load(TestDrafts.exampleText($0)) }
        let lines = drafts.map { JSONWriter.compact($0.encoded) }.joined(separator: "\n") + "\n"
        let results = DraftLoader.load(text: lines, source: "-", requireFormat: false)
        let loaded = results.compactMap { try? $0.get().draft }
        #expect(loaded == drafts)
        #expect(results.compactMap { try? $0.get().documentIndex } == [1, 2, 3])
    }

    // MARK: - JSON comparison

    /// True when `any` (from JSONSerialization) holds the same strings, numbers, booleans and
    /// structure as `value`.
    private func matches(_ value: Value, _ any: Any) -> Bool {
        switch value {
        case .null: return any is NSNull
        case .bool(let flag):
            guard let number = any as? NSNumber else { return false }
            return number.boolValue == flag
        case .number(let text):
            guard let number = any as? NSNumber, let expected = Double(text) else { return false }
            return number.doubleValue == expected
        case .string(let text), .plain(let text):
            return any as? String == text
        case .list(let items):
            guard let array = any as? [Any], array.count == items.count else { return false }
            return zip(items, array).allSatisfy { matches($0, $1) }
        case .map(let entries):
            guard let object = any as? [String: Any], object.count == entries.count else { return false }
            return entries.allSatisfy { entry in object[entry.key].map { matches(entry.value, $0) } ?? false }
        }
    }
}

@Suite("YAML output reads like the design's examples")
struct YAMLWriterStyleTests {
    @Test("keywords and dates are written plain, as people write them, and read back the same")
    func keywordsArePlain() {
        let yaml = YAMLWriter.document(TestDrafts.ready.encoded)
        #expect(yaml.contains("  legal_review: yes\n"))
        #expect(yaml.contains("  launch: 2026-12-04\n"))
        #expect(yaml.contains("  deadline: hard\n"))
        #expect(yaml.contains("      priority: must\n"))
        #expect(TestDrafts.load(yaml) == TestDrafts.ready)
    }

    @Test("free text that looks like a keyword is still quoted")
    func textLikeKeywordIsQuoted() {
        var draft = Draft()
        draft.title = "yes"
        draft.compliance.legalReview = .no
        let yaml = YAMLWriter.document(draft.encoded)
        #expect(yaml.contains("title: \"yes\"\n"))
        #expect(yaml.contains("  legal_review: no\n"))
        #expect(TestDrafts.load(yaml) == draft)
    }
}
