import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The byte-level JSON reader gives the tree libyaml gives (text, scalar kind, line, column), and
/// leaves to libyaml everything it would report, so errors stay those of the YAML path.
@Suite("JSON reader against the Yams path")
struct JSONReaderEquivalenceTests {
    /// Texts that sit on the edges where JSON and YAML differ.
    static let hostile: [String] = [
        "café あい", "emoji \u{1F600} ok", "line\u{2028}sep", "para\u{2029}sep", "nel\u{85}x", "bidi \u{202E}evil\u{202C}",
        "tab\tin", "bom\u{FEFF}mid", "quote \" back \\ slash /", "ctrl \u{1} x", "del \u{7F} x", "c1 \u{9B} x",
        "\u{A0}nbsp", "ＦＵＬＬ ＡＳＡＰ", "*alias &anchor", "# not a comment", "key: value", "- item", "[x] {y}",
        "nonchar \u{FFFE}", "x\n\ny", "\r\n", "", " ", "123", "true", "null", "~", "2026-12-01",
    ]

    static func examples() throws -> [Value] {
        try ["webinar-signup.yaml", "ja-campaign-lp.yaml", "half-formed-idea.yaml"].map { name in
            let text = try String(contentsOf: Repository.file("examples/\(name)"), encoding: .utf8)
            guard case .success(let loaded) = DraftLoader.load(text: text, source: name, requireFormat: true).first else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return loaded.draft.encoded
        }
    }

    /// Replaces some of the texts of `value` by hostile ones, chosen by `seed`.
    static func vary(_ value: Value, seed: inout UInt64) -> Value {
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        switch value {
        case .string(let text):
            let roll = next() % 6
            if roll == 0 { return .string(hostile[next() % hostile.count]) }
            if roll == 1 { return .string(text + hostile[next() % hostile.count]) }
            return value
        case .list(let items): return .list(items.map { vary($0, seed: &seed) })
        case .map(let entries): return .map(entries.map { Value.Entry($0.key, vary($0.value, seed: &seed)) })
        default: return value
        }
    }

    /// JSON text written independently of the library's writer: optional spaces after `:` and
    /// `,`, optional `\u` escapes for everything outside ASCII, optional pretty lines.
    static func json(_ value: Value, spaced: Bool, asciiOnly: Bool, pretty: Bool, level: Int = 0) -> String {
        let colon = spaced ? ": " : ":"
        let comma = pretty ? ",\n" + String(repeating: " ", count: level + 1) : spaced ? ", " : ","
        let open = pretty ? "\n" + String(repeating: " ", count: level + 1) : ""
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case "/" where asciiOnly: out += "\\/"
                default:
                    if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E && scalar.value <= 0xFFFF) {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return text
        case .string(let text), .plain(let text): return quoted(text)
        case .list(let items):
            return "[" + open + items.map { json($0, spaced: spaced, asciiOnly: asciiOnly, pretty: pretty, level: level + 1) }
                .joined(separator: comma) + "]"
        case .map(let entries):
            return "{" + open
                + entries.map { quoted($0.key) + colon + json($0.value, spaced: spaced, asciiOnly: asciiOnly, pretty: pretty, level: level + 1) }
                .joined(separator: comma) + "}"
        }
    }

    static func chunk(_ text: String, firstLine: Int = 1) -> DocumentChunk {
        DocumentChunk(index: 1, firstLine: firstLine, text: text, error: nil)
    }

    /// Where the two trees differ, or nil when they are the same.
    static func difference(_ fast: DocNode, _ reference: DocNode, path: String = "$") -> String? {
        if fast.line != reference.line || fast.column != reference.column {
            return "\(path): at \(fast.line):\(fast.column), Yams says \(reference.line):\(reference.column)"
        }
        switch (fast.kind, reference.kind) {
        case (.scalar(let a, let plainA), .scalar(let b, let plainB)):
            return a == b && plainA == plainB ? nil : "\(path): \(a.debugDescription) plain \(plainA), Yams \(b.debugDescription) plain \(plainB)"
        case (.sequence(let a), .sequence(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) items, Yams \(b.count)" }
            return zip(a, b).enumerated().lazy.compactMap { difference($1.0, $1.1, path: "\(path)[\($0)]") }.first
        case (.mapping(let a), .mapping(let b)):
            guard a.count == b.count else { return "\(path): \(a.count) keys, Yams \(b.count)" }
            return zip(a, b).lazy.compactMap { pair in
                difference(pair.0.key, pair.1.key, path: "\(path) key") ?? difference(pair.0.value, pair.1.value, path: "\(path).\(pair.1.key.scalarText ?? "?")")
            }.first
        default:
            return "\(path): \(fast.kindDescription), Yams \(reference.kindDescription)"
        }
    }

    /// Either the fast path declines, or it gives what Yams gives; when Yams refuses, it declines.
    static func expectSame(_ text: String, firstLine: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = JSONReader.parse(text, lineOffset: firstLine - 1, limits: .standard)
        let reference = Result { () throws(InvalidInput) in try YAMLReader.parseWithYams(chunk(text, firstLine: firstLine), source: "t") }
        switch (fast, reference) {
        case (let fast?, .success(let reference)):
            if let difference = difference(fast, reference) {
                Issue.record("\(difference)\n\(text.prefix(300))", sourceLocation: sourceLocation)
            }
        case (.some, .failure(let error)):
            Issue.record("the fast path read what Yams refuses (\(error)): \(text.prefix(300))", sourceLocation: sourceLocation)
        case (nil, _):
            break
        }
    }

    @Test("200 generated drafts as JSON read the same through both paths, and the fast path takes them")
    func generatedDrafts() throws {
        let examples = try Self.examples()
        var seed: UInt64 = 20_261_120
        var taken = 0
        for index in 0..<200 {
            let value = Self.vary(examples[index % examples.count], seed: &seed)
            let text = Self.json(value, spaced: index % 3 == 1, asciiOnly: index % 4 == 2, pretty: index % 10 == 7)
            Self.expectSame(text, firstLine: 1 + index)
            if JSONReader.parse(text, lineOffset: index, limits: .standard) != nil { taken += 1 }
            // The same draft through the whole loader: the same draft and findings either way.
            let fast = DraftLoader.load(text: text, source: "-", requireFormat: false)
            if case .success(let loaded) = fast.first, let node = try? YAMLReader.parseWithYams(Self.chunk(text), source: "-") {
                let reference = try? DraftLoader.decode(node, source: "-", documentIndex: 1, requireFormat: false)
                #expect(reference.map { $0.encoded == loaded.draft.encoded } ?? false, "draft \(index) decodes differently")
            }
        }
        // Hostile texts make many decline (a line separator, a C1 control); the examples as they are must not.
        #expect(taken > 0)
        for (index, example) in examples.enumerated() {
            for style in 0..<3 {
                let text = Self.json(example, spaced: style == 1, asciiOnly: style == 2, pretty: style == 2)
                #expect(JSONReader.parse(text, lineOffset: 0, limits: .standard) != nil, "example \(index), style \(style)")
            }
        }
    }

    @Test("malformed and unusual JSON is left to libyaml, or read as it reads it")
    func edges() {
        let cases = [
            #"{"a":1,"a":2}"#, #"{"a":1} trailing"#, #"{"a":1"#, #"{"a":"\ud83d\ude00"}"#, #"{"a":"\q"}"#,
            #"{"a":"\u00e9\u3042\n\t\r\b\f\/"}"#, #"{"a":[1.0,1e3,-0,2.5E-3,0]}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-}"#,
            #"{"a":tru}"#, #"{"a":true,"b":false,"c":null}"#, "{\"a\":\t1}", "{\"a\" : 1 , \"b\" :[ ] }", "{}", "[]", "[1,[2,{}]]",
            "{\"a\":1}\n", "\n\n{\"a\":1}", "{\"a\"\n:1}", "{\"" + String(repeating: "k", count: 1100) + "\":1}",
            "{\"a\":" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}", "{\"a\":\"\u{2028}\"}",
            "{\"a\":\"\u{85}\"}", "{\"a\":\"\u{FEFF}\"}", "{\"a\":\"\u{1}\"}", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{'a':1}", "{a:1}",
            "{\"a\":\"x\"} # comment", "{\"a\":*x}", "{\"a\":\"\u{1F600}é\"}",
        ]
        for text in cases { Self.expectSame(text, firstLine: 7) }
        // Plain JSON is taken, not left to the slow path.
        #expect(JSONReader.parse(#"{"a":[1,"x",{"b":null}]}"#, lineOffset: 0, limits: .standard) != nil)
    }

    @Test("documents over the node or depth limit are left to libyaml's path and its errors")
    func limits() {
        let many = "[" + Array(repeating: "1", count: 50).joined(separator: ",") + "]"
        var limits = InputLimits.standard
        limits.maxNodes = 10
        #expect(JSONReader.parse(many, lineOffset: 0, limits: limits) == nil)
        #expect(JSONReader.parse(many, lineOffset: 0, limits: .standard) != nil)
    }
}
