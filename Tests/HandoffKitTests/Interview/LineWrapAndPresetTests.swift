import Testing

@testable import HandoffKit

@Suite("LineWrap")
struct LineWrapTests {
    @Test("English breaks between words, never inside one")
    func english() {
        let text = "Tell me about your idea in your own words. Half-formed is fine; we will shape it together."
        let lines = LineWrap.wrap(text, width: 30)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 30 })
        #expect(lines.joined(separator: " ") == text)
    }

    @Test("Japanese never starts a line with 。、」 nor ends one with 「", arguments: [20, 21, 22, 23, 24, 25, 26, 30])
    func japanese(_ width: Int) {
        let text = "アイデアをあなたの言葉で教えてください。「まだ固まっていなくて」大丈夫です、一緒に形にしていきましょう。"
        let lines = LineWrap.wrap(text, width: width)
        #expect(lines.joined() == text)
        for line in lines {
            #expect(TerminalText.width(line) <= width)
            if let first = line.first { #expect(!"。、」".contains(first), "\(width): \(line)") }
            if let last = line.last { #expect(last != "「", "\(width): \(line)") }
        }
    }
}

@Suite("PresetAnswers")
struct PresetAnswersTests {
    @Test("--answers merges field by field; --set answers one field, lists split on commas and 、")
    func merge() throws {
        var draft = TestDrafts.load("idea: x\nobjective: {problem: p}")
        PresetAnswers.merge(TestDrafts.load("objective: {value: 40 leads}\ntitle: Webinar"), into: &draft)
        #expect(draft.objective.problem == "p")
        #expect(draft.objective.value == "40 leads")
        #expect(draft.title == "Webinar")
        try PresetAnswers.apply(settings: ["timeline.launch=2026-12-18", "scope.deliverables=氏名、会社名, メール"], to: &draft)
        #expect(draft.timeline.launch?.description == "2026-12-18")
        #expect(draft.scope.deliverables == ["氏名", "会社名", "メール"])
    }

    @Test("a bad --set names the field and what would be valid, and changes nothing")
    func bad() {
        var draft = Draft()
        #expect(throws: InvalidInput.self) { try PresetAnswers.apply(settings: ["timeline.launch=soon"], to: &draft) }
        do {
            try PresetAnswers.apply(settings: ["bogus=1", "title"], to: &draft)
        } catch {
            #expect(error.errors.count == 2)
            #expect(error.errors[0].field == "bogus")
            #expect(error.errors[0].message.contains("handoff schema"))
            #expect(error.errors[1].message.contains("FIELD=VALUE"))
        }
        #expect(draft == Draft())
    }
}
