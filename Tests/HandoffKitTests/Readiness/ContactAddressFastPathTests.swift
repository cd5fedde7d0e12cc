import Testing

@testable import HandoffKit

extension Rules {
    /// `ContactInvalid.problem` accepts the common plain address on bytes; on everything else it
    /// judges character by character. Both must agree on generated addresses, Japanese,
    /// full-width and invisible characters included.
    @Suite("Contact address fast path")
    struct ContactAddressFastPathTests {
        static let locals = ["jane", "Jane.Smith", "j.s", ".jane", "jane.", "ja..ne", "o'brien", "a+b", "x_y", "佐藤", "ｊａｎｅ", "é", "1", "~", "<"]
        static let glue = ["@", "@", "@", "@", "＠", "@@", ".", " @", ""]
        static let labels = ["example", "co", "com", "jp", "c", "1", "2a", "ex-ample", "例え", "xn--abc", "", "Com", "ｃｏｍ", "e\u{301}"]
        static let noise = [" ", "\t", "\u{200B}", "\u{00A0}", "\u{3000}", "<", ">", "Jane <", "(", ",", "!", "\"", "İ", "K", "\n"]

        /// Addresses made of a local part, an @ and a domain, each piece sometimes wrong, with
        /// noise put in at random.
        static func addresses(_ count: Int, seed: UInt64) -> [String] {
            var generator = ScanEquivalenceInputs.Generator(state: seed)
            let shapes = ["jane@example.com", "a.b+c@mail.example.co.jp", "x@y.z", "Jane Smith <jane@example.com>"]
            return shapes + (0..<count).map { _ in
                var text = ""
                for _ in 0..<Int.random(in: 1...2, using: &generator) { text += locals.randomElement(using: &generator)! }
                text += glue.randomElement(using: &generator)!
                let domain = (0..<Int.random(in: 1...3, using: &generator)).map { _ in labels.randomElement(using: &generator)! }
                text += domain.joined(separator: ".")
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    let offset = Int.random(in: 0...text.count, using: &generator)
                    let at = text.index(text.startIndex, offsetBy: offset)
                    text.insert(contentsOf: noise.randomElement(using: &generator)!, at: at)
                }
                return text
            }
        }

        @Test("the byte test agrees with the character test on every generated address")
        func sameProblem() {
            var acceptedOnBytes = 0
            var wrong = 0
            for text in Self.addresses(3000, seed: 7) {
                let full = ContactInvalid.problemByCharacters(text)
                #expect(ContactInvalid.problem(text) == full, "\(text.debugDescription)")
                if ContactInvalid.isPlainASCIIAddress(text) {
                    acceptedOnBytes += 1
                    #expect(full == nil, "\(text.debugDescription)")
                }
                if full != nil { wrong += 1 }
            }
            // The inputs hold both: addresses the byte test takes and ones that are wrong.
            #expect(acceptedOnBytes > 50)
            #expect(wrong > 500)
        }
    }
}
