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
        return text.withUTF8 { bytes in
            var units = 0
            for byte in bytes {
                // Every byte but a continuation starts a scalar; a four-byte one needs a surrogate pair.
                if byte & 0xC0 != 0x80 { units += 1 }
                if byte >= 0xF0 { units += 1 }
            }
            return units
        }
    }
}
