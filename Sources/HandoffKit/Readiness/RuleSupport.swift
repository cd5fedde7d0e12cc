extension Optional where Wrapped == String {
    /// True when nothing but white space was given.
    var isBlank: Bool {
        guard let self else { return true }
        return self.allSatisfy(\.isWhitespace)
    }
}

extension Draft {
    /// How a system is named in messages: its name, or its position.
    func systemLabel(_ index: Int, _ language: Language) -> String {
        if let name = systems[index].name, !name.isEmptyValue { return name }
        return language == .ja ? "システム\(index + 1)" : "system \(index + 1)"
    }

    /// How a metric is named in messages: its name, or its position.
    func metricLabel(_ index: Int, _ language: Language) -> String {
        if let name = success.metrics[index].name, !name.isEmptyValue { return name }
        return language == .ja ? "指標\(index + 1)" : "metric \(index + 1)"
    }

    func hasStakeholder(_ roles: Role...) -> Bool {
        stakeholders.contains { stakeholder in stakeholder.role.map(roles.contains) ?? false }
    }

    /// Every free-text value with its field path, for rules that scan prose. Contact fields
    /// (e-mail addresses that belong there) and the fields written by the tool are left out.
    func freeText() -> [(field: String, text: String)] {
        var out: [(String, String)] = []
        func walk(_ value: Value, _ path: String) {
            switch value {
            case .string(let text): out.append((path, text))
            case .list(let items):
                for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]") }
            case .map(let entries):
                for entry in entries where !Self.notFreeText.contains(entry.key) {
                    walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)")
                }
            default: break
            }
        }
        walk(encoded, "")
        return out
    }

    private static let notFreeText: Set<String> = ["format", "id", "lang", "email", "role", "priority", "deadline", "legal_review"]
}

extension RuleContext {
    /// Shorthand for a text in both languages.
    func text(_ en: String, _ ja: String) -> Localized { Localized(en: en, ja: ja) }
}
