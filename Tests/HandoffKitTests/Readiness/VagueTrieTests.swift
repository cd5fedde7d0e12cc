import Testing

@testable import HandoffKit

extension Rules {
    /// The trie walk folds ASCII capitals itself and skips the positions where a word that must
    /// start a word cannot; over generated texts in both languages it finds what comparing every
    /// word at every position of the lowered text finds.
    @Suite("Vague trie walk")
    struct VagueTrieTests {
        /// Every word at every position of the text's ASCII-lowered bytes, with the occurrences a
        /// caller drops (a word that must start a word, after an ASCII letter or digit) left out.
        static func reference(_ words: [[UInt8]], _ startsWord: [Bool], _ text: String) -> Set<[Int]> {
            let bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var found: Set<[Int]> = []
            for (index, word) in words.enumerated() where !word.isEmpty && word.count <= bytes.count {
                for start in 0...(bytes.count - word.count) where Array(bytes[start..<start + word.count]) == word {
                    let glued = start > 0 && VagueLexicon.isWordByte(bytes[start - 1])
                    if startsWord[index] && glued { continue }
                    found.insert([index, start, start + word.count])
                }
            }
            return found
        }

        static func walked(_ trie: VagueTrie, _ startsWord: [Bool], _ text: String) -> Set<[Int]> {
            var text = text
            var found: Set<[Int]> = []
            text.withUTF8 { bytes in
                trie.forEachOccurrence(in: bytes) { word, start, end in
                    // The walk may report a word glued to what is before it; callers drop those.
                    if startsWord[word] && start > 0 && VagueLexicon.isWordByte(bytes[start - 1]) { return }
                    found.insert([word, start, end])
                }
            }
            return found
        }

        @Test("the same occurrences as comparing every word at every position, capitals folded")
        func sameAsReference() {
            let lexicon = VagueLexicon()
            // A word that may sit anywhere and starts with a letter, beside the same letters
            // starting words that must start a word.
            let extra = ["uiリッチ", "so", "まあ", "tbd", "e2e"]
            let words = lexicon.entries.map(\.lowered) + extra.map { Array($0.utf8) }
            let startsWord = lexicon.entries.map(\.wholeWord) + [false, true, false, true, false]
            let trie = VagueTrie(words: words, startsWord: startsWord)
            let vocabulary = lexicon.entries.map(\.word) + extra + ["UIリッチ", "sOoN", "ＡＳＡＰ", "Ａsap"]
            var withOccurrences = 0
            for text in ScanEquivalenceInputs.texts(2000, vocabulary: vocabulary, seed: 0x7A1E) + vocabulary {
                let expected = Self.reference(words, startsWord, text)
                #expect(Self.walked(trie, startsWord, text) == expected, "\(text.debugDescription)")
                if !expected.isEmpty { withOccurrences += 1 }
            }
            #expect(withOccurrences > 1000)
        }

        @Test("whether lowering changes more than ASCII letters, read from the bytes, as from the scalars")
        func loweringBeyondASCII() {
            let vocabulary = ["ÀÉÎ", "ＡＢＣ", "ａｂｃ", "ΣΑΣ", "σας", "İ", "Ⓐ", "ﬃ", "日本語ABC", "ｶﾀｶﾅ", "（注）", "“quoted”", "🙂"]
            var beyond = 0
            let texts = ScanEquivalenceInputs.texts(1500, vocabulary: vocabulary, seed: 0x10E7) + vocabulary
            for text in texts + [String(repeating: "abcdefgh", count: 5) + "É", "abcdefghÉ"] {
                let expected = text.unicodeScalars.contains { scalar in
                    !scalar.isASCII && !(0x3000...0x9FFF).contains(scalar.value) && scalar.properties.changesWhenLowercased
                }
                var copy = text
                #expect(copy.withUTF8 { VagueLexicon.lowersBeyondASCII($0) } == expected, "\(text.debugDescription)")
                if expected { beyond += 1 }
            }
            #expect(beyond > 100)
            #expect(beyond < texts.count)
        }
    }
}
