import Foundation
import HandoffTestSupport
import Testing

/// `handoff schema`: the JSON Schema generated from the model must accept every shipped draft and
/// refuse what the decoder refuses. Validation uses Python's jsonschema (installed by .ci/run), an
/// independent implementation, so the schema is checked by something other than our own code.
@Suite("handoff schema")
struct SchemaCommandTests {
    static let validator = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        # Dates stay text, as in JSON; PyYAML would otherwise build date objects (and fail on 2027-13-45).
        class Loader(yaml.SafeLoader):
            pass
        Loader.yaml_implicit_resolvers = {
            key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
            for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        failed = 0
        for path in sys.argv[2:]:
            document = yaml.load(open(path, encoding="utf-8"), Loader=Loader)
            errors = list(validator.iter_errors(document))
            for error in errors:
                print("%s: %s: %s" % (path, "/".join(str(p) for p in error.absolute_path), error.message))
            failed += bool(errors)
        sys.exit(1 if failed else 0)
        """

    func validate(_ paths: [String]) throws -> (status: Int32, output: String) {
        let schema = try HandoffProcess.run(["schema"])
        #expect(schema.status == 0)
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let schemaURL = scratch.appendingPathComponent("schema.json")
        let scriptURL = scratch.appendingPathComponent("validate.py")
        try schema.stdout.write(to: schemaURL, atomically: true, encoding: .utf8)
        try Self.validator.write(to: scriptURL, atomically: true, encoding: .utf8)
        let result = ExternalTool.run(
            ExternalTool.python + [scriptURL.path, schemaURL.path] + paths, in: HandoffProcess.repositoryRoot)
        return (result.status, result.output)
    }

    @Test("the schema is stable (golden) and valid JSON")
    func golden() throws {
        let result = try Golden.check("schema", ["schema"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
    }

    @Test("every shipped example validates against the schema")
    func examplesValidate() throws {
        let examples = try FileManager.default.contentsOfDirectory(
            atPath: HandoffProcess.repositoryRoot.appendingPathComponent("examples").path
        ).filter { $0.hasSuffix(".yaml") }.sorted().map { "examples/" + $0 }
        #expect(examples.count >= 3)
        let result = try validate(examples)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("the schema refuses what the decoder refuses: unknown keys, bad enums, bad dates")
    func schemaRefusesBadDrafts() throws {
        let result = try validate(["Tests/HandoffCLITests/Fixtures/typos.yaml"])
        #expect(result.status == 1)
        #expect(result.output.contains("sytems"))
        #expect(result.output.contains("firm"))
        #expect(result.output.contains("owner"))
    }

    /// End to end, with the binary: drafts from the issue that `check` accepts and the schema used
    /// to refuse, and drafts both refuse. (The full probe corpus and the random drafts run in
    /// HandoffKitTests/Schema against the loader.)
    static let probes: [(name: String, yaml: String)] = [
        ("personal-data-no", "systems: [{name: Marketo, personal_data: no}]"),
        ("legal-review-on", "compliance: {legal_review: on}"),
        ("deadline-Hard", "timeline: {deadline: Hard}"),
        ("priority-MUST", "scope: {requirements: [{text: Consent, priority: MUST}]}"),
        ("answered-quoted-yes", "review: {questions: [{text: Which workspace, answered: \"yes\"}]}"),
        ("data-scalar", "systems: [{name: Marketo, data: email}]"),
        ("idea-number", "idea: 123"),
        ("requester-null", "requester: ~"),
        ("impossible-date", "timeline: {launch: 2026-02-30}"),
        ("unknown-nested-key", "timeline: {lunch: 2026-12-04}"),
        ("unquoted-numeric-id", "id: 123"),
        ("stakeholder-shorthand", "stakeholders: Ken Ito"),
    ]

    @Test("handoff check and the printed schema give each probe the same verdict")
    func checkAndSchemaAgree() throws {
        let scratch = HandoffProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var accepted = 0
        for probe in Self.probes {
            let url = scratch.appendingPathComponent(probe.name + ".yaml")
            try ("format: handoff/1\n" + probe.yaml + "\n").write(to: url, atomically: true, encoding: .utf8)
            let check = try HandoffProcess.run(["check", url.path])
            let schema = try validate([url.path])
            let checkAccepts = check.status != 2
            if checkAccepts { accepted += 1 }
            #expect(checkAccepts == (schema.status == 0), "\(probe.name): check \(check.stderr) schema \(schema.output)")
        }
        #expect(accepted >= 8)
        #expect(accepted < Self.probes.count)
    }
}
