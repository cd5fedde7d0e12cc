import Testing

@testable import HandoffKit

/// Umbrella for the readiness-rule suites, so that `swift test --filter Rules` runs all of them
/// (a suite's identifier starts with the types that contain it).
enum Rules {}

extension String {
    /// True when the text holds kana or kanji: a message that was really written in Japanese.
    var hasJapanese: Bool {
        unicodeScalars.contains { scalar in
            (0x3040...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
        }
    }
}

extension Draft {
    /// A copy changed by `change`, so tests read "the ready draft, but without …".
    func with(_ change: (inout Draft) -> Void) -> Draft {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Checks shared by the rule suites.
enum RuleExpect {
    /// Expects exactly one finding with `rule`, `severity` and `field`, with a non-empty message and
    /// question, and returns it.
    @discardableResult
    static func one(
        _ findings: [Finding], rule: String, severity: Severity, field: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Finding {
        #expect(findings.count == 1, "expected one finding, got \(findings)", sourceLocation: sourceLocation)
        let finding = try #require(findings.first, sourceLocation: sourceLocation)
        check(finding, rule: rule, severity: severity, field: field, sourceLocation: sourceLocation)
        return finding
    }

    /// Expects `finding` to carry `rule`, `severity` and `field`, and a message and a question.
    static func check(
        _ finding: Finding, rule: String, severity: Severity, field: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(finding.rule == rule, sourceLocation: sourceLocation)
        #expect(finding.severity == severity, sourceLocation: sourceLocation)
        #expect(finding.field == field, sourceLocation: sourceLocation)
        #expect(!finding.message.isEmpty, sourceLocation: sourceLocation)
        #expect(!finding.question.isEmpty, sourceLocation: sourceLocation)
    }

    /// Expects an English finding: no Japanese text, and every word of `message` and `question`
    /// (case-insensitively) in the message and the question.
    static func english(
        _ finding: Finding, message: [String] = [], question: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!finding.message.hasJapanese, "\(finding.message)", sourceLocation: sourceLocation)
        for word in message {
            #expect(
                finding.message.lowercased().contains(word.lowercased()), "'\(word)' not in: \(finding.message)",
                sourceLocation: sourceLocation)
        }
        for word in question {
            #expect(
                finding.question.lowercased().contains(word.lowercased()), "'\(word)' not in: \(finding.question)",
                sourceLocation: sourceLocation)
        }
    }

    /// Expects a Japanese finding: Japanese text in the message and the question, holding the
    /// given words.
    static func japanese(
        _ finding: Finding, message: [String] = [], question: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(finding.message.hasJapanese, "\(finding.message)", sourceLocation: sourceLocation)
        #expect(finding.question.hasJapanese, "\(finding.question)", sourceLocation: sourceLocation)
        for word in message {
            #expect(
                finding.message.contains(word), "「\(word)」 not in: \(finding.message)", sourceLocation: sourceLocation)
        }
        for word in question {
            #expect(
                finding.question.contains(word), "「\(word)」 not in: \(finding.question)", sourceLocation: sourceLocation
            )
        }
    }

    /// Expects `rule` to find nothing in `draft`, in English and in Japanese.
    static func silent<R: ReadinessRule>(
        _ rule: R, _ draft: Draft, configuration: Configuration = Configuration(),
        today: CivilDate = TestDrafts.today, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for language in [Language.en, .ja] {
            let findings = rule.findings(
                for: draft, in: TestDrafts.context(language, today: today, configuration: configuration))
            #expect(findings.isEmpty, "\(language): \(findings)", sourceLocation: sourceLocation)
        }
    }

    /// The findings of `rule` on `draft` in `language`.
    static func findings<R: ReadinessRule>(
        _ rule: R, _ draft: Draft, _ language: Language = .en, configuration: Configuration = Configuration(),
        today: CivilDate = TestDrafts.today
    ) -> [Finding] {
        rule.findings(for: draft, in: TestDrafts.context(language, today: today, configuration: configuration))
    }

    /// A configuration read from YAML through the real loader.
    static func configuration(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Configuration {
        do {
            return try ConfigLoader.parse(text: yaml, source: "handoff.yaml")
        } catch {
            Issue.record("configuration did not load: \(error)", sourceLocation: sourceLocation)
            return Configuration()
        }
    }
}
