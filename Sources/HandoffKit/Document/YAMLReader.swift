import Yams

/// Parses one YAML (or JSON) document into a `DocNode` tree, turning libyaml's messages into
/// errors that name the file, line and column and say how to fix the usual mistakes.
public enum YAMLReader {
    /// Parses `chunk`. Line numbers in the result and in errors are those of the whole source.
    public static func parse(
        _ chunk: DocumentChunk, source: String, limits: InputLimits = .standard
    ) throws(InvalidInput) -> DocNode {
        if let error = chunk.error { throw InvalidInput([error]) }
        // JSON Lines take the byte-level reader; whatever it does not take, errors included, libyaml reads.
        if let root = JSONReader.parse(chunk.text, lineOffset: chunk.firstLine - 1, limits: limits) { return root }
        return try parseWithYams(chunk, source: source, limits: limits)
    }

    /// Parses `chunk` into a node table: JSON Lines straight from their bytes, anything else
    /// through `parse`'s tree.
    public static func parseTable(
        _ chunk: DocumentChunk, source: String, limits: InputLimits = .standard
    ) throws(InvalidInput) -> NodeTable {
        if let error = chunk.error { throw InvalidInput([error]) }
        if let table = JSONReader.table(chunk.text, lineOffset: chunk.firstLine - 1, limits: limits) { return table }
        return NodeTable(try parseWithYams(chunk, source: source, limits: limits))
    }

    /// `parse` without the JSON fast path: the reference the fast path is tested against.
    static func parseWithYams(
        _ chunk: DocumentChunk, source: String, limits: InputLimits = .standard
    ) throws(InvalidInput) -> DocNode {
        if let error = chunk.error { throw InvalidInput([error]) }
        let lineOffset = chunk.firstLine - 1
        func failure(line: Int?, column: Int?, _ message: String) -> InvalidInput {
            var error = InputError(
                source: source, documentIndex: chunk.index > 1 ? chunk.index : nil, line: line, column: column, message: message)
            error.japanese = japaneseMessage(message)
            return InvalidInput([error], language: statedLanguage(chunk.text))
        }
        switch measureAliases(chunk.text, limit: limits.maxNodes) {
        case .withinLimit: break
        case .bomb(let line):
            throw failure(line: line.map { $0 + lineOffset } ?? chunk.firstLine, column: nil, bombMessage(limits))
        case .invalid(let error):
            let (line, column, message) = describe(error, text: chunk.text, lineOffset: lineOffset, limits: limits)
            throw failure(
                line: line.map { $0 + lineOffset }, column: column,
                String(String.UnicodeScalarView(message.unicodeScalars.map { $0 == aliasPlaceholder ? "*" : $0 })))
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: chunk.text, resolver: .basic, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            let (line, column, message) = describe(error, text: chunk.text, lineOffset: lineOffset, limits: limits)
            throw failure(line: line.map { $0 + lineOffset }, column: column, message)
        } catch {
            throw failure(line: nil, column: nil, "could not be read as YAML: \(error)")
        }
        guard let root else {
            throw failure(line: chunk.firstLine, column: nil, "the document is empty")
        }
        var budget = limits.maxNodes
        return try convert(
            root, depth: 0, budget: &budget, limits: limits, lineOffset: lineOffset,
            fail: { line, message in failure(line: line, column: nil, message) })
    }

    private static func convert(
        _ node: Node, depth: Int, budget: inout Int, limits: InputLimits, lineOffset: Int,
        fail: (Int?, String) -> InvalidInput
    ) throws(InvalidInput) -> DocNode {
        budget -= 1
        let line = (node.mark?.line ?? 0) + lineOffset
        let column = node.mark?.column ?? 0
        if budget < 0 {
            throw fail(line, bombMessage(limits))
        }
        if depth > limits.maxDepth {
            throw fail(line, "nesting is deeper than \(limits.maxDepth) levels; a draft needs at most 4")
        }
        switch node {
        case .scalar(let scalar):
            // An explicit tag such as `!!str 2026` makes the value text, like quoting it does.
            let plain = scalar.style == .plain && (scalar.tag.description.isEmpty || scalar.tag.description == "!")
            return DocNode(.scalar(scalar.string, plain: plain), line: line, column: column)
        case .sequence(let sequence):
            var items: [DocNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(
                    try convert(
                        item, depth: depth + 1, budget: &budget, limits: limits, lineOffset: lineOffset,
                        fail: fail))
            }
            return DocNode(.sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [DocNode.Pair] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyNode = try convert(
                    key, depth: depth + 1, budget: &budget, limits: limits, lineOffset: lineOffset, fail: fail)
                let valueNode = try convert(
                    value, depth: depth + 1, budget: &budget, limits: limits, lineOffset: lineOffset, fail: fail)
                pairs.append(DocNode.Pair(key: keyNode, value: valueNode))
            }
            return DocNode(.mapping(pairs), line: line, column: column)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is an undefined anchor.
            throw fail(line, "an alias (`*name`) refers to an anchor that is not defined")
        }
    }

    private static func bombMessage(_ limits: InputLimits) -> String {
        "the document expands to more than \(limits.maxNodes) values (YAML aliases used as a bomb?); "
            + "a draft needs a few hundred"
    }

    /// Line (of `text`), column and a readable message for a libyaml error.
    static func describe(
        _ error: YamlError, text: String, lineOffset: Int = 0, limits: InputLimits = .standard
    ) -> (Int?, Int?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.contains("nesting level") {
                // libyaml's own guard against deep nesting, reached before ours.
                return (
                    mark.line, mark.column,
                    "nesting is deeper than \(limits.maxDepth) levels; a draft needs at most 4"
                )
            }
            // A JSON line is read by libyaml too (JSON is YAML); its writer thinks in JSON words.
            let json = looksLikeJSON(text)
            var message = (json ? "not valid JSON: " : "not valid YAML: ") + (json ? JSONWording.of(problem) : problem)
            if let context, case let contextText = json ? JSONWording.of(context.text) : context.text, !contextText.isEmpty {
                message += " " + contextText
                // "while parsing a flow sequence" is found at the end of the input: say where it began.
                if context.mark.line != mark.line || (json && context.mark.column != mark.column) {
                    message += " that starts on line \(context.mark.line + lineOffset), column \(context.mark.column)"
                }
            }
            if json {
                if JSONWording.endsEarly(problem: problem, text: text, line: mark.line, column: mark.column) {
                    message += JSONWording.cutShort
                    // libyaml stops on the line after a final line break; the text ended at its last character.
                    if let end = JSONWording.endOfText(text) { return (end.line, end.column, message) }
                }
            } else if let hint = hint(for: problem, line: lineText(text, mark.line)) {
                message += ". \(hint)"
            }
            return (mark.line, mark.column, message)
        case .reader(let problem, let offset, let value, _):
            // The text is valid UTF-8 by now; what libyaml refuses is a control character.
            var line: Int?
            var column: Int?
            if let offset {
                let before = text.prefix(offset)
                line = before.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
                column = before.reversed().prefix { $0 != "\n" }.count + 1
            }
            if value >= 0, let scalar = Unicode.Scalar(UInt32(value)) {
                let code = "U+" + String(JSONWriter.hex4(scalar.value)).uppercased()
                return (
                    line, column,
                    "contains the control character \(code), which YAML does not allow in a file; remove it "
                        + "(inside double quotes it can be written as \\u\(JSONWriter.hex4(scalar.value)))"
                )
            }
            return (line, column, "cannot be read as YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            var message = "the key \(names) appears twice in the same mapping; keep one (the second would silently win)"
            // A top-level key given twice is most often two drafts run together (`cat a.yaml b.yaml`).
            if context.mark.column == 1 {
                message += ". If these are two drafts, put a line `---` between them"
            }
            return (context.mark.line, context.mark.column, message)
        case .dataCouldNotBeDecoded:
            return (nil, nil, "cannot be read as UTF-8 text. Save the file as UTF-8")
        default:
            return (nil, nil, "could not be read as YAML: \(error)")
        }
    }

    /// Whether the document is written as JSON: it opens an object whose first key is quoted.
    /// A YAML flow mapping (`{a: 1}`) keeps the YAML wording.
    static func looksLikeJSON(_ text: String) -> Bool {
        var rest = text.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard rest.first == UInt8(ascii: "{") else { return false }
        rest = rest.dropFirst().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return rest.first == UInt8(ascii: "\"") || rest.first == UInt8(ascii: "}")
    }

    private static func lineText(_ text: String, _ line: Int) -> Substring {
        var current = 1
        var start = text.startIndex
        for index in text.indices where current < line {
            if text[index] == "\n" {
                current += 1
                start = text.index(after: index)
            }
        }
        return text[start...].prefix { $0 != "\n" }
    }

    private static func hint(for problem: String, line: Substring) -> String? {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        if indentation.contains("\t") || problem.contains("tab") {
            return "YAML indentation must use spaces, not tabs"
        }
        if problem.contains("mapping values are not allowed") {
            return "If a value contains ': ', put it in quotes, or use a block (`|`) on the next lines"
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "Check the indentation: keys of one mapping must start in the same column"
        }
        if problem.contains("found character that cannot start any token") && line.contains("`") {
            return "A value cannot start with ` — put it in quotes"
        }
        if problem.contains("found character that cannot start any token") && line.contains("@") {
            return "A value cannot start with @ — put it in quotes"
        }
        return nil
    }

    // MARK: - Alias expansion

    /// Stands in for the `*` of an alias while the expansion is measured; as long as `*` in Unicode
    /// scalars, so lines and columns of errors stay those of the real text.
    static let aliasPlaceholder: Unicode.Scalar = "\u{E000}"

    enum AliasCheck {
        case withinLimit
        /// Expands past the node limit; the line (of the chunk) of the alias that goes over.
        case bomb(line: Int?)
        /// Not valid YAML; the same error the real parse would report.
        case invalid(YamlError)
    }

    /// Measures how many values the text stands for once its aliases are expanded, without expanding them.
    ///
    /// Yams expands aliases while composing and hashes each mapping key whole to find duplicates, so
    /// an alias to a large anchored node used as a key ("billion laughs" as a key) would cost time
    /// exponential in the length of the text before `convert` could count anything. The text is first
    /// composed with every alias replaced by a placeholder scalar; anchors are sized as they are
    /// defined, and each placeholder counts for the size of its anchor.
    static func measureAliases(_ text: String, limit: Int) -> AliasCheck {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return .withinLimit }
        var scalars = String.UnicodeScalarView()
        var pendingStar = false
        var replaced = false
        for scalar in text.unicodeScalars {
            if pendingStar {
                // libyaml's anchor names are ASCII letters, digits, '_' and '-'.
                let startsName =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-"
                scalars.append(startsName ? aliasPlaceholder : "*")
                replaced = replaced || startsName
                pendingStar = false
            }
            if scalar == "*" {
                pendingStar = true
            } else {
                scalars.append(scalar)
            }
        }
        if pendingStar { scalars.append("*") }
        guard replaced else { return .withinLimit }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: String(scalars), resolver: .basic, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .invalid(error)
        } catch {
            return .withinLimit
        }
        guard let root else { return .withinLimit }
        var anchors: [String: Int] = [:]
        var visited = 0
        var overLine: Int?
        // Nodes hold their anchors weakly; the parser owns them.
        withExtendedLifetime(parser) {
            _ = expandedSize(root, anchors: &anchors, visited: &visited, overLine: &overLine, limit: limit)
        }
        return overLine == nil && visited <= limit ? .withinLimit : .bomb(line: overLine)
    }

    /// The number of values `node` stands for, counting each placeholder as the anchor it names.
    private static func expandedSize(
        _ node: Node, anchors: inout [String: Int], visited: inout Int, overLine: inout Int?, limit: Int
    ) -> Int {
        var size = 1
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, scalar.string.unicodeScalars.first == aliasPlaceholder {
                size = anchors[String(scalar.string.unicodeScalars.dropFirst())] ?? 1
            }
        case .sequence(let sequence):
            for item in sequence {
                size += expandedSize(item, anchors: &anchors, visited: &visited, overLine: &overLine, limit: limit)
                size = min(size, limit + 1)
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                size += expandedSize(key, anchors: &anchors, visited: &visited, overLine: &overLine, limit: limit)
                size += expandedSize(value, anchors: &anchors, visited: &visited, overLine: &overLine, limit: limit)
                size = min(size, limit + 1)
            }
        case .alias:
            break
        }
        if case .scalar = node {
            visited = min(visited + size, limit + 1)
            if visited > limit, overLine == nil { overLine = node.mark?.line }
        } else {
            visited = min(visited + 1, limit + 1)
        }
        if let anchor = node.anchor { anchors[anchor.rawValue] = size }
        return size
    }

    /// The Japanese rendering of a YAML problem: the parser's own detail stays as it is, the
    /// sentence around it is Japanese.
    static func japaneseMessage(_ message: String) -> String? {
        if message.hasPrefix("not valid YAML: ") {
            return "YAML として読めません：" + message.dropFirst("not valid YAML: ".count) + "。"
        }
        if message.hasPrefix("not valid JSON: ") {
            let detail = message.dropFirst("not valid JSON: ".count)
            if detail.hasSuffix(JSONWording.cutShort) {
                return "JSON として読めません：" + detail.dropLast(JSONWording.cutShort.count)
                    + "。JSON が最後まで書かれていません。行が途中で切れていませんか？"
            }
            return "JSON として読めません：" + detail + "。"
        }
        if message == "the document is empty" { return "文書が空です。" }
        return nil
    }

    /// `ja` when a line of the document says `lang: ja` (or a JSON draft has `"lang": "ja"`): a
    /// draft that does not parse still says which language its writer reads.
    static func statedLanguage(_ text: String) -> Language? {
        if looksLikeJSON(text) { return JSONWording.statedLanguage(text) }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("lang:") {
            let value = line.dropFirst(5).split(separator: "#").first.map { String($0).trimmingWhitespace.lowercased() } ?? ""
            return Language(rawValue: value.trimmingCharacters(in: "\"'"))
        }
        return nil
    }
}
