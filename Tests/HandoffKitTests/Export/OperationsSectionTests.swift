import Foundation
import Testing

@testable import HandoffKit

/// The Operations section and the kind's details: the same in wiki markup, ADF and Markdown, in
/// the draft's language, and carried by the source block so an export reads back without loss.
@Suite("the Operations section in every format")
struct OperationsSectionTests {
    static func document(_ draft: Draft, bodyOnly: Bool = false) -> TicketDocument {
        TicketDocumentBuilder(options: ExportFixtures.options(), bodyOnly: bodyOnly).document(for: ExportFixtures.item(draft))
    }

    static func text(ofADF value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .list(let items): return items.map(text(ofADF:)).joined(separator: " ")
        case .map(let entries): return entries.map { text(ofADF: $0.value) }.joined(separator: " ")
        default: return ""
        }
    }

    @Test("wiki, ADF and Markdown carry the same headings and values, in English and Japanese", arguments: [Language.en, .ja])
    func everyFormat(_ language: Language) {
        let draft = language == .en ? TestDrafts.ready : TestDrafts.japanese
        let document = Self.document(draft)
        let wiki = WikiMarkupRenderer.render(document)
        let markdown = MarkdownRenderer.render(document)
        let adf = Self.text(ofADF: ADFRenderer.render(document))
        let operations = OperationsLabels.operations(language)
        #expect(wiki.contains("h2. \(operations)"), "\(wiki)")
        #expect(markdown.contains("## \(operations)\n"))
        #expect(adf.contains(operations))
        let values = [
            draft.operations.expectedTraffic, draft.operations.maintainedBy, draft.operations.until?.description,
            draft.details.spamProtection, draft.details.submissionsTo,
        ].compactMap { $0 }
        #expect(values.count == 5)
        for value in values {
            #expect(wiki.contains(value) && markdown.contains(value) && adf.contains(value), "\(value)")
        }
        #expect(markdown.contains(OperationsLabels.details(language) + " (" + OperationsLabels.kind(.form)(language) + ")"))
    }

    @Test("an old draft without operations still gets the section, saying nothing is stated")
    func oldDraft() throws {
        let draft = TestDrafts.load("title: Old request\nidea: Update the pricing page")
        let blocks = Self.document(draft).blocks
        let heading = try #require(blocks.firstIndex(of: .heading(level: 2, text: "Operations")))
        #expect(blocks[heading + 1] == .paragraph([.text("Not stated yet.")]))
        #expect(!blocks.contains { if case .heading(3, let text) = $0 { return text.hasPrefix("Details") } else { return false } })
    }

    @Test("the review's ticket body shows the Operations section too")
    func reviewBody() {
        let blocks = Self.document(TestDrafts.ready, bodyOnly: true).blocks
        #expect(blocks.contains(.heading(level: 2, text: "Operations")))
        #expect(blocks.contains(.paragraph([.strong("Runs until:"), .text(" 2027-01-31")])))
    }

    @Test("the source block carries kind, details and operations; diff names them")
    func sourceAndDiff() {
        let yaml = SourceBlock.yaml(for: TestDrafts.ready)
        #expect(yaml.contains("kind: form\n") && yaml.contains("details:\n") && yaml.contains("  until: 2027-01-31\n"))
        let diff = DraftDiff(
            old: TestDrafts.ready,
            new: TestDrafts.ready.with {
                $0.kind = .email
                $0.operations.until = .permanent
                $0.details.sender = "events@example.com"
            })
        #expect(diff.changes.map(\.field) == ["kind", "details.sender", "operations.until"])
        #expect(diff.changed.first?.new == .plain("email"))
    }
}
