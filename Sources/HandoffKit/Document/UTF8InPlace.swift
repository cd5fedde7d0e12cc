/// Calls `body` with the UTF-8 of `text`, in place where the string holds it contiguous (any
/// native string, small or large, and literals): `var copy = text` before `copy.withUTF8` would
/// retain the text and release it again, each a locked read-modify-write, on every text a writer
/// or a scanner reads.
@inline(__always)
func withUTF8InPlace<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return withUTF8OfCopy(text, body)
}

/// A text without contiguous UTF-8 (never a native string), read from a copy: out of line, so
/// that the copy's retain is not paid on the common path.
@inline(never)
func withUTF8OfCopy<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    var copy = text
    return copy.withUTF8(body)
}
