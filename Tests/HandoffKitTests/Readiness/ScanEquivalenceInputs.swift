@testable import HandoffKit

/// Generated field texts for the equivalence tests of the fast scanners: pieces of the lexicons
/// themselves, glued and cased at random, with Japanese, full-width, invisible and oddly-cased
/// characters around them, so that each fast path is compared with its simple reference on the
/// inputs where they could part.
enum ScanEquivalenceInputs {
    /// A small deterministic generator (SplitMix64): the same inputs on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let noise = [
        " ", "  ", "\t", "\n", "\u{3000}", "\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{00A0}", ",", ", ", "(", ")", "（", "）",
        "、", "。", "?", "？", "!", "…", "-", " - ", " — ", "'", "’", "\"", "「", "」", "です", "かな", "まだ", "を", "で",
        "x", "X", "lead", "ship", "2026-12-05", "+81 90-1234-5678", "a@b.co", "Ｔｂｄ", "ＴＢＤ", "ｔｂｄ", "İ", "K", "Σ",
        "é", "e\u{301}", "ß", "ﬁ", "プラットフォーム", "リードタイム", "メール", "未定", "確認中", "誰か", "maybe", "probably",
        "still ", "honestly ", " yet", " for now", "現時点では", "現在", "123", "API", "Cookie", "GTM", "Ads", "send",
        "works", "shows", "then", "%", "秒", "正しく", "動く", "not sure", "TBD", "n/a", "NA", "todo", "to do",
    ]

    /// `count` texts built from `vocabulary` and the noise above.
    static func texts(_ count: Int, vocabulary: [String], seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        let pool = vocabulary + noise
        return (0..<count).map { _ in
            let pieces = Int.random(in: 1...6, using: &generator)
            var text = ""
            for _ in 0..<pieces {
                var piece = pool.randomElement(using: &generator)!
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: piece = piece.uppercased()
                case 1: piece = piece.prefix(1).uppercased() + piece.dropFirst()
                default: break
                }
                if Bool.random(using: &generator) { text += [" ", "", "\u{3000}", "_", "-"].randomElement(using: &generator)! }
                text += piece
            }
            return text
        }
    }
}
