/// Loads and validates prompt packs: the embedded ones, or a directory given with `--prompts`.
/// Validation is what `handoff prompts check DIR` reports: YAML and unknown-key errors with their
/// line, plus question ids that are not draft fields, types that do not fit the field, choice
/// questions without choices, bad conditions, and languages that are out of step.
public enum PromptPackLoader {
    /// The pack compiled into the binary.
    public static func embedded(_ language: Language) throws(InvalidInput) -> PromptPack {
        let prefix = language.rawValue + "/"
        var files: [String: String] = [:]
        for file in PromptFiles.embedded where file.path.hasPrefix(prefix) {
            files[String(file.path.dropFirst(prefix.count))] = file.text
        }
        // The embedded packs are validated when they are built and tested (`handoff prompts check
        // prompts`, PromptPackTests); checking them again costs every start a few milliseconds.
        return try load(files: files, language: language, origin: "embedded prompts/" + language.rawValue, validating: false)
    }

    /// Loads `files` (file name → text) of one language.
    public static func load(
        files: [String: String], language: Language, origin: String, validating: Bool = true
    ) throws(InvalidInput) -> PromptPack {
        var errors: [InputError] = []
        var sections: [PromptSection] = []
        for section in PromptPack.sectionOrder {
            let name = PromptPack.fileName(section)
            let source = origin + "/" + name
            guard let text = files[name] else {
                errors.append(InputError(source: source, message: "missing: every pack has one file per section"))
                continue
            }
            do {
                var loaded = try RecordFile.decode(PromptSection.self, text: text, source: source)
                if loaded.section != section.rawValue {
                    errors.append(
                        InputError(
                            source: source, line: 1, field: "section",
                            message: "says '\(loaded.section ?? "")' but the file is for '\(section.rawValue)'"))
                }
                loaded.section = section.rawValue
                if validating { errors += validate(loaded, source: source) }
                sections.append(loaded)
            } catch {
                errors += error.errors
            }
        }
        var version = "1"
        if let text = files["pack.yaml"] {
            do {
                version = try RecordFile.decode(PromptPackInfo.self, text: text, source: origin + "/pack.yaml").version ?? "1"
            } catch {
                errors += error.errors
            }
        }
        if !errors.isEmpty { throw InvalidInput(errors) }
        return PromptPack(language: language, version: version, sections: sections)
    }

    /// Checks that two languages ask the same questions, in the same order, with the same types.
    public static func compare(_ first: PromptPack, _ second: PromptPack) -> [String] {
        var problems: [String] = []
        for (a, b) in zip(first.sections, second.sections) {
            let left = signature(a.questions)
            let right = signature(b.questions)
            if left != right {
                problems.append(
                    "section \(a.section ?? ""): \(first.language.rawValue) asks \(left.joined(separator: ", ")) but "
                        + "\(second.language.rawValue) asks \(right.joined(separator: ", "))")
            }
        }
        return problems
    }

    private static func signature(_ questions: [PromptQuestion]) -> [String] {
        questions.flatMap { question -> [String] in
            let own = "\(question.id ?? "?"):\(question.questionType.rawValue)\(question.isRequired ? "!" : "")"
                + (question.choices.isEmpty ? "" : "[" + question.choices.compactMap(\.value).joined(separator: "|") + "]")
            return [own] + signature(question.fields).map { "\(question.id ?? "?").\($0)" }
        }
    }

    /// Problems a well-formed section can still have.
    static func validate(_ section: PromptSection, source: String) -> [InputError] {
        var errors: [InputError] = []
        func fail(_ field: String, _ message: String) {
            errors.append(InputError(source: source, field: field, message: message))
        }
        if section.title.isBlank { fail("title", "every section needs a title") }
        var seen: Set<String> = []
        for (index, question) in section.questions.enumerated() {
            let field = "questions[\(index)]"
            guard let id = question.id, !id.isEmpty else {
                fail(field + ".id", "every question names the draft field it fills")
                continue
            }
            if !seen.insert(id).inserted { fail(field + ".id", "'\(id)' is asked twice in this section") }
            for problem in DraftPaths.check(question: question, path: id) { fail(field, problem) }
            if let condition = question.when {
                do {
                    let parsed = try Condition.parse(condition)
                    if let problem = kindProblem(parsed, questionID: id) { fail(field + ".when", problem) }
                } catch {
                    fail(field + ".when", error.message)
                }
            }
        }
        return errors
    }

    /// A condition on the kind that can never hold: a value that is no kind (`kind == fax`), or
    /// the kind question asked only for some kinds, which it would have to know first.
    static func kindProblem(_ condition: Condition, questionID: String) -> String? {
        guard condition.path == "kind" else { return nil }
        if questionID == "kind" { return "the kind question cannot depend on the kind it asks for" }
        let valid = RequestKind.allCases.map(\.rawValue)
        switch condition.test {
        case .equals(let value), .differs(let value):
            guard !valid.contains(value) else { return nil }
            return "'\(value)' is not a request kind; valid: \(valid.joined(separator: ", "))"
        default: return nil
        }
    }
}
