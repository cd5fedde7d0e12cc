extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte in UTF-8: what the writers need
    /// to know (does `: ` occur?) without Foundation's search and its UTF-16 bridging.
    func containsBytes(_ needle: String) -> Bool {
        var text = String(self)
        var needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard bytes.count >= needle.count else { return false }
                var index = 0
                while index <= bytes.count - needle.count {
                    if bytes[index] == first, UnsafeBufferPointer(rebasing: bytes[index..<index + needle.count]).elementsEqual(needle) {
                        return true
                    }
                    index += 1
                }
                return false
            }
        }
    }
}

extension String {
    /// `utf16.count`, counted from the UTF-8 bytes: one unit a scalar, two above U+FFFF. The
    /// standard library's count walks breadcrumbs built for random access, which a limit check
    /// on a long description does not need.
    var utf16Length: Int {
        var text = self
        return text.withUTF8(HandoffKit.utf16Length)
    }
}

/// The UTF-16 length of valid UTF-8 `bytes`: one unit a scalar, two above U+FFFF.
func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Every byte but a continuation (10xxxxxx) starts a scalar; a four-byte one (11110xxx)
    // needs a surrogate pair. Eight bytes at a time: a byte's bit 7 masked by the bits
    // below it, shifted up into place, tells both at once.
    let high: UInt64 = 0x8080_8080_8080_8080
    var units = bytes.count
    var index = 0
    if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let continuation = word & ~(word << 1) & high
            let fourByteLead = word & (word << 1) & (word << 2) & (word << 3) & high
            units += ByteTables.flaggedBytes(fourByteLead) - ByteTables.flaggedBytes(continuation)
            index += 8
        }
    }
    while index < bytes.count {
        let byte = bytes[index]
        if byte & 0xC0 == 0x80 { units -= 1 }
        if byte >= 0xF0 { units += 1 }
        index += 1
    }
    return units
}
