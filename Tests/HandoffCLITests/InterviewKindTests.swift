import Foundation
import Testing

/// The interview for each kind of request, in both languages: a draft whose common answers are
/// given, then the kind offered from its idea, the kind's own questions and the operations, piped.
/// The transcripts are goldens; the stored drafts show that nothing irrelevant was asked.
@Suite("the interview asks what the kind needs")
struct InterviewKindTests {
    static let kinds = ["landing_page", "form", "email", "tracking", "integration", "data_export", "content_change", "other"]

    /// The detail fields each kind is asked, as the packs declare them.
    static let asked: [String: Set<String>] = [
        "landing_page": ["url", "content_supplier", "content_due", "responsive", "accessibility"],
        "form": [
            "url", "content_supplier", "content_due", "responsive", "accessibility", "consent_text", "consent_approver",
            "spam_protection", "submissions_to",
        ],
        "email": ["content_supplier", "content_due", "mailing_list", "list_consent", "sender", "unsubscribe", "send_time"],
        "tracking": ["tags", "cookies", "consent_banner"],
        "integration": ["data_items", "direction", "frequency", "side_owners"],
        "data_export": ["data_items", "direction", "frequency", "side_owners"],
        "content_change": ["url", "content_supplier", "content_due", "responsive", "accessibility"],
        "other": [],
    ]

    @Test(
        "each kind in each language: offered from the idea, its questions asked, no other kind's (golden)",
        arguments: kinds.flatMap { kind in ["en", "ja"].map { (kind, $0) } })
    func kind(_ kind: String, _ language: String) throws {
        let fixture = "Tests/HandoffCLITests/Fixtures/kinds/\(kind)-\(language)"
        let answers = try String(
            contentsOf: HandoffProcess.repositoryRoot.appendingPathComponent(fixture + ".txt"), encoding: .utf8)
        let (result, home) = try InterviewPipeTests.golden(
            "interview-kind-\(kind)-\(language)", ["new", "--no-input", "--from", fixture + ".yaml"], stdin: answers,
            note: "Fixtures/kinds/\(kind)-\(language).txt")
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(result.status == 0, "\(result.stderr.suffix(800))")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let draft = try String(contentsOf: home.appendingPathComponent("store/drafts/\(id)/draft.yaml"), encoding: .utf8)
        #expect(draft.contains("kind: \(kind)\n"), "\(draft)")
        #expect(draft.contains("operations:\n"))
        #expect(draft.contains("maintained_by:"))
        let details = Self.detailKeys(in: draft)
        #expect(details == Self.asked[kind], "\(kind): \(details)")
        if kind != "other" {
            // Offered back: Enter took the kind the idea reads as.
            #expect(answers.hasPrefix("\n"))
        }
    }

    /// The keys written under `details:`.
    static func detailKeys(in draft: String) -> Set<String> {
        var keys: Set<String> = []
        var inside = false
        for line in draft.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "details:" { inside = true; continue }
            guard inside else { continue }
            guard line.hasPrefix("  ") else { break }
            let trimmed = line.dropFirst(2)
            if !trimmed.hasPrefix(" "), let colon = trimmed.firstIndex(of: ":") { keys.insert(String(trimmed[..<colon])) }
        }
        return keys
    }
}
