/// When a question is asked: `PATH` (has a value), `not PATH`, `PATH == VALUE`, `PATH != VALUE`.
/// A path may run through lists (`systems.personal_data == true` holds when any system says so).
public struct Condition: Sendable, Equatable {
    /// What is asked of the value at `path`: that it is set (`present`), unset (`absent`), equal to a
    /// text (`equals`), different from it (`differs`), or one of several (`oneOf`).
    public enum Test: Sendable, Equatable {
        case present
        case absent
        case equals(String)
        case differs(String)
        /// The value is one of these (`when: {kind: [...]}`).
        case oneOf([String])
    }

    /// The draft field path it looks at, in dots without indexes (`systems.personal_data`).
    public var path: String
    /// What the value at `path` must be for the question to be asked.
    public var test: Test

    /// A condition that cannot be read; `message` quotes it and says why.
    public struct ParseError: Error { public var message: String }

    /// Reads `PATH`, `not PATH`, `PATH == VALUE` or `PATH != VALUE`; spaces around the parts are ignored.
    /// - Throws: `ParseError` when the path is empty or holds anything but letters, `_` and `.`, or a
    ///   comparison has no value.
    public static func parse(_ text: String) throws(ParseError) -> Condition {
        let trimmed = text.trimmingCharacters(in: " ")
        for (symbol, make) in [("!=", Test.differs), ("==", Test.equals)] {
            let parts = trimmed.components(separatedBy: symbol)
            if parts.count == 2 {
                let path = parts[0].trimmingCharacters(in: " ")
                let value = parts[1].trimmingCharacters(in: " ")
                try checkPath(path, in: text)
                guard !value.isEmpty else { throw ParseError(message: "'\(text)' compares with nothing") }
                return Condition(path: path, test: make(value))
            }
        }
        if trimmed.hasPrefix("not ") {
            let path = String(trimmed.dropFirst(4)).trimmingCharacters(in: " ")
            try checkPath(path, in: text)
            return Condition(path: path, test: .absent)
        }
        try checkPath(trimmed, in: text)
        return Condition(path: trimmed, test: .present)
    }

    private static func checkPath(_ path: String, in text: String) throws(ParseError) {
        guard !path.isEmpty, path.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "." }) else {
            throw ParseError(
                message: "'\(text)' is not a condition; write PATH, not PATH, PATH == VALUE or PATH != VALUE")
        }
        guard DraftPaths.schema(at: path) != nil else {
            throw ParseError(message: "'\(text)': '\(path)' is not a draft field")
        }
    }

    /// Whether the condition holds for `draft`.
    public func holds(for draft: Draft) -> Bool { holds(inTree: draft.encoded) }

    /// Whether the condition holds for an already encoded draft.
    public func holds(inTree tree: Value) -> Bool {
        let values = Self.values(in: tree, at: DraftPaths.components(path)[...])
        switch test {
        case .present: return !values.isEmpty
        case .absent: return values.isEmpty
        case .equals(let expected): return values.contains { Self.text($0) == expected }
        case .differs(let expected): return !values.contains { Self.text($0) == expected }
        case .oneOf(let allowed):
            if values.isEmpty, path == "kind", let guess = Self.inferredKind(inTree: tree) {
                return allowed.contains(guess.rawValue)
            }
            return values.contains { Self.text($0).map(allowed.contains) ?? false }
        }
    }

    /// A draft that does not say its kind (skipped, or made before kinds) is asked what its
    /// content reads as; one that names nothing is asked no kind-specific question.
    static func inferredKind(inTree tree: Value) -> RequestKind? {
        let texts = ["idea", "title", "scope.deliverables"].flatMap { path in
            values(in: tree, at: DraftPaths.components(path)[...]).compactMap(text)
        }
        return KindInference.guess(in: texts)?.kind
    }

    static func values(in value: Value, at path: ArraySlice<String>) -> [Value] {
        if case .list(let items) = value { return items.flatMap { values(in: $0, at: path) } }
        guard let key = path.first else { return value == .null ? [] : [value] }
        guard let next = value[key] else { return [] }
        return values(in: next, at: path.dropFirst())
    }

    static func text(_ value: Value) -> String? {
        switch value {
        case .string(let text), .plain(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}
