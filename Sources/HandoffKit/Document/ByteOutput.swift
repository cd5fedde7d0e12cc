/// What the writers share to write UTF-8 bytes into a `[UInt8]` instead of appending to a
/// `String` a scalar at a time: appending a run of bytes is one copy, and the text is checked
/// as UTF-8 once, when the finished buffer becomes a `String`.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text` in one copy.
    @inline(__always)
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    @inline(__always)
    mutating func append(utf8 text: Substring) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// `append(contentsOf:)` of a buffer, copied straight into the array's spare room: the
    /// writers append a few hundred short runs a draft, and the generic `append(contentsOf:)`
    /// costs about a hundred instructions a call before it copies.
    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return }
        append(addingCapacity: count) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                ByteTables.copy(source, to: buffer.baseAddress!, count: count)
                initialized = count
            }
        }
    }

    /// Appends `count` spaces: an indentation of a few, one at a time (appending a repeated
    /// element goes through the generic sequence path, some hundred instructions a call).
    @inline(__always)
    mutating func appendSpaces(_ count: Int) {
        guard count > 0 else { return }
        guard count <= 8 else { return append(contentsOf: repeatElement(0x20, count: count)) }
        for _ in 0..<count { append(0x20) }
    }

    /// The bytes as text; they are valid UTF-8 by construction (runs copied from strings, ASCII
    /// escapes).
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}

/// A table of 256 byte flags at a fixed address, read without the bounds and uniqueness checks
/// of an array: the writers' scans look up every byte of the text, eight at a time.
struct ByteFlagTable: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>

    /// The table of `flag(byte)` for every byte; made once, in a `static let`, and never freed.
    init(_ flag: (UInt8) -> UInt8) {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 { table[value] = flag(UInt8(value)) }
        base = UnsafePointer(table)
    }

    @inline(__always)
    subscript(byte: UInt8) -> UInt8 { base[Int(byte)] }

    /// The flags of the eight bytes of `word` joined by `|`: zero says no byte of it is flagged,
    /// in some twenty instructions where a byte-wise loop takes fifty (Japanese text, whose
    /// bytes the word tricks of ASCII cannot tell apart, is the case this is for).
    @inline(__always)
    func flags(of word: UInt64) -> UInt8 {
        func at(_ shift: UInt64) -> UInt8 { base[Int(truncatingIfNeeded: (word &>> shift) & 0xFF)] }
        return (at(0) | at(8) | at(16) | at(24)) | (at(32) | at(40) | at(48) | at(56))
    }

    /// How many of the bytes of `word`, from the first, are not flagged (8 when none is).
    @inline(__always)
    func unflaggedPrefix(of word: UInt64) -> Int {
        var count = 0
        while count < 8, base[Int(truncatingIfNeeded: (word &>> UInt64(count * 8)) & 0xFF)] == 0 { count += 1 }
        return count
    }
}

enum ByteTables {
    /// Copies `count` bytes: up to sixteen with two overlapping loads and stores, where a call
    /// to `memcpy` costs some forty instructions, and most runs the writers copy are that short.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 && count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else if count < 4 {
            for offset in 0..<count { target[offset] = source[offset] }
        } else {
            target.update(from: source, count: count)
        }
    }

    /// How many bytes of `word` have bit 7 set, when no other bit is: the bits shifted down to
    /// one a byte and summed into the top byte by one multiplication (the build targets x86-64
    /// without `popcnt`, where `nonzeroBitCount` is a dozen instructions).
    @inline(__always)
    static func flaggedBytes(_ word: UInt64) -> Int { Int(((word >> 7) &* 0x0101_0101_0101_0101) >> 56) }

    /// Lead bytes of the only non-ASCII scalars `UnsafeScalar.needsEscape` is true for: C1
    /// controls (C2 80–9F), U+2028/U+2029 (E2 80 A8/A9), U+FEFF, U+FFFE, U+FFFF (EF BB BF,
    /// EF BF BE/BF). Every other multi-byte scalar can be copied without decoding it.
    @inline(__always)
    static func leadMayNeedEscape(_ byte: UInt8) -> Bool { byte == 0xC2 || byte == 0xE2 || byte == 0xEF }

    /// Lead bytes of the scalars `UnsafeScalar.isInvisible` looks at (U+00AD, U+0600–U+08E2,
    /// U+180E, U+200B–U+206F, U+FEFF, U+FFF9–U+FFFB, U+110BD and up): Japanese (E3–E9) and most
    /// other text never decode.
    @inline(__always)
    static func leadMayBeInvisible(_ byte: UInt8) -> Bool {
        byte == 0xC2 || (byte >= 0xD8 && byte <= 0xE2) || byte == 0xEF || byte >= 0xF0
    }
}

extension UnsafeScalar {
    /// `containsInvisible` for text given as its UTF-8: decodes only the scalars whose lead byte
    /// could start an invisible character, and asks the scalar-wise check only when one is.
    static func containsInvisible(utf8 bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            if ByteTables.leadMayBeInvisible(byte) {
                let (scalar, length) = decode(bytes, at: index)
                if isInvisible(scalar) { return containsInvisible(text) }
                index += length
            } else {
                index += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            }
        }
        return false
    }
}
