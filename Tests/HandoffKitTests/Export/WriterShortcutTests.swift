import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Shortcuts of the writers against the plain ways they stand for: a field's key from its
/// precomputed bytes, a draft written with its format in front instead of set on a copy, and the
/// issue fields' one-line summary and labels taken as they are when nothing in them changes.
@Suite("Writer shortcuts against the plain ways")
struct WriterShortcutTests {
    /// Every key of the draft's field tables, and hostile text as keys.
    static func keys() -> [String] {
        var keys: [String] = []
        func gather(_ shapes: [(key: String, shape: FieldShape)]) {
            for (key, shape) in shapes {
                keys.append(key)
                if let record = shape.recordType { gather(record.fieldShapes) }
            }
        }
        gather(Draft.fieldShapes)
        return keys + WriterEquivalenceTests.texts(seed: 0x4B45, count: 300)
    }

    static let syntaxes: [TreeBytes.Syntax] = [
        .json(indent: nil), .json(indent: 2), .yaml(guarded: []), .yaml(guarded: ["{code"]), .yaml(guarded: ["Kit"]), .digest,
    ]

    @Test("a key written from its precomputed bytes is the key written as text, in every syntax and the digest")
    func keysMatch() {
        for key in Self.keys() {
            for syntax in Self.syntaxes {
                for digesting in [false, true] {
                    func written(_ writeKey: (inout TreeBytes) -> Void) -> (String, String) {
                        var tree = TreeBytes(syntax, digesting: digesting)
                        tree.beginMap()
                        tree.key("first")
                        tree.string("value")
                        writeKey(&tree)
                        tree.string("value")
                        tree.endMap()
                        return (tree.text, tree.digest)
                    }
                    let fast = written { $0.key(TreeBytes.Key(key)) }
                    let plain = written { $0.key(key) }
                    #expect(fast == plain, "\(key.debugDescription) \(syntax)")
                }
            }
        }
    }

    @Test("a draft written with its format in front is the draft with the format set, as JSON, YAML and digest")
    func formatInFront() throws {
        for draft in try TreeBytesEquivalenceTests.drafts() {
            var formatted = draft
            formatted.format = HandoffVersion.draftFormat
            for draft in [draft, formatted] {
                let item = ExportFixtures.item(draft)
                #expect(JSONExporter.json(item, indent: nil).utf8String == JSONWriter.compact(formatted.encoded))
                #expect(JSONExporter.json(item, indent: 2).utf8String == JSONWriter.pretty(formatted.encoded))
                let document = try YAMLExporter().render(item, options: ExportFixtures.options()).text()
                #expect(document.utf8String == YAMLWriter.document(formatted.encoded))
                var yaml = YAMLWriter.document(formatted.encoded, guarded: SourceBlock.guarded)
                if yaml.hasSuffix("\n") { yaml.removeLast() }
                let both = try #require(SourceBlock.yamlAndDigest(for: draft))
                #expect(both.yaml == yaml)
                #expect(both.digest == TreeBytesEquivalenceTests.referenceDigest(draft))
            }
        }
    }

    @Test("a mark taken while digesting brings the digest back on rollback")
    func rollbackRestoresDigest() {
        for syntax in [TreeBytes.Syntax.digest, .yaml(guarded: ["{code"])] {
            var tree = TreeBytes(syntax, digesting: true)
            tree.beginMap()
            tree.key("kept")
            tree.string("yes")
            let before = tree.digest
            let mark = tree.mark
            tree.key("dropped")
            tree.string("text")
            #expect(tree.digest != before)
            tree.rollback(to: mark)
            #expect(tree.digest == before)
        }
    }

    @Test("text told non-blank from its first scalar is text that is not empty")
    func nonBlankStart() {
        let blanks = ["", " ", "\t", "\n", "\r\n", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"]
        var random = SplitMix(seed: 0xB1A)
        var texts = WriterEquivalenceTests.texts(seed: 0xB1A2)
        for _ in 0..<300 { texts.append(random.pick(blanks) + random.pick(blanks) + WriterEquivalenceTests.text(&random, maxPieces: 2)) }
        for text in texts + blanks {
            if text.startsWithNonBlankScalar { #expect(!text.isEmptyValue, "\(text.debugDescription)") }
            var tree = TreeBytes(.json(indent: nil))
            #expect(text.write(into: &tree) == !text.isEmptyValue, "\(text.debugDescription)")
        }
    }

    /// `IssueFields.oneLine` as it was written before its shortcut: scalar by scalar.
    static func referenceOneLine(_ source: String) -> String {
        var line = ""
        var lastWasSpace = false
        for scalar in source.unicodeScalars {
            let isSpace = scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " "
            if isSpace {
                if !lastWasSpace && !line.isEmpty { line.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if UnsafeScalar.needsEscape(scalar) { continue }
            line.unicodeScalars.append(scalar)
        }
        while line.last == " " { line.removeLast() }
        if line.utf16.count <= IssueFields.summaryLimit { return line }
        var cut = ""
        for character in line {
            if cut.utf16.count + character.utf16.count > IssueFields.summaryLimit - 1 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    @Test("a summary taken as it is matches the line built scalar by scalar, near the limit too")
    func oneLine() {
        var random = SplitMix(seed: 0x5A11)
        var texts = WriterEquivalenceTests.texts(seed: 0x11AE)
        for _ in 0..<200 {
            let piece = random.pick(["a", "日本", "😀", " ", "é", "\u{301}", "x y"])
            texts.append(String(repeating: piece, count: random.int(in: 60...300)))
        }
        for text in texts {
            #expect(IssueFields.oneLine(text) == Self.referenceOneLine(text), "\(text.debugDescription)")
        }
    }

    @Test("labels kept as they are match labels split at whitespace and made unique")
    func labels() {
        var random = SplitMix(seed: 0x1AB3)
        let pieces = ["web-form", "q4", "web form", " q4 ", "Q4", "\t", "", "日本", "ｑ４", "a\u{A0}b", "e\u{301}", "é", "x\ny"]
        for _ in 0..<300 {
            let raw = (0..<random.int(in: 0...5)).map { _ in random.pick(pieces) + random.pick(["", "-1", " x"]) }
            var seen: Set<String> = []
            var expected: [String] = []
            for label in raw {
                let cleaned = label.split(whereSeparator: \.isWhitespace).joined(separator: "-")
                if !cleaned.isEmpty, seen.insert(cleaned).inserted { expected.append(cleaned) }
            }
            #expect(IssueFields.labels(raw) == expected, "\(raw)")
        }
    }
}
