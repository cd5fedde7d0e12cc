import Yams

/// Parses one YAML (or JSON) document into a `DocNode` tree, turning libyaml's messages into
/// errors that name the file, line and column and say how to fix the usual mistakes.
public enum YAMLReader {
    /// Parses `chunk`. Line numbers in the result and in errors are those of the whole source.
    public static func parse(
        _ chunk: DocumentChunk, source: String, limits: InputLimits = .standard
    ) throws(InvalidInput) -> DocNode {
        if let error = chunk.error { throw InvalidInput([error]) }
        let lineOffset = chunk.firstLine - 1
        func failure(line: Int?, column: Int?, _ message: String) -> InvalidInput {
            InvalidInput([
                InputError(
                    source: source, documentIndex: chunk.index > 1 ? chunk.index : nil, line: line, column: column, message: message)
            ])
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: chunk.text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            let (line, column, message) = describe(error, text: chunk.text)
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
            throw fail(
                line,
                "the document expands to more than \(limits.maxNodes) values (YAML aliases used as a bomb?); "
                    + "a draft needs a few hundred")
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

    /// Line, column and a readable message for a libyaml error.
    static func describe(_ error: YamlError, text: String) -> (Int?, Int?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "not valid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            if let hint = hint(for: problem, line: lineText(text, mark.line)) { message += ". \(hint)" }
            return (mark.line, mark.column, message)
        case .reader(let problem, _, _, _):
            return (nil, nil, "cannot be read as UTF-8 text: \(problem). Save the file as UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (
                context.mark.line, context.mark.column,
                "the key \(names) appears twice in the same mapping; keep one (the second would silently win)"
            )
        case .dataCouldNotBeDecoded:
            return (nil, nil, "cannot be read as UTF-8 text. Save the file as UTF-8")
        default:
            return (nil, nil, "could not be read as YAML: \(error)")
        }
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
}
