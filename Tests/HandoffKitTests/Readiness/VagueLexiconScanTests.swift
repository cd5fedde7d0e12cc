import Foundation
import Testing

@testable import HandoffKit

/// The one-pass trie scan finds exactly what scanning the text once per word found: the same
/// words, phrases, subjects and order, on texts in both languages and on the edges of case.
@Suite("Vague lexicon scan against a per-word reference")
struct VagueLexiconScanTests {
    /// The scan as it was before the trie: each word of the lexicon searched through the whole
    /// lowered text in turn, longest words first.
    static func reference(_ lexicon: VagueLexicon, _ text: String) -> [VagueLexicon.Match] {
        let bytes = Array(text.lowercased().utf8)
        guard !bytes.isEmpty else { return [] }
        let originalBytes = Array(text.utf8)
        let original = originalBytes.count == bytes.count ? originalBytes : nil
        let quotes = VagueSpan.quotedRanges(bytes)
        func boundary(_ index: Int) -> Bool { index < 0 || index >= bytes.count || !VagueLexicon.isWordByte(bytes[index]) }
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [(Int, VagueLexicon.Match)] = []
        var reported: Set<String> = []
        for entry in lexicon.entries where !entry.lowered.isEmpty && entry.lowered.count <= bytes.count {
            for position in 0...(bytes.count - entry.lowered.count)
            where bytes[position..<position + entry.lowered.count].elementsEqual(entry.lowered) {
                let end = position + entry.lowered.count
                if entry.wholeWord && !(boundary(position - 1) && boundary(end)) { continue }
                if taken[position..<end].contains(true) { continue }
                for index in position..<end { taken[index] = true }
                let span = VagueSpan(lowered: bytes, original: original, start: position, end: end, quotes: quotes)
                if span.isExact(entry) { continue }
                if reported.insert(entry.word.lowercased()).inserted { found.append((position, span.match(entry))) }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static let fragments = [
        "We need it ASAP", "as soon as possible", "soonest", "some of the gift sets", "more sign-ups", "a few more",
        "ETC toll system", "etc.", "and so on", "user-friendly", "user friendly", "better UX", "3 more", "100% faster",
        "'simple' in quotes", "\"just\" quoted", "Lead", "leadership", "TBD", "tbc", "and/or", "kind of",
        "なるべく早く", "なるべく", "いい感じに", "など", "一部の商品", "もっと多く", "3件程度", "早急に", "至急", "大至急",
        "ＡＳＡＰ", "ΣΟΦΟΣ soon", "İyi etc", "ǅ some", "Straße more", "café better", "🙂 quick", "\u{202E}just",
        "—", ",", " ", "\n", "", "x", "2026-12-01", "SOME", "Some", "sOmE", "MORE", "Better", "manymore", "some-thing",
    ]

    @Test("5,000 generated texts give the same matches as the per-word reference")
    func generated() {
        var extra = VagueWordSettings()
        extra.en = ["Synergy", "go live"]
        extra.ja = ["いい塩梅"]
        let lexicons = [VagueLexicon(), VagueLexicon(extra: extra)]
        var seed: UInt64 = 7
        var compared = 0
        var withMatches = 0
        for index in 0..<5000 {
            var text = ""
            let count = 1 + index % 7
            for _ in 0..<count {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += Self.fragments[Int(truncatingIfNeeded: seed >> 33) % Self.fragments.count]
                text += ["", " ", "、", ". ", "-", "の"][Int(truncatingIfNeeded: seed >> 20) % 6]
            }
            let lexicon = lexicons[index % 2]
            let fast = lexicon.matches(in: text)
            let slow = Self.reference(lexicon, text)
            compared += 1
            if !slow.isEmpty { withMatches += 1 }
            let same = fast.count == slow.count && zip(fast, slow).allSatisfy { a, b in
                a.word == b.word && a.kind == b.kind && a.phrase == b.phrase && a.subject == b.subject && a.isSelection == b.isSelection
            }
            #expect(same, "\(text.debugDescription): \(fast.map(\.phrase)) vs \(slow.map(\.phrase))")
        }
        #expect(withMatches > compared / 2)
    }

    @Test("lowered bytes are those of String.lowercased(), ASCII, Japanese, full-width and Greek alike")
    func lowering() {
        for text in Self.fragments + ["ÀÉÎ", "ＡＢＣ", "ΣΑΣ", "İ", "Ⓐ", "ﬃ", "日本語ABC", "ｶﾀｶﾅ"] {
            #expect(VagueLexicon.loweredBytes(text) == Array(text.lowercased().utf8), "\(text)")
        }
    }

    @Test("the lowered bytes lent on the stack are the lowered bytes, on generated texts")
    func lentLoweredBytes() {
        let texts = ScanEquivalenceInputs.texts(1000, vocabulary: Self.fragments + ["ÀÉÎ", "ＡＢＣ", "ΣΑΣ", "ﬃ"], seed: 0x10E5)
        var nonASCII = 0
        for text in texts + ["", String(repeating: "Ab", count: 3000)] {
            let lent = VagueLexicon.withLoweredBytes(text) { Array($0) }
            #expect(lent == VagueLexicon.loweredBytes(text), "\(text.debugDescription)")
            if !text.utf8.allSatisfy({ $0 < 0x80 }) { nonASCII += 1 }
        }
        #expect(nonASCII > 100)
    }
}
