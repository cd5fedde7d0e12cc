import Foundation
import Testing

@testable import HandoffKit

/// `review FILE --ask` writes into a draft a person wrote: the questions are inserted as text at
/// `review.questions`, and everything else stays byte for byte; what cannot be edited in place
/// is refused, saying why.
@Suite("questions written into a hand-written draft")
struct DraftFileQuestionsTests {
    static let question: ReviewQuestion = {
        var question = ReviewQuestion(by: "IT", text: "Which list do sign-ups join?")
        question.askedOn = CivilDate(year: 2026, month: 11, day: 20)
        return question
    }()

    static func adding(_ text: String) throws -> String {
        let draft = TestDrafts.load(text)
        return try DraftFileQuestions.adding([question], to: text, draft: draft, source: "hand.yaml")
    }

    static func reads(_ text: String) -> Draft { TestDrafts.load(text) }

    @Test("No review section: the file is kept as written and the section is added at its end")
    func newSection() throws {
        let text = "# Written by hand\nformat: handoff/1\ntitle: Spring webinar   # the working title\nidea: |\n  A form.\n"
        let edited = try Self.adding(text)
        #expect(edited.hasPrefix(text))
        #expect(Self.reads(edited).review.questions.map(\.text) == ["Which list do sign-ups join?"])
    }

    @Test("An existing list: the question goes after its last item, comments before and after stay")
    func existingList() throws {
        let text = """
            format: handoff/1
            title: Spring webinar
            review:
              # questions from IT
              questions:
                - by: Ops
                  text: Who owns the form?   # asked in the meeting

            # a trailing comment
            lang: en

            """
        let edited = try Self.adding(text)
        let draft = Self.reads(edited)
        #expect(draft.review.questions.map(\.text) == ["Who owns the form?", "Which list do sign-ups join?"])
        for line in text.split(separator: "\n") { #expect(edited.contains(line), "lost: \(line)") }
        #expect(edited.range(of: "Who owns the form?")!.lowerBound < edited.range(of: "Which list")!.lowerBound)
        #expect(edited.range(of: "Which list")!.lowerBound < edited.range(of: "# a trailing comment")!.lowerBound)
    }

    @Test("An empty review section gets a questions list inside it")
    func sectionWithoutQuestions() throws {
        let text = "format: handoff/1\ntitle: Spring webinar\nreview:   # IT fills this in\nlang: en\n"
        let edited = try Self.adding(text)
        #expect(Self.reads(edited).review.questions.count == 1)
        #expect(edited.contains("review:   # IT fills this in\n  questions:\n"))
        #expect(edited.hasSuffix("lang: en\n"))
    }

    @Test("A JSON draft stays JSON, its keys in their order")
    func json() throws {
        let text = "{\n  \"format\": \"handoff/1\",\n  \"title\": \"Spring webinar\",\n  \"idea\": \"A form\"\n}\n"
        let edited = try Self.adding(text)
        #expect(edited.hasPrefix("{\n  \"format\": \"handoff/1\",\n  \"title\": \"Spring webinar\",\n  \"idea\": \"A form\""))
        #expect((try? JSONSerialization.jsonObject(with: Data(edited.utf8))) != nil)
        #expect(Self.reads(edited).review.questions.count == 1)
    }

    @Test("A flow-style review section is refused, saying why; nothing is produced")
    func flowRefused() throws {
        let text = "format: handoff/1\ntitle: Spring webinar\nreview: {questions: [{by: Ops, text: Who?}]}\n"
        #expect {
            try Self.adding(text)
        } throws: { error in
            "\(error)".contains("cannot add the questions without rewriting") && "\(error)".contains("hand.yaml")
        }
    }
}
