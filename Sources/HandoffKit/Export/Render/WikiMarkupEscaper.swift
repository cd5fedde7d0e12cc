/// The escaping of `WikiMarkupRenderer`, on the UTF-8 bytes of the text.
///
/// Text from the draft is made inert with only what Jira's renderer itself undoes: a backslash
/// before one of the characters it escapes, and decimal character references. Everything wiki
/// markup gives a meaning to is ASCII, so a run of bytes that holds none of it (letters, digits,
/// spaces, Japanese) is copied at once; the rules that look around a character (effect markers
/// beside letters, emoticons, references, line-start markers) run only on the characters they
/// are about. The rules are those of the scalar-wise escaper kept in the tests, which this one
/// must match byte for byte.
enum WikiMarkupEscaper {
    /// Whether the escaper must look at a byte rather than copy it with its run: line breaks,
    /// controls, markup characters, and the lead bytes C2, E2, EF, whose scalars may be a line
    /// break (U+0085, U+2028, U+2029) or unsafe. Spaces, `h` and `b` (which begin `h1.` and
    /// `bq.`) matter only at a line's start, which the escaper looks at anyway.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xC2, 0xE2, 0xEF: return true
        case 0x80...: return false
        case 0x09, 0x20: return false
        case ..<0x20, 0x7F: return true
        default: return "{}[]#!\\|&*_-+^~?():".utf8.contains(byte)
        }
    }

    /// The bytes that are special in wiki text.
    private static let specialBytes = ByteFlagTable { isSpecial($0) ? 1 : 0 }

    /// The bytes that are special in text written JSON-escaped: a quote and a tab also need a
    /// look (they are escaped), and so do the lead bytes of every scalar that may be invisible,
    /// which JSON writes only from the whole text.
    private static let jsonSpecialBytes = ByteFlagTable { byte in
        isSpecial(byte) || byte == 0x22 || byte == 0x09 || (byte >= 0x80 && ByteTables.leadMayBeInvisible(byte)) ? 1 : 0
    }

    /// The bytes that are special in text written as the inside of a quoted CSV cell: a quote
    /// needs a look (it is doubled), and so do the lead bytes of every scalar that may be
    /// invisible, which a cell shows (`[U+202E]`) only from the whole text.
    private static let csvSpecialBytes = ByteFlagTable { byte in
        isSpecial(byte) || byte == 0x22 || (byte >= 0x80 && ByteTables.leadMayBeInvisible(byte)) ? 1 : 0
    }

    /// What the escaped text is written as: wiki markup, or escaped once more for the string of
    /// a JSON document or a quoted CSV cell. A type, so that each is a function of its own,
    /// without a test a byte.
    protocol Target {
        static var json: Bool { get }
        static var csv: Bool { get }
    }

    enum WikiText: Target {
        static var json: Bool { false }
        static var csv: Bool { false }
    }

    enum JSONText: Target {
        static var json: Bool { true }
        static var csv: Bool { false }
    }

    enum CSVText: Target {
        static var json: Bool { false }
        static var csv: Bool { true }
    }

    /// `escape`, written as the inside of a quoted CSV cell (quotes doubled), in the same pass;
    /// false, having written part of it, at a scalar that may be invisible (see `escapeJSON`).
    static func escapeCSV(_ text: String, multiline: Bool, into out: inout [UInt8]) -> Bool {
        withUTF8InPlace(text) { escapeCSV(utf8: $0, multiline: multiline, into: &out) }
    }

    /// `escapeCSV` of the text whose UTF-8 is `bytes`.
    static func escapeCSV(utf8 bytes: UnsafeBufferPointer<UInt8>, multiline: Bool, into out: inout [UInt8]) -> Bool {
        escape(utf8: bytes, multiline: multiline, special: csvSpecialBytes, as: CSVText.self, into: &out)
    }

    /// The bytes of line breaks and their lead bytes (U+0085, U+2028, U+2029).
    private static let lineBreakBytes = ByteFlagTable { byte in (byte >= 0x0A && byte <= 0x0D) || byte == 0xC2 || byte == 0xE2 ? 1 : 0 }

    /// Whether `text` holds a line break as `Character.isNewline` knows them.
    static func holdsLineBreak(_ text: String) -> Bool {
        withUTF8InPlace(text) { bytes in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let lineBreaks = lineBreakBytes
            var index = 0
            while index < bytes.count {
                let end = min(index + 8, bytes.count)
                // Eight bytes of printable ASCII at a time, or of multi-byte text with no lead
                // byte of a line break: no line break among them.
                if end - index == 8 {
                    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    let plain =
                        word & 0x8080_8080_8080_8080 == 0
                        ? (word | ((word &- 0x20 &* ones) & ~word)) & (0x80 &* ones) == 0
                        : lineBreaks.flags(of: word) == 0
                    if plain {
                        index = end
                        continue
                    }
                }
                while index < end {
                    let byte = bytes[index]
                    if byte >= 0x0A && byte <= 0x0D { return true }
                    if byte == 0xC2 || byte == 0xE2 {
                        let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                        if isNewline(scalar) { return true }
                        index += length
                        continue
                    }
                    index += 1
                }
            }
            return false
        }
    }

    static func escape(_ text: String, multiline: Bool, into out: inout [UInt8]) {
        withUTF8InPlace(text) { bytes in
            _ = escape(utf8: bytes, multiline: multiline, special: specialBytes, as: WikiText.self, into: &out)
        }
    }

    /// `escape` of the text whose UTF-8 is `bytes`.
    static func escape(utf8 bytes: UnsafeBufferPointer<UInt8>, multiline: Bool, into out: inout [UInt8]) {
        _ = escape(utf8: bytes, multiline: multiline, special: specialBytes, as: WikiText.self, into: &out)
    }

    /// `escape`, written as `JSONWriter` writes it inside a string (without the quotes), in the
    /// same pass: one walk of the text for a description that goes into JSON. False, having
    /// written part of it, at a scalar that may be invisible: JSON escapes those only from the
    /// whole text, so the caller writes the wiki text first and then escapes it.
    static func escapeJSON(_ text: String, multiline: Bool, into out: inout [UInt8]) -> Bool {
        withUTF8InPlace(text) { escapeJSON(utf8: $0, multiline: multiline, into: &out) }
    }

    /// `escapeJSON` of the text whose UTF-8 is `bytes`.
    static func escapeJSON(utf8 bytes: UnsafeBufferPointer<UInt8>, multiline: Bool, into out: inout [UInt8]) -> Bool {
        escape(utf8: bytes, multiline: multiline, special: jsonSpecialBytes, as: JSONText.self, into: &out)
    }

    /// `escape` of `bytes` written straight into the room after `out`: the most one input byte
    /// becomes is six bytes (`|` as `&#124;`), so room for six a byte is never short. One
    /// reservation a text, where a scratch buffer and its copy into `out` cost some hundred
    /// instructions a call, and a description makes a hundred calls.
    @inline(__always)
    private static func escape<T: Target>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, multiline: Bool, special: ByteFlagTable, as target: T.Type,
        into out: inout [UInt8]
    ) -> Bool {
        guard !bytes.isEmpty else { return true }
        var complete = true
        out.append(addingCapacity: bytes.count &* maximumGrowth &+ 8) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                (initialized, complete) = escape(
                    bytes, multiline: multiline, special: special, as: target, into: buffer.baseAddress!)
            }
        }
        return complete
    }

    /// The most bytes the escaper writes for one byte of text (`|` as `&#124;`; `h1.` becomes
    /// seven bytes for three, a quote or a tab two, a markup character three in JSON).
    static var maximumGrowth: Int { 6 }

    /// Writes the escaped `bytes` at `target`, which has room for `maximumGrowth` bytes a byte;
    /// returns how many it wrote, and false where it gave up. `special` flags the bytes the
    /// target must look at (see `jsonSpecialBytes`, `csvSpecialBytes`): then a run copied at once
    /// holds nothing to escape again, and what is written a byte at a time goes through `putText`.
    private static func escape<Text: Target>(
        _ bytes: UnsafeBufferPointer<UInt8>, multiline: Bool, special: ByteFlagTable, as text: Text.Type,
        into target: UnsafeMutablePointer<UInt8>
    ) -> (written: Int, complete: Bool) {
        let json = Text.json
        let csv = Text.csv
        let count = bytes.count
        let source = bytes.baseAddress!
        var fill = 0
        var lineStart = true
        var index = 0
        @inline(__always) func put(_ byte: UInt8) {
            target[fill] = byte
            fill += 1
        }
        /// A byte of the wiki text, escaped in JSON (a quote, a backslash, a tab, a line break), a
        /// quote doubled in CSV.
        @inline(__always) func putText(_ byte: UInt8) {
            if csv && byte == 0x22 {
                put(0x22)
                return put(0x22)
            }
            guard json else { return put(byte) }
            switch byte {
            case 0x22, 0x5C:
                put(0x5C)
                put(byte)
            case 0x09:
                put(0x5C)
                put(UInt8(ascii: "t"))
            case 0x0A:
                put(0x5C)
                put(UInt8(ascii: "n"))
            default: put(byte)
            }
        }
        @inline(__always) func put(_ literal: StaticString) {
            ByteTables.copy(literal.utf8Start, to: target + fill, count: literal.utf8CodeUnitCount)
            fill += literal.utf8CodeUnitCount
        }
        // Inlined like the others: a local function left out of line has its captures checked
        // for exclusive access at run time, on every call.
        @inline(__always) func put(from start: Int, to end: Int) {
            let length = end - start
            ByteTables.copy(source + start, to: target + fill, count: length)
            fill += length
        }
        /// Whether the last character written is `:` or `;`, the user's or a reference's own, so
        /// that a parenthesis after it would make `:)` `;)` `:(`.
        @inline(__always) func afterEmoticonEye() -> Bool {
            guard fill > 0 else { return false }
            let last = target[fill - 1]
            return last == UInt8(ascii: ":") || last == UInt8(ascii: ";")
        }
        while index < count {
            if !lineStart {
                // The common case: copy up to the next byte that needs a look, found eight bytes
                // at a time while there are eight.
                var end = index
                while end + 8 <= count,
                    special.flags(of: UnsafeRawPointer(source + end).loadUnaligned(as: UInt64.self)) == 0
                {
                    end += 8
                }
                while end < count {
                    if special[source[end]] != 0 { break }
                    end += 1
                }
                if end > index {
                    put(from: index, to: end)
                    index = end
                    continue
                }
            }
            let byte = source[index]
            if byte >= 0x80 {
                let (scalar, length) = UnsafeScalar.decode(bytes, at: index)
                if isNewline(scalar) {
                    putText(multiline ? 0x0A : 0x20)
                    lineStart = true
                } else if !UnsafeScalar.needsEscape(scalar) {
                    if json || csv, ByteTables.leadMayBeInvisible(byte) && isInvisible(scalar) { return (fill, false) }
                    put(from: index, to: index + length)
                    lineStart = false
                }
                index += length
                continue
            }
            if byte >= 0x0A && byte <= 0x0D {
                // CR LF is one line break.
                if byte == 0x0D, index + 1 < count, source[index + 1] == 0x0A { index += 1 }
                putText(multiline ? 0x0A : 0x20)
                lineStart = true
                index += 1
                continue
            }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                index += 1
                continue
            }
            if lineStart, let marker = blockMarker(bytes, at: index) {
                // `h1.`, `bq.`: break the marker so it reads as text. Jira does not escape a dot.
                put(from: index, to: index + marker - 1)
                put("&#46;")
                index += marker
                lineStart = false
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): put("&#92;")
            case UInt8(ascii: "|"): put("&#124;")
            case UInt8(ascii: "&"):
                // `AT&amp;T` as typed: Jira would pass the reference to the browser, which decodes it.
                if startsReference(bytes, at: index) { put("&amp;") } else { put(byte) }
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"),
                UInt8(ascii: "!"):
                putText(0x5C)
                put(byte)
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "^"),
                UInt8(ascii: "~"), UInt8(ascii: "?"):
                if !(isWordScalar(before: index, in: bytes) && isWordScalar(after: index, in: bytes)) { putText(0x5C) }
                put(byte)
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                // Emoticons such as (x) (/) (!) :) ;) :( would render as icons.
                if afterEmoticonEye() || isEmoticon(bytes, at: index) { putText(0x5C) }
                put(byte)
            case UInt8(ascii: ":"):
                // :P :D: neither character is one Jira escapes, so the colon is a reference.
                if index + 1 < count, "PpDd".utf8.contains(source[index + 1]) {
                    put("&#58;")
                } else {
                    put(byte)
                }
            default:
                putText(byte)
            }
            lineStart = lineStart && (byte == 0x20 || byte == 0x09)
            index += 1
        }
        return (fill, true)
    }

    /// The line breaks `Character.isNewline` knows.
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Letters and digits of any script join a word.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let byte = UInt8(scalar.value)
            return (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        return isWordScalarBeyondASCII(scalar)
    }

    /// `UnsafeScalar.isInvisible`, kept out of line for the same reason as the one below.
    @inline(never)
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { UnsafeScalar.isInvisible(scalar) }

    /// Kept out of line: the scalar properties it reads put their set-up in every caller's entry,
    /// which the escaper pays on each of its hundred calls a draft otherwise.
    @inline(never)
    private static func isWordScalarBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the scalar before the one at `index` joins a word (the text's start does not).
    private static func isWordScalar(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordScalar(UnsafeScalar.decode(bytes, at: start).0)
    }

    /// Whether the scalar after the ASCII byte at `index` joins a word (the text's end does not).
    private static func isWordScalar(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 1 < bytes.count else { return false }
        return isWordScalar(UnsafeScalar.decode(bytes, at: index + 1).0)
    }

    /// Length of a wiki block marker (`h1.` … `h6.`, `bq.`) at `index`, including the dot.
    private static func blockMarker(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 2 < bytes.count else { return nil }
        let first = bytes[index]
        let second = bytes[index + 1]
        guard bytes[index + 2] == UInt8(ascii: ".") else { return nil }
        if first == UInt8(ascii: "h"), second >= UInt8(ascii: "1"), second <= UInt8(ascii: "6") { return 3 }
        if first == UInt8(ascii: "b"), second == UInt8(ascii: "q") { return 3 }
        return nil
    }

    /// Whether the `&` at `index` starts something a parser would read as a character reference:
    /// `&name;`, `&#123;` or `&#x7B;` (Jira's renderer takes the first two, browsers and pandoc more).
    private static func startsReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
        }
        var position = index + 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "#") { position += 1 }
        let start = position
        // The longest name HTML knows has 31 characters; looking further is wasted.
        while position < bytes.count, position - start < 32, isASCIIAlphanumeric(bytes[position]) { position += 1 }
        return position > start && position < bytes.count && bytes[position] == UInt8(ascii: ";")
    }

    /// Emoticons longer than the short-word rule below catches.
    private static let longEmoticons: [[UInt8]] = [Array("(flag)".utf8), Array("(flagoff)".utf8)]

    /// An emoticon around the parenthesis at `index`: a short word in parentheses, (x) (/) (!) (i)
    /// (y) (n) (on) (off) (*) (*r) …, its length counted in scalars; and (flag) (flagoff).
    private static func isEmoticon(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let count = bytes.count
        if bytes[index] == UInt8(ascii: "(") {
            for emoticon in longEmoticons where index + emoticon.count <= count {
                if UnsafeBufferPointer(rebasing: bytes[index..<index + emoticon.count]).elementsEqual(emoticon) { return true }
            }
            var length = 1
            var position = index + 1
            while position < count, bytes[position] != UInt8(ascii: ")"), length <= 4 {
                position += scalarLength(bytes[position])
                length += 1
            }
            return position < count && bytes[position] == UInt8(ascii: ")") && length <= 4
        }
        for emoticon in longEmoticons where index + 1 >= emoticon.count {
            if UnsafeBufferPointer(rebasing: bytes[index + 1 - emoticon.count...index]).elementsEqual(emoticon) { return true }
        }
        var position = index
        func stepBack() {
            position -= 1
            while position > 0, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        }
        var length = 1
        stepBack()
        while position >= 0, bytes[position] != UInt8(ascii: "("), length <= 4 {
            stepBack()
            length += 1
        }
        return position >= 0 && bytes[position] == UInt8(ascii: "(") && length <= 4
    }

    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
