import Foundation
import Testing

@testable import HandoffKit

/// The round trip's small parts: credentials, sites, backoff, redaction, comment text, and the
/// textual edit of a hand-written draft file.
@Suite("Jira round trip pieces")
struct JiraPiecesTests {
    @Test("~/.netrc: the site's machine wins over default; macdef blocks and comments are skipped")
    func netrc() {
        let text = """
            # work
            machine other.example.com login bob password nope
            macdef init
            machine jira.example.com login mallory password macro

            machine jira.example.com
              login aiko@example.com
              password t0ken
            default login anon password guest
            """
        let entry = Netrc.entry(for: "JIRA.example.com", in: text)
        #expect(entry?.login == "aiko@example.com" && entry?.password == "t0ken")
        #expect(Netrc.entry(for: "unknown.example.com", in: text)?.login == "anon")
        #expect(Netrc.entry(for: "x", in: "machine y login a password b") == nil)
    }

    @Test("basic auth is base64 of user:secret, as Foundation encodes it", arguments: ["", "a", "ab", "abc", "aiko@example.com:tok-1234567"])
    func base64(_ text: String) {
        #expect(Base64.encode(Array(text.utf8)) == Data(text.utf8).base64EncodedString())
    }

    @Test("the environment first (Cloud pair for v3, PAT for v2), then ~/.netrc; none names what to set")
    func credentials() throws {
        let both = ["JIRA_USER": "aiko", "JIRA_API_TOKEN": "t", "JIRA_PAT": "p"]
        #expect(try JiraCredentials.resolve(host: "h", api: .v3, environment: both).origin == "JIRA_USER/JIRA_API_TOKEN")
        #expect(try JiraCredentials.resolve(host: "h", api: .v2, environment: both).origin == "JIRA_PAT")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("netrc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "machine h login aiko password s3cret\n".write(to: home.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
        let fromFile = try JiraCredentials.resolve(host: "h", api: nil, environment: ["HOME": home.path])
        #expect(fromFile.origin == "~/.netrc" && fromFile.authorization == "Basic " + Data("aiko:s3cret".utf8).base64EncodedString())
        #expect(!fromFile.account.contains("s3cret"))
        do {
            _ = try JiraCredentials.resolve(host: "h", api: nil, environment: ["JIRA_USER": "aiko", "HOME": "/nonexistent"])
            Issue.record("a lone JIRA_USER is no credential")
        } catch {
            #expect(error.exitStatus == 2 && error.message.contains("JIRA_API_TOKEN is not"))
        }
    }

    @Test("sites: a recorded issue URL names its site; credentials in the URL are refused")
    func sites() throws {
        #expect(try JiraSite("https://example.atlassian.net/browse/MKT-1").base == "https://example.atlassian.net")
        #expect(try JiraSite("http://127.0.0.1:8080/jira/").host == "127.0.0.1")
        #expect(JiraSite.problem(with: "example.atlassian.net")?.contains("https://") == true)
        #expect(JiraSite.problem(with: "https://aiko:secret@example.atlassian.net")?.contains("credentials go in") == true)
        #expect(JiraSite.problem(with: "http://example.atlassian.net")?.contains("unencrypted") == true)
        #expect(JiraSite.problem(with: "http://localhost:8080") == nil)
    }

    @Test("backoff: Retry-After is honoured, otherwise exponential with jitter under a ceiling, all scaled")
    func backoff() {
        var policy = RetryPolicy()
        #expect(policy.delay(after: 1, retryAfter: "7") == 7)
        for attempt in 1...10 {
            let wait = policy.delay(after: attempt, retryAfter: nil)
            let ceiling = min(policy.maximumDelay, policy.firstDelay * Double(1 << attempt))
            #expect(wait >= ceiling / 2 && wait <= ceiling)
        }
        policy.scale = 0.01
        #expect(policy.delay(after: 1, retryAfter: "1") == 0.01)
    }

    @Test("a request shown for --dry-run never carries the credential")
    func redaction() {
        let request = HTTPRequest(
            method: "POST", url: "https://h/rest/api/3/issue", headers: [("Authorization", "Basic c2VjcmV0"), ("Accept", "application/json")],
            body: "{}")
        #expect(request.redacted == "POST https://h/rest/api/3/issue\nAuthorization: [redacted]\nAccept: application/json\n\n{}")
    }

    @Test("an ADF comment reads as its text, a paragraph a line")
    func commentText() throws {
        let json = #"{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Which "},{"type":"text","text":"workspace?","marks":[{"type":"strong"}]}]},{"type":"paragraph","content":[{"type":"text","text":"And who owns it?"}]}]}"#
        let node = try YAMLReader.parse(DocumentChunk(index: 1, firstLine: 1, text: json, error: nil), source: "t")
        #expect(JiraRoundTrip.plainText(node, api: .v3) == "Which workspace?\nAnd who owns it?")
    }

    @Test("the jira: block is appended, or replaced where it stands, and nothing else changes")
    func fileBlocks() {
        let original = "# mine\nformat: handoff/1\ntitle: A  # odd spacing kept\nsystems:\n  - Marketo\n"
        let appended = DraftFileBlocks.replacing("jira", with: "jira:\n  key: MKT-1\n", in: original)
        #expect(appended == original + "jira:\n  key: MKT-1\n")
        let replaced = DraftFileBlocks.replacing("jira", with: "jira:\n  key: MKT-2\n", in: appended + "# after\nlang: en\n")
        #expect(replaced == original + "jira:\n  key: MKT-2\n# after\nlang: en\n")
        let review = DraftFileBlocks.replacing("review", with: "review:\n  questions: [q]\n", in: appended)
        #expect(review == original + "review:\n  questions: [q]\njira:\n  key: MKT-1\n")
    }
}
