/// Writes a `Value` as JSON: compact (one line, for JSON Lines) or indented by two spaces.
///
/// Output is deterministic: keys in the order of the tree, no trailing spaces, non-ASCII text as
/// UTF-8, and every control and invisible format character escaped so that nothing raw reaches a
/// terminal and nothing hides in the text.
public enum JSONWriter {
    /// The value as JSON on one line, without a trailing line break: one record of JSON Lines.
    public static func compact(_ value: Value) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out, indent: nil, level: 0)
        return out.utf8String
    }

    /// The value as JSON indented by two spaces, without a trailing line break.
    public static func pretty(_ value: Value) -> String {
        pretty(value, level: 0)
    }

    /// Indented JSON as it reads `level` levels deep inside an enclosing document (the first line
    /// is not indented): lets exporters stream a large document piece by piece.
    public static func pretty(_ value: Value, level: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, into: &out, indent: 2, level: level)
        return out.utf8String
    }

    /// Compact JSON (`indent` nil) or indented by `indent` spaces a level, appended to `out`.
    static func write(_ value: Value, into out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: out.append(utf8: "null")
        case .bool(let flag): out.append(utf8: flag ? "true" : "false")
        case .number(let text): out.append(utf8: text)
        case .string(let text), .plain(let text): writeString(text, into: &out)
        case .list(let items):
            if items.isEmpty {
                out.append(utf8: "[]")
                return
            }
            out.append(UInt8(ascii: "["))
            var first = true
            for item in items {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            if entries.isEmpty {
                out.append(utf8: "{}")
                return
            }
            out.append(UInt8(ascii: "{"))
            var first = true
            for entry in entries {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(&out, indent, level + 1)
                writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                write(entry.value, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private static func newline(_ out: inout [UInt8], _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.appendSpaces(indent * level)
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        out += bytes.utf8String
    }

    /// Appends `text` as a JSON string literal. Bytes that need no escape go out eight at a time
    /// where they can; which bytes those are comes from `UnsafeScalar`, so a rule added there
    /// applies here. Text with an invisible character (bidi controls, zero-width characters) takes
    /// the scalar-by-scalar path, which knows a joiner inside an emoji from a hidden one.
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        let start = out.count
        var utf8 = text
        let plain = utf8.withUTF8 { bytes in writeQuoted(bytes, into: &out) }
        if !plain {
            // Rare: what was written so far is taken back and the whole text goes scalar by
            // scalar, which is what tells a joiner inside an emoji from a hidden one.
            out.removeSubrange(start...)
            out.append(0x22)
            writeScalars(text, into: &out)
            out.append(0x22)
        }
    }

    /// `writeString` of text given as its UTF-8 (valid, as a renderer's bytes are): a long
    /// description goes into the JSON without becoming a `String` first.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        if !writeQuoted(bytes, into: &out) {
            out.removeSubrange(start...)
            out.append(0x22)
            writeScalars(String(decoding: bytes, as: UTF8.self), into: &out)
            out.append(0x22)
        }
    }

    /// `prefix`, `writeString(utf8: bytes)`, then `suffix`, gathered into one copy into `out`.
    static func writeString(
        utf8 bytes: UnsafeBufferPointer<UInt8>, after prefix: UnsafeBufferPointer<UInt8>, before suffix: UnsafeBufferPointer<UInt8>,
        into out: inout [UInt8]
    ) {
        let start = out.count
        if !writeEscaped(bytes, quoted: true, prefix: prefix, suffix: suffix, into: &out) {
            out.removeSubrange(start...)
            out.append(bytes: prefix)
            out.append(0x22)
            writeScalars(String(decoding: bytes, as: UTF8.self), into: &out)
            out.append(0x22)
            out.append(bytes: suffix)
        }
    }

    private static func writeScalars(_ text: String, into out: inout [UInt8]) {
        UnsafeScalar.forEach(text) { scalar, invisible in
            if scalar.value < 0x80 && plainASCII[Int(scalar.value)] {
                out.append(UInt8(scalar.value))
            } else if invisible || scalar.value < 0x80 || UnsafeScalar.needsEscape(scalar) {
                appendEscape(scalar, to: &out)
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
    }

    /// Bytes of scratch the string is written into before it joins `out`: one copy into the
    /// array per this many bytes, where appending each run cost about a hundred instructions
    /// (text breaks at every line). Small enough to live on the stack.
    private static let scratchSize = 1024

    /// Writes `bytes` quoted, or stops and returns false at the first scalar that may be
    /// invisible (having appended part of it): one pass over the text instead of a check for
    /// invisibles and then the writing.
    private static func writeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        writeEscaped(bytes, quoted: true, into: &out)
    }

    /// What `writeString(utf8:)` writes between the quotes, for a writer that makes a string of
    /// several pieces (a description written as it is rendered); false, having appended part of
    /// it, at the first scalar that may be invisible, which only the whole text can tell apart.
    static func writeEscaped(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        writeEscaped(bytes, quoted: false, into: &out)
    }

    /// `prefix` and `suffix` (at most a few dozen bytes) go before and after, in the same copy.
    @inline(__always)
    private static func writeEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, prefix: UnsafeBufferPointer<UInt8>? = nil,
        suffix: UnsafeBufferPointer<UInt8>? = nil, into out: inout [UInt8]
    ) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scratchSize) { scratch in
            byteClasses.withUnsafeBufferPointer { classes in
                // Read once: a static read in the loop asks whether it is made yet at every word.
                let table = wordClasses
                let buffer = scratch.baseAddress!
                var fill = 0
                if let prefix, let base = prefix.baseAddress {
                    ByteTables.copy(base, to: buffer, count: prefix.count)
                    fill = prefix.count
                }
                if quoted {
                    buffer[fill] = 0x22
                    fill += 1
                }
                var index = 0
                let count = bytes.count
                while index < count {
                    // Room for a word, an escape (at most 12 bytes) and a run of copied scalars.
                    if fill > scratchSize - 64 {
                        out.append(bytes: UnsafeBufferPointer(start: buffer, count: fill))
                        fill = 0
                    }
                    if index + 8 <= count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        // The word goes out whole; only the bytes before the first flagged one count.
                        UnsafeMutableRawPointer(buffer + fill).storeBytes(of: word, as: UInt64.self)
                        let plain: Int
                        if word & 0x8080_8080_8080_8080 == 0 {
                            let flags = bytesToLookAt(word)
                            if flags == 0 {
                                fill += 8
                                index += 8
                                continue
                            }
                            plain = flags.trailingZeroBitCount >> 3
                        } else {
                            // Multi-byte scalars: looked up a word at a time, so that a run of
                            // Japanese goes out eight bytes at a time too, not a scalar at a time.
                            if table.flags(of: word) == 0 {
                                fill += 8
                                index += 8
                                continue
                            }
                            plain = table.unflaggedPrefix(of: word)
                        }
                        fill += plain
                        index += plain
                    }
                    let byte = bytes[index]
                    switch classes[Int(byte)] {
                    case ByteClass.copy where byte < 0x80:
                        // Plain ASCII reaches here only in the last seven bytes, which no word
                        // covers (short strings are all tail): copied up to the next byte to look at.
                        repeat {
                            buffer[fill] = bytes[index]
                            fill += 1
                            index += 1
                        } while index < count && classes[Int(bytes[index])] == ByteClass.copy && bytes[index] < 0x80
                    case ByteClass.copy:
                        // A scalar that needs nothing, and the ones after it as long as they
                        // do too (a run of Japanese): copied a scalar at a time.
                        var lead = byte
                        repeat {
                            let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                            if index + 4 <= count {
                                let scalar = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt32.self)
                                UnsafeMutableRawPointer(buffer + fill).storeBytes(of: scalar, as: UInt32.self)
                            } else {
                                for offset in 0..<length { buffer[fill + offset] = bytes[index + offset] }
                            }
                            fill += length
                            index += length
                            guard index < count, fill < scratchSize - 8 else { break }
                            lead = bytes[index]
                        } while lead >= 0x80 && classes[Int(lead)] == ByteClass.copy
                    case ByteClass.escape:
                        fill += writeEscape(Unicode.Scalar(byte), at: buffer + fill)
                        index += 1
                    default:
                        guard let (length, written) = writeDecoded(bytes, at: index, to: buffer + fill) else { return false }
                        fill += written
                        index += length
                    }
                }
                let tail = (quoted ? 1 : 0) + (suffix?.count ?? 0)
                if fill + tail > scratchSize {
                    out.append(bytes: UnsafeBufferPointer(start: buffer, count: fill))
                    fill = 0
                }
                if quoted {
                    buffer[fill] = 0x22
                    fill += 1
                }
                if let suffix, let base = suffix.baseAddress {
                    ByteTables.copy(base, to: buffer + fill, count: suffix.count)
                    fill += suffix.count
                }
                out.append(bytes: UnsafeBufferPointer(start: buffer, count: fill))
                return true
            }
        }
    }

    /// The scalar at `index`, whose lead byte says it may need an escape or be invisible, written
    /// at `target`: its length and the bytes written, or nil when it is invisible. Kept out of
    /// line: what it asks of the scalar's properties costs the caller's every call otherwise.
    @inline(never)
    private static func writeDecoded(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, to target: UnsafeMutablePointer<UInt8>
    ) -> (length: Int, written: Int)? {
        let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
        if ByteTables.leadMayBeInvisible(bytes[index]) && UnsafeScalar.isInvisible(scalar) { return nil }
        if UnsafeScalar.needsEscape(scalar) { return (length, writeEscape(scalar, at: target)) }
        target.update(from: bytes.baseAddress! + index, count: length)
        return (length, length)
    }

    /// Bit 7 of each byte of `word` that is not plain ASCII (a control, `"`, `\\`, DEL, a byte
    /// of a multi-byte scalar); bits above the lowest may be set wrongly, so only the lowest and
    /// whether there is one are to be read.
    @inline(__always)
    private static func bytesToLookAt(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        // Below 0x20: the borrow sets bit 7 (of a byte with bit 7 clear). Adding one sets bit 7
        // of a DEL; a carry out of a byte only comes from one that already has bit 7 set.
        let control = (word &- 0x20 &* ones) & ~word
        return (word | control | (word &+ ones) | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x5C &* ones))) & high
    }

    /// What a byte is to `writeQuoted`.
    private enum ByteClass {
        /// Written as it is: plain ASCII, continuation bytes, and lead bytes of scalars that can
        /// be neither escaped nor invisible (Japanese among them).
        static let copy: UInt8 = 0
        /// ASCII written as an escape.
        static let escape: UInt8 = 1
        /// The lead byte of a scalar that may need an escape or be invisible: decoded.
        static let decode: UInt8 = 2
    }

    private static let byteClasses: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        if byte < 0x80 { return plainASCII[Int(byte)] ? ByteClass.copy : ByteClass.escape }
        if ByteTables.leadMayBeInvisible(byte) || ByteTables.leadMayNeedEscape(byte) { return ByteClass.decode }
        return ByteClass.copy
    }

    /// `byteClasses` at a fixed address, for the word-at-a-time look at multi-byte text: zero for
    /// every byte that is copied as it is (a continuation byte among them).
    private static let wordClasses = ByteFlagTable { byteClasses[Int($0)] }

    /// `appendEscape` written at `target`; returns how many bytes it wrote (at most 12). Also the
    /// write plan's (`ScalarBytes`), so both JSON writers escape alike.
    @inline(__always)
    static func writeEscape(_ scalar: Unicode.Scalar, at target: UnsafeMutablePointer<UInt8>) -> Int {
        let short: UInt8
        switch scalar.value {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        default:
            guard scalar.value > 0xFFFF else {
                writeHex4(scalar.value, at: target)
                return 6
            }
            let offset = scalar.value - 0x10000
            writeHex4(0xD800 + (offset >> 10), at: target)
            writeHex4(0xDC00 + (offset & 0x3FF), at: target + 6)
            return 12
        }
        target[0] = 0x5C
        target[1] = short
        return 2
    }

    @inline(__always)
    private static func writeHex4(_ value: UInt32, at target: UnsafeMutablePointer<UInt8>) {
        func digit(_ nibble: UInt32) -> UInt8 { nibble < 10 ? 0x30 + UInt8(nibble) : 0x57 + UInt8(nibble) }
        target[0] = 0x5C
        target[1] = UInt8(ascii: "u")
        target[2] = digit((value >> 12) & 0xF)
        target[3] = digit((value >> 8) & 0xF)
        target[4] = digit((value >> 4) & 0xF)
        target[5] = digit(value & 0xF)
    }

    /// ASCII bytes written as they are: not a quote, a backslash or an unsafe control.
    private static let plainASCII: [Bool] = (0..<128).map { byte in
        byte != 0x22 && byte != 0x5C && !UnsafeScalar.needsEscape(Unicode.Scalar(UInt8(byte)))
    }

    /// The escape of one scalar: the short forms JSON has, else `\uXXXX` (a surrogate pair above
    /// U+FFFF, e.g. the tag characters U+E0000 and up).
    static func appendEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        switch scalar {
        case "\"": out.append(utf8: "\\\"")
        case "\\": out.append(utf8: "\\\\")
        case "\n": out.append(utf8: "\\n")
        case "\r": out.append(utf8: "\\r")
        case "\t": out.append(utf8: "\\t")
        case "\u{08}": out.append(utf8: "\\b")
        case "\u{0C}": out.append(utf8: "\\f")
        default:
            guard scalar.value > 0xFFFF else {
                appendHex4(scalar.value, to: &out)
                return
            }
            let offset = scalar.value - 0x10000
            appendHex4(0xD800 + (offset >> 10), to: &out)
            appendHex4(0xDC00 + (offset & 0x3FF), to: &out)
        }
    }

    /// `\u` and four lowercase hex digits.
    static func appendHex4(_ value: UInt32, to out: inout [UInt8]) {
        func digit(_ nibble: UInt32) -> UInt8 { nibble < 10 ? 0x30 + UInt8(nibble) : 0x57 + UInt8(nibble) }
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        out.append(digit((value >> 12) & 0xF))
        out.append(digit((value >> 8) & 0xF))
        out.append(digit((value >> 4) & 0xF))
        out.append(digit(value & 0xF))
    }

    static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([
            digits[Int((value >> 12) & 0xF)], digits[Int((value >> 8) & 0xF)],
            digits[Int((value >> 4) & 0xF)], digits[Int(value & 0xF)],
        ])
    }
}
