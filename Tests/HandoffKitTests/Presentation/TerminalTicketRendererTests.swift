import Testing

@testable import HandoffKit

@Suite("Terminal layout for review")
struct TerminalTicketRendererTests {
    let renderer = TerminalTicketRenderer(width: 40, styler: Styler(enabled: false))

    @Test("English wraps at spaces within the width")
    func englishWraps() {
        let lines = renderer.wrap("The webinar runs on 2026-12-18 and invitations go out the day after", width: 20)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 20 })
        #expect(lines.joined(separator: " ") == "The webinar runs on 2026-12-18 and invitations go out the day after")
    }

    @Test("Japanese wraps by display width, anywhere between characters")
    func japaneseWraps() {
        let text = "春の新製品キャンペーンのために資料請求フォーム付きのランディングページを作りたい"
        let lines = renderer.wrap(text, width: 20)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 20 })
        #expect(lines.count == 4)
        #expect(lines.joined() == text)
    }

    @Test("a word longer than the line is cut, nothing lost")
    func longWord() {
        let url = "https://example.com/a/very/long/path/that/does/not/fit"
        let lines = renderer.wrap(url, width: 16)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 16 })
        #expect(lines.joined() == url)
    }

    @Test("tables fit the width; cells wrap inside their column")
    func tableFits() {
        let table = renderer.table(
            header: ["System", "Change", "Owner"],
            rows: [["Website CMS", "Embed the form block on the product page and the pricing page", "Web team"]])
        for line in table.split(separator: "\n") { #expect(TerminalText.width(String(line)) <= 40, "\(line)") }
        #expect(table.contains("Website CMS"))
        #expect(table.replacingOccurrences(of: "\n", with: " ").contains("Embed"))
    }

    @Test("control characters in the draft are made visible")
    func sanitised() {
        let text = renderer.render(TicketDocument(blocks: [.paragraph([.text("bell \u{07} and \u{1B}[2J clear")])]))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("^G"))
    }

    @Test("requirement changes: added, removed and reprioritised")
    func requirementChanges() {
        var old = Draft()
        old.scope.requirements = [Requirement("A", .must), Requirement("B", .could)]
        var new = Draft()
        new.scope.requirements = [Requirement("A", .should), Requirement("C", .must)]
        let changes = RequirementChanges(from: old, to: new)
        #expect(changes.added.map(\.text) == ["C"])
        #expect(changes.removed.map(\.text) == ["B"])
        #expect(changes.reprioritised.map(\.text) == ["A"])
        #expect(RequirementChanges(from: old, to: old).isEmpty)
    }
}
