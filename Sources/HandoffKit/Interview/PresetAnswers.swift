/// Answers given by name before the interview starts (`handoff new --answers FILE`,
/// `--set FIELD=VALUE`), so a script never depends on the order of the questions or on which
/// follow-ups a reply would trigger. What they answer is not asked.
public enum PresetAnswers {
    /// Writes the fields of `answers` (a draft, possibly partial, in its own shape, YAML or JSON)
    /// over `draft`: every field the file has replaces the draft's, the others stay.
    public static func merge(_ answers: Draft, into draft: inout Draft) {
        merge(answers.encoded, at: "", into: &draft)
    }

    private static func merge(_ value: Value, at path: String, into draft: inout Draft) {
        guard case .map(let entries) = value else {
            if !path.isEmpty { DraftPaths.apply(value, at: path, to: &draft) }
            return
        }
        for entry in entries where !(path.isEmpty && ["format", "id"].contains(entry.key)) {
            let child = path.isEmpty ? entry.key : path + "." + entry.key
            // A record (objective, scope…) is merged field by field; anything else is replaced.
            if case .map = entry.value, DraftPaths.schema(at: child)?["type"] == .string("object") {
                merge(entry.value, at: child, into: &draft)
            } else {
                DraftPaths.apply(entry.value, at: child, to: &draft)
            }
        }
    }

    /// Applies `--set FIELD=VALUE` settings in order. A list field takes its items separated by
    /// commas (or 、 and ，); every value goes through the draft's own checks.
    public static func apply(settings: [String], to draft: inout Draft) throws(InvalidInput) {
        var errors: [InputError] = []
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                errors.append(InputError(source: "--set", message: "'\(setting)' is not FIELD=VALUE (for example --set timeline.launch=2026-12-04)"))
                continue
            }
            let field = String(setting[..<equals]).trimmingCharacters(in: " ")
            let text = String(setting[setting.index(after: equals)...]).trimmingCharacters(in: " ")
            guard !field.isEmpty, field.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "." }), let schema = DraftPaths.schema(at: field) else {
                errors.append(
                    InputError(
                        source: "--set", field: field,
                        message: "'\(field)' is not a draft field; `handoff schema` lists them (for example title, timeline.launch, scope.deliverables)"))
                continue
            }
            if let refusal = InterviewSession.refusal(text) {
                errors.append(InputError(source: "--set", field: field, message: refusal(.en)))
                continue
            }
            let value: Value
            if schema["type"] == .string("array") {
                value = .list(InterviewEngine.listItems(in: text).map(Value.string))
            } else {
                value = .plain(text)
            }
            var changed = draft
            let problems = DraftPaths.apply(value, at: field, to: &changed)
            if problems.isEmpty {
                draft = changed
            } else {
                errors += problems.map { InputError(source: "--set", field: field, message: $0.message) }
            }
        }
        if !errors.isEmpty { throw InvalidInput(errors) }
    }
}
