import Testing

@testable import HandoffKit

/// The rules on `format` and `id` live in the field table, so the decoder's messages and the
/// schema's `const` and `pattern` come from one definition.
@Suite("Field rules: format and id")
struct DraftFieldRuleTests {
    private func errors(_ yaml: String) -> [InputError] {
        let results = DraftLoader.load(text: yaml, source: "rule.yaml", requireFormat: true)
        return results.flatMap { result -> [InputError] in
            if case .failure(let invalid) = result { return invalid.errors }
            return []
        }
    }

    @Test("an unquoted id that YAML reads as a number or boolean is refused with the advice to quote it", arguments: ["123", "007", "1.5", "0x1F", "yes", "Off"])
    func unquotedNonTextID(_ id: String) throws {
        let error = try #require(errors("format: handoff/1\nid: \(id)\n").first)
        #expect(error.field == "id")
        #expect(error.line == 2)
        #expect(error.message.contains("quote it"), "\(error.message)")
        #expect(error.message.contains("id: \"\(id)\""), "\(error.message)")
        #expect(errors("format: handoff/1\nid: \"\(id)\"\n").isEmpty)
    }

    @Test("ids that YAML 1.1 reads as text need no quotes", arguments: ["7f3a", "webinar-signup-7f3a", "1e3", "08", "y", "2026-12-04"])
    func textIDs(_ id: String) {
        #expect(PlainScalarReading.nonText(id) == nil)
        #expect(errors("format: handoff/1\nid: \(id)\n").isEmpty)
    }

    @Test("the schema states the id and format rules the decoder applies")
    func schemaStatesRules() {
        let properties = DraftSchema.document["properties"]
        #expect(properties?["format"]?["const"] == .string(HandoffVersion.draftFormat))
        #expect(DraftSchema.document["required"] == .list([.string("format")]))
        guard case .string(let pattern)? = properties?["id"]?["pattern"] else {
            Issue.record("no id pattern")
            return
        }
        #expect(pattern.hasPrefix("^[A-Za-z0-9]"))
    }

    @Test("a missing or foreign format keeps its message")
    func formatMessages() throws {
        let missing = try #require(errors("title: x\n").first)
        #expect(missing.message.contains("missing `format: handoff/1`"))
        let foreign = try #require(errors("format: handoff/2\n").first)
        #expect(foreign.field == "format")
        #expect(foreign.message.contains("'handoff/2' is not a format this version reads"))
    }

    @Test("case-insensitive patterns fold ASCII letters only and escape what regexes read")
    func caseInsensitivePattern() {
        #expect(SchemaFragment.caseInsensitive(["no", "not sure"]) == "^(?:[Nn][Oo]|[Nn][Oo][Tt] [Ss][Uu][Rr][Ee])$(?!\\n)")
        #expect(SchemaFragment.caseInsensitive(["a.b"]) == "^(?:[Aa]\\.[Bb])$(?!\\n)")
        #expect("un\u{212A}nown".asciiLowercased == nil)
        #expect("MUST".asciiLowercased == "must")
    }
}
