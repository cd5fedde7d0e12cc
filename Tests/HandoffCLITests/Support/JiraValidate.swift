import Foundation
import HandoffTestSupport
import Testing

/// The project's Jira validator (`Tests/Jira/jira-validate`): Atlassian's ADF schema and OpenAPI
/// document, and the importer's documented format, judge every export, not our own code.
enum JiraValidate {
    /// Exit status and output of the validator on `text`.
    static func run(_ format: String, _ text: String) throws -> (status: Int32, output: String) {
        let result = JiraValidator.validate(text, format: format)
        return (result.status, result.output)
    }

    /// Expects `text` to be a valid `format` export.
    static func expectValid(_ format: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(format, text)
        #expect(result.status == 0, "jira-validate \(format) failed:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
