import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// handoff never writes a draft it cannot read back: text longer than the reader's line limit on
/// one line is written over several lines (a folded block, or a continued double-quoted scalar)
/// and reads back exactly; an answer over the answer limit is refused when it is typed.
@Suite("limits: long text is written so that it reads back")
struct LongTextTests {
    /// Long texts of the shapes that break a naive writer.
    static let texts: [(String, String)] = [
        ("70 KB of words", String(repeating: "word ", count: 14_000).trimmingCharacters(in: .whitespaces)),
        ("70 KB without a space", String(repeating: "x", count: 70_000)),
        ("double spaces and edges", " lead" + String(repeating: "a  b ", count: 20_000) + "trail "),
        ("paragraphs", (0..<4).map { _ in String(repeating: "long line ", count: 8_000) }.joined(separator: "\n\n")),
        ("escapes at the breaks", String(repeating: "\u{1B}\"\\é\t日本語", count: 9_000)),
        ("invisible characters", String(repeating: "a\u{202E}b\u{200B}c ", count: 12_000)),
        ("trailing line break", String(repeating: "y", count: 80_000) + "\n"),
    ]

    @Test("Each long text is written in lines within the limit and reads back unchanged", arguments: texts)
    func readsBack(_ name: String, _ text: String) throws {
        var draft = TestDrafts.ready
        draft.idea = text
        let yaml = YAMLWriter.document(draft.encoded)
        let longest = yaml.split(separator: "\n").map(\.utf8.count).max() ?? 0
        #expect(longest < InputLimits.standard.maxLineBytes, "\(name): a line of \(longest) bytes")
        let results = DraftLoader.load(text: yaml, source: "long.yaml", requireFormat: true)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("\(name): did not read back: \(results)")
            return
        }
        #expect(loaded.draft.idea == text, "\(name)")
    }

    @Test("Seeded random long texts of words, spaces, line breaks and escapes read back unchanged")
    func randomTexts() throws {
        var random = SplitMix(rawState: 42)
        let pieces = ["a", "bb", " ", "  ", "\n", "\n\n", "\t", "日本", "\u{202E}", "\"", "\\", "#", ": ", "- ", "\u{1B}"]
        for _ in 0..<30 {
            var text = ""
            while text.utf8.count < 9_000 + Int(random.next() % 80_000) {
                text += pieces[Int(random.next() % UInt64(pieces.count))]
                if random.next() % 4 == 0 { text += String(repeating: "z", count: Int(random.next() % 6000)) }
            }
            var draft = Draft()
            draft.idea = text
            let yaml = YAMLWriter.document(draft.encoded)
            #expect(yaml.split(separator: "\n").allSatisfy { $0.utf8.count < InputLimits.standard.maxLineBytes })
            let results = DraftLoader.load(text: yaml, source: "random.yaml", requireFormat: false)
            guard results.count == 1, case .success(let loaded) = results[0] else {
                Issue.record("did not read back: \(results.first.map { "\($0)" }?.prefix(300) ?? "")")
                continue
            }
            #expect(loaded.draft.idea == text)
        }
    }

    @Test("Short text is written as before: plain, quoted or a literal block")
    func shortUnchanged() {
        #expect(YAMLWriter.document(.map([Value.Entry("idea", .string("a short idea"))])) == "idea: a short idea\n")
        #expect(YAMLWriter.document(.map([Value.Entry("idea", .string("two\nlines"))])) == "idea: |-\n  two\n  lines\n")
    }

    @Test("An answer over the answer limit is refused as it is typed, naming the limit; one under it is taken")
    func answerLimit() {
        let limit = InputLimits.standard.maxAnswerBytes
        let refusal = InterviewSession.refusal(String(repeating: "x", count: limit + 1))
        #expect(refusal?(.en).contains("256 KiB") == true)
        #expect(InterviewSession.refusal(String(repeating: "x", count: 70_000)) == nil)
    }
}

