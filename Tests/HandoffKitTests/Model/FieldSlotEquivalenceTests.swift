import Testing

@testable import HandoffKit

/// `Record.decode` fills a field through its `FieldSlot` (a metatype and an offset) rather than
/// its `decode` closure: both must leave the same record and report the same problems, for every
/// field of every record, over generated nodes (Japanese, full-width and invisible text included).
@Suite("Field slots decode as the field closures do")
struct FieldSlotEquivalenceTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        static let texts = [
            "Webinar sign-up", "日本語のテキスト", "ｆｕｌｌ－ｗｉｄｔｈ", "zero\u{200B}width", "\u{FEFF}bom", "yes", "No",
            "true", "12", "3.5", "2026-12-01", "2026-02-30", "must", "SHOULD", "wont", "jira", "high", "", " ", "~",
            "null", "a@example.com", "K\u{212A}", "handoff/1", "改行\nあり",
        ]

        mutating func node(keys: [String], depth: Int) -> DocNode {
            let line = next(90) + 1
            let column = next(40) + 1
            switch depth > 2 ? next(2) : next(6) {
            case 0: return DocNode(.scalar(Self.texts[next(Self.texts.count)], plain: true), line: line, column: column)
            case 1: return DocNode(.scalar(Self.texts[next(Self.texts.count)], plain: false), line: line, column: column)
            case 2, 3:
                let items = (0..<next(4)).map { _ in node(keys: keys, depth: depth + 1) }
                return DocNode(.sequence(items), line: line, column: column)
            default:
                let pairs = (0..<next(5)).map { _ in
                    let key = next(8) == 0 ? Self.texts[next(Self.texts.count)] : (keys.isEmpty ? "name" : keys[next(keys.count)])
                    return DocNode.Pair(
                        key: DocNode(.scalar(key, plain: true), line: line, column: column + 1),
                        value: node(keys: keys, depth: depth + 1))
                }
                return DocNode(.mapping(pairs), line: line, column: column)
            }
        }
    }

    /// Every record type reachable from the draft and the configuration.
    static var recordTypes: [any Record.Type] {
        var found: [any Record.Type] = []
        func visit(_ type: any Record.Type) {
            guard !found.contains(where: { $0 == type }) else { return }
            found.append(type)
            for (_, shape) in type.fieldShapes { if let inner = shape.recordType { visit(inner) } }
        }
        visit(Draft.self)
        visit(Configuration.self)
        return found
    }

    static func compareFields<R: Record>(of type: R.Type, _ generator: inout Generator) -> Int {
        var compared = 0
        let keys = recordTypes.flatMap { $0.fieldShapes.map(\.key) }
        for field in R.fields {
            guard let slot = field.slot else { continue }
            for _ in 0..<40 {
                let node = generator.node(keys: keys, depth: 0)
                NodeTable(node).withRoot { node in
                    var byClosure = R()
                    var closureContext = DecodeContext(source: "test.yaml")
                    closureContext.at(.key(field.key)) { field.decode(&byClosure, node, &$0) }
                    var bySlot = R()
                    var slotContext = DecodeContext(source: "test.yaml")
                    withUnsafeMutablePointer(to: &bySlot) { record in
                        slotContext.at(.key(field.key)) { slot.decode(node, intoRecordAt: UnsafeMutableRawPointer(record), in: &$0) }
                    }
                    #expect(bySlot == byClosure, "\(R.self).\(field.key)")
                    #expect(slotContext.errors == closureContext.errors, "\(R.self).\(field.key)")
                }
                compared += 1
            }
        }
        return compared
    }

    @Test("every field with a slot, 40 generated nodes each")
    func everyField() {
        var generator = Generator(state: 20_261_201)
        var compared = 0
        for type in Self.recordTypes { compared += Self.compareFields(of: type, &generator) }
        // Nearly every field has a slot: the draft's `format` and `id` (they have rules) do not.
        #expect(compared >= 40 * 60)
        #expect(Draft.fields.filter { $0.slot == nil }.map(\.key).sorted() == ["format", "id"])
    }

    @Test("a key is found from any starting hint as from the first field, in any order")
    func hintedKeySearch() {
        var generator = Generator(state: 7)
        let keys = Draft.fields.map(\.key) + ["titel", "ｔｉｔｌｅ", "\u{212A}ind", "ti\u{200B}tle", ""]
        for _ in 0..<300 {
            let key = keys[generator.next(keys.count)]
            NodeTable(DocNode(.scalar(key, plain: false), line: 1, column: 1)).withRoot { node in
                let reference = Draft.field(named: node, in: Draft.fields)
                Draft.fields.withUnsafeBufferPointer { fields in
                    for hint in 0...fields.count + 1 {
                        let found = Draft.field(named: node, in: fields, from: hint)
                        #expect(found?.0 == reference?.0 && found?.1 == reference?.1, "\(key.debugDescription) from \(hint)")
                    }
                }
            }
        }
    }
}
