import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The draft's write plan writes what the `Value` tree of the draft is written as (`YAMLWriter`,
/// `JSONWriter`, the digest's tagged walk), and its string writers what those writers write for
/// a string: over generated drafts and texts with Japanese, full-width, invisible and control
/// characters, at every alignment the word-at-a-time loops meet.
@Suite("Write plan against the Value tree's writers")
struct WritePlanTests {
    /// The generated drafts of `TreeBytesEquivalenceTests`, and more with hostile text in list
    /// items, nested records and quantities, where the YAML is indented deepest.
    static func drafts() throws -> [Draft] {
        var random = SplitMix(seed: 0x9_1A4)
        var drafts = try TreeBytesEquivalenceTests.drafts()
        func hostile() -> String {
            random.int(in: 0...4) == 0 ? random.pick(["", " ", "\n", "\u{3000}", "a\n"]) : WriterEquivalenceTests.text(&random)
        }
        for base in drafts.prefix(200) {
            var draft = base
            var system = AffectedSystem(name: hostile(), change: hostile() + "\n" + hostile())
            system.data = [hostile(), hostile()]
            system.personalData = random.int(in: 0...1) == 0
            draft.systems.append(system)
            draft.scope.requirements.append(Requirement(hostile(), random.pick([nil, .must, .wont])))
            var metric = Metric()
            metric.name = hostile()
            metric.baseline = random.int(in: 0...1) == 0 ? .text(hostile()) : .number("0.5")
            metric.target = .text(hostile())
            draft.success.metrics.append(metric)
            draft.review.questions.append(ReviewQuestion(by: hostile(), text: hostile(), answered: random.int(in: 0...1) == 0))
            draft.testing.acceptanceCriteria.append(hostile())
            draft.details.consentText = hostile()
            draft.operations.until = random.int(in: 0...1) == 0 ? .permanent : draft.timeline.launch.map(RunsUntil.date)
            draft.jira.pushedRevision = random.int(in: 0...1) == 0 ? nil : random.int(in: 0...40)
            drafts.append(draft)
        }
        return drafts
    }

    private static func written(_ draft: Draft, _ syntax: WritePlan.Syntax) throws -> (text: String, digest: String) {
        let written = try #require(withUnsafePointer(to: draft) { WritePlan.draft.write($0, syntax, capacity: 64) })
        return (written.bytes.utf8String, ContentHash.hex(written.hash))
    }

    @Test("a draft's YAML, guarded or not, compact JSON and digest are those of its encoded tree")
    func draftsMatch() throws {
        let drafts = try Self.drafts()
        #expect(drafts.count > 180)
        for draft in drafts {
            let encoded = draft.encoded
            let digest = TreeBytesEquivalenceTests.referenceDigest(draft)
            let yaml = try Self.written(draft, .yaml(guards: .none, digesting: true))
            #expect(yaml.text == YAMLWriter.document(encoded))
            #expect(yaml.digest == digest)
            let guarded = try Self.written(draft, .yaml(guards: .cached(SourceBlock.guarded), digesting: false))
            #expect(guarded.text == YAMLWriter.document(encoded, guarded: SourceBlock.guarded))
            #expect(try Self.written(draft, .json).text == JSONWriter.compact(encoded))
            #expect(try Self.written(draft, .digest).digest == digest)
        }
    }

    @Test("the json and yaml exports' drafts are the encoded drafts with handoff's format")
    func exports() throws {
        let options = ExportFixtures.options()
        for draft in try Self.drafts().prefix(120) {
            var normalised = draft
            if normalised.format == nil { normalised.format = HandoffVersion.draftFormat }
            let item = ExportFixtures.item(draft)
            #expect(try JSONExporter().render(item, options: options).json().utf8String == JSONWriter.compact(normalised.encoded))
            #expect(try YAMLExporter().render(item, options: options).text().utf8String == YAMLWriter.document(normalised.encoded))
        }
    }

    @Test("every field of a draft is written by a step of its kind, none through its encoding")
    func planCoversDraft() {
        #expect(WritePlan.draft.otherCount == 0)
        #expect(WritePlan.draft.root.count == Draft.fields.count)
    }

    /// The texts, each also after one to seven bytes so that it meets every word alignment.
    static func texts(seed: UInt64) -> [String] {
        WriterEquivalenceTests.texts(seed: seed, count: 400).flatMap { (text: String) -> [String] in
            let shifted: String = "abc" + text + "\n" + text
            let longer: String = String(repeating: "b", count: 7) + text + "\n"
            return [text, "a" + text, shifted, longer]
        }
    }

    @Test("a string is written as YAMLWriter writes it, at any indent, guarded or not")
    func yamlStrings() {
        for text in Self.texts(seed: 0x5CA1) where !text.isEmpty {
            for (indent, guarded) in [(0, [] as [String]), (4, ["{code"]), (6, [])] {
                let guards = YAMLWriter.Guards.cached(guarded)
                var expected: [UInt8] = []
                YAMLWriter.writeScalarString(text, into: &expected, indent: indent, guards: guards)
                var buffer = ByteBuffer(capacity: 1)
                var utf8 = text
                utf8.withUTF8 { _ = YAMLScalarBytes.write($0, of: text, indent: indent, guards: guards, into: &buffer) }
                #expect(buffer.bytes() == expected, "\(text.debugDescription) indent \(indent) guarded \(guarded)")
            }
        }
    }

    @Test("a string is written as JSONWriter writes it")
    func jsonStrings() {
        for text in Self.texts(seed: 0x15_0A) {
            var expected: [UInt8] = []
            JSONWriter.writeString(text, into: &expected)
            var buffer = ByteBuffer(capacity: 1)
            var utf8 = text
            utf8.withUTF8 { JSONStringBytes.write($0, of: text, into: &buffer) }
            #expect(buffer.bytes() == expected, "\(text.debugDescription)")
        }
    }

    @Test("invisible characters are told as UnsafeScalar tells them, general punctuation from a table")
    func invisibles() {
        for value in UInt32(0x1F00)...0x2200 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarBytes.isInvisible(scalar) == UnsafeScalar.isInvisible(scalar), "U+\(String(value, radix: 16))")
        }
    }
}

extension WritePlanTests {
    @Test("the source block written JSON-escaped is its YAML escaped afterwards, or gives up where that does")
    func escapedSource() throws {
        var complete = 0
        for draft in try Self.drafts() {
            var expected: [UInt8] = [7]
            let expectedComplete = SourceBlock.yamlBytes(for: draft).withUnsafeBufferPointer {
                JSONWriter.writeEscaped(utf8: $0, into: &expected)
            }
            let escaped = SourceBlock.yamlEscapedForJSONAndDigest(for: draft)
            let writtenComplete = escaped != nil
            #expect(writtenComplete == expectedComplete)
            if expectedComplete, let escaped {
                #expect([7] + escaped.escaped == expected)
                complete += 1
            }
        }
        #expect(complete > 100)
    }
}
