import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// A seeded mutation fuzzer over the draft and prompt-pack readers, run for a bounded count:
/// whatever the bytes, reading ends in a draft or in errors that name the source (no trap, no
/// hang), and a draft that reads is written back as text that reads as the same draft.
/// (A libFuzzer target was not chosen: this runs in every `swift test`, deterministically.)
@Suite("mutation fuzzing of the readers")
struct MutationFuzzTests {
    static let fragments: [[UInt8]] = [
        ":", "- ", ": ", "&a ", "*a", "<<: *a", "{", "}", "[", "]", "\"", "'", "\\", "\t", "\n", "\r\n", "---\n", "...\n",
        "!!binary ", "!!python/object ", "%YAML 1.1\n", "? ", "|", ">-", "#", "\u{1B}]52;c;x\u{07}", "\u{202E}", "\u{FEFF}",
        "2026-02-30", "0x1F", "~", "null", "yes", "1e999", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "format: handoff/1\n",
    ].map { Array($0.utf8) } + [[0x00], [0xFF, 0xFE], [0xC3], [0xE3, 0x81]]

    /// One to four random edits: delete, duplicate or move a range, insert a fragment, flip a byte.
    static func mutate(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = input
        for _ in 0...(random.next() % 4) {
            guard !bytes.isEmpty else { return Array(fragments[Int(random.next() % UInt64(fragments.count))]) }
            let at = Int(random.next() % UInt64(bytes.count))
            let length = min(bytes.count - at, Int(random.next() % 64) + 1)
            switch random.next() % 5 {
            case 0: bytes.removeSubrange(at..<at + length)
            case 1: bytes.insert(contentsOf: bytes[at..<at + length], at: Int(random.next() % UInt64(bytes.count)))
            case 2: bytes.insert(contentsOf: fragments[Int(random.next() % UInt64(fragments.count))], at: at)
            case 3: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            default:
                let piece = Array(bytes[at..<at + length])
                bytes.removeSubrange(at..<at + length)
                bytes.insert(contentsOf: piece, at: Int(random.next() % UInt64(bytes.count + 1)))
            }
        }
        return bytes
    }

    @Test("800 mutated drafts: each reads or is refused with errors naming the source; what reads, writes back readable")
    func drafts() throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Repository.file("examples").path).sorted()
            .filter { $0.hasSuffix(".yaml") }.map { Array(TestDrafts.exampleText($0).utf8) }
        try #require(!seeds.isEmpty)
        var random = SplitMix(rawState: 2026)
        var read = 0
        var refused = 0
        for round in 0..<800 {
            let bytes = Self.mutate(seeds[round % seeds.count], &random)
            let text: String
            do { text = try DraftLoader.text(from: bytes, source: "fuzz.yaml") } catch {
                #expect(error.errors.allSatisfy { $0.source == "fuzz.yaml" })
                refused += 1
                continue
            }
            for result in DraftLoader.load(text: text, source: "fuzz.yaml", requireFormat: false) {
                switch result {
                case .failure(let invalid):
                    refused += 1
                    #expect(!invalid.errors.isEmpty && invalid.errors.allSatisfy { $0.source == "fuzz.yaml" })
                case .success(let loaded):
                    read += 1
                    let written = YAMLWriter.document(loaded.draft.encoded)
                    let again = DraftLoader.load(text: written, source: "again.yaml", requireFormat: false)
                    guard again.count == 1, case .success(let back) = again[0] else {
                        Issue.record("round \(round): a draft that read was written as text that does not: \(again)")
                        continue
                    }
                    #expect(back.draft == loaded.draft, "round \(round)")
                }
            }
        }
        print("mutation fuzzing: 800 drafts, \(read) read, \(refused) refused")
        #expect(read > 0 && refused > 0)
    }

    @Test("300 mutated prompt packs: each loads or is refused with errors naming the pack's file")
    func packs() throws {
        let english = PromptFiles.embedded.filter { $0.path.hasPrefix("en/") }
        var files: [String: String] = [:]
        for file in english { files[String(file.path.dropFirst(3))] = file.text }
        try #require(files.count > 5)
        let names = files.keys.sorted()
        var random = SplitMix(rawState: 7)
        var refused = 0
        for _ in 0..<300 {
            var mutated = files
            let name = names[Int(random.next() % UInt64(names.count))]
            let bytes = Self.mutate(Array(files[name]!.utf8), &random)
            mutated[name] = String(decoding: bytes, as: UTF8.self)
            do {
                _ = try PromptPackLoader.load(files: mutated, language: .en, origin: "fuzz")
            } catch {
                refused += 1
                #expect(error.errors.allSatisfy { $0.source.hasPrefix("fuzz") }, "\(error)")
            }
        }
        #expect(refused > 0)
    }
}
