/// Writes a tree of the shape a `Value` has (maps, lists, scalars) straight into bytes, without
/// building the `Value` first: an export writes each draft once, and building a tree only to walk
/// it again was most of the cost. Three syntaxes: JSON exactly as `JSONWriter` writes it (compact or
/// indented), block YAML exactly as `YAMLWriter` writes it, and the tagged form `ContentDigest`
/// hashes.
///
/// Members are written in order; `mark` and `rollback` take back what was written since, so a
/// writer can leave out a map or list that turns out to hold nothing without asking first.
public struct TreeBytes {
    enum Syntax {
        /// JSON; `indent` spaces a level, or nil for one line.
        case json(indent: Int?)
        /// Block YAML, `guarded` substrings kept from appearing raw (see `YAMLWriter.document`).
        /// Maps and lists written with `beginMap`/`beginList` must not stay empty (roll them back).
        case yaml(guarded: [String])
        /// Each node tagged by its kind (`ContentDigest`): 0 null, 1 bool, 2 number, 3 string,
        /// 4 plain, 5…6 list, 7…8 map, texts ended by a zero byte.
        case digest
    }

    /// The text written; nothing in the digest's syntax, whose bytes are hashed as they come.
    var bytes: [UInt8] = []
    /// FNV-1a (64 bits) of the digest's tagged bytes so far, in the digest's syntax or beside the
    /// YAML with `digesting` (one walk of the draft for its source block and the digest it is named
    /// by). Hashed as written rather than buffered: a mark keeps the hash, so a rollback restores it.
    private(set) var digestHash = ContentHash.offsetBasis
    let syntax: Syntax
    /// The tagged bytes are hashed: the digest's syntax, or YAML with `digesting`.
    private let digesting: Bool
    private let indent: Int?
    private let isJSON: Bool
    private let yamlGuards: YAMLWriter.Guards?
    /// The open maps and lists of YAML: where their keys or dashes go.
    private var frames: [Frame] = []
    private var level: Int
    private var depth = 0
    /// The innermost open container has no member yet.
    private var empty = true
    /// A key was just written: the next value is its value, with no separator.
    private var afterKey = false

    /// A writer in `syntax`; JSON starts `level` levels deep (as inside an enclosing document).
    /// `digesting` (YAML only) also hashes the digest's tagged bytes of the same tree (`digest`).
    init(_ syntax: Syntax, level: Int = 0, capacity: Int = 2048, digesting: Bool = false) {
        self.syntax = syntax
        indent = if case .json(let indent) = syntax { indent } else { nil }
        isJSON = if case .json = syntax { true } else { false }
        yamlGuards = if case .yaml(let guarded) = syntax { YAMLWriter.Guards.cached(guarded) } else { nil }
        self.digesting = yamlGuards != nil ? digesting : !isJSON
        self.level = level
        if yamlGuards != nil || isJSON { bytes.reserveCapacity(capacity) }
    }

    /// Where the writer stands, to come back to with `rollback`.
    struct Mark {
        fileprivate let count: Int
        fileprivate let empty: Bool
        fileprivate let afterKey: Bool
        fileprivate let level: Int
        fileprivate let depth: Int
        fileprivate let frames: Int
        fileprivate let dashPending: Bool
        fileprivate let digestHash: UInt64
    }

    var mark: Mark {
        Mark(
            count: bytes.count, empty: empty, afterKey: afterKey, level: level, depth: depth, frames: frames.count,
            dashPending: frames.last?.dashPending ?? false, digestHash: digestHash)
    }

    /// Forgets everything written since `mark`.
    mutating func rollback(to mark: Mark) {
        bytes.removeSubrange(mark.count...)
        digestHash = mark.digestHash
        empty = mark.empty
        afterKey = mark.afterKey
        level = mark.level
        depth = mark.depth
        if frames.count > mark.frames { frames.removeLast(frames.count - mark.frames) }
        if !frames.isEmpty { frames[frames.count - 1].dashPending = mark.dashPending }
    }

    /// A YAML map (keys at `indent`) or list (dashes at `indent`).
    private struct Frame {
        let isMap: Bool
        let indent: Int
        /// A map that is a list item, whose first key goes on the dash line.
        var dashPending = false
    }

    /// The separator and line break before a member of the open container.
    @inline(__always)
    private mutating func beginMember() {
        guard isJSON else { return }
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline(level)
    }

    @inline(__always)
    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        bytes.append(0x0A)
        bytes.appendSpaces(indent * level)
    }

    mutating func beginMap() { open(json: UInt8(ascii: "{"), tag: 7) }
    mutating func endMap() { close(json: UInt8(ascii: "}"), tag: 8) }
    mutating func beginList() { open(json: UInt8(ascii: "["), tag: 5) }
    mutating func endList() { close(json: UInt8(ascii: "]"), tag: 6) }

    private mutating func open(json: UInt8, tag: UInt8) {
        if digesting { hash(tag) }
        if yamlGuards != nil {
            openYAML(isMap: json == UInt8(ascii: "{"))
            return
        }
        beginMember()
        if isJSON { bytes.append(json) }
        depth += 1
        level += 1
        empty = true
    }

    private mutating func close(json: UInt8, tag: UInt8) {
        if digesting { hash(tag) }
        if yamlGuards != nil {
            frames.removeLast()
            return
        }
        depth -= 1
        level -= 1
        if isJSON {
            if !empty { newline(level) }
            bytes.append(json)
        }
        empty = false
    }

    /// The key of the next member of the open map.
    mutating func key(_ key: String) {
        if digesting {
            hash(utf8: key)
            hash(0)
        }
        if let yamlGuards { return yamlKey(key, yamlGuards) }
        beginMember()
        if isJSON {
            JSONWriter.writeString(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if indent != nil { bytes.append(0x20) }
            afterKey = true
        }
    }

    /// A key known before any draft is written (a field's): how each syntax writes it is worked
    /// out once, so that writing it is a copy, not the scans and escapes a key from a draft needs.
    struct Key: @unchecked Sendable {
        let text: String
        /// `"key":` when JSON writes the key as it is, else nil. Never freed, and so never
        /// reference-counted as an array would be (from every worker, on a count they share): a
        /// key belongs to a field table, made once for the life of the program.
        private let quoted: UnsafeBufferPointer<UInt8>?
        /// YAML writes the key plain, and no guarded sequence that starts at a brace can be in it.
        fileprivate let plainInYAML: Bool

        init(_ text: String) {
            self.text = text
            let verbatim = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
            if verbatim {
                let bytes = [0x22] + Array(text.utf8) + [0x22, UInt8(ascii: ":")]
                let stored = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
                _ = stored.initialize(from: bytes)
                quoted = UnsafeBufferPointer(stored)
            } else {
                quoted = nil
            }
            plainInYAML = verbatim && !text.utf8.contains(UInt8(ascii: "{")) && YAMLWriter.plainAllowed(text)
        }

        /// `"key":`, when JSON writes the key as it is.
        fileprivate var json: UnsafeBufferPointer<UInt8>? { quoted }

        /// The key's bytes, when JSON writes them as they are.
        fileprivate var name: UnsafeBufferPointer<UInt8>? {
            quoted.map { UnsafeBufferPointer(rebasing: $0[1..<$0.count - 2]) }
        }
    }

    /// `key(key.text)`, from the bytes worked out for it.
    mutating func key(_ key: Key) {
        guard let quoted = key.json, let name = key.name else { return self.key(key.text) }
        if digesting {
            digestHash = ContentHash.feed(name, into: digestHash)
            hash(0)
        }
        if let yamlGuards {
            guard key.plainInYAML, yamlGuards.startAtBraces || yamlGuards.isEmpty else { return yamlKey(key.text, yamlGuards) }
            yamlIndentKey()
            bytes.append(bytes: name)
            bytes.append(UInt8(ascii: ":"))
            afterKey = true
            return
        }
        guard isJSON else { return }
        beginMember()
        bytes.append(bytes: quoted)
        if indent != nil { bytes.append(0x20) }
        afterKey = true
    }

    @inline(__always)
    private mutating func yamlIndentKey() {
        let top = frames.count - 1
        if frames[top].dashPending {
            frames[top].dashPending = false
        } else {
            bytes.appendSpaces(frames[top].indent)
        }
    }

    private mutating func yamlKey(_ key: String, _ guards: YAMLWriter.Guards) {
        yamlIndentKey()
        YAMLWriter.writeScalarText(key, into: &bytes, guards: guards)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Literal members and brackets (`{"type":"text","text":`) recorded once as compact JSON: a
    /// writer that opens the same node shape hundreds of times a draft copies its bytes at once,
    /// where key, value and brackets written one by one cost a few appends each.
    struct Fragment: @unchecked Sendable {
        /// The compact JSON. Never freed, and so never reference-counted as an array would be:
        /// an array handed to `append(contentsOf:)` is retained and released each time, and a
        /// fragment is written a few hundred times a draft, from every worker. Fragments are
        /// made once, for the life of the program.
        fileprivate let compact: UnsafeBufferPointer<UInt8>
        fileprivate let depthChange: Int
        fileprivate let endsEmpty: Bool
        fileprivate let endsAfterKey: Bool
        /// The same members written one by one, for indented JSON and the other syntaxes.
        fileprivate let write: @Sendable (inout TreeBytes) -> Void

        /// `write` may open containers and close those it opened, never one it did not.
        init(_ write: @escaping @Sendable (inout TreeBytes) -> Void) {
            var tree = TreeBytes(.json(indent: nil), capacity: 64)
            // Inside a container with no member yet, so that no separator is recorded: `append`
            // writes the one the fragment's place needs.
            tree.depth = 1
            tree.level = 1
            write(&tree)
            let stored = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: tree.bytes.count)
            _ = stored.initialize(from: tree.bytes)
            compact = UnsafeBufferPointer(stored)
            depthChange = tree.depth - 1
            endsEmpty = tree.empty
            endsAfterKey = tree.afterKey
            self.write = write
        }
    }

    /// Writes `fragment` where the writer stands, as its members written one by one would.
    mutating func append(_ fragment: Fragment) {
        guard isJSON, indent == nil else { return fragment.write(&self) }
        if afterKey {
            afterKey = false
        } else if depth > 0 && !empty {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(bytes: fragment.compact)
        depth += fragment.depthChange
        level += fragment.depthChange
        empty = fragment.endsEmpty
        afterKey = fragment.endsAfterKey
    }

    /// The compact JSON that `close` writes after a string member `depth` containers deep, for
    /// `node(_:string:closing:)`. Never freed: closings are made once, for the life of the program.
    static func recordedClosing(depth: Int, _ close: (inout TreeBytes) -> Void) -> UnsafeBufferPointer<UInt8> {
        var tree = TreeBytes(.json(indent: nil), capacity: 64)
        tree.depth = depth
        tree.level = depth
        tree.empty = false
        close(&tree)
        precondition(tree.depth == 0, "a closing closes what its node opened")
        let stored = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: tree.bytes.count)
        _ = stored.initialize(from: tree.bytes)
        return UnsafeBufferPointer(stored)
    }

    /// `append(opening)`, `string(utf8: text)`, then the members and brackets `closing` was
    /// recorded from (which close what `opening` opened): in compact JSON, one copy into the
    /// bytes, where the three cost a copy each. A text node is a few hundred of these a draft.
    mutating func node(_ opening: Fragment, string text: UnsafeBufferPointer<UInt8>, closing: UnsafeBufferPointer<UInt8>) {
        guard isJSON, indent == nil, opening.endsAfterKey else {
            preconditionFailure("a node is written whole only in compact JSON, after its opening's key")
        }
        if afterKey {
            afterKey = false
        } else if depth > 0 && !empty {
            bytes.append(UInt8(ascii: ","))
        }
        JSONWriter.writeString(utf8: text, after: opening.compact, before: closing, into: &bytes)
        empty = false
    }

    /// Whether `node(_:string:closing:)` may be used: compact JSON.
    var isCompactJSON: Bool { isJSON && indent == nil }

    /// Hands the bytes to a writer of its own (the REST v3 description's) for one member of the
    /// open container, which it appends as compact JSON; `takeBackBytes` ends the member. The
    /// separator before it is written here, and the bytes move out and back, never copied.
    mutating func lendBytes(to member: inout [UInt8]) {
        precondition(isCompactJSON, "a member written by another writer is compact JSON")
        beginMember()
        swap(&bytes, &member)
    }

    /// Takes back the bytes `lendBytes` handed out, the member they were lent for written.
    mutating func takeBackBytes(from member: inout [UInt8]) {
        swap(&bytes, &member)
        empty = false
    }

    /// A key written in the source as a literal (`type`, `content`, `fields`): in JSON its bytes
    /// go out at once, without the escape scan a key from the draft needs. Only for literals of
    /// printable ASCII with no quote or backslash, which is what JSON writes as they are.
    mutating func literalKey(_ key: StaticString) {
        guard isJSON else { return self.key(key.description) }
        assert(Self.isVerbatimInJSON(key), "literal key \(key) needs escaping")
        beginMember()
        bytes.append(0x22)
        bytes.append(bytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(0x22)
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(0x20) }
        afterKey = true
    }

    /// A string value written in the source as a literal (an ADF node's `type`): see `literalKey`.
    mutating func literalString(_ text: StaticString) {
        guard isJSON else { return string(text.description) }
        assert(Self.isVerbatimInJSON(text), "literal string \(text) needs escaping")
        beginMember()
        bytes.append(0x22)
        bytes.append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        bytes.append(0x22)
    }

    static func isVerbatimInJSON(_ literal: StaticString) -> Bool {
        UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount).allSatisfy { byte in
            byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
        }
    }

    mutating func null() {
        if digesting { hash(0) }
        if yamlGuards != nil { return yamlScalar(.null) }
        beginMember()
        if isJSON { bytes.append(utf8: "null") }
    }

    mutating func bool(_ flag: Bool) {
        if digesting {
            hash(1)
            hash(flag ? 1 : 0)
        }
        if yamlGuards != nil { return yamlScalar(.bool(flag)) }
        beginMember()
        if isJSON { bytes.append(utf8: flag ? "true" : "false") }
    }

    mutating func number(_ text: String) { scalar(text, tag: 2, quoted: false) }
    mutating func int(_ number: Int) { self.number(String(number)) }
    mutating func string(_ text: String) { scalar(text, tag: 3, quoted: true) }
    /// A string value given as its UTF-8 (a rendered description): in JSON its bytes are escaped
    /// straight from the buffer.
    mutating func string(utf8 text: [UInt8]) {
        text.withUnsafeBufferPointer { string(utf8: $0) }
    }

    /// `string(utf8:)` of bytes in a buffer (a line of a longer text).
    mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard isJSON else { return string(String(decoding: text, as: UTF8.self)) }
        beginMember()
        JSONWriter.writeString(utf8: text, into: &bytes)
    }
    /// A JSON string whose text `write` appends already escaped, between the quotes this writes;
    /// false when `write` gives up (what it wrote is then to be rolled back).
    mutating func string(escapedBy write: (inout [UInt8]) -> Bool) -> Bool {
        precondition(isJSON, "escaped for JSON")
        beginMember()
        bytes.append(0x22)
        guard write(&bytes) else { return false }
        bytes.append(0x22)
        return true
    }

    /// A keyword or date: a string in JSON, told apart from text in the digest.
    mutating func plain(_ text: String) { scalar(text, tag: 4, quoted: true) }

    @inline(__always)
    private mutating func scalar(_ text: String, tag: UInt8, quoted: Bool) {
        if digesting {
            hash(tag)
            hash(utf8: text)
            hash(0)
        }
        if yamlGuards != nil { return yamlText(text, isString: tag == 3) }
        guard isJSON else { return }
        beginMember()
        if quoted { JSONWriter.writeString(text, into: &bytes) } else { bytes.append(utf8: text) }
    }

    /// A whole `Value` tree, for the parts that still come as one.
    mutating func value(_ value: Value) {
        if yamlGuards != nil {
            // YAML writes an empty map or list inline, as it does a scalar.
            switch value {
            case .map(let entries) where entries.isEmpty:
                if digesting {
                    hash(7)
                    hash(8)
                }
                return yamlScalar(value)
            case .list(let items) where items.isEmpty:
                if digesting {
                    hash(5)
                    hash(6)
                }
                return yamlScalar(value)
            default: break
            }
        }
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text): number(text)
        case .string(let text): string(text)
        case .plain(let text): plain(text)
        case .list(let items):
            beginList()
            for item in items { self.value(item) }
            endList()
        case .map(let entries):
            beginMap()
            for entry in entries {
                key(entry.key)
                self.value(entry.value)
            }
            endMap()
        }
    }

    /// The bytes written, as text.
    var text: String { bytes.utf8String }

    /// The digest of what was written (`ContentDigest`): 16 lowercase hex digits.
    var digest: String { ContentHash.hex(digestHash) }

    /// Writes what `body` writes, leaving it out of the digest.
    mutating func withoutHashing(_ body: (inout TreeBytes) -> Void) {
        let hash = digestHash
        body(&self)
        digestHash = hash
    }

    @inline(__always)
    private mutating func hash(_ byte: UInt8) {
        digestHash = (digestHash ^ UInt64(byte)) &* ContentHash.prime
    }

    private mutating func hash(utf8 text: String) {
        var text = text
        digestHash = text.withUTF8 { ContentHash.feed($0, into: digestHash) }
    }

    // MARK: YAML, as `YAMLWriter` lays it out

    private mutating func openYAML(isMap: Bool) {
        guard let top = frames.last else {
            frames.append(Frame(isMap: isMap, indent: 0))
            return
        }
        if afterKey {
            afterKey = false
            bytes.append(0x0A)
            frames.append(Frame(isMap: isMap, indent: top.indent + 2))
        } else if isMap {
            bytes.appendSpaces(top.indent)
            bytes.append(utf8: "- ")
            frames.append(Frame(isMap: true, indent: top.indent + 2, dashPending: true))
        } else {
            bytes.appendSpaces(top.indent)
            bytes.append(utf8: "-\n")
            frames.append(Frame(isMap: false, indent: top.indent + 2))
        }
    }

    /// `yamlScalar` of a string (`isString`) or of a number or plain scalar, which YAML writes as
    /// it is: without the one-node `Value`.
    private mutating func yamlText(_ text: String, isString: Bool) {
        guard let yamlGuards, let top = frames.last else { return yamlScalar(isString ? .string(text) : .plain(text)) }
        if afterKey {
            afterKey = false
        } else {
            bytes.appendSpaces(top.indent)
            bytes.append(UInt8(ascii: "-"))
        }
        if isString {
            YAMLWriter.writeScalarString(text, into: &bytes, indent: top.indent, guards: yamlGuards)
        } else {
            bytes.append(0x20)
            bytes.append(utf8: text)
            bytes.append(0x0A)
        }
    }

    /// What follows `key:` or `-`, or a whole document of one scalar.
    private mutating func yamlScalar(_ value: Value) {
        guard let yamlGuards, let top = frames.last else {
            if case .yaml(let guarded) = syntax { bytes.append(utf8: YAMLWriter.document(value, guarded: guarded)) }
            return
        }
        if afterKey {
            afterKey = false
        } else {
            bytes.appendSpaces(top.indent)
            bytes.append(UInt8(ascii: "-"))
        }
        YAMLWriter.writeScalarValue(value, into: &bytes, indent: top.indent, guards: yamlGuards)
    }
}

/// FNV-1a over 64 bits, the hash `ContentDigest` names drafts by: fed a byte at a time, so that it
/// can be taken as a tree is written.
enum ContentHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// Four bytes a step where it can: the same hash, with a quarter of the loop's own work.
    @inline(__always)
    static func feed(_ bytes: UnsafeBufferPointer<UInt8>, into hash: UInt64) -> UInt64 {
        var hash = hash
        guard let base = bytes.baseAddress else { return hash }
        let count = bytes.count
        var index = 0
        while index + 4 <= count {
            hash = (hash ^ UInt64(base[index])) &* prime
            hash = (hash ^ UInt64(base[index + 1])) &* prime
            hash = (hash ^ UInt64(base[index + 2])) &* prime
            hash = (hash ^ UInt64(base[index + 3])) &* prime
            index += 4
        }
        while index < count {
            hash = (hash ^ UInt64(base[index])) &* prime
            index += 1
        }
        return hash
    }

    /// The hash as 16 lowercase hex digits.
    static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
