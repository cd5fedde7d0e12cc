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
