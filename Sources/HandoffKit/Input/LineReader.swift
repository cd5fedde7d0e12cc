#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor a line at a time with `read(2)` and a fixed buffer, so that a stream of
/// a hundred thousand drafts on stdin is processed with flat memory.
public struct LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break resumes: bytes before it were searched already,
    /// so a long line costs time in proportion to its length, not to its square.
    private var searched = 0
    private var atEnd = false
    private static let blockSize = 64 * 1024
    /// True when the last line returned was not valid UTF-8 (its bad bytes were replaced by U+FFFD).
    public private(set) var lastLineWasInvalidUTF8 = false
    /// True when the last line returned holds a NUL byte: found with `memchr` while the bytes are
    /// at hand, so the caller need not walk the line's string again.
    public private(set) var lastLineHasNUL = false
    /// The longest line read; nil for no limit. A longer line is refused as soon as the limit is
    /// read (a 1 GB line or `/dev/zero` is never held whole): `nextLine` then returns its first
    /// `maxLineBytes` bytes, sets `lastLineWasTooLong`, and reads nothing more.
    public var maxLineBytes: Int?
    /// True once a line longer than `maxLineBytes` was cut off; `nextLine` then returns nil.
    public private(set) var lastLineWasTooLong = false

    /// A reader of `descriptor`, which it neither owns nor closes; `maxLineBytes` nil reads lines of any length.
    public init(descriptor: Int32, maxLineBytes: Int? = nil) {
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its `\n` (and without a `\r` before it), or nil at end of input.
    /// Invalid UTF-8 is replaced, never trapped on; the draft decoder reports it as text problems.
    public mutating func nextLine() throws(IOFailure) -> Substring? {
        if lastLineWasTooLong { return nil }
        while true {
            if let newline = Self.firstNewline(in: buffer, from: max(start, searched)) {
                var end = newline
                if end > start, buffer[end - 1] == 13 { end -= 1 }
                if let limit = maxLineBytes, end - start > limit { return tooLong(limit) }
                let line = decode(buffer[start..<end])
                start = newline + 1
                searched = start
                return Substring(line)
            }
            searched = buffer.count
            if let limit = maxLineBytes, buffer.count - start > limit { return tooLong(limit) }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 13 { end -= 1 }
                let line = decode(buffer[start..<end])
                start = buffer.count
                searched = start
                return Substring(line)
            }
            try fill()
        }
    }

    private mutating func tooLong(_ limit: Int) -> Substring {
        lastLineWasTooLong = true
        let line = decode(buffer[start..<start + limit])
        buffer.removeAll()
        start = 0
        searched = 0
        return Substring(line)
    }

    /// The index of the first `\n` at or after `from`, found with `memchr` rather than a loop
    /// over the array's elements.
    private static func firstNewline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            guard let found = memchr(raw.baseAddress! + from, 10, raw.count - from) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { line in
            lastLineHasNUL = !line.isEmpty && memchr(line.baseAddress!, 0, line.count) != nil
            if let text = String(validating: line, as: UTF8.self) {
                lastLineWasInvalidUTF8 = false
                return text
            }
            lastLineWasInvalidUTF8 = true
            return String(decoding: line, as: UTF8.self)
        }
    }

    private mutating func fill() throws(IOFailure) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            searched -= start
            start = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
        var count = 0
        while true {
            count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + oldCount, Self.blockSize)
            }
            if count < 0 && errno == EINTR { continue }
            break
        }
        if count < 0 {
            buffer.removeSubrange(oldCount...)
            throw IOFailure(path: "", message: String(cString: strerror(errno)))
        }
        buffer.removeSubrange((oldCount + count)...)
        if count == 0 { atEnd = true }
    }
}
