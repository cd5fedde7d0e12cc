import HandoffTestSupport
import Testing

@testable import HandoffKit

/// A node table makes its strings from bytes it knows are valid UTF-8, without validating them
/// again: the strings must equal what `String(decoding:as:)` makes, ASCII flag and all.
@Suite("Strings from a node table's bytes")
struct ValidTextTests {
    static let pieces = [
        "a", "Sign-up form ", "0123456789", "申し込みフォーム", "。", "（", "ＦＵＬＬ", "—", "…", "\u{A0}", "\u{200B}",
        "\u{FEFF}", "\u{1F600}", "é", "e\u{301}", "K\u{212A}", "\n", "\t",
    ]

    @Test("every mix of texts, at every length and alignment")
    func generatedTexts() {
        var random = SplitMix(seed: 31)
        for index in 0..<2000 {
            let text = String(repeating: "p", count: index % 9) + (0..<random.int(in: 0...8)).map { _ in random.pick(Self.pieces) }.joined()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let made = NodeTable.string(validUTF8: buffer)
                let reference = String(decoding: buffer, as: UTF8.self)
                #expect(made == reference)
                #expect(Array(made.utf8) == bytes)
                #expect(made.utf8Span.isKnownASCII == reference.utf8Span.isKnownASCII, "\(text.debugDescription)")
                #expect(NodeTable.isASCII(buffer) == bytes.allSatisfy { $0 < 0x80 })
            }
        }
    }

    @Test("scalars of a JSON table and of a tree's table read as their text")
    func tableScalars() throws {
        let json = #"{"title":"申し込み\u3042フォーム","kind":"form","idea":"a\nb","n":12,"e":"K\u212A"}"#
        let table = try #require(JSONReader.table(json, lineOffset: 0, limits: .standard))
        let tree = try YAMLReader.parseWithYams(DocumentChunk(index: 1, firstLine: 1, text: json, error: nil), source: "-")
        for candidate in [table, NodeTable(tree)] {
            candidate.withRoot { root in
                #expect(root["title"]?.text == "申し込みあフォーム")
                #expect(root["kind"]?.text == "form")
                #expect(root["idea"]?.text == "a\nb")
                #expect(root["n"]?.text == "12")
                #expect(root["e"]?.text == "K\u{212A}")
            }
        }
    }
}
