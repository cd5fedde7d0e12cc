import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// Drafts, options and helpers shared by the export suites (no tests here).
enum ExportFixtures {
    /// Options for a fixed day (TestDrafts.today) and an optional configuration.
    static func options(
        _ configuration: Configuration = Configuration(), projectKey: String? = nil,
        shape: ExportOptions.Shape = .single, includeSource: Bool = true, language: Language? = nil
    ) -> ExportOptions {
        ExportOptions(
            configuration: configuration, projectKey: projectKey, shape: shape, includeSource: includeSource,
            language: language, today: TestDrafts.today)
    }

    /// An export item with the draft's real readiness report.
    static func item(_ draft: Draft) -> ExportItem {
        ExportItem(draft: draft, report: Readiness.check(draft, in: TestDrafts.context(draft.language)))
    }

    /// A configuration decoded from YAML through the real loader; records an issue on error.
    static func configuration(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Configuration {
        do {
            return try ConfigLoader.parse(text: yaml, source: "handoff.yaml")
        } catch {
            Issue.record("config did not load: \(error)", sourceLocation: sourceLocation)
            return Configuration()
        }
    }

    /// Text with every kind of markup the renderers must keep inert, plus emoji and Japanese.
    static let markupText =
        "*bold* _em_ -strike- +under+ ^sup^ ~sub~ ??cite?? {code} {quote} {noformat} {CODE:java} "
        + "[link|http://example.com] |pipe| back\\slash # hash ! bang (x) (/) (!) (i) :) ;) :P "
        + "<script>alert(\"x\")</script> &amp; `tick` ``` 🎉 👩‍💻 🇯🇵 日本語「かぎ括弧」"

    /// A draft full of markup, quotes, backslashes, `{code}`, emoji, Japanese and control
    /// characters, titled `yes` (a YAML boolean when unquoted).
    static var hostile: Draft {
        var draft = Draft()
        draft.id = "hostile-1"
        draft.lang = .en
        draft.title = "yes"
        draft.idea =
            "h1. Not a heading\nbq. not a quote\n* not a bullet\n# not numbered\n- not a dash\n----\n\n"
            + markupText
            + "\n{code}\n{quote}\n\"double\" 'single' \\\\ C:\\path\nbell\u{7}esc\u{1B}[31mred\u{7F}del\u{85}nel"
        draft.requester.name = "O'Brien \"Ob\" 佐藤"
        draft.requester.team = "=SUM(A1:A9)"
        draft.objective.problem = "Line one\twith a tab\nline two, \"quoted\", back\\slash\n"
        draft.objective.businessGoal = "+1 goal | with pipe"
        draft.objective.value = "@mention -10% ~40 leads"
        draft.scope.deliverables = ["Form with *stars* and [brackets]", "{noformat}", "🎉 party"]
        draft.scope.outOfScope = ["- not a list", "1. not numbered"]
        draft.scope.requirements = [Requirement("Must {code} be inert", .must), Requirement("No priority | here")]
        var cms = AffectedSystem(name: "CMS | web", change: "embed {code} block\nsecond line")
        cms.data = ["e-mail", "=HYPERLINK(\"x\")"]
        cms.personalData = true
        cms.owner = "Web \\ team"
        draft.systems = [cms, AffectedSystem(name: "マーケティング基盤")]
        draft.stakeholders = [Stakeholder(.businessOwner, "-minus"), Stakeholder(.approver, "@at")]
        draft.timeline.launch = CivilDate(year: 2027, month: 1, day: 15)
        draft.timeline.deadline = .soft
        draft.timeline.reason = "Because {quote} said so\n{code:title=handoff-source.yaml}\n{code}"
        var milestone = Milestone()
        milestone.name = "Copy | final"
        milestone.date = CivilDate(year: 2026, month: 12, day: 20)
        draft.timeline.milestones = [milestone]
        draft.success.kgi = "Pipeline *growth*"
        var metric = Metric()
        metric.name = "Sign-ups ||"
        metric.baseline = .text("0 | none")
        metric.target = .number("300")
        metric.source = "GA4 {code}"
        metric.tracking = "event\nand UTM"
        metric.reviewOn = CivilDate(year: 2027, month: 2, day: 1)
        metric.owner = "Ken"
        draft.success.metrics = [metric]
        var risk = Risk()
        risk.text = "Spam | bots"
        risk.mitigation = "CAPTCHA \\o/"
        draft.risks = [risk]
        draft.change.iterations = "A/B test ```"
        draft.compliance.legalReview = .yes
        draft.testing.acceptanceCriteria = ["Given *x* when [y] then {z}", "<b>bold</b> & done"]
        draft.review.questions = [ReviewQuestion(by: "IT | ops", text: "Which {code}?")]
        return draft
    }

    /// `draft` as the loader gives it back from an export: with its format line.
    static func normalised(_ draft: Draft) -> Draft {
        var draft = draft
        draft.format = HandoffVersion.draftFormat
        return draft
    }

    /// Every draft `text` loads to; records an issue for each failure.
    static func reload(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Draft] {
        DraftInput.load(text: text, source: "export", requireFormat: true).compactMap { result in
            switch result {
            case .success(let loaded): return loaded.draft
            case .failure(let error):
                Issue.record("export did not load back: \(error)", sourceLocation: sourceLocation)
                return nil
            }
        }
    }

    /// Parses one JSON document with Foundation (independently of handoff's own reader).
    static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Any? {
        do {
            return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            Issue.record("not JSON: \(error)\n\(text.prefix(500))", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Runs the project's Jira validator (`Tests/Jira/jira-validate FORMAT`) on `text`; exit status
    /// and output.
    static func validate(_ text: String, format: String) throws -> (status: Int32, output: String) {
        let result = JiraValidator.validate(text, format: format)
        return (result.status, result.output)
    }
}
