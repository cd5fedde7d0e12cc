/// The bytes `ADFCompactStream` writes as they are, and its look at sixteen bytes of text at once.
extension ADFCompactStream {
    /// The compact JSON of `ADFRenderer.Fragments`, as literals: `ADFCompactStreamTests` holds
    /// them to the fragments.
    enum Bytes {
        static let doc: StaticString = #"{"type":"doc","version":1,"content":["#
        static let contentOpen: StaticString = #","content":["#
        static let heading: StaticString = #"{"type":"heading","attrs":{"level":"#
        static let codeBlock: StaticString = #"{"type":"codeBlock","attrs":{"language":"#
        static let paragraph: StaticString = #"{"type":"paragraph""#
        static let bulletList: StaticString = #"{"type":"bulletList""#
        static let listItem: StaticString = #"{"type":"listItem""#
        static let table: StaticString = #"{"type":"table""#
        static let tableRow: StaticString = #"{"type":"tableRow""#
        static let tableHeader: StaticString = #"{"type":"tableHeader""#
        static let tableCell: StaticString = #"{"type":"tableCell""#
        static let blockquote: StaticString = #"{"type":"blockquote""#
        static let hardBreak: StaticString = #"{"type":"hardBreak"}"#
        /// A text node up to its string's opening quote, which is written apart.
        static let textOpen: StaticString = #"{"type":"text","text":"#
        /// What follows a text node's string, from its closing quote.
        static let plainClosing: StaticString = #""}"#
        static let strongClosing: StaticString = #"","marks":[{"type":"strong"}]}"#
        static let codeClosing: StaticString = #"","marks":[{"type":"code"}]}"#

        static func closing(_ mark: ADFRenderer.TextMark) -> StaticString {
            switch mark {
            case .none: plainClosing
            case .strong: strongClosing
            case .code: codeClosing
            }
        }

        static func buffer(_ literal: StaticString) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        }
    }

    /// Sixteen bytes at a time (SSE2 on x86-64): whether any of them is one the byte-wise loop
    /// must look at, ASCII or not. Japanese text, whose bytes the word tricks flag every one,
    /// goes sixteen at a time too: only the lead bytes that may start a scalar to escape, strip
    /// or tell invisible (`ScalarBytes.leadNeedsDecoding`) are looked at; a continuation byte
    /// where a run of them stops is stepped over by the loop.
    enum Bytes16 {
        @inline(__always)
        static func mayNeedLook(_ bytes: SIMD16<UInt8>) -> Bool {
            // Vectors, not scalars broadcast by the operators, and the mask read as two words
            // rather than by `any`: only so does this compile to SSE2 without a call.
            let quote = SIMD16<UInt8>(repeating: 0x22)
            let backslash = SIMD16<UInt8>(repeating: 0x5C)
            let delete = SIMD16<UInt8>(repeating: 0x7F)
            // Signed, a control and every byte from 0x80 are below 0x20: plain ASCII is told first.
            let signed = unsafeBitCast(bytes, to: SIMD16<Int8>.self)
            let notPlain = (signed .< SIMD16<Int8>(repeating: 0x20)) .| (bytes .== quote) .| (bytes .== backslash)
                .| (bytes .== delete)
            guard isSet(notPlain) else { return false }
            let control = bytes .< SIMD16<UInt8>(repeating: 0x20)
            let ascii = control .| (bytes .== quote) .| (bytes .== backslash) .| (bytes .== delete)
            let spanD8toE2 = SIMD16<UInt8>(repeating: 0xE2 - 0xD8)
            let leads = (bytes .== SIMD16<UInt8>(repeating: 0xC2)) .| ((bytes &- SIMD16<UInt8>(repeating: 0xD8)) .<= spanD8toE2)
                .| (bytes .== SIMD16<UInt8>(repeating: 0xEF)) .| (bytes .>= SIMD16<UInt8>(repeating: 0xF0))
            return isSet(ascii .| leads)
        }

        @inline(__always)
        private static func isSet<Mask>(_ mask: Mask) -> Bool {
            let lanes = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
            return lanes[0] | lanes[1] != 0
        }
    }
}
