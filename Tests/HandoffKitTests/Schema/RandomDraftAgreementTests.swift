import Foundation
import Testing

@testable import HandoffKit

/// Drafts generated from the field table (every field of every record, at random, with usual and
/// unusual values) get the same verdict from the loader and from the published schema.
@Suite("Random drafts: the loader and the schema agree")
struct RandomDraftAgreementTests {
    static let seed: UInt64 = 0x5EED_0008
    static let count = 400

    @Test("random drafts from the field table, valid and mutated, get the same verdict from check and the schema")
    func randomDrafts() throws {
        var generator = DraftGenerator(seed: Self.seed)
        let drafts = try (0..<Self.count).map { _ in try generator.draft() }
        let verdicts = try SchemaVerdicts.validate(drafts)
        var accepted = 0
        for (draft, verdict) in zip(drafts, verdicts) {
            let loader = LoaderVerdict.accepts(draft)
            if loader.accepted { accepted += 1 }
            #expect(
                loader.accepted == verdict.yaml11.valid,
                "seed \(Self.seed):\n\(draft)loader: \(loader.errors)\nschema: \(verdict.yaml11.errors)")
            if let json = verdict.yaml11.json {
                let fromJSON = LoaderVerdict.accepts(json + "\n")
                #expect(fromJSON.accepted == verdict.yaml11.valid, "\(json)\nloader: \(fromJSON.errors)")
            }
        }
        // Both verdicts must be common, or the comparison says little.
        #expect(accepted > Self.count / 5, "\(accepted) of \(Self.count) accepted")
        #expect(Self.count - accepted > Self.count / 5, "\(Self.count - accepted) of \(Self.count) refused")
    }

    @Test("the generator reaches every field of the format")
    func everyFieldReached() throws {
        var generator = DraftGenerator(seed: Self.seed)
        let text = try (0..<Self.count).map { _ in try generator.draft() }.joined()
        var missing: [String] = []
        func visit(_ type: any Record.Type, _ path: String) {
            for (key, shape) in type.fieldShapes {
                if !text.contains(key + ":") { missing.append(path + key) }
                if let nested = shape.recordType { visit(nested, path + key + ".") }
            }
        }
        visit(Draft.self, "")
        #expect(missing.isEmpty, "never generated: \(missing)")
    }
}

/// Writes random drafts by walking `Record.fieldShapes`, so a field added to the table is
/// generated without a change here; a new value type needs its samples below (the test says so).
struct DraftGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: small, and the same sequence on every platform.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double(next() % 10_000) / 10_000 < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    /// About one unusual value a draft: the loader's and the schema's edges, not wall-to-wall errors.
    /// (Lowered from 0.05 when `details` and `operations` added 26 fields to a draft.)
    private let unusual = 0.04

    mutating func draft() throws -> String {
        var lines = [chance(0.96) ? "format: handoff/1" : pick(["format: handoff/2", "format: ~", "format: HANDOFF/1"])]
        for (key, shape) in Draft.fieldShapes where key != "format" && chance(0.55) {
            lines.append(key + ": " + (try value(shape, depth: 0)))
        }
        if chance(unusual) { lines.append(pick(["sytems: [Marketo]", "Title: x", "kinds: [form]"])) }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func value(_ shape: FieldShape, depth: Int) throws -> String {
        switch shape {
        case .record(let type): return try record(type, depth: depth)
        case .value(let type): return try scalar(type)
        case .list(let type):
            if chance(unusual) { return pick(["~", "[]", "[[nested]]"]) }
            if chance(0.2) { return try item(type, depth: depth) }
            var items: [String] = []
            for _ in 0..<Int(next() % 3 + 1) { items.append(try item(type, depth: depth)) }
            return "[" + items.joined(separator: ", ") + "]"
        }
    }

    private mutating func item(_ type: any DraftCodable.Type, depth: Int) throws -> String {
        if let record = type as? any Record.Type { return try self.record(record, depth: depth + 1) }
        return try scalar(type)
    }

    private mutating func record(_ type: any Record.Type, depth: Int) throws -> String {
        if chance(unusual) { return pick(["[a]", "~", "{}"]) }
        if Self.hasShorthand(type), chance(0.25) { return pick(Self.text.usual) }
        var entries: [String] = []
        for (key, shape) in type.fieldShapes where chance(0.6) {
            entries.append(key + ": " + (try value(shape, depth: depth + 1)))
        }
        if chance(unusual) { entries.append(pick(["colour: red", "Name: x", "e-mail"])) }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    private static func hasShorthand<R: Record>(_ type: R.Type) -> Bool { R.shorthand != nil }

    private mutating func scalar(_ type: any DraftCodable.Type) throws -> String {
        let samples = try Self.samples(for: type)
        return chance(unusual * 2) ? pick(samples.unusual) : pick(samples.usual)
    }

    struct Samples {
        var usual: [String]
        var unusual: [String]
    }

    static let text = Samples(
        usual: ["Marketo", "Sign-up form on the product page", "'Quoted: text'", "Field Marketing", "web-team_2.0"],
        unusual: ["2027", "007", "yes", "1.5", "\"\"", "~", "[nested]", "{a: b}", "\"line\\nbreak\"", ".inf", "=", "0x1F"])

    /// Samples per value type. Enumerations are found by their protocol, so a new one needs nothing.
    static func samples(for type: any DraftCodable.Type) throws -> Samples {
        if type == String.self { return text }
        if type == Bool.self {
            return Samples(
                usual: ["yes", "no", "true", "false"],
                unusual: ["Yes", "OFF", "y", "N", "on", "\"no\"", "1", "maybe", "~", "[yes]"])
        }
        if type == CivilDate.self {
            return Samples(
                usual: ["2026-12-04", "2027-01-15", "2028-02-29"],
                unusual: ["2026-02-29", "2026-13-01", "\"2026-12-04\"", "2026-4-1", "tomorrow", "~", "20261204", "2000-02-29", "1900-02-29"])
        }
        if type == RunsUntil.self {
            return Samples(
                usual: ["2027-01-31", "permanent", "2026-12-31"],
                unusual: ["Permanent", "PERMANENT", "恒久", "2027-02-30", "forever", "\"2027-01-31\"", "~", "[permanent]", "soon"])
        }
        if type == Quantity.self {
            return Samples(usual: ["0", "300", "75%", "5営業日"], unusual: ["1.5", "\"\"", "yes", "~", "[1]", "-2", "1e3"])
        }
        if type == Int.self {
            return Samples(usual: ["14", "0"], unusual: ["-1", "1.0", "\"7\"", "x", "~"])
        }
        if let enumeration = type as? any DraftEnum.Type {
            let spellings = spellings(of: enumeration)
            let values = Array(spellings.prefix(values(of: enumeration)))
            return Samples(
                usual: values,
                unusual: spellings.map { $0.uppercased() } + values.map { String($0.dropLast()) }
                    + values.map { $0.prefix(1).uppercased() + $0.dropFirst() } + ["yes", "no", "1", "\"\"", "~", "[x]"])
        }
        throw MissingSamples(type: "\(type)")
    }

    private static func spellings<E: DraftEnum>(of _: E.Type) -> [String] { E.spellings }
    private static func values<E: DraftEnum>(of _: E.Type) -> Int { E.allCases.count }

    struct MissingSamples: Error, CustomStringConvertible {
        var type: String
        var description: String { "no samples for \(type): add them to DraftGenerator.samples(for:)" }
    }
}
