import Foundation
import HandoffTestSupport
import Testing

@testable import HandoffKit

/// The project's Jira validator judges every export in the suite and in CI; a validator that
/// accepted anything would make those checks worthless. Each case takes a real export, breaks it
/// the way Jira would refuse it, and expects the validator to say where.
@Suite("The Jira validator refuses what Jira refuses")
struct JiraValidatorTests {
    private func export(_ format: ExportFormat, shape: ExportOptions.Shape = .single) throws -> [String: Any] {
        let text = try format.exporter.export(
            [ExportFixtures.item(TestDrafts.ready)], options: ExportFixtures.options(projectKey: "CI", shape: shape))
        return try #require(ExportFixtures.json(text) as? [String: Any])
    }

    private func verdict(_ document: Any, _ format: String) throws -> ToolOutput {
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return JiraValidator.validate(String(decoding: data, as: UTF8.self), format: format)
    }

    private func fields(_ body: [String: Any], _ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var body = body
        var fields = body["fields"] as? [String: Any] ?? [:]
        change(&fields)
        body["fields"] = fields
        return body
    }

    @Test("handoff's own exports and Atlassian's importer sample pass")
    func validDocumentsPass() throws {
        #expect(try verdict(export(.jiraV3), "jira-v3").status == 0)
        #expect(try verdict(export(.jiraV2), "jira-v2").status == 0)
        #expect(try verdict(export(.jiraImport, shape: .subtasks), "jira-import").status == 0)
        let sample = try String(contentsOf: Repository.file("Tests/Jira/examples/jira-import-atlassian-sample.json"), encoding: .utf8)
        #expect(JiraValidator.validate(sample, format: "jira-import").status == 0)
    }

    /// Ways a REST create body goes wrong, each with the path the validator must name.
    enum Breakage: String, CaseIterable, Sendable {
        case summaryWithLineBreak, summaryTooLong, labelWithSpace, dueDateNotISO, noIssueType, noProject
        case stringDescription, emptyTextNode, unknownADFVersion

        var path: String {
            switch self {
            case .summaryWithLineBreak, .summaryTooLong: "fields/summary"
            case .labelWithSpace: "fields/labels/0"
            case .dueDateNotISO: "fields/duedate"
            case .noIssueType, .noProject: "fields"
            case .stringDescription, .emptyTextNode, .unknownADFVersion: "fields/description"
            }
        }

        func apply(to fields: inout [String: Any]) {
            switch self {
            case .summaryWithLineBreak: fields["summary"] = "one\ntwo"
            case .summaryTooLong: fields["summary"] = String(repeating: "x", count: 256)
            case .labelWithSpace: fields["labels"] = ["marketing request"]
            case .dueDateNotISO: fields["duedate"] = "2026/12/04"
            case .noIssueType: fields["issuetype"] = nil
            case .noProject: fields["project"] = nil
            case .stringDescription: fields["description"] = "plain text"
            case .emptyTextNode:
                fields["description"] = [
                    "type": "doc", "version": 1,
                    "content": [["type": "paragraph", "content": [["type": "text", "text": ""]]]],
                ] as [String: Any]
            case .unknownADFVersion: fields["description"] = ["type": "doc", "version": 2, "content": [] as [Any]] as [String: Any]
            }
        }
    }

    @Test("a REST body Jira would refuse is refused, naming the field", arguments: Breakage.allCases)
    func restBodyRefused(_ breakage: Breakage) throws {
        let result = try verdict(fields(export(.jiraV3), breakage.apply), "jira-v3")
        #expect(result.status == 1, "\(breakage): \(result)")
        #expect(result.output.contains(": \(breakage.path)"), "\(breakage): \(result)")
    }

    @Test("v2 wants the description as a string, not ADF")
    func v2RefusesADF() throws {
        let v3Description = try export(.jiraV3)["fields"].flatMap { ($0 as? [String: Any])?["description"] }
        let body = try fields(export(.jiraV2)) { $0["description"] = v3Description }
        let result = try verdict(body, "jira-v2")
        #expect(result.status == 1 && result.output.contains("fields/description"), "\(result)")
    }

    @Test("a bulk body holds 1 to 50 issues")
    func bulkLimits() throws {
        // A small body: the limit is on the count, and the ADF schema is slow to check 51 times.
        let issue: [String: Any] = ["fields": ["project": ["key": "CI"], "issuetype": ["name": "Story"], "summary": "One"]]
        #expect(try verdict(["issueUpdates": Array(repeating: issue, count: 50)], "jira-v3-bulk").status == 0)
        #expect(try verdict(["issueUpdates": Array(repeating: issue, count: 51)], "jira-v3-bulk").status == 1)
        #expect(try verdict(["issueUpdates": [] as [Any]], "jira-v3-bulk").status == 1)
    }

    @Test("an importer file with a mistyped key, a dangling or reversed link is refused")
    func importerRefusals() throws {
        let good = try export(.jiraImport, shape: .subtasks)
        var projects = try #require(good["projects"] as? [[String: Any]])
        var issues = try #require(projects[0]["issues"] as? [[String: Any]])
        issues[0]["issuetype"] = issues[0]["issueType"]
        issues[0]["issueType"] = nil
        projects[0]["issues"] = issues
        var typo = good
        typo["projects"] = projects
        let typoVerdict = try verdict(typo, "jira-import")
        #expect(typoVerdict.status == 1 && typoVerdict.output.contains("'issuetype' was unexpected"), "\(typoVerdict)")

        var links = try #require(good["links"] as? [[String: Any]])
        #expect(!links.isEmpty)
        let (source, destination) = (links[0]["sourceId"], links[0]["destinationId"])
        links[0]["sourceId"] = destination
        links[0]["destinationId"] = source
        var reversed = good
        reversed["links"] = links
        let reversedVerdict = try verdict(reversed, "jira-import")
        #expect(reversedVerdict.status == 1 && reversedVerdict.output.contains("links/0/sourceId"), "\(reversedVerdict)")

        links[0]["sourceId"] = "no-such-issue"
        var dangling = good
        dangling["links"] = links
        let danglingVerdict = try verdict(dangling, "jira-import")
        #expect(danglingVerdict.status == 1 && danglingVerdict.output.contains("no-such-issue"), "\(danglingVerdict)")
    }
}
