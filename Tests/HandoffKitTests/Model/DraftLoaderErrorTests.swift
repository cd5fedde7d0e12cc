import Foundation
import Testing

@testable import HandoffKit

/// Every bad input gives an `InputError` that names the source, line, column and field, and says
/// what would be valid; nothing crashes and nothing is dropped silently.
@Suite("Draft loader: errors")
struct DraftLoaderErrorTests {
    // MARK: - Helpers

    /// The errors of every document of `text`, loaded as `test.yaml`.
    private func errors(_ text: String, requireFormat: Bool = false) -> [InputError] {
        TestDrafts.errors(text, requireFormat: requireFormat)
    }

    /// The single error `text` produces; records an issue when there is not exactly one.
    private func onlyError(
        _ text: String, requireFormat: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) -> InputError? {
        let found = errors(text, requireFormat: requireFormat)
        guard found.count == 1 else {
            Issue.record("expected exactly one error, got \(found.count): \(found)", sourceLocation: sourceLocation)
            return nil
        }
        return found[0]
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Unknown keys

    @Test("an unknown top-level key names the key, its line and column, and suggests the nearest")
    func unknownTopLevelKey() throws {
        let error = try #require(onlyError("format: handoff/1\ntitle: Webinar form\nsytems: [Marketo]\n"))
        #expect(error.source == "test.yaml")
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.field == "sytems")
        #expect(error.message.contains("'sytems'"))
        #expect(error.message.lowercased().contains("did you mean 'systems'"))
        // What would be valid is listed.
        #expect(error.message.contains("title"))
        #expect(error.message.contains("stakeholders"))
        #expect(error.description.hasPrefix("test.yaml:3:1: sytems: "), "\(error.description)")
    }

    struct UnknownKeyCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let column: Int
        let field: String
        let suggestion: String
        var testDescription: String { field }
    }

    static let nestedUnknownKeys: [UnknownKeyCase] = [
        .init(yaml: "title: x\ntimeline:\n  lanch: 2026-12-04\n", line: 3, column: 3, field: "timeline.lanch", suggestion: "launch"),
        .init(
            yaml: "systems:\n  - name: Marketo\n    ownr: MOps\n", line: 3, column: 5, field: "systems[0].ownr",
            suggestion: "owner"),
        .init(
            yaml: "success:\n  metrics:\n    - name: Sign-ups\n      baseline: 0\n      targt: 300\n", line: 5, column: 7,
            field: "success.metrics[0].targt", suggestion: "target"),
        .init(
            yaml: "scope:\n  requirements:\n    - {text: A form, priorty: must}\n", line: 3, column: 22,
            field: "scope.requirements[0].priorty", suggestion: "priority"),
        .init(yaml: "requester: {nme: Aiko}\n", line: 1, column: 13, field: "requester.nme", suggestion: "name"),
        .init(
            yaml: "compliance:\n  legal_reveiw: yes\n", line: 2, column: 3, field: "compliance.legal_reveiw",
            suggestion: "legal_review"),
        .init(
            yaml: "review:\n  questions:\n    - text: Which workspace?\n      answerd: false\n", line: 4, column: 7,
            field: "review.questions[0].answerd", suggestion: "answered"),
        .init(
            yaml: "stakeholders:\n  - role: legal\n    name: Legal desk\n  - role: sales\n    nmae: Mika\n", line: 5,
            column: 5, field: "stakeholders[1].nmae", suggestion: "name"),
    ]

    @Test("a nested unknown key names its field path, line and column and suggests the nearest", arguments: nestedUnknownKeys)
    func unknownNestedKey(_ example: UnknownKeyCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.line == example.line)
        #expect(error.column == example.column)
        #expect(error.field == example.field)
        let key = String(example.field.split(separator: ".").last!.split(separator: "]").last!)
        #expect(error.message.contains("'\(key)'"), "\(error.message)")
        #expect(error.message.lowercased().contains("did you mean '\(example.suggestion)'"), "\(error.message)")
        #expect(error.message.contains("Valid keys here"), "\(error.message)")
    }

    @Test("an unknown key with no near match lists the valid keys without a wild guess")
    func unknownKeyWithoutNearMatch() throws {
        let error = try #require(onlyError("title: x\ncolour: blue\n"))
        #expect(error.line == 2)
        #expect(error.field == "colour")
        #expect(!error.message.lowercased().contains("did you mean"), "\(error.message)")
        #expect(error.message.contains("format, id, lang, title, kind, idea"), "\(error.message)")
    }

    // MARK: - Several problems at once

    @Test("every problem of a document is reported together, in line order")
    func severalProblemsAtOnce() {
        let yaml = """
            format: handoff/1
            titel: Webinar form
            stakeholders:
              - {role: busines_owner, name: Ken}
            timeline:
              launch: 2026-02-30
              deadline: hrad
            systems:
              - {name: Marketo, personal_data: maybe}
            """
        let found = errors(yaml)
        #expect(found.map(\.line) == [2, 4, 6, 7, 9])
        #expect(
            found.map(\.field) == [
                "titel", "stakeholders[0].role", "timeline.launch", "timeline.deadline", "systems[0].personal_data",
            ])
        #expect(found.allSatisfy { $0.source == "test.yaml" && $0.column != nil })
        let results = DraftLoader.load(text: yaml, source: "test.yaml", requireFormat: true)
        #expect(results.count == 1)
        if case .failure(let invalid) = results.first {
            #expect(invalid.description.split(separator: "\n").count == 5, "\(invalid.description)")
        } else {
            Issue.record("expected a failure, got \(results)")
        }
    }

    // MARK: - Wrong types

    struct WrongTypeCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let field: String
        let line: Int
        let fragments: [String]
        var testDescription: String { yaml.replacingOccurrences(of: "\n", with: "⏎") }
    }

    static let wrongTypes: [WrongTypeCase] = [
        .init(yaml: "title: {text: Webinar}\n", field: "title", line: 1, fragments: ["expected text", "mapping"]),
        .init(yaml: "idea: [one, two]\n", field: "idea", line: 1, fragments: ["expected text", "a list"]),
        .init(
            yaml: "requester: [Aiko, Ken]\n", field: "requester", line: 1,
            fragments: ["the requester", "name, email, team", "found a list"]),
        .init(yaml: "timeline: [2026-12-04]\n", field: "timeline", line: 1, fragments: ["the timeline", "launch", "found a list"]),
        .init(yaml: "title: x\nsystems:\n  - [Marketo, MOps]\n", field: "systems[0]", line: 3, fragments: ["a system", "found a list"]),
        .init(yaml: "timeline:\n  launch: {day: 4}\n", field: "timeline.launch", line: 2, fragments: ["expected a date", "YYYY-MM-DD"]),
        .init(
            yaml: "stakeholders:\n  - {role: [legal], name: x}\n", field: "stakeholders[0].role", line: 2,
            fragments: ["stakeholder role", "a list"]),
        .init(
            yaml: "objective: Grow pipeline\n", field: "objective", line: 1,
            fragments: ["the objective", "problem, business_goal, why_now, value", "'Grow pipeline'"]),
        .init(
            yaml: "success:\n  metrics:\n    - {name: Sign-ups, target: {value: 300}}\n", field: "success.metrics[0].target",
            line: 3, fragments: ["a number or a text with its unit"]),
        .init(yaml: "scope:\n  deliverables: {a: b}\n", field: "scope.deliverables", line: 2, fragments: ["expected text"]),
    ]

    @Test("a value of the wrong kind names what was expected and what was found", arguments: wrongTypes)
    func wrongType(_ example: WrongTypeCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.field == example.field)
        #expect(error.line == example.line)
        #expect(error.column != nil)
        for fragment in example.fragments {
            #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error.message)")
        }
    }

    // MARK: - Dates

    struct DateCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let field: String
        let line: Int
        let fragments: [String]
        var testDescription: String { fragments.joined(separator: " ") }
    }

    static let impossibleDates: [DateCase] = [
        .init(yaml: "timeline:\n  launch: 2027-13-45\n", field: "timeline.launch", line: 2, fragments: ["'2027-13-45'", "month 13"]),
        .init(
            yaml: "timeline:\n  launch: 2026-02-30\n", field: "timeline.launch", line: 2,
            fragments: ["'2026-02-30'", "day 30", "February 2026 has 28 days"]),
        .init(
            yaml: "timeline:\n  launch: 2028-02-30\n", field: "timeline.launch", line: 2, fragments: ["February 2028 has 29 days"]),
        .init(yaml: "timeline:\n  launch: 2026-04-31\n", field: "timeline.launch", line: 2, fragments: ["April 2026 has 30 days"]),
        .init(yaml: "timeline:\n  launch: 2026-00-10\n", field: "timeline.launch", line: 2, fragments: ["month 0"]),
        .init(
            yaml: "timeline:\n  milestones:\n    - {name: Copy final, date: next week}\n", field: "timeline.milestones[0].date",
            line: 3, fragments: ["'next week'", "not a date"]),
        .init(
            yaml: "success:\n  metrics:\n    - name: Sign-ups\n      review_on: 2026-12\n", field: "success.metrics[0].review_on",
            line: 4, fragments: ["'2026-12'", "not a date"]),
        .init(yaml: "timeline:\n  launch: 12/04/2026\n", field: "timeline.launch", line: 2, fragments: ["not a date"]),
        .init(yaml: "timeline:\n  launch: 2026-12-4\n", field: "timeline.launch", line: 2, fragments: ["not a date"]),
    ]

    @Test("an impossible or malformed date says why and shows the expected form", arguments: impossibleDates)
    func impossibleDate(_ example: DateCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.field == example.field)
        #expect(error.line == example.line)
        #expect(error.message.contains("YYYY-MM-DD"), "\(error.message)")
        for fragment in example.fragments {
            #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error.message)")
        }
    }

    // MARK: - Closed sets of words

    struct EnumCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let field: String
        let bad: String
        let suggestion: String?
        let valid: String
        var testDescription: String { "\(field) = \(bad)" }
    }

    static let badEnums: [EnumCase] = [
        .init(yaml: "lang: jp\n", field: "lang", bad: "jp", suggestion: "ja", valid: "en, ja"),
        .init(yaml: "lang: fr\n", field: "lang", bad: "fr", suggestion: nil, valid: "en, ja"),
        .init(
            yaml: "stakeholders:\n  - {role: aprover, name: Ken}\n", field: "stakeholders[0].role", bad: "aprover",
            suggestion: "approver", valid: "business_owner, approver, it_contact, legal, security, sales, finance, other"),
        .init(
            yaml: "stakeholders:\n  - {role: itcontact, name: Ken}\n", field: "stakeholders[0].role", bad: "itcontact",
            suggestion: "it_contact", valid: "business_owner, approver, it_contact"),
        .init(
            yaml: "scope:\n  requirements:\n    - {text: A form, priority: shuold}\n", field: "scope.requirements[0].priority",
            bad: "shuold", suggestion: "should", valid: "must, should, could, wont"),
        .init(
            yaml: "scope:\n  requirements:\n    - {text: A form, priority: high}\n", field: "scope.requirements[0].priority",
            bad: "high", suggestion: nil, valid: "must, should, could, wont"),
        .init(yaml: "timeline:\n  deadline: hrad\n", field: "timeline.deadline", bad: "hrad", suggestion: "hard", valid: "hard, soft, none"),
        .init(yaml: "timeline:\n  deadline: firm\n", field: "timeline.deadline", bad: "firm", suggestion: nil, valid: "hard, soft, none"),
    ]

    @Test("a word outside a closed set lists the valid words and suggests the nearest", arguments: badEnums)
    func badEnumValue(_ example: EnumCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.field == example.field)
        #expect(error.line != nil && error.column != nil)
        #expect(error.message.contains("'\(example.bad)'"), "\(error.message)")
        #expect(error.message.contains(example.valid), "\(error.message)")
        if let suggestion = example.suggestion {
            #expect(error.message.lowercased().contains("did you mean '\(suggestion)'"), "\(error.message)")
        } else {
            #expect(!error.message.lowercased().contains("did you mean"), "\(error.message)")
        }
    }

    @Test("a bad legal_review answer names the value and the valid answers", arguments: ["maybe", "pending", "[yes]", "2"])
    func badLegalReview(_ value: String) throws {
        let error = try #require(onlyError("title: x\ncompliance:\n  legal_review: \(value)\n"))
        #expect(error.field == "compliance.legal_review")
        #expect(error.line == 3)
        #expect(error.column == 17)
        #expect(error.message.contains("yes, no, unsure"), "\(error.message)")
        if !value.hasPrefix("[") {
            #expect(error.message.contains("'\(value)'"), "\(error.message)")
        }
    }

    @Test("a bad boolean names the field and what a boolean looks like")
    func badBoolean() throws {
        let error = try #require(onlyError("systems:\n  - name: Marketo\n    personal_data: sometimes\n"))
        #expect(error.field == "systems[0].personal_data")
        #expect(error.line == 3)
        #expect(error.column == 20)
        #expect(error.message.contains("'sometimes'"))
        #expect(error.message.contains("true or false"))

        let answered = try #require(onlyError("review:\n  questions:\n    - {text: Which workspace?, answered: 2}\n"))
        #expect(answered.field == "review.questions[0].answered")
        #expect(answered.message.contains("'2'"))

        let list = try #require(onlyError("systems:\n  - {name: Marketo, personal_data: [yes]}\n"))
        #expect(list.field == "systems[0].personal_data")
        #expect(list.message.contains("a list"), "\(list.message)")
    }

    // MARK: - Empty and unreadable input

    @Test("an empty file says it is empty and what a draft starts with")
    func emptyFile() throws {
        let error = try #require(onlyError(""))
        #expect(error.source == "test.yaml")
        #expect(error.line == 1)
        #expect(error.message.contains("empty"))
        #expect(error.message.contains("format: handoff/1"))

        let stdin = DraftLoader.load(text: "", source: "-", requireFormat: false)
        guard stdin.count == 1, case .failure(let invalid) = stdin[0] else {
            Issue.record("expected one failure, got \(stdin)")
            return
        }
        #expect(invalid.errors.first?.message.contains("standard input") == true, "\(invalid)")
        #expect(invalid.description.hasPrefix("<stdin>"), "\(invalid.description)")
    }

    @Test(
        "a file of only blank lines, comments or empty documents is empty",
        arguments: ["   \n\n", "# just a comment\n", "\n# a\n   # b\n\t\n", "---\n# nothing\n", "---\n...\n", "\r\n\r\n"])
    func whitespaceOrCommentOnly(_ text: String) throws {
        let error = try #require(onlyError(text))
        #expect(error.message.contains("empty"), "\(error.message)")
    }

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let fragments: [String]
        var testDescription: String { yaml.replacingOccurrences(of: "\n", with: "⏎") }
    }

    static let notYAML: [SyntaxCase] = [
        // The error is found at the end of the input; the message says where the list began.
        .init(yaml: "title: [unclosed\n", line: 2, fragments: ["not valid YAML", "line 1, column 8"]),
        .init(yaml: "title: x\nidea: \"unterminated\n", line: 3, fragments: ["not valid YAML", "line 2, column 7"]),
        .init(yaml: "title: Note: this is a title\n", line: 1, fragments: ["not valid YAML", "quotes"]),
        .init(yaml: "title: x\n  idea: y\n", line: 2, fragments: ["not valid YAML"]),
        .init(yaml: "title: @mention\n", line: 1, fragments: ["@", "quotes"]),
        .init(yaml: "title: `code`\n", line: 1, fragments: ["`", "quotes"]),
        .init(yaml: "title: x\nidea: *missing\n", line: 2, fragments: ["alias"]),
        .init(yaml: "requester:\n  name: a\n team: b\n", line: 3, fragments: ["not valid YAML"]),
    ]

    @Test("text that is not YAML gives the line and column and a hint", arguments: notYAML)
    func notYAMLText(_ example: SyntaxCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.source == "test.yaml")
        #expect(error.line == example.line, "\(error)")
        #expect(error.column != nil, "\(error)")
        for fragment in example.fragments {
            #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error.message)")
        }
    }

    @Test(
        "tab indentation is named as the problem",
        arguments: ["title: x\nrequester:\n\tname: Aiko\n", "requester:\n  name: x\n\tteam: y\n"])
    func tabIndentation(_ yaml: String) throws {
        let error = try #require(onlyError(yaml))
        #expect(error.line == 3)
        #expect(error.message.contains("tabs"), "\(error.message)")
        #expect(error.message.contains("spaces"), "\(error.message)")
    }

    @Test("a key given twice is an error naming the key, never silently resolved")
    func duplicateKeys() throws {
        let top = try #require(onlyError("title: a\nidea: b\ntitle: c\n"))
        #expect(top.message.contains("'title'"))
        #expect(top.message.contains("twice"))
        #expect(top.line == 1)
        #expect(top.column == 1)

        let nested = try #require(onlyError("title: x\nrequester:\n  name: a\n  name: b\n"))
        #expect(nested.message.contains("'name'"))
        #expect(nested.line == 3)
        #expect(nested.column == 3)

        // Quoting the second spelling does not make it a different key.
        let quoted = try #require(onlyError("title: a\n\"title\": b\n"))
        #expect(quoted.message.contains("'title'"))
    }

    struct RootCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let kind: String
        var testDescription: String { kind }
    }

    static let roots: [RootCase] = [
        .init(yaml: "- title: a\n- title: b\n", kind: "a list"),
        .init(yaml: "[a, b]\n", kind: "a list"),
        .init(yaml: "Just an idea for a form\n", kind: "a single value"),
        .init(yaml: "\"quoted\"\n", kind: "a single value"),
        .init(yaml: "42\n", kind: "a single value"),
        .init(yaml: "~\n", kind: "nothing (null)"),
    ]

    @Test("a root that is not a mapping says what a draft is and what was found", arguments: roots)
    func rootNotMapping(_ example: RootCase) throws {
        let error = try #require(onlyError(example.yaml))
        #expect(error.line == 1)
        #expect(error.column == 1)
        #expect(error.message.contains("a draft is a mapping"), "\(error.message)")
        #expect(error.message.contains(example.kind), "\(error.message)")
    }

    // MARK: - format and id

    @Test("a file without `format` is refused when the format is required, accepted on stdin")
    func missingFormat() throws {
        let required = try #require(onlyError("title: Webinar form\n", requireFormat: true))
        #expect(required.line == 1)
        #expect(required.message.contains("format: handoff/1"), "\(required.message)")

        let stdin = DraftLoader.load(text: "title: Webinar form\n", source: "-", requireFormat: false)
        #expect(stdin.count == 1)
        if case .success(let loaded) = stdin.first {
            #expect(loaded.draft.title == "Webinar form")
            #expect(loaded.draft.format == nil)
        } else {
            Issue.record("stdin draft without format did not load: \(stdin)")
        }

        #expect(errors("format: handoff/1\ntitle: Webinar form\n", requireFormat: true).isEmpty)

        // Other problems are still reported when the format line is missing.
        let typo = errors("titel: Webinar form\n", requireFormat: true)
        #expect(typo.contains { $0.field == "titel" }, "\(typo)")
    }

    @Test("a format other than handoff/1 is refused", arguments: ["handoff/2", "handoff/0", "handoff", "Handoff/1", "1"])
    func wrongFormat(_ format: String) throws {
        let error = try #require(onlyError("format: \(format)\ntitle: x\n", requireFormat: true))
        #expect(error.field == "format")
        #expect(error.line == 1)
        #expect(error.column == 9)
        #expect(error.message.contains("'\(format)'"), "\(error.message)")
        #expect(error.message.contains("format: handoff/1"), "\(error.message)")
    }

    static let badIDs = ["-leading-dash", "has space", "ünïcode", "a/b", String(repeating: "a", count: 65), "_x", ".hidden"]

    @Test("an invalid id is refused with the rule for ids", arguments: badIDs)
    func invalidID(_ id: String) throws {
        let error = try #require(onlyError("title: x\nid: \"\(id)\"\n"))
        #expect(error.field == "id")
        #expect(error.line == 2)
        #expect(error.message.contains("'\(id)'"), "\(error.message)")
        #expect(error.message.contains("letters, digits"), "\(error.message)")
    }

    @Test("valid ids load", arguments: ["webinar-signup-7f3a", "A.b_c-1", String(repeating: "z", count: 64)])
    func validID(_ id: String) {
        let draft = TestDrafts.load("title: x\nid: \(id)\n")
        #expect(draft.id == id)
    }

    @Test("a digits-only id loads when quoted (unquoted, YAML tools read it as a number)")
    func numericID() {
        #expect(TestDrafts.load("title: x\nid: \"7\"\n").id == "7")
    }

    // MARK: - Bytes

    @Test("a NUL byte is refused with the line it is on")
    func nulBytes() throws {
        do {
            _ = try DraftLoader.text(from: bytes("format: handoff/1\ntitle: a\u{0}b\n"), source: "bin.yaml")
            Issue.record("a NUL byte was accepted")
        } catch {
            let first = try #require(error.errors.first)
            #expect(error.errors.count == 1)
            #expect(first.source == "bin.yaml")
            #expect(first.line == 2)
            #expect(first.message.contains("NUL"))
            #expect(first.message.contains("binary"))
        }
        #expect(throws: InvalidInput.self) { try DraftLoader.text(from: [0, 1, 2, 3], source: "x") }
    }

    @Test("invalid UTF-8 is refused with the line it is on and the advice to save as UTF-8")
    func invalidUTF8() throws {
        let invalid = bytes("title: ok\nidea: \n") + [0x61, 0xC3, 0x28, 0x0A]
        do {
            _ = try DraftLoader.text(from: invalid, source: "latin.yaml")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            let first = try #require(error.errors.first)
            #expect(first.source == "latin.yaml")
            #expect(first.line == 3)
            #expect(first.message.contains("UTF-8"))
        }
        // Shift_JIS for "あ" on the first line.
        #expect(throws: InvalidInput.self) { try DraftLoader.text(from: [0x82, 0xA0], source: "sjis.yaml") }
    }

    @Test("UTF-16 text is named as such, not called binary")
    func utf16() throws {
        for bom: [UInt8] in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            do {
                _ = try DraftLoader.text(from: bom + [0x74, 0x00, 0x3A, 0x00], source: "wide.yaml")
                Issue.record("UTF-16 was accepted")
            } catch {
                let first = try #require(error.errors.first)
                #expect(first.line == 1)
                #expect(first.message.contains("UTF-16"), "\(first.message)")
                #expect(first.message.contains("UTF-8"), "\(first.message)")
            }
        }
    }

    @Test("a UTF-8 byte-order mark is stripped")
    func byteOrderMarkStripped() throws {
        let text = try DraftLoader.text(from: [0xEF, 0xBB, 0xBF] + bytes("format: handoff/1\ntitle: x\n"), source: "bom.yaml")
        #expect(text == "format: handoff/1\ntitle: x\n")
        let results = DraftLoader.load(text: text, source: "bom.yaml", requireFormat: true)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("draft with BOM did not load: \(results)")
            return
        }
        #expect(loaded.draft.title == "x")
        #expect(loaded.draft.format == "handoff/1")
        // Valid UTF-8 passes through untouched.
        #expect(try DraftLoader.text(from: bytes("title: 日本語 😀\n"), source: "x") == "title: 日本語 😀\n")
    }

    @Test("CRLF line endings load, with no carriage return left in the text")
    func crlfLineEndings() throws {
        let yaml = "format: handoff/1\r\ntitle: Webinar form\r\nidea: |\r\n  line one\r\n  line two\r\nsystems:\r\n  - Marketo\r\n"
        let results = DraftLoader.load(text: yaml, source: "win.yaml", requireFormat: true)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            Issue.record("CRLF draft did not load: \(results)")
            return
        }
        #expect(loaded.draft.title == "Webinar form")
        #expect(loaded.draft.idea == "line one\nline two\n")
        #expect(loaded.draft.systems.map(\.name) == ["Marketo"])

        // Errors in a CRLF file are on the right line and column.
        let error = try #require(onlyError("title: x\r\nidea: y\r\nsytems: z\r\n"))
        #expect(error.line == 3)
        #expect(error.column == 1)
    }

    struct ControlCase: Sendable, CustomTestStringConvertible {
        let yaml: String
        let line: Int
        let column: Int
        let code: String
        var testDescription: String { code }
    }

    static let controlCharacters: [ControlCase] = [
        .init(yaml: "title: x\nidea: a\u{1}b\n", line: 2, column: 8, code: "U+0001"),
        .init(yaml: "title: x\nidea: \"a\u{7F}b\"\n", line: 2, column: 9, code: "U+007F"),
        .init(yaml: "title: \u{1B}[31mred\n", line: 1, column: 8, code: "U+001B"),
        .init(yaml: "title: a\n---\ntitle: b\nidea: \u{8}\n", line: 4, column: 7, code: "U+0008"),
        .init(yaml: "title: x\u{FFFF}\n", line: 1, column: 9, code: "U+FFFF"),
    ]

    @Test("a raw control character is named with its code and place, not blamed on the encoding", arguments: controlCharacters)
    func rawControlCharacter(_ example: ControlCase) throws {
        let error = try #require(errors(example.yaml).first)
        #expect(error.line == example.line, "\(error)")
        #expect(error.column == example.column, "\(error)")
        #expect(error.message.contains(example.code), "\(error.message)")
        #expect(error.message.contains("control character"), "\(error.message)")
        #expect(!error.message.contains("UTF-8"), "the text is UTF-8; \(error.message)")
    }

    // MARK: - Robustness

    static let oddInputs = [
        ":", "- - -", "{", "}", "]]]", "? ", "&a", "*", "!!binary x", "%YAML 1.1\n---\ntitle: x\n", "title: !!int abc",
        "title: !!map {}", "? [a, b]\n: c\n", "{[a]: b}", "title: &a x\nidea: *a\n", "<<: {title: x}", "title: |\n",
        "title: >\n  folded\n  text\n", "---\n---\n---\n", "...\n...\n", "\u{FEFF}title: x", "title: \"\\x\"",
        "title: \"\\uD800\"", "1: 2", "null: x", "? \n: \n", "- \n- \n", "title: [a, {b: [c, {d: e}]}]",
    ]

    @Test("odd input never crashes and every failure has a message", arguments: oddInputs)
    func oddInputNeverCrashes(_ text: String) {
        let results = DraftLoader.load(text: text, source: "odd.yaml", requireFormat: true)
        #expect(!results.isEmpty)
        for result in results {
            if case .failure(let invalid) = result {
                #expect(!invalid.errors.isEmpty)
                #expect(invalid.errors.allSatisfy { !$0.message.isEmpty && $0.source == "odd.yaml" })
            }
        }
    }

    @Test("an error in the second document of a source carries the document index")
    func documentIndexInDescription() throws {
        let found = errors("title: a\n---\ntitle: b\nsytems: x\n")
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.documentIndex == 2)
        #expect(error.line == 4)
        #expect(error.description.hasPrefix("test.yaml (document 2):4:1: sytems: "), "\(error.description)")
    }
}
