/// The free text of a draft for the rules that scan prose (`sensitive-data`): every string with
/// its field path, walked field by field rather than through `encoded`, which built a `Value`
/// tree of the whole draft for every check. Contact fields (e-mail addresses that belong there)
/// and the fields written by the tool are left out.
enum FreeText {
    static let excludedKeys: Set<String> = ["format", "id", "lang", "email", "role", "priority", "deadline", "legal_review"]

    /// The strings in `value`, for the types that have no walk of their own (dates, enums, quantities).
    static func walk(_ value: Value, _ path: String, _ texts: inout [(field: String, text: String)]) {
        switch value {
        case .string(let text): texts.append((path, text))
        case .list(let items):
            for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]", &texts) }
        case .map(let entries):
            for entry in entries where !excludedKeys.contains(entry.key) {
                walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)", &texts)
            }
        default: break
        }
    }
}

extension DraftCodable {
    /// Appends every string in the value's encoded form to `texts`, each with its field path under `path`;
    /// contact, enum and tool-written keys are skipped.
    public func collectFreeText(at path: String, into texts: inout [(field: String, text: String)]) {
        FreeText.walk(encoded, path, &texts)
    }
}

extension Record {
    /// Appends the free text of each field to `texts`, its path under `path`; contact, enum and
    /// tool-written fields (`FreeText.excludedKeys`) are skipped.
    public func collectFreeText(at path: String, into texts: inout [(field: String, text: String)]) {
        for field in Self.fields where !FreeText.excludedKeys.contains(field.key) {
            field.collectText(self, path.isEmpty ? field.key : "\(path).\(field.key)", &texts)
        }
    }
}

extension String {
    /// Appends the string itself to `texts` under `path`.
    public func collectFreeText(at path: String, into texts: inout [(field: String, text: String)]) {
        texts.append((path, self))
    }
}
