import Testing

@testable import HandoffKit

/// `CivilDate.parse` reads the bytes in place; it must agree with the plain reading it replaced
/// (split at `-`, four, two and two ASCII digits) on every text, Japanese, full-width and
/// invisible characters included.
@Suite("CivilDate: byte parse against the split reference")
struct CivilDateByteParseTests {
    /// The former implementation, kept as the reference.
    static func referenceParse(_ text: String) -> Result<CivilDate, CivilDate.DateProblem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return .failure(.notADate) }
        guard year >= 1 else { return .failure(.notADate) }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(month)) }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            return .failure(.noSuchDay(day, month: month, year: year))
        }
        return .success(date)
    }

    /// The former trimming of `decode`: spaces as characters, at both ends.
    static func referenceTrim(_ text: String) -> String {
        var text = Substring(text)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    static let pieces: [String] = [
        "0", "1", "2", "9", "00", "02", "12", "13", "29", "30", "31", "2026", "0000", "2028", "1900", "-", "--", " ",
        "+", "x", "２", "０２", "年", "日付", "\u{200B}", "\u{FEFF}", "\u{301}", "\r\n", "\t", "٣", "¹", "1\u{301}",
    ]

    /// Texts near the shape of a date: real ones, and ones with a piece changed, added or removed.
    static func inputs() -> [String] {
        var seed: UInt64 = 0x2026_1201
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33) % bound
        }
        var out: [String] = []
        for _ in 0..<600 {
            let year = String(next(10000)).leftPadded(to: 4)
            let month = String(next(14)).leftPadded(to: 2)
            let day = String(next(33)).leftPadded(to: 2)
            var parts = [year, "-", month, "-", day]
            switch next(5) {
            case 0: parts[next(parts.count)] = pieces[next(pieces.count)]
            case 1: parts.insert(pieces[next(pieces.count)], at: next(parts.count + 1))
            case 2: parts.remove(at: next(parts.count))
            default: break
            }
            out.append(parts.joined())
        }
        return out + pieces + ["", "2026-12-04", " 2026-12-04 ", "２０２６-１２-０４", "2026-12-04\u{200B}"]
    }

    @Test("parse gives the reference's date or problem for every generated text")
    func parseMatchesReference() {
        for text in Self.inputs() {
            #expect(CivilDate.parse(text) == Self.referenceParse(text), "\(text.debugDescription)")
        }
    }

    @Test("decode trims spaces as the reference did, and accepts or refuses alike")
    func decodeMatchesReference() {
        for text in Self.inputs().map({ "  " + $0 + " " }) + Self.inputs() {
            var context = DecodeContext(source: "-")
            let decoded = CivilDate.decode(DocNode(.scalar(text, plain: true), line: 1, column: 1), in: &context)
            let expected = try? Self.referenceParse(Self.referenceTrim(text)).get()
            #expect(decoded == expected, "\(text.debugDescription)")
            #expect(context.errors.isEmpty == (expected != nil), "\(text.debugDescription)")
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
