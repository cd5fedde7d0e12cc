import Testing

@testable import HandoffKit

/// Conditions on questions (`PATH`, `not PATH`, `PATH == V`, `PATH != V`) and draft fields by path:
/// reading, writing through the draft's own decoding, schemas, and whether a question fits a field.
@Suite("Condition and DraftPaths")
struct ConditionAndPathsTests {
    // MARK: - Condition.parse

    @Test(
        "the four forms parse",
        arguments: [
            ("timeline.launch", Condition(path: "timeline.launch", test: .present)),
            ("not timeline.launch", Condition(path: "timeline.launch", test: .absent)),
            ("timeline.deadline == hard", Condition(path: "timeline.deadline", test: .equals("hard"))),
            ("timeline.deadline != none", Condition(path: "timeline.deadline", test: .differs("none"))),
            ("systems.personal_data == true", Condition(path: "systems.personal_data", test: .equals("true"))),
            ("  compliance.legal_review  ", Condition(path: "compliance.legal_review", test: .present)),
            ("timeline.deadline==hard", Condition(path: "timeline.deadline", test: .equals("hard"))),
            ("not   title", Condition(path: "title", test: .absent)),
        ])
    func parses(_ text: String, _ expected: Condition) throws {
        #expect(try Condition.parse(text) == expected)
    }

    @Test(
        "bad syntax is refused with the forms that are allowed",
        arguments: ["timeline.deadline = hard", "", "   ", "systems[0].name", "a == b == c", "timeline.launch > 2026-12-04", "not"])
    func badSyntax(_ text: String) {
        do {
            let parsed = try Condition.parse(text)
            Issue.record("'\(text)' parsed as \(parsed)")
        } catch {
            if text == "not" {
                #expect(error.message.contains("is not a draft field"), "\(error.message)")
            } else {
                #expect(error.message.contains("is not a condition"), "\(error.message)")
                #expect(error.message.contains("PATH, not PATH, PATH == VALUE or PATH != VALUE"), "\(error.message)")
            }
        }
    }

    @Test(
        "unknown paths are refused naming the path",
        arguments: [
            ("timeline.lunch", "timeline.lunch"), ("not colour", "colour"), ("systems.personal == true", "systems.personal"),
            ("timeline.deadline.kind != none", "timeline.deadline.kind"),
        ])
    func unknownPath(_ text: String, _ path: String) {
        #expect(throws: Condition.ParseError.self) { try Condition.parse(text) }
        do {
            _ = try Condition.parse(text)
        } catch {
            #expect(error.message == "'\(text)': '\(path)' is not a draft field", "\(error.message)")
        }
    }

    @Test("a comparison with nothing is refused")
    func comparesWithNothing() {
        do {
            _ = try Condition.parse("timeline.deadline ==")
            Issue.record("parsed")
        } catch {
            #expect(error.message == "'timeline.deadline ==' compares with nothing")
        }
    }

    // MARK: - Condition.holds

    private func condition(_ text: String) -> Condition {
        do { return try Condition.parse(text) } catch {
            Issue.record("\(text): \(error.message)")
            return Condition(path: "title", test: .present)
        }
    }

    static let mixedSystems = """
        systems:
          - {name: Website CMS, personal_data: false}
          - {name: Marketo, personal_data: true, data: [name, email]}
        """
    static let plainSystems = """
        systems:
          - {name: Website CMS, personal_data: false}
          - {name: Wiki}
        """

    @Test(
        "conditions over lists hold when any item matches",
        arguments: [
            (mixedSystems, "systems.personal_data == true", true),
            (mixedSystems, "systems.personal_data != true", false),
            (mixedSystems, "systems.personal_data == false", true),
            (mixedSystems, "systems.name == Marketo", true),
            (mixedSystems, "systems.name == HubSpot", false),
            (mixedSystems, "systems.data == email", true),
            (mixedSystems, "systems.data", true),
            (plainSystems, "systems.personal_data == true", false),
            (plainSystems, "systems.personal_data != true", true),
            (plainSystems, "systems.data", false),
            (plainSystems, "not systems.data", true),
            ("title: x", "systems.personal_data == true", false),
            ("title: x", "systems", false),
            ("title: x", "not systems", true),
        ])
    func overLists(_ yaml: String, _ text: String, _ expected: Bool) {
        #expect(condition(text).holds(for: TestDrafts.load(yaml)) == expected, "\(text)")
    }

    @Test(
        "conditions over single fields",
        arguments: [
            ("title: x", "timeline.launch", false),
            ("title: x", "not timeline.launch", true),
            ("timeline: {launch: 2026-12-04}", "timeline.launch", true),
            ("timeline: {launch: 2026-12-04}", "not timeline.launch", false),
            ("timeline: {launch: 2026-12-04}", "timeline.launch == 2026-12-04", true),
            // No deadline yet: `!= none` holds (the reason is asked unless the date is said to be free).
            ("title: x", "timeline.deadline != none", true),
            ("timeline: {deadline: hard}", "timeline.deadline != none", true),
            ("timeline: {deadline: none}", "timeline.deadline != none", false),
            ("timeline: {deadline: hard}", "timeline.deadline == hard", true),
            ("timeline: {deadline: soft}", "timeline.deadline == hard", false),
            // YAML's bare yes is read as a boolean; legal_review keeps it as `yes`.
            ("compliance: {legal_review: yes}", "compliance.legal_review == yes", true),
            ("compliance: {legal_review: true}", "compliance.legal_review == yes", true),
            ("compliance: {legal_review: unsure}", "compliance.legal_review", true),
            ("compliance: {legal_review: unsure}", "compliance.legal_review == yes", false),
            ("title: x", "compliance.legal_review", false),
        ])
    func overFields(_ yaml: String, _ text: String, _ expected: Bool) {
        #expect(condition(text).holds(for: TestDrafts.load(yaml)) == expected, "\(yaml) — \(text)")
    }

    // MARK: - DraftPaths.apply

    @Test(
        "a bad date is refused with a message and not stored",
        arguments: [
            ("2026-13-01", "has month 13"), ("2026-02-30", "February 2026 has 28 days"), ("next friday", "is not a date"),
            ("12/4", "write dates as YYYY-MM-DD"),
        ])
    func badDate(_ text: String, _ message: String) {
        var draft = Draft()
        let errors = DraftPaths.apply(.plain(text), at: "timeline.launch", to: &draft)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains(message) == true, "\(errors)")
        #expect(errors.first?.field == "timeline.launch")
        #expect(draft.timeline.launch == nil)
    }

    @Test("a good date is stored, other fields of the record kept")
    func goodDate() {
        var draft = TestDrafts.load("timeline: {deadline: hard, reason: Invitations go out}")
        let errors = DraftPaths.apply(.plain("2026-12-04"), at: "timeline.launch", to: &draft)
        #expect(errors.isEmpty)
        #expect(draft.timeline.launch == CivilDate(year: 2026, month: 12, day: 4))
        #expect(draft.timeline.deadline == .hard)
        #expect(draft.timeline.reason == "Invitations go out")
    }

    @Test("writing one field keeps the nested records elsewhere")
    func nestedRecordsKept() {
        var draft = TestDrafts.load(
            """
            title: Webinar form
            systems:
              - {name: Marketo, change: new form, data: [name, email], personal_data: true, owner: MOps}
            stakeholders:
              - {role: legal, name: Legal desk}
            """)
        #expect(DraftPaths.apply(.string("Field Marketing"), at: "requester.team", to: &draft).isEmpty)
        #expect(DraftPaths.apply(.plain("soft"), at: "timeline.deadline", to: &draft).isEmpty)
        #expect(draft.requester.team == "Field Marketing")
        #expect(draft.title == "Webinar form")
        #expect(draft.systems.count == 1)
        #expect(draft.systems[0].data == ["name", "email"])
        #expect(draft.systems[0].personalData == true)
        #expect(draft.stakeholders.first?.role == .legal)
    }

    @Test("a list of records is written whole, each record decoded")
    func recordsList() {
        var draft = Draft()
        let systems = Value.list([
            .object([("name", .string("Marketo")), ("data", .list([.string("email")])), ("personal_data", .bool(true))]),
            .object([("name", .string("Website CMS")), ("change", .string("embed the form"))]),
        ])
        #expect(DraftPaths.apply(systems, at: "systems", to: &draft).isEmpty)
        #expect(draft.systems.map(\.name) == ["Marketo", "Website CMS"])
        #expect(draft.systems[0].data == ["email"])
        #expect(draft.systems[0].personalData == true)
        #expect(draft.systems[1].change == "embed the form")

        let bad = Value.list([.object([("name", .string("X")), ("personal_data", .string("perhaps"))])])
        let errors = DraftPaths.apply(bad, at: "systems", to: &draft)
        #expect(!errors.isEmpty)
        #expect(errors.first?.field?.hasPrefix("systems[0].personal_data") == true, "\(errors)")
    }

    @Test("numbers and texts with units go into quantities")
    func quantities() {
        var draft = TestDrafts.load("success: {metrics: [{name: Registrations}]}")
        let metrics = Value.list([.object([("name", .string("Registrations")), ("baseline", .number("0")), ("target", .string("75%"))])])
        #expect(DraftPaths.apply(metrics, at: "success.metrics", to: &draft).isEmpty)
        #expect(draft.success.metrics.first?.baseline == .number("0"))
        #expect(draft.success.metrics.first?.target == .text("75%"))
    }

    @Test(
        "unknown fields and bad values are refused with a message",
        arguments: [
            ("timeline.lunch", Value.plain("2026-12-04"), "unknown key 'lunch'"),
            ("timeline.lunch", Value.plain("2026-12-04"), "Did you mean 'launch'?"),
            ("title.sub", Value.string("x"), "'title' has no fields inside it"),
            ("timeline.deadline", Value.plain("urgent"), "urgent"),
            ("lang", Value.plain("fr"), "fr"),
        ])
    func refused(_ path: String, _ value: Value, _ message: String) {
        var draft = Draft()
        let before = draft.encoded
        let errors = DraftPaths.apply(value, at: path, to: &draft)
        #expect(errors.contains { $0.message.contains(message) }, "\(errors)")
        #expect(draft.encoded == before)
    }

    // MARK: - DraftPaths.value

    @Test("values are read by path")
    func values() {
        let draft = TestDrafts.load(
            """
            title: Webinar form
            timeline: {launch: 2026-12-04}
            scope: {deliverables: [Form, E-mail]}
            systems: [{name: Marketo, personal_data: true}]
            """)
        #expect(DraftPaths.value(in: draft, at: "title") == .string("Webinar form"))
        #expect(DraftPaths.value(in: draft, at: "timeline.launch") == .plain("2026-12-04"))
        #expect(DraftPaths.value(in: draft, at: "scope.deliverables") == .list([.string("Form"), .string("E-mail")]))
        #expect(DraftPaths.value(in: draft, at: "systems")?["name"] == nil)
        guard case .list(let systems)? = DraftPaths.value(in: draft, at: "systems") else {
            Issue.record("systems is not a list")
            return
        }
        #expect(systems.first?["name"] == .string("Marketo"))
        #expect(systems.first?["personal_data"] == .bool(true))
        #expect(DraftPaths.value(in: draft, at: "objective.value") == nil)
        #expect(DraftPaths.value(in: draft, at: "timeline.milestones") == nil)
        #expect(DraftPaths.value(in: draft, at: "no.such.path") == nil)
    }

    // MARK: - DraftPaths.schema

    @Test(
        "schemas of nested and list paths",
        arguments: [
            ("timeline.launch", "date"), ("title", "string"), ("timeline.deadline", "enum"), ("systems", "array"),
            ("systems.personal_data", "boolean"), ("systems.data", "array"), ("systems.name", "string"),
            ("stakeholders.role", "enum"), ("success.metrics.baseline", "quantity"), ("success.metrics.review_on", "date"),
            ("timeline.milestones.date", "date"), ("scope.requirements.priority", "enum"), ("compliance.legal_review", "enum"),
            ("scope.deliverables", "array"),
        ])
    func schemas(_ path: String, _ kind: String) throws {
        let schema = try #require(DraftPaths.schema(at: path), "\(path)")
        #expect(DraftPaths.kind(of: schema) == kind, "\(path)")
    }

    @Test("paths that are not draft fields have no schema", arguments: ["nope", "timeline.lunch", "systems.colour", "title.sub", ""])
    func noSchema(_ path: String) {
        if path.isEmpty {
            // The empty path is the draft itself.
            #expect(DraftPaths.schema(at: path) != nil)
        } else {
            #expect(DraftPaths.schema(at: path) == nil, "\(path)")
        }
    }

    // MARK: - DraftPaths.check

    private func question(
        _ id: String, _ type: QuestionType, choices: [String] = [], fields: [PromptQuestion] = [], text: String? = "A question?",
        why: String? = "Because."
    ) -> PromptQuestion {
        var question = PromptQuestion()
        question.id = id
        question.type = type
        question.text = text
        question.why = why
        question.example = "An example"
        question.choices = choices.map { value in
            var choice = PromptChoice()
            choice.value = value
            choice.label = value
            return choice
        }
        question.fields = fields
        return question
    }

    @Test(
        "questions that fit their field pass",
        arguments: [
            ("title", QuestionType.text), ("idea", .longText), ("scope.deliverables", .list), ("timeline.launch", .date),
            ("systems.personal_data", .yesNo), ("success.metrics.target", .number), ("testing.acceptance_criteria", .list),
        ])
    func fits(_ path: String, _ type: QuestionType) {
        #expect(DraftPaths.check(question: question(path, type), path: path) == [])
    }

    @Test(
        "questions that do not fit their field are refused",
        arguments: [
            ("title", QuestionType.date, "'title' is a string field; a date question cannot fill it"),
            ("timeline.launch", .text, "'timeline.launch' is a date field; a text question cannot fill it"),
            ("systems", .list, "a list question cannot fill it"),
            ("scope.deliverables", .records, "a records question cannot fill it"),
            ("systems.personal_data", .number, "'systems.personal_data' is a boolean field; a number question cannot fill it"),
            ("title", .yesNo, "a yes_no question cannot fill it"),
        ])
    func misfits(_ path: String, _ type: QuestionType, _ message: String) {
        let problems = DraftPaths.check(question: question(path, type), path: path)
        #expect(problems.contains { $0.contains(message) }, "\(problems)")
    }

    @Test("a choice without choices is refused")
    func choiceWithoutChoices() {
        let problems = DraftPaths.check(question: question("timeline.deadline", .choice), path: "timeline.deadline")
        #expect(problems == ["'timeline.deadline' is a choice question without choices"])
    }

    @Test("a choice value outside the field's values is refused, naming the allowed ones")
    func choiceNotInEnum() {
        let problems = DraftPaths.check(
            question: question("timeline.deadline", .choice, choices: ["hard", "urgent"]), path: "timeline.deadline")
        #expect(problems == ["'timeline.deadline': choice 'urgent' is not one of hard, soft, none"])
        #expect(
            DraftPaths.check(question: question("timeline.deadline", .choice, choices: ["hard", "soft", "none"]), path: "timeline.deadline")
                == [])
    }

    @Test("records fields must exist in the record and fit their own field")
    func recordsFields() {
        let good = question("systems", .records, fields: [question("name", .text), question("personal_data", .yesNo)])
        #expect(DraftPaths.check(question: good, path: "systems") == [])

        let unknown = question("systems", .records, fields: [question("name", .text), question("colour", .text)])
        #expect(DraftPaths.check(question: unknown, path: "systems") == ["'systems.colour' is not a field of systems"])

        let misfit = question("systems", .records, fields: [question("personal_data", .date)])
        #expect(
            DraftPaths.check(question: misfit, path: "systems")
                == ["'systems.personal_data' is a boolean field; a date question cannot fill it"])

        let empty = question("systems", .records)
        #expect(DraftPaths.check(question: empty, path: "systems") == ["'systems' is a records question without fields"])

        let badRole = question("stakeholders", .records, fields: [question("role", .choice, choices: ["boss"])])
        #expect(DraftPaths.check(question: badRole, path: "stakeholders").contains { $0.contains("choice 'boss' is not one of") })
    }

    @Test("a question needs text and a why; a path must be a draft field")
    func textAndWhy() {
        #expect(
            DraftPaths.check(question: question("title", .text, text: nil), path: "title") == ["'title' has no question text"])
        #expect(
            DraftPaths.check(question: question("title", .text, why: "  "), path: "title")
                == ["'title' has no `why` (what IT does with the answer)"])
        #expect(
            DraftPaths.check(question: question("timeline.lunch", .date), path: "timeline.lunch")
                == ["'timeline.lunch' is not a draft field (see `handoff schema`)"])
    }
}
