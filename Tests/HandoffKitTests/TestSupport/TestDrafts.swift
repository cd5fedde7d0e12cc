import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Drafts and contexts for tests. Drafts are written as YAML, the way users write them, and
/// decoded through the real loader, so a test also exercises the decoder it relies on.
enum TestDrafts {
    /// The repository root (tests run from any directory).
    static var repositoryRoot: URL { Repository.root }

    static func exampleText(_ name: String) -> String {
        let url = repositoryRoot.appendingPathComponent("examples").appendingPathComponent(name)
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// The shipped ready example (`examples/webinar-signup.yaml`): no blocker on 2026-11-20.
    static var ready: Draft { load(exampleText("webinar-signup.yaml")) }

    /// The shipped Japanese example (`examples/ja-campaign-lp.yaml`).
    static var japanese: Draft { load(exampleText("ja-campaign-lp.yaml")) }

    /// Decodes `yaml` (format line optional), failing the test on any input error.
    static func load(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Draft {
        let results = DraftLoader.load(text: yaml, source: "test.yaml", requireFormat: false)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("draft did not load: \(results)", sourceLocation: sourceLocation)
            return Draft()
        }
        return loaded.draft
    }

    /// The input errors `yaml` produces (empty when it loads).
    static func errors(_ yaml: String, requireFormat: Bool = false) -> [InputError] {
        DraftLoader.load(text: yaml, source: "test.yaml", requireFormat: requireFormat).flatMap { result in
            if case .failure(let invalid) = result { return invalid.errors }
            return []
        }
    }

    /// A fixed "today" so date rules are reproducible.
    static let today = CivilDate(year: 2026, month: 11, day: 20)!

    static func context(
        _ language: Language = .en, today: CivilDate = TestDrafts.today,
        configuration: Configuration = Configuration()
    ) -> RuleContext {
        RuleContext(today: today, configuration: configuration, language: language)
    }

    /// Findings of one rule type on `draft`.
    static func findings<R: ReadinessRule>(
        _ rule: R, _ draft: Draft, _ context: RuleContext = TestDrafts.context()
    ) -> [Finding] {
        rule.findings(for: draft, in: context)
    }
}
