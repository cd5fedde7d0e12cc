import Foundation
import Testing

@testable import HandoffKit

extension Rules {
    /// The words next to a vague word are read from the ends of the text around it, and text with
    /// no opening quotation mark is not searched for quotations: over generated texts in both
    /// languages, both answer as splitting the whole text and searching it did.
    @Suite("Vague span fast paths")
    struct VagueSpanFastPathTests {
        /// The quotation search as it was: every pair searched in the whole text as a string.
        static func referenceQuotedRanges(_ bytes: [UInt8]) -> [Range<Int>] {
            let text = String(decoding: bytes, as: UTF8.self)
            var ranges: [Range<Int>] = []
            for (open, close) in [("「", "」"), ("『", "』"), ("“", "”"), ("\"", "\""), (" '", "'")] {
                var searchFrom = text.startIndex
                while let opening = text.range(of: open, range: searchFrom..<text.endIndex),
                    let closing = text.range(of: close, range: opening.upperBound..<text.endIndex)
                {
                    let lower = text.utf8.distance(from: text.startIndex, to: opening.upperBound)
                    let upper = text.utf8.distance(from: text.startIndex, to: closing.lowerBound)
                    ranges.append(lower..<upper)
                    searchFrom = closing.upperBound
                }
            }
            if text.hasPrefix("'"), let closing = text.dropFirst().firstIndex(of: "'") {
                ranges.append(1..<text.utf8.distance(from: text.startIndex, to: closing))
            }
            return ranges
        }

        static let vocabulary = [
            "「シンプル」", "『一部』", "“Simple”", "\"just\"", " 'quick'", "'easy' start", "”", "」", "“", "「", "'", "\"",
            "more", "some of the", "3 more", "learn more", "ETC", "etc.", "なるべく", "\u{3000}", "\u{00A0}", "\u{2028}",
        ]

        @Test("words before and after a match are those of splitting the whole text")
        func wordsFromTheEnds() {
            let texts = ScanEquivalenceInputs.texts(2000, vocabulary: Self.vocabulary, seed: 0x5BA7) + ["", " ", "a", " a ", "a  b"]
            var withThreeWords = 0
            for text in texts {
                let all = VagueSpan.words(Substring(text))
                for count in 1...3 {
                    #expect(VagueSpan.lastWords(Substring(text), count) == Array(all.suffix(count)), "\(text.debugDescription)")
                    #expect(VagueSpan.firstWords(Substring(text), count) == Array(all.prefix(count)), "\(text.debugDescription)")
                }
                if all.count > 3 { withThreeWords += 1 }
            }
            #expect(withThreeWords > 150)
        }

        @Test("a bare word is what filtering its scalars one by one gave, kept as it is when nothing is dropped")
        func bareWords() {
            func reference(_ word: String) -> String {
                String(word.unicodeScalars.filter { !"()[]{}\"'“”‘’,.;:!?".unicodeScalars.contains($0) }.map(Character.init))
            }
            let vocabulary = Self.vocabulary + ["(3)", "“more”", "‘a’", "x!?", "e\u{301}", "é.", "[一部]", "：", "．", "\u{200B}"]
            var changed = 0
            for text in ScanEquivalenceInputs.texts(2000, vocabulary: vocabulary, seed: 0xBA4E) {
                for word in VagueSpan.words(Substring(text)) + [text] {
                    let expected = reference(word)
                    #expect(VagueSpan.bare(word) == expected, "\(word.debugDescription)")
                    #expect(Array(VagueSpan.bare(word).unicodeScalars) == Array(expected.unicodeScalars))
                    if expected != word { changed += 1 }
                }
            }
            #expect(changed > 200)
        }

        @Test("quotations found as by searching the whole text, and none looked for without an opening mark")
        func quotations() {
            let texts = ScanEquivalenceInputs.texts(2000, vocabulary: Self.vocabulary, seed: 0x9007)
            var quoted = 0
            var unquoted = 0
            for text in texts {
                let bytes = VagueLexicon.loweredBytes(text)
                let expected = Self.referenceQuotedRanges(bytes)
                #expect(VagueSpan.quotedRanges(bytes) == expected, "\(text.debugDescription)")
                if !expected.isEmpty { quoted += 1 }
                if !VagueSpan.mayHoldQuotation(bytes) {
                    #expect(expected.isEmpty, "\(text.debugDescription)")
                    unquoted += 1
                }
            }
            #expect(quoted > 200)
            #expect(unquoted > 200)
        }
    }
}
