import Testing

@testable import HandoffKit

/// `Record.fieldIndex(named:in:from:)` matches an ASCII key by its length and three words of its
/// bytes; these pin it to plain `String` equality over every record's keys and near misses of
/// them: one byte changed at every offset, cut short, run on, past 24 bytes, and beyond ASCII.
@Suite("Field keys matched as words")
struct FieldKeyBytesTests {
    static func variants(of key: String) -> [String] {
        let bytes = Array(key.utf8)
        var out = [key, key + "x", String(key.dropLast()), key + key, "x" + key, key.uppercased(), key + "_and_a_long_tail_past_24"]
        for offset in bytes.indices {
            var changed = bytes
            changed[offset] = changed[offset] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            out.append(String(decoding: changed, as: UTF8.self))
        }
        return out
    }

    static func expectSameMatches<R: Record>(_ type: R.Type, keys: [String]) -> Int {
        var compared = 0
        for key in keys {
            NodeTable(DocNode(.scalar(key, plain: false), line: 1, column: 1)).withRoot { node in
                let reference = R.fields.firstIndex { $0.key == key }
                R.fields.withUnsafeBufferPointer { fields in
                    for hint in [0, fields.count / 2, fields.count] {
                        let index: Int?
                        switch R.fieldIndex(named: node, in: fields, from: hint) {
                        case .field(let found)?: index = found
                        case .written(let found, let written)?:
                            index = found
                            #expect(written == key)
                        case nil: index = nil
                        }
                        #expect(index == reference, "\(R.self) key \(key.debugDescription) from \(hint)")
                        compared += 1
                    }
                }
            }
        }
        return compared
    }

    @Test("every record's keys and their near misses match as String equality matches them")
    func everyRecord() {
        var compared = 0
        for type in FieldSlotEquivalenceTests.recordTypes {
            func check<R: Record>(_ type: R.Type) {
                var keys = R.fields.flatMap { Self.variants(of: $0.key) }
                keys += ["", "ｔｉｔｌｅ", "ti\u{200B}tle", "\u{212A}ind", "名前", "abcdefghijklmnopqrstuvwxyz0123"]
                compared += Self.expectSameMatches(R.self, keys: keys)
            }
            check(type)
        }
        #expect(compared > 3000)
    }

    @Test("a key's words hold its length and bytes, so keys differ in words when they differ at all")
    func wordsOfKeys() {
        let keys = (1...30).map { String(repeating: "k", count: $0) } + ["acceptance_criteria", "people_affected"]
        for (index, key) in keys.enumerated() {
            for (other, otherKey) in keys.enumerated() {
                let same = FieldKeyBytes(key).sameWords(FieldKeyBytes(otherKey))
                // Past 24 bytes the words leave a gap, which the matcher closes by comparing the bytes.
                if key.utf8.count <= 24 || otherKey.utf8.count <= 24 { #expect(same == (index == other), "\(key) / \(otherKey)") }
            }
        }
    }
}
