/// libyaml's problem texts in the words of JSON, for documents written as JSON.
///
/// A JSON line goes through libyaml when our own reader gives up on it, so its errors come in
/// YAML terms ("quoted scalar", "flow mapping", "end of stream") that a pipeline author sending
/// JSON does not use. The detail stays libyaml's; only its vocabulary changes.
enum JSONWording {
    /// Said after the detail when the text ran out before the JSON closed.
    static let cutShort = ". The text ends before the JSON is complete: was the line cut short?"

    private static let words: [(yaml: String, json: String)] = [
        ("a quoted scalar", "a string"),
        ("a flow mapping", "an object"),
        ("a flow sequence", "an array"),
        ("a flow node", "a value"),
        ("a block mapping", "an object"),
        ("a plain scalar", "a value"),
        ("did not find expected node content", "did not find a value"),
        ("end of stream", "end of the text"),
    ]

    static func of(_ text: String) -> String {
        // libyaml looks for the next document once the object has closed.
        if text.contains("expected <document start>") { return "there is more text after the object closes" }
        // "did not find a value" already says it; libyaml's inner name for the place adds nothing.
        if text == "while parsing a flow node" { return "" }
        var result = text
        for (yaml, json) in words where result.contains(yaml) {
            result = result.replacing(yaml, with: json)
        }
        return result
    }

    /// Whether the error is the text running out: libyaml says so ("end of stream"), or it stops
    /// past the last character of the text, still waiting for a ',' or a closing bracket.
    static func endsEarly(problem: String, text: String, line: Int, column: Int) -> Bool {
        if problem.contains("end of stream") { return true }
        guard problem.contains("did not find expected") || problem.contains("did not find a value") else { return false }
        guard let end = endOfText(text) else { return true }
        // `line` and `column` count from 1, as `end` does.
        return line > end.line || (line == end.line && column > end.column)
    }

    /// The line and column just after the text's last character before its final line breaks,
    /// counted in Unicode scalars as libyaml counts columns; nil for a text of line breaks only.
    /// Spaces count: inside a string that was cut they are part of the text.
    static func endOfText(_ text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 0
        var end: (line: Int, column: Int)?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
            case "\r":
                column += 1
            default:
                column += 1
                end = (line, column + 1)
            }
        }
        return end
    }

    /// The language a JSON draft states with `"lang": "…"`, found in the text itself: the draft
    /// may be cut anywhere after it.
    static func statedLanguage(_ text: String) -> Language? {
        let bytes = Array(text.utf8)
        let key = Array(#""lang""#.utf8)
        var start = 0
        while start + key.count <= bytes.count {
            guard let found = bytes[start...].firstRange(of: key)?.lowerBound else { return nil }
            var index = found + key.count
            func skipBlanks() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
            skipBlanks()
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                index += 1
                skipBlanks()
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    let valueStart = index + 1
                    guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                    return Language(rawValue: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self).lowercased())
                }
            }
            start = found + 1
        }
        return nil
    }
}
