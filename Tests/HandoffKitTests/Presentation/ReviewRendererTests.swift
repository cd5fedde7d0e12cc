import Foundation
import Testing

@testable import HandoffKit

/// The reviewer's views, rendered by the library: the review, the drafts table, export's refusal.
@Suite("Review renderer")
struct ReviewRendererTests {
    let renderer = ReviewRenderer(width: 100)

    func subject(_ draft: Draft, source: String) -> ReviewSubject {
        ReviewSubject(
            loaded: LoadedDraft(draft: draft, source: source), report: Readiness.check(draft, in: TestDrafts.context()))
    }

    @Test("the header names the source, and the id only when the source is not already the id")
    func header() {
        let draft = TestDrafts.ready
        let stored = renderer.text(
            subject(draft, source: "webinar-signup-7f3a"), configuration: Configuration(), today: TestDrafts.today)
        #expect(stored.hasPrefix("REVIEW  webinar-signup-7f3a\n"))
        let file = renderer.text(
            subject(draft, source: "drafts/webinar.yaml"), configuration: Configuration(), today: TestDrafts.today)
        #expect(file.hasPrefix("REVIEW  drafts/webinar.yaml · webinar-signup-7f3a\n"))
        let piped = renderer.text(subject(draft, source: "-"), configuration: Configuration(), today: TestDrafts.today)
        #expect(piped.hasPrefix("REVIEW  <stdin> · webinar-signup-7f3a\n"))
    }

    @Test("questions to send name the reference given, and every finding, blockers first")
    func questionsToSend() {
        var draft = TestDrafts.ready
        draft.timeline.launch = nil
        var review = subject(draft, source: "drafts/webinar.yaml")
        review.reference = "webinar-signup-7f3a"
        let text = renderer.text(review, configuration: Configuration(), today: TestDrafts.today)
        #expect(text.contains("Send one: handoff review webinar-signup-7f3a --ask"))
        #expect(text.contains("1. [blocker]") || text.contains("1. [BLOCKER]"), "\(text)")
        let json = renderer.json(review)
        #expect(json.contains("\"ready\":false"))
        #expect(json.contains("\"source\":\"drafts/webinar.yaml\""))
    }

    @Test("the drafts table: a draft without a title by its idea's first line; an unreadable one says so")
    func draftsTable() {
        var untitled = Draft()
        untitled.idea = "A spring landing page\nwith a form"
        let entries = [
            DraftStore.Entry(
                id: "spring-1a2b", draft: untitled, problem: nil, updated: "2026-11-19T08:30:12Z", revisions: 2),
            DraftStore.Entry(
                id: "broken-3c4d", draft: nil, problem: "draft.yaml:3: not valid YAML", updated: "", revisions: 0),
        ]
        let rows = ReviewRenderer.rows(entries, context: TestDrafts.context())
        let table = renderer.draftsTable(rows).split(separator: "\n")
        #expect(table.count == 3)
        #expect(table[0].hasPrefix("ID  "))
        #expect(table[1].contains("A spring landing page") && !table[1].contains("with a form"))
        #expect(table[1].contains("2026-11-19 08:30"))
        #expect(table[1].contains("✖"))
        #expect(table[2].contains("(unreadable: fix the file before resuming)"))
        #expect(
            renderer.json(rows[1])
                == #"{"id":"broken-3c4d","updated":"","revisions":0,"error":"draft.yaml:3: not valid YAML"}"#)
    }

    @Test("export's refusal: the draft's name and document, its title made safe, one line a blocker")
    func exportRefusal() {
        var draft = TestDrafts.ready
        draft.title = "Launch\u{1B}[2J page"
        draft.timeline.launch = nil
        let report = Readiness.check(draft, in: TestDrafts.context())
        let text = renderer.exportRefusal(LoadedDraft(draft: draft, source: "-", documentIndex: 3), report)
        let lines = text.split(separator: "\n")
        #expect(
            lines[0]
                == "<stdin> (document 3) “Launch^[[2J page” is not ready: \(report.count(.blocker)) blocker\(report.count(.blocker) == 1 ? "" : "s")"
        )
        #expect(lines.count == 1 + report.count(.blocker))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ✖ ") })
        #expect(text.contains("timeline.launch"))
    }
}
