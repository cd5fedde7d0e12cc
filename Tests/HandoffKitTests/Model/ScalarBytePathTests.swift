import Testing

@testable import HandoffKit

/// Enumerations and `runs_until` are read from a scalar's bytes when they are ASCII; whatever the
/// spelling, that must give what reading the text gives, errors included.
@Suite("Scalars read as bytes against the text path")
struct ScalarBytePathTests {
    /// Pieces of spellings: values and aliases in several letter cases, spaces, Japanese,
    /// full-width, invisible and combining characters, dates real and not.
    static let pieces = [
        "must", "MUST", "Should", "could", "won't", "wont", "owner", "Approver", "form", "landing_page", "email", "yes", "NO",
        "true", "False", "permanent", "PERMANENT", "Permanent", "恒久", "無期限", "2027-01-31", "2026-02-30", "2026-1-1", " ", "  ",
        "\u{200B}", "\u{301}", "ｍｕｓｔ", "\u{212A}", "k", "x", "-", "_", "", "\t", "\u{A0}", "permanen", "t",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        mutating func spelling() -> String {
            (0..<(1 + next(3))).map { _ in ScalarBytePathTests.pieces[next(ScalarBytePathTests.pieces.count)] }.joined()
        }
    }

    /// The value and the errors `decode` gives for `text`, through `path`.
    static func outcome<T: Equatable>(
        _ text: String, plain: Bool, _ path: (TableNode, inout DecodeContext) -> T?
    ) -> (T?, [InputError]) {
        var context = DecodeContext(source: "-")
        let value = NodeTable(DocNode(.scalar(text, plain: plain), line: 3, column: 9)).withRoot { path($0, &context) }
        return (value, context.errors)
    }

    static func expectSame<T: DraftEnum>(_ type: T.Type, _ text: String, plain: Bool) {
        let fast = outcome(text, plain: plain) { T.decode($0, in: &$1) }
        let reference = outcome(text, plain: plain) { T.decodeByText($0, in: &$1) }
        #expect(fast.0 == reference.0 && fast.1 == reference.1, "\(T.self): \(text.debugDescription)")
    }

    @Test("600 generated spellings decode to the same enumeration values and errors either way, and the byte path takes the plain ones")
    func enumerations() {
        var generator = Generator(state: 4)
        var taken = 0
        for index in 0..<600 {
            let text = index < Self.pieces.count ? Self.pieces[index] : generator.spelling()
            Self.expectSame(Role.self, text, plain: index % 2 == 0)
            Self.expectSame(Priority.self, text, plain: index % 2 == 0)
            Self.expectSame(RequestKind.self, text, plain: index % 2 == 0)
            Self.expectSame(LegalReview.self, text, plain: index % 2 == 0)
            Self.expectSame(SecurityImpact.self, text, plain: index % 2 == 0)
            var bytes = text
            if bytes.withUTF8({ Priority.matchingASCII($0) }) != nil { taken += 1 }
        }
        #expect(taken > 0)
    }

    @Test("600 generated spellings give the same runs_until and errors either way, and the byte path takes dates and `permanent`")
    func runsUntil() {
        var generator = Generator(state: 5)
        var taken = 0
        for index in 0..<600 {
            let text = index < Self.pieces.count ? Self.pieces[index] : generator.spelling()
            let fast = Self.outcome(text, plain: true) { RunsUntil.decode($0, in: &$1) }
            let reference = Self.outcome(text, plain: true) { RunsUntil.decodeByText($0, in: &$1) }
            #expect(fast.0 == reference.0 && fast.1 == reference.1, "\(text.debugDescription)")
            var bytes = text
            if bytes.withUTF8({ RunsUntil.readingASCII($0) }) != nil { taken += 1 }
        }
        #expect(taken > 0)
        // Collections are no scalars: both paths word the same error.
        var context = DecodeContext(source: "-")
        let list = NodeTable(DocNode(.sequence([]), line: 1, column: 1)).withRoot { RunsUntil.decode($0, in: &context) }
        #expect(list == nil && context.errors.count == 1)
    }
}
