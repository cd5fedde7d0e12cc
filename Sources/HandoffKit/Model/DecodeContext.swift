/// State carried while decoding a `DocNode` tree into the model: where we are (for field paths
/// such as `systems[1].personal_data`) and every problem found so far.
///
/// Decoding does not stop at the first problem: a marketer who mistyped two keys should learn
/// about both at once.
public struct DecodeContext {
    /// One step of a field path: a key of a record, or a 0-based index into a list.
    public enum PathComponent: Sendable {
        case key(String)
        case index(Int)
    }

    /// The file path, `-` for standard input, or a store id: what errors name as their source.
    public let source: String
    /// 1-based index of the document in a multi-document source; nil when it is the only one.
    public let documentIndex: Int?
    /// Where decoding is now, from the root; `fieldPath` renders it.
    public private(set) var path: [PathComponent] = []
    /// The problems found, at most `maxErrors` of them, then one line saying how many more.
    public var errors: [InputError] {
        guard suppressed > 0 else { return recorded }
        return recorded + [
            InputError(
                source: source, documentIndex: documentIndex,
                message: "… and \(suppressed) more problem\(suppressed == 1 ? "" : "s") in this document")
        ]
    }
    /// True while no problem has been found.
    public var isClean: Bool { recorded.isEmpty && suppressed == 0 }
    private var recorded: [InputError] = []
    private var suppressed = 0
    /// Past this many, further problems are counted, not listed: the first ones are what to fix.
    public static let maxErrors = 20

    private mutating func record(_ error: InputError) {
        if recorded.count < Self.maxErrors { recorded.append(error) } else { suppressed += 1 }
    }

    /// A context at the root of document `documentIndex` of `source`, with no problems yet.
    public init(source: String, documentIndex: Int? = nil) {
        self.source = source
        self.documentIndex = documentIndex
        // Deep enough for every field of a draft (`scope.requirements[0].text` is four): the path
        // grows in place instead of reallocating at each new depth of every draft.
        path.reserveCapacity(8)
    }

    /// A context for decoding that gives up at the first problem and so never names a field
    /// (`DraftLoader.loadJSON`): no room is made for a path.
    init(pathless source: String) {
        self.source = source
        documentIndex = nil
    }

    /// The current field path, e.g. `success.metrics[0].target`.
    public var fieldPath: String { Self.render(path) }

    static func render(_ path: [PathComponent]) -> String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key):
                if !out.isEmpty { out += "." }
                out += key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    /// Runs `body` one level deeper in the field path.
    public mutating func at<T>(_ component: PathComponent, _ body: (inout DecodeContext) -> T) -> T {
        path.append(component)
        defer { path.removeLast() }
        return body(&self)
    }

    /// Records a problem with `node` at the current field path.
    public mutating func fail(_ node: DocNode, _ message: String, japanese: String? = nil) {
        fail(line: node.line, column: node.column, message, japanese: japanese)
    }

    /// Records a problem with `node` at the current field path.
    public mutating func fail(_ node: TableNode, _ message: String, japanese: String? = nil) {
        fail(line: node.line, column: node.column, message, japanese: japanese)
    }

    private mutating func fail(line: Int, column: Int, _ message: String, japanese: String?) {
        let field = fieldPath
        var error = InputError(
            source: source, documentIndex: documentIndex, line: line, column: column,
            field: field.isEmpty ? nil : field, message: message)
        error.japanese = japanese
        record(error)
    }

    /// Records a key that is not part of the format, suggesting the nearest valid one.
    public mutating func unknownKey(_ key: String, at node: DocNode, valid: [String], container: String) {
        unknownKey(key, line: node.line, column: node.column, valid: valid, container: container)
    }

    /// Records a key that is not part of the format, suggesting the nearest valid one.
    public mutating func unknownKey(_ key: String, at node: TableNode, valid: [String], container: String) {
        unknownKey(key, line: node.line, column: node.column, valid: valid, container: container)
    }

    private mutating func unknownKey(_ key: String, line: Int, column: Int, valid: [String], container: String) {
        var message = "unknown key '\(key)' in \(container)."
        var japanese = "「\(key)」というキーはここでは使えません。"
        if let suggestion = Spelling.nearest(to: key, in: valid) {
            message += " Did you mean '\(suggestion)'?"
            japanese += "「\(suggestion)」の書き間違いではありませんか。"
        }
        message += " Valid keys here: \(valid.joined(separator: ", "))."
        japanese += "ここで使えるキー：\(valid.joined(separator: ", "))。"
        let field = fieldPath
        var error = InputError(
            source: source, documentIndex: documentIndex, line: line, column: column,
            field: field.isEmpty ? key : field + "." + key, message: message)
        error.japanese = japanese
        record(error)
    }
}

/// Nearest-spelling suggestions for unknown keys, values and commands.
public enum Spelling {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a typo.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, candidate.count / 3))
        if distance <= allowed { return candidate }
        // "deadline_kind" for "deadline", "owner" for "business_owner": one contains the other.
        guard lowered.count >= 4 else { return nil }
        return candidates.first { lowered.hasPrefix($0.lowercased()) || $0.lowercased().contains(lowered) }
    }

    /// Damerau–Levenshtein distance (optimal string alignment), so "sytems" is one step from "systems".
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
