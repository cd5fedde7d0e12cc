/// Adds review questions to a draft file that a person may have written by hand, keeping what
/// they wrote: comments, key order, quoting and layout stay byte for byte, and the questions are
/// inserted as text at `review.questions`. When that cannot be done exactly, the file is not
/// touched and the error says why.
public enum DraftFileQuestions {
    /// The new text of the file.
    /// - Parameters:
    ///   - text: the file as it is; `draft`: what it decodes to.
    /// - Throws: `InvalidInput` naming the file when the questions cannot be added in place.
    public static func adding(
        _ questions: [ReviewQuestion], to text: String, draft: Draft, source: String
    ) throws(InvalidInput) -> String {
        var expected = draft
        expected.review.questions += questions
        let encoded = expected.encoded
        guard case .list(let allItems)? = encoded["review"]?["questions"] else {
            throw InvalidInput([InputError(source: source, message: "has no questions to add")])
        }
        let newItems = Array(allItems.suffix(questions.count))
        let candidate: String?
        if YAMLWriter.document(draft.encoded) == text {
            // A file handoff wrote: writing it again loses nothing.
            candidate = YAMLWriter.document(encoded)
        } else if isJSON(text) {
            candidate = draft.encodedHasReview ? nil : insertingJSONReview(encoded["review"], into: text)
        } else {
            candidate = insertingYAML(newItems, review: encoded["review"], into: text)
        }
        guard let candidate, readsBack(candidate, as: expected, source: source) else {
            throw InvalidInput([
                InputError(
                    source: source,
                    message: "cannot add the questions without rewriting the file's own layout (its review "
                        + "section is written in a form handoff does not edit in place); it is left as it is. "
                        + "Add them under review.questions by hand, or store the draft with "
                        + "`handoff new --from \(source)` and ask there")
            ])
        }
        return candidate
    }

    private static func isJSON(_ text: String) -> Bool {
        text.unicodeScalars.first { !$0.properties.isWhitespace } == "{"
    }

    /// The edit is kept only if the file then reads as exactly the draft plus the questions.
    private static func readsBack(_ text: String, as expected: Draft, source: String) -> Bool {
        let results = DraftLoader.load(text: text, source: source, requireFormat: false)
        guard results.count == 1, case .success(let loaded) = results[0] else { return false }
        return loaded.draft == expected
    }

    /// `, "review": {…}` before the closing brace of a JSON draft.
    private static func insertingJSONReview(_ review: Value?, into text: String) -> String? {
        guard let review, let close = text.lastIndex(of: "}") else { return nil }
        var head = String(text[..<close])
        while let last = head.last, last.isWhitespace { head.removeLast() }
        guard !head.hasSuffix("{") else { return nil }
        return head + ",\n  \"review\": " + JSONWriter.pretty(review, level: 1) + "\n" + String(text[close...])
    }

    /// The questions as YAML text at `review.questions`: a new `review:` section at the end, a
    /// `questions:` key at the end of the section, or items after the last item of the list.
    private static func insertingYAML(_ items: [Value], review: Value?, into text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.contains(where: { $0 == "---" || $0.hasPrefix("--- ") || $0 == "..." }) || lines.first == "---" else {
            return nil
        }
        let topKeys = lines.indices.filter { isKeyLine(lines[$0], indent: 0) }
        guard let reviewLine = topKeys.first(where: { key(of: lines[$0]) == "review" }) else {
            guard let review else { return nil }
            return lines.joined(separator: "\n") + "\n" + YAMLWriter.document(.map([Value.Entry("review", review)]))
        }
        guard value(of: lines[reviewLine]).isEmpty else { return nil }
        let sectionEnd = topKeys.first { $0 > reviewLine } ?? lines.count
        let section = (reviewLine + 1)..<sectionEnd
        let childIndent = section.lazy.compactMap { indentation(of: lines[$0]) }.first ?? 2
        guard childIndent > 0 else { return nil }
        let childKeys = section.filter { isKeyLine(lines[$0], indent: childIndent) }
        guard let questionsLine = childKeys.first(where: { key(of: lines[$0]) == "questions" }) else {
            let block = YAMLWriter.document(.map([Value.Entry("questions", .list(items))]))
            return splice(block, indent: childIndent, after: lastContentLine(in: reviewLine..<sectionEnd, of: lines), into: lines)
        }
        guard value(of: lines[questionsLine]).isEmpty else { return nil }
        let listEnd = childKeys.first { $0 > questionsLine } ?? sectionEnd
        let list = (questionsLine + 1)..<listEnd
        // Items are written at the indentation of the list's own dashes.
        let itemIndent =
            list.first { lines[$0].drop { $0 == " " }.hasPrefix("-") }.flatMap { indentation(of: lines[$0]) } ?? childIndent
        let block = YAMLWriter.document(.list(items))
        return splice(block, indent: itemIndent, after: lastContentLine(in: questionsLine..<listEnd, of: lines), into: lines)
    }

    private static func splice(_ block: String, indent: Int, after line: Int, into lines: [String]) -> String {
        let pad = String(repeating: " ", count: indent)
        let inserted = block.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            $0.isEmpty ? "" : pad + $0
        }
        var result = lines
        result.insert(contentsOf: inserted, at: line + 1)
        return result.joined(separator: "\n") + "\n"
    }

    /// The last line in `range` that is neither blank nor only a comment (the range's first line
    /// when there is none): what follows it belongs to whatever comes next.
    private static func lastContentLine(in range: Range<Int>, of lines: [String]) -> Int {
        range.reversed().first { index in
            let trimmed = lines[index].drop { $0 == " " }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        } ?? range.lowerBound
    }

    /// Spaces before the content of a line that has content (blank and comment lines have none).
    private static func indentation(of line: String) -> Int? {
        let trimmed = line.drop { $0 == " " }
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        return line.count - trimmed.count
    }

    /// `key:` at exactly `indent` spaces (a plain key, with or without a value after it).
    private static func isKeyLine(_ line: String, indent: Int) -> Bool {
        guard indentation(of: line) == indent else { return false }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first.isLetter || first == "_" else { return false }
        guard let colon = rest.firstIndex(of: ":") else { return false }
        let after = rest[rest.index(after: colon)...]
        return rest[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            && (after.isEmpty || after.first == " ")
    }

    private static func key(of line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        return String(trimmed.prefix { $0 != ":" })
    }

    /// What follows `key:` on its line, comments left out.
    private static func value(of line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return "" }
        var rest = line[line.index(after: colon)...].drop { $0 == " " }
        if rest.hasPrefix("#") { rest = "" }
        return String(rest)
    }
}

extension Draft {
    /// The draft as it would be written has a `review` section.
    fileprivate var encodedHasReview: Bool { encoded["review"] != nil }
}
