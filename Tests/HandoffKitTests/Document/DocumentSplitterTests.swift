import Foundation
import Testing

@testable import HandoffKit

/// Cutting a source into documents: `---` and `...` markers, JSON Lines, line numbers of the whole
/// file, and the limits that keep hostile input from exhausting memory or time.
@Suite("Document splitter")
struct DocumentSplitterTests {
    // MARK: - Helpers

    private func split(_ text: String, limits: InputLimits = .standard) -> [DocumentChunk] {
        DocumentSplitter.split(text, source: "multi.yaml", limits: limits)
    }

    private func load(_ text: String, limits: InputLimits = .standard) -> [Result<LoadedDraft, InvalidInput>] {
        DraftLoader.load(text: text, source: "multi.yaml", requireFormat: false, limits: limits)
    }

    private func title(_ result: Result<LoadedDraft, InvalidInput>) -> String? {
        if case .success(let loaded) = result { return loaded.draft.title }
        return nil
    }

    private func errors(_ result: Result<LoadedDraft, InvalidInput>) -> [InputError] {
        if case .failure(let invalid) = result { return invalid.errors }
        return []
    }

    private func smallLimits() -> InputLimits {
        var limits = InputLimits()
        limits.maxDocumentBytes = 256
        limits.maxLineBytes = 64
        return limits
    }

    // MARK: - YAML documents

    @Test("several documents get their index and the line they start on")
    func severalDocuments() {
        let chunks = split("title: a\n---\ntitle: b\n---\ntitle: c\n")
        #expect(chunks.map(\.index) == [1, 2, 3])
        #expect(chunks.map(\.firstLine) == [1, 2, 4])
        #expect(chunks.allSatisfy { $0.error == nil })
        let results = load("title: a\n---\ntitle: b\n---\ntitle: c\n")
        #expect(results.map(title) == ["a", "b", "c"])
        #expect(results.compactMap { try? $0.get().documentIndex } == [1, 2, 3])
    }

    @Test("a leading --- does not make an empty first document")
    func leadingMarker() {
        let chunks = split("---\ntitle: a\n---\ntitle: b\n")
        #expect(chunks.map(\.index) == [1, 2])
        #expect(chunks.map(\.firstLine) == [1, 3])
        #expect(load("---\ntitle: a\n---\ntitle: b\n").map(title) == ["a", "b"])
        // Blank lines and comments before the first marker do not either.
        #expect(load("# drafts of the week\n\n---\ntitle: a\n").map(title) == ["a"])
    }

    @Test("content on the marker line belongs to the document")
    func contentOnMarkerLine() {
        let results = load("--- {title: a}\n--- {title: b}\n---\ntitle: c\n")
        #expect(results.map(title) == ["a", "b", "c"])
    }

    @Test("--- only starts a document at the start of a line, followed by a space or nothing")
    func markerShape() {
        // `----` and ` ---` are text; `---x` is not a marker.
        let results = load("title: a\nidea: |\n  ---\n  ----\n---x: 1\n")
        #expect(results.count == 1)
        #expect(errors(results[0]).map(\.field) == ["---x"])
        #expect(split("title: a\n--- # comment\ntitle: b\n").count == 2)
        #expect(split("title: a\n---\ttitle: b\n").count == 2)
    }

    @Test("... ends a document; what follows is the next one")
    func documentEndMarkers() {
        #expect(load("title: a\n...\n---\ntitle: b\n...\n").map(title) == ["a", "b"])
        #expect(load("title: a\n...\ntitle: b\n").map(title) == ["a", "b"])
        let chunks = split("title: a\n...\n\n\ntitle: b\n")
        #expect(chunks.map(\.index) == [1, 2])
        // A document after `...` still reports lines of the whole file.
        let typo = load("title: a\n...\n\n\ntitle: b\nsytems: x\n")
        #expect(errors(typo[1]).first?.line == 6)
    }

    @Test("documents holding only comments or blank lines are skipped, indices stay dense")
    func commentOnlyDocumentsSkipped() {
        let text = "title: a\n---\n# only a comment\n\n---\n---\ntitle: b\n---\n   \n"
        let chunks = split(text)
        #expect(chunks.map(\.index) == [1, 2])
        #expect(load(text).map(title) == ["a", "b"])
    }

    // MARK: - JSON Lines

    @Test("one JSON object a line is JSON Lines")
    func jsonLinesDetected() {
        var splitter = DocumentSplitter(source: "-")
        var chunks: [DocumentChunk] = []
        for line in ["# exported drafts", "", #"{"title": "a"}"#, #"{"title": "b", "idea": "x } y"}"#, "", #"{"title": "c"}"#] {
            if let chunk = splitter.feed(Substring(line)) { chunks.append(chunk) }
        }
        if let chunk = splitter.finish() { chunks.append(chunk) }
        #expect(splitter.mode == .jsonLines)
        #expect(chunks.map(\.index) == [1, 2, 3])
        #expect(chunks.map(\.firstLine) == [3, 4, 6])
        #expect(chunks.map(\.text) == [#"{"title": "a"}"#, #"{"title": "b", "idea": "x } y"}"#, #"{"title": "c"}"#])
    }

    @Test("a pretty-printed JSON object is one YAML document")
    func prettyJSONIsYAML() {
        let text = "{\n  \"title\": \"a\",\n  \"idea\": \"b\"\n}\n"
        var splitter = DocumentSplitter(source: "-")
        var count = 0
        for line in text.split(separator: "\n") where splitter.feed(line) != nil { count += 1 }
        if splitter.finish() != nil { count += 1 }
        #expect(splitter.mode == .yaml)
        #expect(count == 1)
        let results = load(text)
        #expect(results.count == 1)
        #expect(results.map(title) == ["a"])
    }

    @Test(
        "a line is a JSON object only when it is complete",
        arguments: [
            (#"{"a": 1}"#, true), (#"  {"a": {"b": [1, 2]}}  "#, true), (#"{"a": "}"}"#, true),
            (#"{"a": "\"}"}"#, true), ("{", false), (#"{"a": 1} trailing"#, false), (#"{"a": 1}, {"b": 2}"#, false),
            ("title: {a: 1}", false), ("[1, 2]", false), ("", false),
        ])
    func singleLineJSONObject(_ line: String, _ expected: Bool) {
        #expect(DocumentSplitter.isSingleLineJSONObject(Substring(line)) == expected)
    }

    // MARK: - Errors among good documents

    @Test("a bad document is reported with its index while the others load")
    func badDocumentAmongGood() throws {
        let results = load("title: a\n---\ntitle: [unclosed\n---\ntitle: c\n")
        #expect(results.count == 3)
        #expect(title(results[0]) == "a")
        #expect(title(results[2]) == "c")
        let error = try #require(errors(results[1]).first)
        #expect(error.documentIndex == 2)
        #expect(error.source == "multi.yaml")
        #expect(error.message.contains("line 3"), "\(error.message)")
        #expect(error.description.hasPrefix("multi.yaml (document 2):"), "\(error.description)")
    }

    @Test("a bad JSON line is reported with its line while the other lines load")
    func badJSONLineAmongGood() throws {
        let results = load("{\"title\": \"a\"}\n{\"title\": \"b\", \"sytems\": []}\n{\"title\": \"c\"\n{\"title\": \"d\"}\n")
        #expect(results.count == 4)
        #expect(results.map(title) == ["a", nil, nil, "d"])
        let unknown = try #require(errors(results[1]).first)
        #expect(unknown.line == 2)
        #expect(unknown.column == 16)
        #expect(unknown.field == "sytems")
        #expect(unknown.documentIndex == 2)
        let broken = try #require(errors(results[2]).first)
        #expect(broken.documentIndex == 3)
        #expect(broken.message.hasPrefix("not valid JSON: "), "\(broken.message)")
        #expect(broken.message.hasSuffix("was the line cut short?"), "\(broken.message)")
        // Where the cut line ends, not the start of the line after it.
        #expect(broken.line == 3)
        #expect(broken.column == 14)
    }

    @Test("line numbers in errors are those of the whole file")
    func wholeFileLineNumbers() throws {
        let text = """
            title: first
            ---
            # the second draft

            title: second
            timeline:
              launch: 2026-02-30
            ---
            title: third
            sytems: [Marketo]
            """
        let results = load(text)
        #expect(results.count == 3)
        let date = try #require(errors(results[1]).first)
        #expect(date.line == 7)
        #expect(date.column == 11)
        #expect(date.field == "timeline.launch")
        let key = try #require(errors(results[2]).first)
        #expect(key.line == 10)
        #expect(key.column == 1)
        #expect(key.documentIndex == 3)
    }

    @Test("a syntax error in a later document is on the line of the whole file")
    func wholeFileLineNumbersForSyntaxErrors() throws {
        let results = load("title: a\n---\ntitle: b\nidea: x: y\n")
        let error = try #require(errors(results[1]).first)
        #expect(error.line == 4)
        #expect(error.column == 8)
    }

    // MARK: - Limits

    @Test("a document over the size limit is refused and the next one still loads")
    func documentTooLarge() throws {
        let limits = smallLimits()
        let long = (1...10).map { "  line \($0) of a long idea, under the line limit\n" }.joined()
        let text = "title: a\n---\ntitle: big\nidea: |\n" + long + "---\ntitle: next\n"
        let chunks = split(text, limits: limits)
        #expect(chunks.count == 3)
        #expect(chunks[1].error != nil)
        #expect(chunks[1].text.isEmpty)
        let results = load(text, limits: limits)
        #expect(results.map(title) == ["a", nil, "next"])
        let error = try #require(errors(results[1]).first)
        #expect(error.documentIndex == 2)
        #expect(error.line == 2)
        #expect(error.message.contains("256 bytes"), "\(error.message)")
        #expect(error.message.contains("larger"), "\(error.message)")
    }

    @Test("the standard document limit is stated in MiB")
    func standardLimitMessage() throws {
        var limits = InputLimits()
        limits.maxLineBytes = 2 << 20
        limits.maxDocumentBytes = 1 << 20
        let text = "idea: " + String(repeating: "x", count: 1 << 20) + "\n"
        let error = try #require(errors(load(text, limits: limits)[0]).first)
        #expect(error.message.contains("1 MiB"), "\(error.message)")
        #expect(DocumentSplitter.size(64 * 1024) == "64 KiB")
        #expect(DocumentSplitter.size(300) == "300 bytes")
    }

    @Test("a line over the line limit is refused with its line and the next document still loads")
    func lineTooLong() throws {
        let limits = smallLimits()
        let text = "title: a\n---\ntitle: ok\nidea: " + String(repeating: "x", count: 100) + "\nmore: 1\n---\ntitle: next\n"
        let results = load(text, limits: limits)
        #expect(results.map(title) == ["a", nil, "next"])
        let error = try #require(errors(results[1]).first)
        #expect(errors(results[1]).count == 1)
        #expect(error.line == 4)
        #expect(error.documentIndex == 2)
        #expect(error.message.contains("64 bytes"), "\(error.message)")
        #expect(error.message.contains("107 bytes"), "\(error.message)")
    }

    @Test("a JSON line over the size limit is refused and the next line still loads")
    func jsonLineTooLarge() throws {
        let limits = smallLimits()
        let big = #"{"title": "big", "idea": ""# + String(repeating: "y", count: 300) + #""}"#
        let results = load(#"{"title": "a"}"# + "\n" + big + "\n" + #"{"title": "c"}"# + "\n", limits: limits)
        #expect(results.map(title) == ["a", nil, "c"])
        let error = try #require(errors(results[1]).first)
        #expect(error.line == 2)
        #expect(error.message.contains("256 bytes"), "\(error.message)")
    }

    /// Nine anchors, each a list of nine aliases to the one before: 9^9 values from a few lines.
    private static func billionLaughs(asKey: Bool) -> String {
        var text = "title: x\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        if asKey { text += "? *l9\n: boom\n" }
        return text
    }

    @Test("a YAML alias bomb fails fast with the node-limit error", arguments: [false, true])
    func aliasBomb(asKey: Bool) throws {
        let results = load(Self.billionLaughs(asKey: asKey))
        #expect(results.count == 1)
        let found = errors(results[0])
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.message.contains("100000 values"), "\(error.message)")
        #expect(error.message.contains("alias"), "\(error.message)")
        #expect(error.line != nil)
    }

    @Test("a smaller node limit applies to aliases and to plain documents alike")
    func customNodeLimit() throws {
        var limits = InputLimits()
        limits.maxNodes = 20
        let aliased = "idea: &i [a, b, c, d, e]\nscope:\n  deliverables: *i\n  out_of_scope: *i\n  requirements: *i\n"
        let error = try #require(errors(load(aliased, limits: limits)[0]).first)
        #expect(error.message.contains("20 values"), "\(error.message)")
        let plain = "systems: [" + (1...30).map { "s\($0)" }.joined(separator: ", ") + "]\n"
        let plainError = try #require(errors(load(plain, limits: limits)[0]).first)
        #expect(plainError.message.contains("20 values"), "\(plainError.message)")
        // Within the standard limit the aliases expand.
        #expect(errors(load("scope:\n  deliverables: &d [a, b]\n  out_of_scope: *d\n")[0]).isEmpty)
    }

    @Test("nesting deeper than the depth limit fails")
    func nestingTooDeep() throws {
        let depth = 40
        let text = "title: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = try #require(errors(load(text)[0]).first)
        #expect(error.message.contains("deeper than 32 levels"), "\(error.message)")
        #expect(error.line == 1)

        var limits = InputLimits()
        limits.maxDepth = 3
        let shallow = "timeline:\n  milestones:\n    - {name: a, date: 2026-01-01}\n"
        let limited = try #require(errors(load(shallow, limits: limits)[0]).first)
        #expect(limited.message.contains("deeper than 3 levels"), "\(limited.message)")
        #expect(errors(load(shallow)[0]).isEmpty)
    }

    @Test("extremely deep nesting fails with the same message, without exhausting the stack")
    func extremeNesting() throws {
        let depth = 20_000
        let lines = stride(from: 0, to: depth, by: 1000).map { _ in String(repeating: "[", count: 1000) }
        let text = "title: " + lines.joined(separator: "\n") + "\n"
        let error = try #require(errors(load(text)[0]).first)
        #expect(error.message.contains("deeper than 32 levels"), "\(error.message)")
    }
}
