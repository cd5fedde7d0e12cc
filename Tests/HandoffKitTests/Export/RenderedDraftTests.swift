import Foundation
import Testing

@testable import HandoffKit

/// Drafts rendered apart (on the workers) and put together in order by the writer.
@Suite("Rendered drafts")
struct RenderedDraftTests {
    /// The ready draft with an idea too long for Jira's description limit.
    private static let tooLong: Draft = {
        var draft = TestDrafts.ready
        draft.idea = String(repeating: "word ", count: 8_000)
        return draft
    }()

    @Test("jira-v3-bulk: a draft refused when a body is full does not take the full body with it")
    func bulkBodyKeptPastARefusal() throws {
        let exporter = JiraV3BulkExporter()
        let options = ExportFixtures.options()
        var writer = exporter.writer(options: options)
        var out = ""
        for _ in 0..<JiraV3BulkExporter.issuesPerBody {
            out += try writer.add(exporter.render(ExportFixtures.item(TestDrafts.ready), options: options))
        }
        #expect(throws: ExportError.self) {
            _ = try writer.add(exporter.render(ExportFixtures.item(Self.tooLong), options: options))
        }
        out += try writer.add(exporter.render(ExportFixtures.item(TestDrafts.ready), options: options))
        out += writer.finish()
        let bodies = try out.split(separator: "\n").map { line in
            let body = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(body["issueUpdates"] as? [Any]).count
        }
        #expect(bodies == [JiraV3BulkExporter.issuesPerBody, 1])
    }

    @Test("jira-import: drafts rendered apart with the same id still get distinct ids, in input order")
    func importIDsKeptDistinct() throws {
        let exporter = JiraImportExporter()
        let options = ExportFixtures.options(shape: .subtasks)
        let rendered = (0..<3).map { _ in exporter.render(ExportFixtures.item(TestDrafts.ready), options: options) }
        var writer = exporter.writer(options: options)
        var out = ""
        for draft in rendered { out += try writer.add(draft) }
        out += writer.finish()
        let document = try #require(ExportFixtures.json(out) as? [String: Any])
        let project = try #require((document["projects"] as? [[String: Any]])?.first)
        let ids = try #require(project["issues"] as? [[String: Any]]).compactMap { $0["externalId"] as? String }
        let stories = ids.filter { !$0.contains("-system-") }
        #expect(stories == ["webinar-signup-7f3a", "webinar-signup-7f3a-2", "webinar-signup-7f3a-3"])
        let links = try #require(document["links"] as? [[String: Any]])
        #expect(Set(links.compactMap { $0["destinationId"] as? String }) == Set(stories))
    }
}
