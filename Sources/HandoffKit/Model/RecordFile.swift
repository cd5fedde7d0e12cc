/// Reads a file holding one record (a prompt section, the interview state) with the same
/// decoder as drafts: located errors, unknown keys refused.
public enum RecordFile {
    /// Decodes the one document in `text` as `type`; `source` names the file in errors.
    /// - Throws: `InvalidInput` when the file is empty, is not YAML, or does not decode (every problem found).
    public static func decode<R: Record>(_ type: R.Type, text: String, source: String) throws(InvalidInput) -> R {
        let chunks = DocumentSplitter.split(text, source: source)
        guard let chunk = chunks.first else {
            throw InvalidInput([InputError(source: source, line: 1, message: "the file is empty")])
        }
        let root = try YAMLReader.parse(chunk, source: source)
        var context = DecodeContext(source: source)
        let value = R.decode(root, in: &context)
        if !context.errors.isEmpty { throw InvalidInput(context.errors) }
        guard let value else { throw InvalidInput([InputError(source: source, line: 1, message: "expected \(R.recordName)")]) }
        return value
    }

}
