/// What one pass over a text's UTF-8 bytes tells `SensitiveText.scan` before any precise scan:
/// whether a credential is possible at all (the gate of `SecretShapes.mayHoldSecret`), and how
/// many '@' and ASCII digits there are (each address needs an '@', each phone number ten digits).
/// Every character costs one lookup in a 256-entry table of byte kinds (a kana or kanji is read
/// as one character, from its lead byte); only the bytes that may start an anchor compare more.
struct SensitiveTextTally {
    /// True when some branch of `SecretShapes.fullScan` could match.
    var mayHoldSecret: Bool { sawAnchor || longToken }
    /// A label anchor or the start of a PEM header or FCM marker is in the text. Without one only
    /// the provider shapes of long tokens can match, so the full scan skips everything else.
    var sawAnchor = false
    /// Some token is as long as the shortest shape (15 bytes).
    var longToken = false
    var ats = 0
    var digits = 0

    /// Whether any precise scan of `SensitiveText.scan` could find something: a possible
    /// credential, or enough '@' or digits for a list.
    var mayFindAnything: Bool {
        mayHoldSecret || ats >= SensitiveText.listThreshold || digits >= 10 * SensitiveText.listThreshold
    }

    /// Class bits of a byte, below the needle bits.
    static let endsTokenBit: UInt32 = 1, digitBit: UInt32 = 2, atBit: UInt32 = 4
    static let needleShift: UInt32 = 8

    /// The anchors of `SecretShapes` (label anchors, the PEM and FCM starts), folded.
    static let needles: [[UInt8]] = SecretShapes.anchorNeedles

    /// Per byte: the class bits, and above `needleShift` one bit per needle whose first byte it
    /// is once ASCII letters are folded.
    static let classes: [UInt32] = (0...255).map { value in
        let byte = UInt8(value)
        var bits: UInt32 = 0
        if SecretShapes.endsToken[value] { bits |= endsTokenBit }
        if byte >= 0x30 && byte <= 0x39 { bits |= digitBit }
        if byte == UInt8(ascii: "@") { bits |= atBit }
        for (index, needle) in needles.enumerated() where needle.first == SecretShapes.folded(byte) {
            bits |= 1 << (needleShift + UInt32(index))
        }
        return bits
    }

    init(_ text: String) { self = Self.of(text) }

    /// The tally of `text`, read through the string where it is. A function rather than an
    /// initialiser: an initialiser takes its argument owned, so every caller retained the text
    /// to hand it over and the tally released it again.
    static func of(_ text: String) -> SensitiveTextTally {
        withUTF8InPlace(text) { Self(bytes: $0) }
    }

    /// One bit per needle whose second byte is `folded(b)` at entry `b`, and whose third byte is at
    /// entry `256 + b`: every needle has three bytes or more, so a candidate starting at a byte is
    /// kept only when the next two agree, without comparing the needles one by one.
    static let following: [UInt32] = [1, 2].flatMap { offset in
        (0...255).map { value in
            var bits: UInt32 = 0
            for (index, needle) in needles.enumerated() where needle[offset] == SecretShapes.folded(UInt8(value)) {
                bits |= 1 << UInt32(index)
            }
            return bits
        }
    }

    /// What a byte at the start of a character asks of the tally, in `kinds`.
    enum ByteKind {
        /// Grows the token and nothing else: most ASCII letters and punctuation.
        static let plain: UInt8 = 0
        /// Grows the token and may start an anchor (`p`, `k`, `-`, …).
        static let anchorStart: UInt8 = 1
        /// Ends the token: white space and the separators of `SecretShapes`.
        static let separator: UInt8 = 2
        /// Ends the token and may start an anchor (the ':' of `:APA91b`).
        static let separatorAnchorStart: UInt8 = 3
        static let digit: UInt8 = 4
        static let at: UInt8 = 5
        /// Starts a character of two, three or four bytes, which ends the token; the three-byte
        /// ones (kana, kanji) may start an anchor (パスワード, 暗証, 秘密鍵).
        static let lead2: UInt8 = 6, lead3: UInt8 = 7, lead4: UInt8 = 8
        /// A continuation byte where a character should start (never in a String): ends the token.
        static let stray: UInt8 = 9
    }

    /// The `ByteKind` of every byte value: one lookup decides what a byte costs.
    static let kinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        if byte >= 0xF0 { return ByteKind.lead4 }
        if byte >= 0xE0 { return ByteKind.lead3 }
        if byte >= 0xC0 { return ByteKind.lead2 }
        if byte >= 0x80 { return ByteKind.stray }
        let startsAnchor = classes[value] >> needleShift != 0
        if SecretShapes.endsToken[value] { return startsAnchor ? ByteKind.separatorAnchorStart : ByteKind.separator }
        if byte >= 0x30 && byte <= 0x39 { return ByteKind.digit }
        if byte == UInt8(ascii: "@") { return ByteKind.at }
        return startsAnchor ? ByteKind.anchorStart : ByteKind.plain
    }

    /// The three tables as raw pointers, made once and never freed: one static reached per text
    /// (rather than three arrays, each behind its own lazy initialisation and buffer access).
    /// Only read once made, so sharing them between threads is safe.
    struct Tables: @unchecked Sendable {
        let kinds: UnsafePointer<UInt8>
        /// Per byte, one bit per needle it starts (`classes` above `needleShift`).
        let starts: UnsafePointer<UInt32>
        let following: UnsafePointer<UInt32>
        /// The needles' bytes one after another, needle `n` at `needleStarts[n]..<needleStarts[n + 1]`:
        /// read through a pointer, where `needles[n]` asked for the array's lazy initialisation
        /// (a `swift_once`) at every candidate.
        let needleBytes: UnsafePointer<UInt8>
        let needleStarts: UnsafePointer<Int>

        init() {
            func copied<Element>(_ array: [Element]) -> UnsafePointer<Element> {
                let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
                _ = buffer.initialize(from: array)
                return UnsafePointer(buffer.baseAddress!)
            }
            kinds = copied(SensitiveTextTally.kinds)
            starts = copied(SensitiveTextTally.classes.map { $0 >> SensitiveTextTally.needleShift })
            following = copied(SensitiveTextTally.following)
            let needles = SensitiveTextTally.needles
            needleBytes = copied(needles.flatMap { $0 })
            needleStarts = copied(needles.reduce(into: [0]) { starts, needle in starts.append(starts.last! + needle.count) })
        }
    }

    static let tables = Tables()

    init(bytes: UnsafeBufferPointer<UInt8>) {
        // Shaped for what nearly every text is made of: letters that only grow the token, a space
        // that ends it, and kana or kanji, each read as one character (its width from its lead
        // byte) rather than byte by byte. A token's length is the distance from where it started,
        // compared with the shortest shape only once it ends, so a letter costs no count; the
        // anchors are looked for only at the bytes that can start one, until one is found.
        var digits = 0
        var ats = 0
        var longToken = false
        var sawAnchor = false
        let tables = Self.tables
        let kinds = tables.kinds
        let starts = tables.starts
        let following = tables.following
        let needleBytes = tables.needleBytes
        let needleStarts = tables.needleStarts
        let count = bytes.count
        var tokenStart = 0
        var index = 0
        if count > 0, let base = bytes.baseAddress {
            @inline(__always)
            func anchorAt(_ index: Int) -> Bool {
                guard count &- index >= 3 else { return false }
                var candidates =
                    starts[Int(base[index])] & following[Int(base[index &+ 1])]
                    & following[256 &+ Int(base[index &+ 2])]
                while candidates != 0 {
                    let needle = candidates.trailingZeroBitCount
                    candidates &= candidates &- 1
                    let start = needleStarts[needle]
                    let length = needleStarts[needle &+ 1] &- start
                    if Self.startsFolded(base, count: count, at: index, with: needleBytes + start, length: length) {
                        return true
                    }
                }
                return false
            }
            while index < count {
                let kind = kinds[Int(base[index])]
                if kind == ByteKind.plain {
                    index &+= 1
                    continue
                }
                if kind <= ByteKind.at {
                    // The letters that may start an anchor come first: they are the most common.
                    if kind == ByteKind.anchorStart {
                        if !sawAnchor, anchorAt(index) { sawAnchor = true }
                    } else if kind <= ByteKind.separatorAnchorStart {
                        if index &- tokenStart >= 15 { longToken = true }
                        tokenStart = index &+ 1
                        if kind == ByteKind.separatorAnchorStart, !sawAnchor, anchorAt(index) { sawAnchor = true }
                    } else if kind == ByteKind.digit {
                        digits &+= 1
                    } else {
                        ats &+= 1
                    }
                    index &+= 1
                    continue
                }
                if index &- tokenStart >= 15 { longToken = true }
                if kind == ByteKind.lead3 {
                    // Kana and kanji come in runs: read on through them without going back to the
                    // top, where each had paid for the tests of every other kind first. A character
                    // ends no token that is not already ended, so only its anchor is looked for.
                    repeat {
                        if !sawAnchor, starts[Int(base[index])] != 0, anchorAt(index) { sawAnchor = true }
                        index &+= 3
                    } while index < count && base[index] & 0xF0 == 0xE0
                } else {
                    switch kind {
                    case ByteKind.lead2: index &+= 2
                    case ByteKind.lead4: index &+= 4
                    default: index &+= 1
                    }
                }
                tokenStart = index
            }
        }
        // A character cut short by the end of the bytes leaves the index past it.
        self.longToken = longToken || min(index, count) &- tokenStart >= 15
        self.sawAnchor = sawAnchor
        self.digits = digits
        self.ats = ats
    }

    /// Whether the `count` bytes at `base` continue at `index` (whose first byte already agrees)
    /// with the `length` folded bytes of `needle`.
    @inline(__always)
    static func startsFolded(
        _ base: UnsafePointer<UInt8>, count: Int, at index: Int, with needle: UnsafePointer<UInt8>, length: Int
    ) -> Bool {
        guard count &- index >= length else { return false }
        var offset = 1
        while offset < length {
            if SecretShapes.folded(base[index &+ offset]) != needle[offset] { return false }
            offset &+= 1
        }
        return true
    }
}
