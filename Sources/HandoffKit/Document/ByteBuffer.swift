/// A growable run of bytes in memory of its own, for a writer that appends a few hundred short
/// pieces per document: appending is a bounds check and a copy, where each append to a
/// `[UInt8]` checks its uniqueness and goes through the generic capacity path. Not copyable, so
/// that the memory has one owner, freed when the buffer ends.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// The bytes that JSON escapes added to what was written (`\n` is one more than the line feed
    /// it stands for), counted by the writers that escape as they go: `count` less these is the
    /// length of the text unescaped, which a reader of the escaped bytes would have to scan for.
    var addedByEscapes = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes, so that up to that many can be written unchecked.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        ByteTables.copy(bytes, to: base + count, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Writes a byte where `reserve` made room, without checking.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Copies bytes where `reserve` made room, without checking.
    @inline(__always)
    mutating func appendReserved(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        ByteTables.copy(bytes, to: base + count, count: length)
        count += length
    }

    @inline(__always)
    mutating func appendSpaces(_ spaces: Int) {
        reserve(spaces)
        appendReservedSpaces(spaces)
    }

    /// Spaces where `reserve` made room, without checking.
    @inline(__always)
    mutating func appendReservedSpaces(_ spaces: Int) {
        (base + count).update(repeating: 0x20, count: spaces)
        count += spaces
    }

    /// Where the next byte goes: for a writer that stores a word there (in room `reserve` made)
    /// and then counts only the bytes of it that belong (`advance`).
    @inline(__always)
    var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Counts `written` bytes stored at `end`.
    @inline(__always)
    mutating func advance(by written: Int) { count += written }

    /// Forgets the bytes after the first `count` (a member that turned out empty).
    @inline(__always)
    mutating func truncate(to count: Int) { self.count = count }

    /// Sets the byte at `index`, written before.
    @inline(__always)
    mutating func set(_ byte: UInt8, at index: Int) { base[index] = byte }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? base[count - 1] : nil }

    /// The bytes written, as an array (one copy).
    func bytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { array, initialized in
            if count > 0 { array.baseAddress!.update(from: base, count: count) }
            initialized = count
        }
    }
}
