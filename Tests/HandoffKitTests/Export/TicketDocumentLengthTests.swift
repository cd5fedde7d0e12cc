import HandoffTestSupport
import Testing

@testable import HandoffKit

/// `TicketDocument.textLength` counts with loops; the reductions it replaced are kept here as the
/// reference it must match on whole documents of generated and hostile drafts.
@Suite("Ticket document text length")
struct TicketDocumentLengthTests {
    static func referenceLength(_ document: TicketDocument) -> Int {
        func length(_ inlines: [TicketDocument.Inline]) -> Int {
            inlines.reduce(0) { total, part in
                switch part {
                case .text(let text), .strong(let text), .code(let text): return total + text.utf16.count
                }
            }
        }
        return document.blocks.reduce(0) { total, block in
            switch block {
            case .heading(_, let text), .quote(let text): return total + text.utf16.count + 8
            case .paragraph(let inlines): return total + length(inlines) + 2
            case .bullets(let items): return total + items.reduce(0) { $0 + length($1) + 3 }
            case .checklist(let items): return total + items.reduce(0) { $0 + $1.utf16.count + 5 }
            case .table(let header, let rows):
                return total + ([header] + rows).reduce(0) { sum, row in sum + row.reduce(0) { $0 + $1.utf16.count + 2 } + 2 }
            case .code(let language, let title, let text): return total + text.utf16.count + language.utf16.count + title.utf16.count + 30
            }
        }
    }

    @Test("the length of every generated and hostile document is the reductions' count")
    func matchesReference() throws {
        let options = ExportFixtures.options()
        var checked = 0
        for draft in try TreeBytesEquivalenceTests.drafts().prefix(200) {
            let document = TicketDocumentBuilder(options: options).document(for: ExportFixtures.item(draft))
            #expect(document.textLength == Self.referenceLength(document))
            checked += 1
        }
        let tables = TicketDocument(blocks: [
            .table(header: ["a", "日本"], rows: [["👩\u{200D}💻", ""], ["x\ny", "\u{1F600}"]]), .checklist(["☐", ""]),
            .bullets([[.text("t"), .strong("s"), .code("c")], []]), .code(language: "yaml", title: "t", text: "a: 1\n"),
        ])
        #expect(tables.textLength == Self.referenceLength(tables))
        #expect(checked > 100)
    }
}
