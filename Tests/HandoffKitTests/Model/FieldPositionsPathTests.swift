import Testing

@testable import HandoffKit

/// `position(of:)` walks plain paths byte by byte; whatever the path or the tree, it must land
/// where the general path (split into components first) lands.
@Suite("Field positions: byte walk against the component path")
struct FieldPositionsPathTests {
    /// Keys with Japanese, full-width, invisible and canonically equivalent spellings.
    static let keys = [
        "title", "success", "metrics", "source", "タイトル", "ＦＵＬＬ", "zero\u{200B}width", "\u{212A}ind", "Kind", "é", "e\u{301}",
        "a]b", "",
    ]
    static let pathPieces = keys + [".", "[", "]", "[0]", "[1]", "[2]", "[+1]", "[-1]", "[007]", "[x]", "..", "[99999999999999999999]"]

    struct Generator {
        var seed: UInt64
        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33) % bound
        }

        mutating func key() -> String { FieldPositionsPathTests.keys[next(FieldPositionsPathTests.keys.count)] }

        mutating func tree(depth: Int) -> DocNode {
            let line = next(50) + 1
            let column = next(80) + 1
            if depth > 3 || next(4) == 0 { return DocNode(.scalar(key(), plain: false), line: line, column: column) }
            if next(3) == 0 {
                return DocNode(.sequence((0..<next(4)).map { _ in tree(depth: depth + 1) }), line: line, column: column)
            }
            let pairs = (0..<next(5)).map { _ in
                DocNode.Pair(
                    key: DocNode(.scalar(key(), plain: true), line: next(50) + 1, column: next(80) + 1),
                    value: tree(depth: depth + 1))
            }
            return DocNode(.mapping(pairs), line: line, column: column)
        }

        /// A path that follows the tree for a while (so it finds things), then goes anywhere.
        mutating func path(through node: DocNode) -> String {
            var path = ""
            var node = node
            for _ in 0..<next(5) {
                switch node.kind {
                case .mapping(let pairs) where !pairs.isEmpty && next(4) != 0:
                    let pair = pairs[next(pairs.count)]
                    path += (path.isEmpty ? "" : ".") + (pair.key.scalarText ?? "")
                    node = pair.value
                case .sequence(let items) where !items.isEmpty && next(4) != 0:
                    let index = next(items.count + 1)
                    path += "[\(index)]"
                    if index < items.count { node = items[index] }
                default:
                    path += FieldPositionsPathTests.pathPieces[next(FieldPositionsPathTests.pathPieces.count)]
                }
            }
            return path
        }
    }

    @Test("600 generated trees and paths give the same position both ways, and plain paths take the byte walk")
    func byteWalkMatchesComponents() {
        var generator = Generator(seed: 12)
        var walked = 0
        for _ in 0..<600 {
            let tree = generator.tree(depth: 0)
            let positions = FieldPositions(root: tree)
            for _ in 0..<4 {
                let path = generator.path(through: tree)
                #expect(positions.position(of: path) == positions.positionByComponents(of: path), "path \(path.debugDescription)")
                var bytes = path
                if bytes.withUTF8({ positions.walkPlainPath($0) }) != nil { walked += 1 }
            }
        }
        #expect(walked > 1000)
    }

    @Test("a draft's field path finds its key, and a Kelvin sign key is found as `K`")
    func plainPaths() {
        let text = "{\"success\":{\"metrics\":[{\"source\":\"x\"},{\"source\":\"y\"}]},\"\u{212A}ind\":1}"
        // A non-ASCII key is libyaml's to read (the byte-level reader leaves it): the same tree either way.
        guard let root = try? YAMLReader.parse(DocumentChunk(index: 1, firstLine: 1, text: text, error: nil), source: "-") else {
            Issue.record("not parsed")
            return
        }
        let positions = FieldPositions(root: root)
        #expect(positions.position(of: "success.metrics[1].source") == .init(line: 1, column: 40))
        #expect(positions.position(of: "success.metrics[5].source") == .init(line: 1, column: 13))
        #expect(positions.position(of: "Kind") == .init(line: 1, column: 56))
    }
}
