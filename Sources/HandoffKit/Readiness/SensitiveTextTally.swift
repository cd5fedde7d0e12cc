/// What one pass over a text's UTF-8 bytes tells `SensitiveText.scan` before any precise scan:
/// whether a credential is possible at all (the gate of `SecretShapes.mayHoldSecret`), and how
/// many '@' and ASCII digits there are (each address needs an '@', each phone number ten digits).
/// Every byte costs one lookup in a 256-entry class table; only the bytes that may start an
/// anchor go on to compare a few needles.
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

    init(_ text: String) {
        if let tally = text.utf8.withContiguousStorageIfAvailable({ Self(bytes: $0) }) {
            self = tally
        } else {
            var copy = text
            self = copy.withUTF8 { Self(bytes: $0) }
        }
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

    init(bytes: UnsafeBufferPointer<UInt8>) {
        // Shaped for what nearly every text is made of: a letter that starts no anchor (class 0:
        // the token grows), a byte that only ends a token (a space), and a multi-byte character
        // (kana, kanji), whose continuation bytes only end a token too and are passed over at
        // once. A token's length is compared with the shortest shape once it ends.
        var run = 0
        var digits = 0
        var ats = 0
        var longToken = false
        var sawAnchor = false
        Self.classes.withUnsafeBufferPointer { classes in
            Self.following.withUnsafeBufferPointer { following in
                let count = bytes.count
                var index = 0
                while index < count {
                    let byte = bytes[index]
                    let bits = classes[Int(byte)]
                    if bits == 0 {
                        run &+= 1
                        index &+= 1
                        continue
                    }
                    if bits & Self.endsTokenBit != 0 {
                        if run >= 15 { longToken = true }
                        run = 0
                    } else {
                        run &+= 1
                    }
                    if bits == Self.endsTokenBit {
                        index &+= 1
                        while index < count, bytes[index] & 0xC0 == 0x80 { index &+= 1 }
                        continue
                    }
                    digits &+= Int((bits & Self.digitBit) >> 1)
                    ats &+= Int((bits & Self.atBit) >> 2)
                    var candidates = bits >> Self.needleShift
                    // Looked for even after a long token: which of the two let the text through
                    // decides how much of the full scan runs.
                    if candidates != 0, !sawAnchor, count &- index >= 3 {
                        candidates &= following[Int(bytes[index &+ 1])] & following[256 &+ Int(bytes[index &+ 2])]
                        while candidates != 0 {
                            let needle = candidates.trailingZeroBitCount
                            candidates &= candidates &- 1
                            if Self.startsFolded(bytes, at: index, with: Self.needles[needle]) {
                                sawAnchor = true
                                break
                            }
                        }
                    }
                    index &+= 1
                    // After a lead byte that may start an anchor (of パスワード, 暗証), which ended
                    // the token, the rest of its character carries nothing.
                    if byte >= 0xC0 {
                        while index < count, bytes[index] & 0xC0 == 0x80 { index &+= 1 }
                    }
                }
            }
        }
        self.longToken = longToken || run >= 15
        self.sawAnchor = sawAnchor
        self.digits = digits
        self.ats = ats
    }

    @inline(__always)
    static func startsFolded(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with needle: [UInt8]) -> Bool {
        guard bytes.count &- index >= needle.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            var offset = 1
            while offset < needle.count {
                if SecretShapes.folded(bytes[index &+ offset]) != needle[offset] { return false }
                offset &+= 1
            }
            return true
        }
    }
}
