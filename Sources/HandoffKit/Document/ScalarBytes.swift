/// Strings written into a `ByteBuffer` exactly as `YAMLWriter` and `JSONWriter` write them, for
/// a writer that writes a whole document there (`WritePlan`): the text is read once, eight bytes
/// at a time where it is plain ASCII, and what it holds decides the form. What is rare in a
/// draft (quoting, escapes, invisible characters, long lines) is handed to those writers, so that
/// these paths cannot disagree with them on it.
enum ScalarBytes {
    /// Bit 7 of each byte of `word` that is below 0x20, at or above 0x7F, or equal to one of the
    /// `needles` (up to three, each repeated in every byte); as with `JSONWriter`, only the
    /// lowest flagged byte, and whether there is one, are exact.
    @inline(__always)
    static func flaggedBytes(_ word: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let control = (word &- 0x20 &* ones) & ~word
        return (word | control | (word &+ ones) | zeroBytes(word ^ first) | zeroBytes(word ^ second) | zeroBytes(word ^ third)) & high
    }

    /// `UnsafeScalar.isInvisible`, with U+2000–U+206F (general punctuation: dashes, quotes and
    /// ellipses that English text is full of) answered from a table made from it, rather than
    /// by a Unicode property lookup each time.
    @inline(__always)
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let offset = scalar.value &- 0x2000
        guard offset < 0x80 else { return UnsafeScalar.isInvisible(scalar) }
        let word = offset < 64 ? invisiblePunctuation.low : invisiblePunctuation.high
        return word >> UInt64(offset & 63) & 1 != 0
    }

    private static let invisiblePunctuation: (low: UInt64, high: UInt64) = {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for offset in 0..<128 where UnsafeScalar.isInvisible(Unicode.Scalar(UInt32(0x2000 + offset))!) {
            if offset < 64 { low |= 1 << UInt64(offset) } else { high |= 1 << UInt64(offset - 64) }
        }
        return (low, high)
    }()

    /// Lead bytes of the scalars that must be decoded to be told safe (`ByteTables`): those that
    /// may need an escape or be invisible.
    @inline(__always)
    static func leadNeedsDecoding(_ byte: UInt8) -> Bool {
        byte == 0xC2 || (byte >= 0xD8 && byte <= 0xE2) || byte == 0xEF || byte >= 0xF0
    }

    /// Per byte at or above 0x80 that starts a scalar: its length, with `decodeLead` set when it
    /// must be decoded (`leadNeedsDecoding`). Memory of its own, never freed: read for every
    /// scalar of Japanese text, where an array would check its bounds and its lazy global.
    nonisolated(unsafe) static let leadClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            let lead = UInt8(byte)
            table[byte] = lead < 0xC0 ? 1 : UInt8(scalarLength(lead)) | (leadNeedsDecoding(lead) ? decodeLead : 0)
        }
        return UnsafePointer(table)
    }()

    static let decodeLead: UInt8 = 0x80

    /// The scalar length a lead byte starts.
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int { lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4 }
}

/// `YAMLWriter.writeScalarString` into a `ByteBuffer`.
enum YAMLScalarBytes {
    /// What the scan found, as bits.
    private enum Found {
        static let lineFeed: UInt8 = 1
        static let tab: UInt8 = 2
        /// `: ` or ` #`, which a plain scalar cannot hold.
        static let indicatorPair: UInt8 = 4
        /// Something only `YAMLWriter` writes: a control, a scalar to escape, an invisible one, a
        /// guarded sequence.
        static let handedOver: UInt8 = 8
        /// A quote or a backslash, which JSON escapes (looked for only when escaping for JSON).
        static let jsonEscape: UInt8 = 16
    }

    /// Writes what follows `key:` or `-` for the string `text` (its UTF-8 in `bytes`, not empty),
    /// as `YAMLWriter.writeScalarString(text, indent:, guards:)` does: plain or a literal block
    /// here, anything else through it.
    /// - Parameter escapingForJSON: writes the YAML as `JSONWriter.writeEscaped(utf8:)` would
    ///   escape it (for a JSON string that holds the YAML), and returns false where that would
    ///   (at a scalar that may be invisible, which only the whole text tells apart).
    @discardableResult
    static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, of text: @autoclosure () -> String, indent: Int, guards: YAMLWriter.Guards,
        escapingForJSON: Bool = false, into out: inout ByteBuffer
    ) -> Bool {
        let count = bytes.count
        guard count > 0, count <= YAMLWriter.longLineBytes, guards.isEmpty || guards.startAtBraces else {
            return handOver(text, indent: indent, guards: guards, escapingForJSON: escapingForJSON, into: &out)
        }
        // Two scans, each with its question fixed: the YAML alone, or also what JSON escapes.
        let found = escapingForJSON ? scan(bytes, guards: guards, json: true) : scan(bytes, guards: guards, json: false)
        if found & Found.handedOver != 0 {
            return handOver(text, indent: indent, guards: guards, escapingForJSON: escapingForJSON, into: &out)
        }
        let base = bytes.baseAddress!
        if found & Found.lineFeed != 0 {
            // A literal block, unless blanks at its ends would be lost (then YAMLWriter quotes it).
            let first = base[0]
            let last = base[count - 1]
            if first == 0x20 || first == 0x09 || first == 0x0A || last == 0x20 || last == 0x09 {
                return handOver(text, indent: indent, guards: guards, escapingForJSON: escapingForJSON, into: &out)
            }
            let escapingLines = escapingForJSON && found & (Found.jsonEscape | Found.tab) != 0
            writeLiteralBlock(
                base, count: count, indent: indent, escapingForJSON: escapingForJSON, escapingLines: escapingLines, into: &out)
            return true
        }
        guard found & (Found.tab | Found.indicatorPair) == 0, YAMLWriter.plainShapeAllowed(bytes) else {
            return handOver(text, indent: indent, guards: guards, escapingForJSON: escapingForJSON, into: &out)
        }
        if escapingForJSON && found & Found.jsonEscape != 0 {
            out.append(0x20)
            // What the scan let through holds no invisible scalar: only quotes and backslashes change.
            _ = JSONStringBytes.writeEscaped(bytes, quoted: false, into: &out)
            newline(escapingForJSON: true, into: &out)
            return true
        }
        // Nothing that JSON escapes but the line break.
        if escapingForJSON {
            out.reserve(count + 3)
            out.appendReserved(0x20)
            out.appendReserved(base, count: count)
            newline(escapingForJSON: true, into: &out)
            return true
        }
        out.reserve(count + 2)
        out.appendReserved(0x20)
        out.appendReserved(base, count: count)
        out.appendReserved(0x0A)
        return true
    }

    /// A line break, or its JSON escape.
    @inline(__always)
    static func newline(escapingForJSON: Bool, into out: inout ByteBuffer) {
        if escapingForJSON {
            out.reserve(2)
            out.appendReserved(0x5C)
            out.appendReserved(UInt8(ascii: "n"))
            out.addedByEscapes += 1
        } else {
            out.append(0x0A)
        }
    }

    private static func handOver(
        _ text: () -> String, indent: Int, guards: YAMLWriter.Guards, escapingForJSON: Bool, into out: inout ByteBuffer
    ) -> Bool {
        var written: [UInt8] = []
        YAMLWriter.writeScalarString(text(), into: &written, indent: indent, guards: guards)
        guard escapingForJSON else {
            out.append(written)
            return true
        }
        var escaped: [UInt8] = []
        let complete = written.withUnsafeBufferPointer { JSONWriter.writeEscaped(utf8: $0, into: &escaped) }
        out.append(escaped)
        out.addedByEscapes += escaped.count - written.count
        return complete
    }

    /// One pass over the text; stops once it is to be handed over. `json`: also notes a quote or
    /// a backslash (`Found.jsonEscape`).
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, guards: YAMLWriter.Guards, json: Bool) -> UInt8 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let base = bytes.baseAddress!
        let count = bytes.count
        let lookForGuards = guards.startAtBraces
        let leads = ScalarBytes.leadClasses
        var found: UInt8 = 0
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                var flags = ScalarBytes.flaggedBytes(word, 0x3A &* ones, 0x23 &* ones, 0x7B &* ones)
                if json {
                    // Quotes and backslashes too (zero bytes of the word with each): the lowest
                    // flag stays exact.
                    let quotes = word ^ (0x22 &* ones)
                    let backslashes = word ^ (0x5C &* ones)
                    flags |= ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & 0x8080_8080_8080_8080
                }
                if flags == 0 {
                    index += 8
                    continue
                }
                index += flags.trailingZeroBitCount >> 3
            }
            let byte = base[index]
            if byte < 0x80 {
                switch byte {
                case 0x22, 0x5C: if json { found |= Found.jsonEscape }
                case 0x0A: found |= Found.lineFeed
                case 0x09: found |= Found.tab
                case 0x3A: if index + 1 < count && base[index + 1] == 0x20 { found |= Found.indicatorPair }
                case 0x23: if index > 0 && base[index - 1] == 0x20 { found |= Found.indicatorPair }
                case 0x7B: if lookForGuards && guards.matchesAtBrace(bytes, index) { return Found.handedOver }
                case ..<0x20, 0x7F: return Found.handedOver
                default: break
                }
                index += 1
                continue
            }
            // A run of non-ASCII scalars (Japanese), stepped over a scalar at a time; only those
            // whose lead byte may need it are decoded.
            var lead = byte
            repeat {
                let leadClass = leads[Int(lead)]
                if leadClass & ScalarBytes.decodeLead == 0 {
                    index += Int(leadClass)
                } else {
                    let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                    if UnsafeScalar.needsEscape(scalar) || ScalarBytes.isInvisible(scalar) { return Found.handedOver }
                    index += length
                }
                guard index < count else { break }
                lead = base[index]
            } while lead >= 0x80
        }
        return found
    }

    /// ` |` with its chomping indicator, then each line indented (empty lines left empty), as
    /// `YAMLWriter` writes a literal block; with `escapingForJSON`, its line breaks JSON-escaped,
    /// and its lines too when `escapingLines` (the text holds a tab, a quote or a backslash).
    private static func writeLiteralBlock(
        _ base: UnsafePointer<UInt8>, count: Int, indent: Int, escapingForJSON: Bool, escapingLines: Bool,
        into out: inout ByteBuffer
    ) {
        let endsInBreak = base[count - 1] == 0x0A
        out.reserve(4)
        out.appendReserved(0x20)
        out.appendReserved(UInt8(ascii: "|"))
        if !endsInBreak {
            out.appendReserved(UInt8(ascii: "-"))
        } else if count >= 2 && base[count - 2] == 0x0A {
            out.appendReserved(UInt8(ascii: "+"))
        }
        newline(escapingForJSON: escapingForJSON, into: &out)
        let end = endsInBreak ? count - 1 : count
        let pad = indent + 2
        var lineStart = 0
        while lineStart <= end {
            let lineEnd = lineFeed(in: base, from: lineStart, to: end)
            let length = lineEnd - lineStart
            out.reserve(pad + length + 2)
            if length > 0 {
                out.appendReservedSpaces(pad)
                if escapingLines {
                    // A tab, a quote or a backslash; what the scan let through holds no invisible scalar.
                    _ = JSONStringBytes.writeEscaped(UnsafeBufferPointer(start: base + lineStart, count: length), quoted: false, into: &out)
                } else {
                    out.appendReserved(base + lineStart, count: length)
                }
            }
            newline(escapingForJSON: escapingForJSON, into: &out)
            lineStart = lineEnd + 1
        }
    }

    /// The index of the first line feed in `base[from..<end]`, or `end`.
    @inline(__always)
    private static func lineFeed(in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = start
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ (0x0A &* ones)
            let zero = (word &- ones) & ~word & 0x8080_8080_8080_8080
            if zero != 0 { return index + zero.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end && base[index] != 0x0A { index += 1 }
        return index
    }
}

/// `JSONWriter.writeString` into a `ByteBuffer`.
enum JSONStringBytes {
    /// Appends `text` (its UTF-8 in `bytes`) as a JSON string literal, as `JSONWriter.writeString`
    /// does; text with an invisible character is handed to it.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, of text: @autoclosure () -> String, into out: inout ByteBuffer) {
        let start = out.count
        if !writeEscaped(bytes, quoted: true, into: &out) {
            out.truncate(to: start)
            var written: [UInt8] = []
            JSONWriter.writeString(text(), into: &written)
            out.append(written)
        }
    }

    /// `bytes` JSON-escaped, between quotes when `quoted`; false, with nothing written, at a
    /// scalar that may be invisible (which only the whole text tells apart). Written through a
    /// pointer into room reserved for the worst case (six bytes a byte), with runs of bytes that
    /// need nothing copied at once: the text is read a word at a time where it is plain ASCII,
    /// and a scalar at a time from a table of lead bytes where it is not.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, into out: inout ByteBuffer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let count = bytes.count
        out.reserve(count * 6 + 2)
        let target = out.end
        var fill = 0
        if quoted {
            target[0] = 0x22
            fill = 1
        }
        if let base = bytes.baseAddress {
            let leads = ScalarBytes.leadClasses
            var index = 0
            var runStart = 0
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let flags = ScalarBytes.flaggedBytes(word, 0x22 &* ones, 0x5C &* ones, 0x5C &* ones)
                    if flags == 0 {
                        index += 8
                        continue
                    }
                    index += flags.trailingZeroBitCount >> 3
                }
                let byte = base[index]
                if byte < 0x80 {
                    if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F {
                        index += 1
                        continue
                    }
                    ByteTables.copy(base + runStart, to: target + fill, count: index - runStart)
                    fill += index - runStart
                    fill += JSONWriter.writeEscape(Unicode.Scalar(byte), at: target + fill)
                    index += 1
                    runStart = index
                    continue
                }
                var lead = byte
                repeat {
                    let leadClass = leads[Int(lead)]
                    if leadClass & ScalarBytes.decodeLead == 0 {
                        index += Int(leadClass)
                    } else {
                        let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                        if ByteTables.leadMayBeInvisible(lead) && ScalarBytes.isInvisible(scalar) { return false }
                        if UnsafeScalar.needsEscape(scalar) {
                            ByteTables.copy(base + runStart, to: target + fill, count: index - runStart)
                            fill += index - runStart
                            fill += JSONWriter.writeEscape(scalar, at: target + fill)
                            runStart = index + length
                        }
                        index += length
                    }
                    guard index < count else { break }
                    lead = base[index]
                } while lead >= 0x80
            }
            ByteTables.copy(base + runStart, to: target + fill, count: count - runStart)
            fill += count - runStart
        }
        out.addedByEscapes += fill - (quoted ? 1 : 0) - count
        if quoted {
            target[fill] = 0x22
            fill += 1
        }
        out.advance(by: fill)
        return true
    }
}
