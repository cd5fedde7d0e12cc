/// What decides how `YAMLWriter` writes a string (plain, double-quoted or as a literal block),
/// read from its UTF-8 in one pass over a table of byte classes: the writer used to walk a string
/// once to ask if it may be plain, once more for each guarded sequence and again for a literal
/// block, and a draft is a few hundred strings.
struct YAMLTextScan {
    /// The classes (`ByteClass`) of the bytes seen, or-ed together.
    private(set) var seen: UInt8 = 0
    /// `: ` or ` #` occurs, which a plain scalar cannot hold.
    private(set) var hasIndicatorPair = false
    /// A guarded sequence occurs (see `YAMLWriter.Guards`).
    private(set) var guarded = false
    /// A scalar `UnsafeScalar.needsEscape` is true for occurs, other than an ASCII control.
    private(set) var hasEscapedScalar = false
    /// A scalar `UnsafeScalar.isInvisible` is true for occurs; whether it is hidden where it stands
    /// (a joiner inside an emoji is not) is for `UnsafeScalar.containsInvisible` to say.
    private(set) var mayHoldInvisible = false

    /// The classes of bytes the pass stops at; every other byte (letters, digits, most
    /// punctuation, Japanese) is stepped over with one lookup.
    enum ByteClass {
        /// C0 controls but line feed and tab, and DEL.
        static let control: UInt8 = 1
        static let lineFeed: UInt8 = 2
        static let tab: UInt8 = 4
        /// `:` and space, the first byte of `: ` and ` #`.
        static let pairStart: UInt8 = 8
        static let brace: UInt8 = 16
        /// A lead byte of a scalar `needsEscape` may be true for (`ByteTables.leadMayNeedEscape`).
        static let mayNeedEscape: UInt8 = 32
        /// A lead byte of a scalar `isInvisible` may be true for (`ByteTables.leadMayBeInvisible`).
        static let mayBeInvisible: UInt8 = 64
    }

    /// The class of each byte, in memory of its own that is never freed: read a few thousand times
    /// a draft, where an array would check its bounds and its lazy global each time.
    nonisolated(unsafe) private static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0...255 {
            let byte = UInt8(byte)
            var classes: UInt8 = 0
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { classes |= ByteClass.control }
            if byte == 0x0A { classes |= ByteClass.lineFeed }
            if byte == 0x09 { classes |= ByteClass.tab }
            if byte == UInt8(ascii: ":") || byte == 0x20 { classes |= ByteClass.pairStart }
            if byte == UInt8(ascii: "{") { classes |= ByteClass.brace }
            if ByteTables.leadMayNeedEscape(byte) { classes |= ByteClass.mayNeedEscape }
            if ByteTables.leadMayBeInvisible(byte) { classes |= ByteClass.mayBeInvisible }
            table[Int(byte)] = classes
        }
        return UnsafePointer(table)
    }()

    /// Scans `bytes` (valid UTF-8); guarded sequences are looked for when `guards` finds them at
    /// braces, else `guarded` is left for the caller to ask `guards.matches`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, guards: YAMLWriter.Guards) {
        let classes = Self.classes
        let lookForGuards = guards.startAtBraces
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            let byteClass = classes[Int(byte)]
            if byteClass == 0 {
                index += 1
                continue
            }
            seen |= byteClass
            if byteClass & ByteClass.pairStart != 0 {
                if index + 1 < count {
                    let next = bytes[index + 1]
                    if (byte == 0x3A && next == 0x20) || (byte == 0x20 && next == 0x23) { hasIndicatorPair = true }
                }
            } else if byteClass & ByteClass.brace != 0 {
                if lookForGuards && !guarded && guards.matchesAtBrace(bytes, index) { guarded = true }
            } else if byteClass & (ByteClass.mayNeedEscape | ByteClass.mayBeInvisible) != 0 {
                let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                if byteClass & ByteClass.mayNeedEscape != 0 && UnsafeScalar.needsEscape(scalar) { hasEscapedScalar = true }
                if byteClass & ByteClass.mayBeInvisible != 0 && UnsafeScalar.isInvisible(scalar) { mayHoldInvisible = true }
                index += length
                continue
            }
            index += 1
        }
    }

    func has(_ byteClass: UInt8) -> Bool { seen & byteClass != 0 }
}
