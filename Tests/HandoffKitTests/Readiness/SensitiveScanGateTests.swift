import Testing

@testable import HandoffKit

extension Rules {
    /// `SensitiveText.scan` counts '@' and digits before it counts addresses and numbers; over
    /// generated texts full of both it reports what the two counts alone report.
    @Suite("Sensitive text: the quick count")
    struct SensitiveScanGateTests {
        static func reference(_ text: String) -> [SensitiveText.Kind] {
            var kinds: [SensitiveText.Kind] = []
            if let secret = SensitiveText.secret(in: text) { kinds.append(.secret(secret)) }
            let emails = SensitiveText.emailCount(in: text)
            if emails >= SensitiveText.listThreshold { kinds.append(.emailList(emails)) }
            let phones = SensitiveText.phoneCount(in: text)
            if phones >= SensitiveText.listThreshold { kinds.append(.phoneList(phones)) }
            return kinds
        }

        @Test("the same kinds as counting every time")
        func sameKinds() {
            let vocabulary = [
                "a@b.co", "sato@example.jp", "x@", "@y.z", "+81 90-1234-5678", "(555) 123-4567", "555-123-4567",
                "09012345678", "2026-12-05 15:00", "12345", "0", "@", ".", "電話", "メール", "password: hunter22x",
            ]
            var lists = 0
            var generator = ScanEquivalenceInputs.Generator(state: 11)
            // Lists need several addresses or numbers in one text: longer runs of the vocabulary.
            let long = (0..<1500).map { _ in
                (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                    vocabulary.randomElement(using: &generator)! + [", ", " ", "、", "\n", ""].randomElement(using: &generator)!
                }.joined()
            }
            for text in ScanEquivalenceInputs.texts(1500, vocabulary: vocabulary, seed: 11) + long {
                let expected = Self.reference(text)
                #expect(SensitiveText.scan(text) == expected, "\(text.debugDescription)")
                if expected.contains(where: { if case .secret = $0 { return false } else { return true } }) { lists += 1 }
            }
            #expect(lists > 30)
        }
    }
}
