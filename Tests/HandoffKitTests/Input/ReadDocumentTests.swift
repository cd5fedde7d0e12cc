import Foundation
import Testing

@testable import HandoffKit

#if canImport(Glibc)
    import Glibc
#endif

/// Documents handed over unparsed (`forEachReadDocument`, for the workers to load) give the same
/// drafts and errors, in the same order, as documents loaded while reading (`forEachDocument`).
@Suite("Read documents: loaded later, the same as loaded at once")
struct ReadDocumentTests {
    /// What a result says, for comparing two readings.
    static func summary(_ result: Result<LoadedDraft, InvalidInput>) -> String {
        switch result {
        case .success(let loaded):
            let title = loaded.positions.map { "\($0.position(of: "title"))" } ?? "no positions"
            return "draft \(loaded.documentIndex) \(loaded.source) \(loaded.draft.encoded) at \(title)"
        case .failure(let invalid):
            return "error \(invalid.errors.map { "\($0.documentIndex ?? 0):\($0.line ?? 0):\($0.column ?? 0) \($0)" })"
        }
    }

    static func readings(of text: String, named name: String) throws -> (atOnce: [String], later: [String], handedOver: Int) {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var atOnce: [String] = []
        try DraftSource.file(path).forEachDocument { atOnce.append(summary($0)) }
        var later: [String] = []
        var handedOver = 0
        try DraftSource.file(path).forEachReadDocument { document in
            if case .chunk = document.stage { handedOver += 1 }
            later += document.load().map(summary)
        }
        return (atOnce, later, handedOver)
    }

    static let jsonLines = [
        #"{"format":"handoff/1","title":"First","timeline":{"launch":"2026-12-04"}}"#,
        #"{"format":"handoff/1","title":"Bad date","timeline":{"launch":"2026-02-30"}}"#,
        #"{"format":"handoff/1","title":"日本語の下書き","lang":"ja","idea":"ＡＳＡＰ\u200b"}"#,
        #"{"format":"handoff/1","title": broken"#,
        "",
        #"{"format":"handoff/1","titel":"typo"}"#,
    ].joined(separator: "\n") + "\n"

    @Test("JSON Lines with bad documents: every line handed over, the same results in order")
    func jsonLinesAgree() throws {
        let (atOnce, later, handedOver) = try Self.readings(of: Self.jsonLines, named: "drafts.jsonl")
        #expect(atOnce.count == 5)
        #expect(later == atOnce)
        #expect(handedOver == 5)
        #expect(atOnce.filter { $0.hasPrefix("error") }.count == 3)
    }

    @Test("a YAML stream with --- and a bad document: the same results in order")
    func yamlStreamAgrees() throws {
        let text = "format: handoff/1\ntitle: One\n---\nformat: handoff/1\ntitle: [unclosed\n---\nformat: handoff/1\ntitle: Three\nkind: form\n"
        let (atOnce, later, handedOver) = try Self.readings(of: text, named: "stream.yaml")
        #expect(atOnce.count == 3)
        #expect(later == atOnce)
        #expect(handedOver == 3)
    }

    @Test("a file that cannot be read as text is reported while reading, as before")
    func binaryReportedWhileReading() throws {
        let (atOnce, later, handedOver) = try Self.readings(of: "format: handoff/1\ntitle: a\u{0}b\n", named: "nul.yaml")
        #expect(atOnce.count == 1)
        #expect(later == atOnce)
        #expect(handedOver == 0)
    }

    @Test("the line reader tells a line with a NUL byte from the lines around it")
    func lineReaderFindsNUL() throws {
        let scratch = ScratchStore()
        defer { scratch.remove() }
        let path = scratch.path("nul.txt")
        try Data("plain\nwith \u{0} nul\n\u{0}\nafter\n".utf8).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = LineReader(descriptor: descriptor)
        var flags: [Bool] = []
        while try reader.nextLine() != nil { flags.append(reader.lastLineHasNUL) }
        #expect(flags == [false, true, true, false])
    }
}
