import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Readiness reporting: positions, annotations, Japanese style")
    struct ReadinessReportingTests {
        static let yaml = """
            format: handoff/1
            title: Webinar form
            systems:
              - Marketo
              - {name: CMS, change: embed}
            success:
              metrics:
                - {name: Registrations, target: 300}
            """

        static func positions(_ yaml: String) throws -> FieldPositions {
            let results = DraftLoader.load(text: yaml, source: "t.yaml", requireFormat: false)
            guard case .success(let loaded) = try #require(results.first) else {
                Issue.record("did not load")
                return FieldPositions(root: DocNode(.mapping([]), line: 1, column: 1))
            }
            return try #require(loaded.positions)
        }

        @Test(
            "a field's key, or the nearest enclosing field that exists, gives the line and column",
            arguments: [
                ("title", 2, 1), ("systems[1].change", 5, 17), ("success.metrics[0].target", 8, 29),
                // Not written: the metric's own position, the list item, the document.
                ("success.metrics[0].source", 8, 7), ("systems[0].change", 4, 5), ("stakeholders", 1, 1),
                ("success.metrics[3].name", 7, 3),
            ])
        func positions(field: String, line: Int, column: Int) throws {
            let position = try Self.positions(Self.yaml).position(of: field)
            #expect(position == FieldPositions.Position(line: line, column: column), "\(field)")
        }

        @Test("a report located by positions gives every finding a line; without positions it is unchanged")
        func located() throws {
            let draft = TestDrafts.load(Self.yaml)
            let report = Readiness.check(draft, in: TestDrafts.context())
            let located = report.located(by: try Self.positions(Self.yaml))
            #expect(located.findings.allSatisfy { $0.line != nil && $0.column != nil })
            #expect(report.located(by: nil) == report)
            #expect(located.findings.first?.encoded["line"] != nil)
            #expect(report.findings.first?.encoded["line"] == nil)
        }

        @Test("GitHub annotations escape what would break a workflow command")
        func githubEscaping() {
            let line = CheckRenderer.workflowCommand(
                "warning", file: "drafts/a,b:c.yaml", line: 3, column: 7, title: "rule (field)",
                message: "100% sure\nsecond line")
            #expect(line == "::warning file=drafts/a%2Cb%3Ac.yaml,line=3,col=7,title=rule (field)::100%25 sure%0Asecond line\n")
        }

        /// One convention everywhere: a space between a Latin word and kana or kanji ("IT の",
        /// "Marketo で"), none between a number and its counter (3件, 10営業日).
        static func latinGluedToJapanese(_ text: String) -> Bool {
            // What the draft's writer typed is quoted in 「」 and keeps its own spacing.
            var outside = ""
            var depth = 0
            for character in text {
                if character == "「" { depth += 1 } else if character == "」" { depth = max(0, depth - 1) } else if depth == 0 {
                    outside.append(character)
                }
            }
            let scalars = Array(outside.unicodeScalars)
            func isLatin(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic }
            func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
                (0x3041...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
            }
            return zip(scalars, scalars.dropFirst()).contains { (isLatin($0) && isJapanese($1)) || (isJapanese($0) && isLatin($1)) }
        }

        @Test("Japanese messages, questions and explanations keep one spacing convention")
        func japaneseSpacing() {
            var texts: [String] = []
            for rule in Readiness.rules {
                let type = type(of: rule)
                texts += [type.summary.ja, type.explanation.why.ja, type.explanation.fix.ja]
            }
            for testCase in ReadinessFixtureTests.allCases {
                let draft = TestDrafts.load(testCase.text)
                for finding in Readiness.check(draft, in: TestDrafts.context(.ja)).findings {
                    texts += [finding.message, finding.question]
                }
            }
            for finding in Readiness.check(Draft(), in: TestDrafts.context(.ja)).findings {
                texts += [finding.message, finding.question]
            }
            let glued = texts.filter(Self.latinGluedToJapanese)
            #expect(glued.isEmpty, "\(glued)")
        }
    }
}
