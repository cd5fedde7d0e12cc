import Foundation
import HandoffTestSupport
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

    @Test("jira-import's taken ids give each id again the first copy not taken, as trying every copy from -2 does")
    func takenIDsMatchFirstFreeCopy() {
        var random = SplitMix(seed: 12)
        // Ids that come again, and drafts whose own ids are what a copy would be called.
        let names = ["a", "a-2", "a-3", "a-2-2", "b", "b-10", "日本"]
        var taken = JiraImportExporter.TakenIDs()
        var reference: Set<String> = []
        var claimed: [String] = []
        var expected: [String] = []
        for _ in 0..<3000 {
            let id = random.pick(names)
            claimed.append(taken.claim(id))
            var candidate = id
            var copy = 2
            while !reference.insert(candidate).inserted {
                candidate = "\(id)-\(copy)"
                copy += 1
            }
            expected.append(candidate)
        }
        #expect(claimed == expected)
        #expect(Set(claimed).count == claimed.count)
    }

    @Test("jira-import: issues rendered with one id, their ids put in again, are the issues rendered with the other")
    func reissuedIssuesMatchRendering() throws {
        let exporter = JiraImportExporter()
        // Ids JSON escapes, and ones whose escape depends on their neighbours.
        let ids = ["webinar-signup", "申込-\"q\"", "a\\b", "x\u{202E}y", "👩\u{200D}💻", "end\u{200D}"]
        var compared = 0
        for options in [ExportFixtures.options(), ExportFixtures.options(shape: .subtasks)] {
            for (index, generated) in try TreeBytesEquivalenceTests.drafts().prefix(90).enumerated() {
                var draft = generated
                draft.id = ids[index % ids.count]
                let item = ExportFixtures.item(draft)
                var used = JiraImportExporter.TakenIDs()
                var links: [Value] = []
                let written = try exporter.issues(for: item, options: options, used: &used, links: &links)
                let taken = used.claim(item.externalID)
                var expectedLinks: [Value] = []
                let expected = try exporter.issues(for: item, externalID: taken, options: options, links: &expectedLinks)
                let (moved, movedLinks) = JiraImportExporter.reissued(written, links: links, from: item.externalID, as: taken)
                #expect(moved == expected, "\(item.externalID.debugDescription)")
                #expect(movedLinks == expectedLinks)
                if written.count > 1 { compared += 1 }
            }
        }
        #expect(compared > 10)
    }
}
