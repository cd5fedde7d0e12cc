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
            let (isValid, isASCII) = Self.validateUTF8(line)
            lastLineWasInvalidUTF8 = !isValid
            guard isValid else { return String(decoding: line, as: UTF8.self) }
            // Validated once, here: the string is a copy that the standard library does not
            // validate again, marked ASCII as its own validation would mark it.
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: line), isKnownASCII: isASCII))
        }
    }

    /// Whether `bytes` are valid UTF-8, as `String(validating:as:)` judges them (no overlong
    /// forms, no surrogates, nothing past U+10FFFF, no sequence cut short), and whether they are
    /// all ASCII. ASCII is taken eight bytes at a time, up to the first byte that is not.
    static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (isValid: Bool, isASCII: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var isASCII = true
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 {
                    index &+= 8
                    continue
                }
                index &+= high.trailingZeroBitCount >> 3
            }
            let lead = base[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            isASCII = false
            @inline(__always) func continuation(_ offset: Int) -> UInt8? {
                guard index &+ offset < count else { return nil }
                let byte = base[index &+ offset]
                return byte & 0xC0 == 0x80 ? byte : nil
            }
            // Most of a Japanese line: three-byte scalars whose second byte is free (not E0 or ED),
            // two continuation bytes tested at once.
            if lead >= 0xE1, lead != 0xED, lead <= 0xEF, index &+ 4 <= count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt32.self) & 0x00C0_C000 == 0x0080_8000 {
                    index &+= 3
                    continue
                }
                return (false, false)
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) != nil else { return (false, false) }
                index &+= 2
            case 0xE0...0xEF:
                guard let second = continuation(1), continuation(2) != nil else { return (false, false) }
                // E0 80–9F would be overlong; ED A0–BF a surrogate.
                if lead == 0xE0, second < 0xA0 { return (false, false) }
                if lead == 0xED, second >= 0xA0 { return (false, false) }
                index &+= 3
            case 0xF0...0xF4:
                guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return (false, false) }
                // F0 80–8F would be overlong; F4 90–BF past U+10FFFF.
                if lead == 0xF0, second < 0x90 { return (false, false) }
                if lead == 0xF4, second >= 0x90 { return (false, false) }
                index &+= 4
            default:
                return (false, false)
            }
        }
        return (true, isASCII)
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
