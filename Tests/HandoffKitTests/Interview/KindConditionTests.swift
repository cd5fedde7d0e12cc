import Testing

@testable import HandoffKit

/// `when: {kind: [...]}`: questions that belong to some kinds of request, and what `prompts check`
/// says about such conditions.
@Suite("questions that depend on the kind")
struct KindConditionTests {
    static func embeddedFiles(_ language: Language) -> [String: String] {
        var files: [String: String] = [:]
        let prefix = language.rawValue + "/"
        for file in PromptFiles.embedded where file.path.hasPrefix(prefix) { files[String(file.path.dropFirst(prefix.count))] = file.text }
        return files
    }

    /// The English pack with `question` (YAML, indented as a list item) appended to the scope section.
    static func errors(adding question: String) -> [InputError] {
        var files = embeddedFiles(.en)
        files["scope.yaml"] = (files["scope.yaml"] ?? "") + question
        do {
            _ = try PromptPackLoader.load(files: files, language: .en, origin: "pack")
            return []
        } catch {
            return error.errors
        }
    }

    static func kindCondition(_ kinds: [RequestKind]) throws -> Condition { try Condition.parse(QuestionCondition.kinds(kinds)) }

    @Test("a kind condition holds for the kinds it lists, and not for others")
    func holds() throws {
        let condition = try Self.kindCondition([.form, .landingPage])
        #expect(condition.holds(for: TestDrafts.load("kind: form")))
        #expect(condition.holds(for: TestDrafts.load("kind: landing_page")))
        #expect(!condition.holds(for: TestDrafts.load("kind: email")))
    }

    @Test("without a kind, the kind the idea reads as decides; with no cue at all, nothing kind-specific is asked")
    func inferred() throws {
        let condition = try Self.kindCondition([.email])
        #expect(condition.holds(for: TestDrafts.load("idea: メルマガ配信を毎月したい")))
        #expect(!condition.holds(for: TestDrafts.load("idea: A sign-up form for the webinar")))
        #expect(!condition.holds(for: TestDrafts.load("idea: Something for the quarter")))
    }

    @Test("the packs ask an e-mail campaign about its list and sender, never about its form", arguments: [Language.en, .ja])
    func emailIsNotAskedFormQuestions(_ language: Language) throws {
        let pack = try PromptPackLoader.load(files: Self.embeddedFiles(language), language: language, origin: "embedded")
        let questions = pack.sections.flatMap(\.questions)
        func asked(_ id: String, _ kind: RequestKind) throws -> Bool {
            let question = try #require(questions.first { $0.id == id }, "\(id)")
            guard let when = question.when else { return true }
            return try Condition.parse(when).holds(for: TestDrafts.load("kind: \(kind.rawValue)"))
        }
        for id in ["details.mailing_list", "details.list_consent", "details.sender", "details.unsubscribe", "details.send_time"] {
            #expect(try asked(id, .email), "\(id)")
            #expect(try !asked(id, .form), "\(id)")
        }
        for id in ["details.consent_text", "details.spam_protection", "details.submissions_to"] {
            #expect(try asked(id, .form), "\(id)")
            #expect(try !asked(id, .email), "\(id)")
        }
        for id in ["details.tags", "details.cookies", "details.consent_banner"] { #expect(try asked(id, .tracking) && !asked(id, .form)) }
        for id in ["operations.expected_traffic", "operations.maintained_by", "operations.until"] {
            for kind in RequestKind.allCases { #expect(try asked(id, kind), "\(id) for \(kind)") }
        }
        #expect(try asked("objective.value", .other))
    }

    @Test("prompts check: a kind that does not exist is named, with its line and the valid kinds")
    func unknownKind() throws {
        let errors = Self.errors(adding: "  - id: details.sender\n    type: text\n    when: {kind: [email, fax]}\n    text: Sender?\n    why: SPF.\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.source == "pack/scope.yaml")
        #expect(error.line != nil)
        #expect(error.field?.hasSuffix(".when.kind[1]") == true, "\(error.field ?? "")")
        #expect(error.message.contains("'fax'") && error.message.contains("landing_page, form, email"), "\(error.message)")
    }

    @Test("prompts check: an unknown key in a kind condition, an empty list, a kind listed twice")
    func malformed() {
        let unknown = Self.errors(adding: "  - id: details.sender\n    type: text\n    when: {kinds: [email]}\n    text: Sender?\n    why: SPF.\n")
        #expect(unknown.contains { $0.message.contains("'kinds'") && $0.message.contains("kind") }, "\(unknown)")
        let empty = Self.errors(adding: "  - id: details.sender\n    type: text\n    when: {kind: []}\n    text: Sender?\n    why: SPF.\n")
        #expect(empty.contains { $0.message.contains("names no kind") }, "\(empty)")
        let twice = Self.errors(adding: "  - id: details.sender\n    type: text\n    when: {kind: [email, email]}\n    text: Sender?\n    why: SPF.\n")
        #expect(twice.contains { $0.message.contains("listed twice") }, "\(twice)")
    }

    @Test("prompts check: kind == fax is no kind; the kind question cannot depend on the kind")
    func kindExpressions() {
        let fax = Self.errors(adding: "  - id: details.sender\n    type: text\n    when: kind == fax\n    text: Sender?\n    why: SPF.\n")
        #expect(fax.contains { $0.field?.hasSuffix(".when") == true && $0.message.contains("'fax' is not a request kind") }, "\(fax)")
        var files = Self.embeddedFiles(.en)
        files["idea.yaml"] = (files["idea.yaml"] ?? "").replacingOccurrences(
            of: "    suggest: idea_kind\n", with: "    suggest: idea_kind\n    when: {kind: [form]}\n")
        var messages: [String] = []
        do { _ = try PromptPackLoader.load(files: files, language: .en, origin: "pack") } catch { messages = error.errors.map(\.message) }
        #expect(messages.contains { $0.contains("cannot depend on the kind") }, "\(messages)")
    }

    @Test("a kind condition is written back as it was read")
    func roundTrip() {
        #expect(QuestionCondition.kinds([.form, .email]).encoded == .map([Value.Entry("kind", .list([.plain("form"), .plain("email")]))]))
        #expect(QuestionCondition.expression("timeline.deadline != none").encoded == .string("timeline.deadline != none"))
    }
}
