import Testing

@testable import HandoffKit

/// Jira's project-key rule, held in one place for `--project` and `jira.project_key`.
@Suite("Jira project key")
struct ProjectKeyTests {
    @Test(
        "project keys: 2 to 10 capital letters, digits or _, starting with a letter",
        arguments: [
            ("AB", true), ("ABCDEFGHIJ", true), ("M_2", true), ("ABCDEFGHIJK", false), ("A", false), ("mkt", false),
            ("2MK", false),
        ])
    func projectKey(key: String, valid: Bool) {
        #expect(JiraSettings.isProjectKey(key) == valid)
    }
}
