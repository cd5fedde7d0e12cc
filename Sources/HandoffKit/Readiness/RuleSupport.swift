extension Optional where Wrapped == String {
    /// True when nothing but white space was given.
    var isBlank: Bool {
        guard let self else { return true }
        return self.isAllWhitespace
    }
}

extension Draft {
    /// How a system is named in messages: its name, or its position.
    func systemLabel(_ index: Int, _ language: Language) -> String {
        if let name = systems[index].name, name.startsVisibly || !name.isEmptyValue { return name }
        return language == .ja ? "システム\(index + 1)" : "system \(index + 1)"
    }

    /// How a metric is named in messages: its name, or its position.
    func metricLabel(_ index: Int, _ language: Language) -> String {
        if let name = success.metrics[index].name, name.startsVisibly || !name.isEmptyValue { return name }
        return language == .ja ? "指標\(index + 1)" : "metric \(index + 1)"
    }

    func hasStakeholder(_ roles: Role...) -> Bool {
        stakeholders.contains { stakeholder in stakeholder.role.map(roles.contains) ?? false }
    }

    /// Every free-text value with its field path, for rules that scan prose. Contact fields
    /// (e-mail addresses that belong there) and the fields written by the tool are left out.
    func freeText() -> [(field: String, text: String)] {
        var texts: [(field: String, text: String)] = []
        visitFreeText { text, field in texts.append((field(), text)) }
        return texts
    }
}

/// Finds a term in text the way people read it: English terms as whole words, case-insensitively
/// ("lead" is not in "leadership"); Japanese terms anywhere, except inside a longer loanword that
/// merely contains them (フォーム in プラットフォーム).
enum TermMatch {
    /// Longer words that contain a shorter term without meaning it.
    static let falseFriends: [String: [String]] = [
        "フォーム": ["プラットフォーム", "リフォーム", "ユニフォーム"],
        "リード": ["リードタイム"],
    ]

    static func contains(_ term: String, in text: String) -> Bool {
        !occurrences(of: term, in: text).isEmpty
    }

    /// UTF-8 offsets in the lowercased text where `term` occurs as a word.
    static func occurrences(of term: String, in text: String) -> [Int] {
        let haystack = Array(text.lowercased().utf8)
        let needle = Array(term.lowercased().utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        let wholeWord = needle.allSatisfy { $0 < 0x80 }
        var positions: [Int] = []
        var index = 0
        while index + needle.count <= haystack.count {
            defer { index += 1 }
            guard haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle else { continue }
            let end = index + needle.count
            if wholeWord {
                let before = index == 0 || !isWordByte(haystack[index - 1])
                let after = end == haystack.count || !isWordByte(haystack[end])
                guard before, after else { continue }
            } else if let longer = falseFriends[term] {
                let covered = longer.contains { word in
                    let bytes = Array(word.utf8)
                    guard let offset = find(needle, in: bytes) else { return false }
                    let start = index - offset
                    return start >= 0 && start + bytes.count <= haystack.count
                        && Array(haystack[start..<start + bytes.count]) == bytes
                }
                if covered { continue }
            }
            positions.append(index)
        }
        return positions
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }
}

extension RuleContext {
    /// The placeholder a field holds ("TBD", 「未定」), or nil when it is empty or really answered.
    func placeholder(_ text: String?) -> String? {
        guard let text else { return nil }
        return placeholders.placeholder(in: text, language: language)
    }

    /// True when a field is blank or holds only a placeholder: a rule that needs it fires.
    func isOpen(_ text: String?) -> Bool { placeholders.isOpen(text) }

    /// True when every one of `texts` is open (`isOpen`), as for an empty list. Read through the
    /// buffer: `texts.allSatisfy(context.isOpen)` copied the context into the function value
    /// (a retain) and each text out of the list (another).
    func allOpen(_ texts: [String]) -> Bool {
        texts.withUnsafeBufferPointer { texts in texts.indices.allSatisfy { placeholders.isOpen(texts[$0]) } }
    }

    /// The first placeholder among `texts`, to quote when every one of them is open.
    func firstPlaceholder(_ texts: [String?]) -> String? { texts.lazy.compactMap { self.placeholder($0) }.first }

    /// The message for a field that is open: `absent` when nothing was written, else one that
    /// quotes the placeholder ("'TBD' is not a data source yet; …") followed by `why`.
    func open(_ placeholder: String?, noun: Localized, absent: Localized, why: Localized) -> Localized {
        guard let placeholder else { return absent }
        let quoted = placeholder.split(whereSeparator: \.isNewline).joined(separator: " ")
        return Localized(
            en: "'\(quoted)' is not \(noun.en) yet; \(why.en)",
            ja: "\(noun.ja)が「\(quoted)」のままです。\(why.ja)")
    }

    /// Stakeholders with one of `roles` whose name is really given (or left out: a role alone
    /// names a team); a placeholder name ("not sure who") does not count.
    func hasStakeholder(_ draft: Draft, _ roles: Role...) -> Bool {
        // Read through the buffer: `contains(where:)` copied each stakeholder (its strings retained).
        draft.stakeholders.withUnsafeBufferPointer { stakeholders in
            stakeholders.indices.contains { index in
                guard let role = stakeholders[index].role, roles.contains(role) else { return false }
                return placeholder(stakeholders[index].name) == nil
            }
        }
    }

    /// The placeholder written as the name of a stakeholder with one of `roles`, if any.
    func stakeholderPlaceholder(_ draft: Draft, _ roles: Role...) -> String? {
        draft.stakeholders.lazy.compactMap { stakeholder -> String? in
            guard let role = stakeholder.role, roles.contains(role) else { return nil }
            return self.placeholder(stakeholder.name)
        }.first
    }
}
