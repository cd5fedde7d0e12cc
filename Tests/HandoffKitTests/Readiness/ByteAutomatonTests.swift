import Testing

@testable import HandoffKit

extension Rules {
    /// The automaton the scans share (vague words, placeholder anchors, term sets) folds ASCII
    /// capitals itself; over generated texts in both languages it finds what comparing every word
    /// at every position of the lowered text finds, and stops where it is told to.
    @Suite("Byte automaton")
    struct ByteAutomatonTests {
        /// Every word at every position of the text's ASCII-lowered bytes.
        static func reference(_ words: [[UInt8]], _ text: String) -> Set<[Int]> {
            let bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            var found: Set<[Int]> = []
            for (index, word) in words.enumerated() where !word.isEmpty && word.count <= bytes.count {
                for start in 0...(bytes.count - word.count) where Array(bytes[start..<start + word.count]) == word {
                    found.insert([index, start, start + word.count])
                }
            }
            return found
        }

        static func walked(_ automaton: ByteAutomaton, _ text: String) -> Set<[Int]> {
            var text = text
            var found: Set<[Int]> = []
            text.withUTF8 { bytes in
                let walk = automaton.forEachOccurrence(in: bytes) { word, start, end in
                    found.insert([word, start, end])
                    return false
                }
                #expect(walk == .finished)
            }
            return found
        }

        static let extra = ["uiリッチ", "so", "まあ", "tbd", "e2e", "", "まあ", "aaa", "aa"]

        @Test("the same occurrences as comparing every word at every position, capitals folded")
        func sameAsReference() {
            let lexicon = VagueLexicon()
            // Words inside others, a repeated word and an empty one among the lexicon's.
            let words = lexicon.entries.map(\.lowered) + Self.extra.map { Array($0.utf8) }
            let automaton = ByteAutomaton(words)
            let vocabulary = lexicon.entries.map(\.word) + Self.extra + ["UIリッチ", "sOoN", "ＡＳＡＰ", "Ａsap", "AAAA"]
            var withOccurrences = 0
            for text in ScanEquivalenceInputs.texts(2000, vocabulary: vocabulary, seed: 0x7A1E) + vocabulary {
                let expected = Self.reference(words, text)
                #expect(Self.walked(automaton, text) == expected, "\(text.debugDescription)")
                if !expected.isEmpty { withOccurrences += 1 }
            }
            #expect(withOccurrences > 1000)
        }

        @Test("a walk stops at the occurrence its body stops at, or before a scalar with a lower case")
        func stops() {
            let automaton = ByteAutomaton(["ab", "b", "フォーム"].map { Array($0.utf8) })
            var text = "xAbフォームÉab"
            text.withUTF8 { bytes in
                var seen: [[Int]] = []
                let stopped = automaton.forEachOccurrence(in: bytes) { word, start, end in
                    seen.append([word, start, end])
                    return word == 2
                }
                #expect(stopped == .stopped)
                // At one end the longer word comes first.
                #expect(seen == [[0, 1, 3], [1, 2, 3], [2, 3, 15]])
                var cased: [Int] = []
                let walk = automaton.forEachOccurrence(in: bytes, stopAtCasedScalar: true) { word, _, _ in
                    cased.append(word)
                    return false
                }
                #expect(walk == .casedScalar)
                #expect(cased == [0, 1, 2])
            }
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
        /// Where the caseless walk must stop: at the first scalar that may have a lower case, as
        /// `TermSet.isCaselessLead` describes the caseless ones (U+0080–U+00BF, U+2000–U+207F,
        /// U+3000–U+9FFF, U+FF00–U+FF20, U+FF3B–U+FF7F), or nil when there is none.
        static func casedScalarOffset(_ text: String) -> Int? {
            var offset = 0
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let caseless =
                    value < 0x80 || (0x80...0xBF).contains(value) || (0x2000...0x207F).contains(value)
                    || (0x3000...0x9FFF).contains(value) || (0xFF00...0xFF20).contains(value)
                    || (0xFF3B...0xFF7F).contains(value)
                if !caseless { return offset }
                offset += String(scalar).utf8.count
            }
            return nil
        }

        /// The walk that stops at a cased scalar passes the caseless leads it always accepts
        /// (0xC2, 0xE3–0xE9) straight through the table and looks closely only at the others:
        /// over texts of punctuation (E2), full-width forms (EF) of both cases, kana, Latin
        /// letters with accents and emoji, next to words that hold those bytes themselves, it
        /// reports the occurrences before the stop and stops exactly there.
        @Test("the caseless walk stops at the first scalar that may have a lower case, and only there")
        func caselessWalkStops() {
            let words = ["（注）", "ｔｂｄ", "tbd", "…", "—", "フォーム", "未定", "é", "ab", "b", "ｆｏｒｍ"]
                .map { Array($0.utf8) }
            let automaton = ByteAutomaton(words)
            let vocabulary = [
                "（注）", "（", "）", "ｔｂｄ", "ＴＢＤ", "Ｔｂｄ", "TBD", "tbd", "…", "—", "“quoted”", "フォーム", "未定", "é",
                "É", "ß", "Σ", "🙂", "ｶﾀｶﾅ", "＠", "［", "｀", "｛", "\u{3000}", "\u{00A0}", "ab", "AB", "ｆｏｒｍ", "ＦＯＲＭ",
            ]
            var stopped = 0
            var finished = 0
            for text in ScanEquivalenceInputs.texts(2000, vocabulary: vocabulary, seed: 0xE5C) + vocabulary {
                let stop = Self.casedScalarOffset(text)
                let expected = Self.reference(words, text).filter { stop == nil || $0[2] <= stop! }
                var copy = text
                var found: Set<[Int]> = []
                let walk = copy.withUTF8 { bytes in
                    automaton.forEachOccurrence(in: bytes, stopAtCasedScalar: true) { word, start, end in
                        found.insert([word, start, end])
                        return false
                    }
                }
                #expect(walk == (stop == nil ? .finished : .casedScalar), "\(text.debugDescription)")
                #expect(found == expected, "\(text.debugDescription)")
                if stop == nil { finished += 1 } else { stopped += 1 }
            }
            #expect(stopped > 300)
            #expect(finished > 300)
        }
        /// The order a walk reports in is part of what it promises: by end, and at one end the
        /// longest string first, a string given twice in the order given. Each state lists its own
        /// strings and then its failure's, copied when the automaton is built.
        @Test("occurrences in order of end, then of length from the longest, then as given")
        func reportsInOrder() {
            let lexicon = VagueLexicon()
            let words = lexicon.entries.map(\.lowered) + Self.extra.map { Array($0.utf8) } + [Array("soon".utf8)]
            let automaton = ByteAutomaton(words)
            let vocabulary = lexicon.entries.map(\.word) + Self.extra + ["as soon as possible", "ＡＳＡＰ", "aaaa", "まあまあ"]
            var repeatedEnds = 0
            for text in ScanEquivalenceInputs.texts(1500, vocabulary: vocabulary, seed: 0x0BDE) + vocabulary {
                let expected = Self.reference(words, text).sorted { a, b in
                    if a[2] != b[2] { return a[2] < b[2] }
                    if a[2] - a[1] != b[2] - b[1] { return a[2] - a[1] > b[2] - b[1] }
                    return a[0] < b[0]
                }
                var copy = text
                var seen: [[Int]] = []
                _ = copy.withUTF8 { bytes in
                    automaton.forEachOccurrence(in: bytes) { word, start, end in
                        seen.append([word, start, end])
                        return false
                    }
                }
                #expect(seen == expected, "\(text.debugDescription)")
                if Set(expected.map { $0[2] }).count < expected.count { repeatedEnds += 1 }
            }
            // Texts where several strings end at one place, the case the order is about.
            #expect(repeatedEnds > 300)
        }
    }
}
