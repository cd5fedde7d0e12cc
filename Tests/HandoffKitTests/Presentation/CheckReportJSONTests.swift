import Testing

@testable import HandoffKit

/// `CheckRenderer.json` writes a checked draft's report straight as bytes; these tests hold it
/// to the `Value` tree it replaced, written by `JSONWriter.compact`, over generated reports.
@Suite("Check report JSON")
struct CheckReportJSONTests {
    /// The report as it was built before: a tree per draft, then the generic writer.
    static func reference(_ result: CheckResult, language forced: Language?) -> String {
        guard case .checked(let draft, let report) = result.outcome else { return "" }
        return JSONWriter.compact(
            .object([
                ("source", .string(result.source)),
                ("index", .int(result.documentIndex)),
                ("id", draft.id.map(Value.string) ?? .null),
                ("title", draft.title.map(Value.string) ?? .null),
                ("lang", .string((forced ?? draft.language).rawValue)),
                ("ready", .bool(report.isReady)),
                ("score", .int(report.score)),
                ("counts", .object(Severity.allCases.map { ($0.rawValue, Value.int(report.count($0))) })),
                ("findings", .list(report.findings.map(\.encoded))),
            ]))
    }

    static let hostile = [
        "\u{202E}evil", "a\u{0}b", "tab\there", "quote\"back\\slash", "\u{85}next", "\u{2028}", "\u{FEFF}",
        "👩‍💻", "\u{E0041}", "\u{1B}[31m", "line\nbreak", "\r", "\u{7F}",
        "\u{9B}2J", "\u{200B}", "\u{2066}", "\u{AD}", "\u{061C}", "\u{180E}", "\u{FFF9}", "\u{2029}",
    ]

    static func results(_ count: Int) -> [(CheckResult, Language?)] {
        var generator = ScanEquivalenceInputs.Generator(state: 0xC0FFEE)
        let texts = ScanEquivalenceInputs.texts(count * 6, vocabulary: hostile, seed: 12)
        var next = 0
        func text() -> String {
            next += 1
            return texts[next % texts.count]
        }
        return (0..<count).map { position in
            var draft = Draft()
            if Bool.random(using: &generator) { draft.id = text() }
            if Int.random(in: 0..<4, using: &generator) > 0 { draft.title = text() }
            draft.lang = [nil, .en, .ja].randomElement(using: &generator)!
            let findings = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                var finding = Finding(
                    rule: text(), severity: Severity.allCases.randomElement(using: &generator)!, field: text(),
                    message: text(), question: text())
                if Bool.random(using: &generator) {
                    finding.line = Int.random(in: 1...100_000, using: &generator)
                    finding.column = Bool.random(using: &generator) ? Int.random(in: 1...300, using: &generator) : nil
                }
                return finding
            }
            let report = ReadinessReport(findings: findings, score: Int.random(in: -5...100, using: &generator))
            let source = [text(), "-", "drafts/a.yaml"].randomElement(using: &generator)!
            let index = position % 3 == 0 ? Int.random(in: 1...Int.max, using: &generator) : position + 1
            return (CheckResult(source: source, documentIndex: index, outcome: .checked(draft, report)),
                    [nil, .en, .ja].randomElement(using: &generator)!)
        }
    }

    @Test("The byte writer gives the same line as the Value tree, hostile text included")
    func sameBytesAsTheTree() {
        for (result, language) in Self.results(400) {
            let renderer = CheckRenderer(language: language)
            #expect(renderer.json(result) == Self.reference(result, language: language))
        }
    }

    /// `check --format json` writes these bytes without the terminal pass, which would cost a
    /// walk of every report: JSON's escapes already leave no control or invisible scalar in it.
    @Test("The line check writes is the report's bytes and the terminator, already safe for a terminal")
    func lineBytesNeedNoTerminalPass() {
        for (result, language) in Self.results(400) {
            let renderer = CheckRenderer(language: language)
            let line = renderer.json(result) + "\n"
            let bytes = renderer.jsonBytes(result, terminator: 0x0A)
            #expect(bytes == Array(line.utf8))
            #expect(TerminalText.terminalOutput(bytes: bytes) == bytes)
            #expect(TerminalText.terminalOutput(line) == line)
        }
    }

    @Test("A worker's renderer, which copies the literals of texts it has escaped before, writes the same lines")
    func workerRendererSameBytes() {
        let results = Self.results(300)
        var renderers: [Language?: CheckRenderer] = [:]
        // Twice over the same results: the second time every text is one the memo holds.
        for _ in 0..<2 {
            for (result, language) in results {
                let renderer = renderers[language] ?? CheckRenderer(language: language).forWorker()
                renderers[language] = renderer
                #expect(renderer.json(result) == Self.reference(result, language: language))
            }
        }
    }

    @Test("A worker's renderer tells apart texts made at run time, each freed before the next is made")
    func workerRendererFreshTexts() {
        let renderer = CheckRenderer().forWorker()
        for number in 0..<2_000 {
            // Long enough to live on the heap, so that a freed text's storage could be reused.
            let message = String(repeating: number % 2 == 0 ? "é" : "\"", count: 12) + "\(number)"
            let finding = Finding(rule: "rule-\(number % 7)", severity: .info, field: "f\(number)", message: message, question: "q")
            let result = CheckResult(
                source: "-", documentIndex: 1, outcome: .checked(Draft(), ReadinessReport(findings: [finding], score: 0)))
            #expect(renderer.json(result) == Self.reference(result, language: nil))
        }
    }

    @Test("A worker's renderer keeps a finding's severity apart from the rule and field it shares with another")
    func workerRendererSeverities() {
        let renderer = CheckRenderer().forWorker()
        for _ in 0..<3 {
            for severity in Severity.allCases {
                var finding = Finding(rule: "rule", severity: severity, field: "scope.deliverables", message: "m", question: "q")
                finding.line = 3
                let result = CheckResult(
                    source: "-", documentIndex: 1, outcome: .checked(Draft(), ReadinessReport(findings: [finding], score: 0)))
                #expect(renderer.json(result) == Self.reference(result, language: nil))
            }
        }
    }

    @Test("Counts are per severity in the order of Severity.allCases")
    func severityRankIsItsPlace() {
        for (position, severity) in Severity.allCases.enumerated() { #expect(severity.rank == position) }
    }

    @Test("Numbers at the edges are written as String(_:) writes them")
    func edgeNumbers() {
        for number in [0, 9, 10, 99, 100, 101, 1_000, 999_999, 1_000_000_007, -1, -10, -101, Int.max, Int.max - 1, Int.min, Int.min + 1] {
            var finding = Finding(rule: "r", severity: .info, field: "f", message: "m", question: "q")
            finding.line = number
            let result = CheckResult(
                source: "-", documentIndex: number,
                outcome: .checked(Draft(), ReadinessReport(findings: [finding], score: number)))
            #expect(CheckRenderer().json(result) == Self.reference(result, language: nil))
        }
    }
}
