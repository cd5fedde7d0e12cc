/// Text in, drafts out, exports included: the documents of a draft file or stream, or the drafts
/// that an export made by handoff carries (every export ends with its source draft). The model's
/// `DraftLoader` reads drafts; this is where "is this an export?" is asked, and answered by
/// `ExportReader`.
public enum DraftInput {
    /// Loads every document of `text`: drafts, or the drafts of an export. A bad document does not
    /// stop the others.
    /// - Parameter requireFormat: files must say `format: handoff/1`; stdin may leave it out.
    public static func load(
        text: String, source: String, requireFormat: Bool, limits: InputLimits = .standard
    ) -> [Result<LoadedDraft, InvalidInput>] {
        if let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first,
            let kind = ExportReader.textKind(firstLine: first)
        {
            return loadTextExport(text, kind: kind, source: source, limits: limits)
        }
        let chunks = DocumentSplitter.split(text, source: source, limits: limits)
        if chunks.isEmpty {
            return [.failure(InvalidInput([DraftLoader.emptySource(source)]))]
        }
        return chunks.flatMap { load(chunk: $0, source: source, requireFormat: requireFormat, limits: limits) }
    }

    /// Loads one document cut out by `DocumentSplitter`: a draft, or a JSON export made by
    /// handoff, which gives back the drafts it carries.
    public static func load(
        chunk: DocumentChunk, source: String, requireFormat: Bool, limits: InputLimits = .standard
    ) -> [Result<LoadedDraft, InvalidInput>] {
        // A draft in plain JSON (a JSON Lines stream's every line) is decoded from its bytes;
        // anything else, an export or a problem included, through its table.
        if let loaded = DraftLoader.loadJSON(chunk: chunk, source: source, requireFormat: requireFormat, limits: limits) {
            return [.success(loaded)]
        }
        let table: NodeTable
        do {
            table = try YAMLReader.parseTable(chunk, source: source, limits: limits)
        } catch {
            return [.failure(error)]
        }
        let export = table.withRoot { root in ExportReader.kind(of: root).map { ($0, root.line) } }
        if let (kind, line) = export {
            // Exports are rare and small beside drafts: their sources are read from the tree.
            let root = table.docNode
            return loadEmbedded(
                ExportReader.sources(in: root, kind: kind), kind: kind.rawValue, source: source, index: chunk.index,
                line: line, limits: limits)
        }
        return [DraftLoader.load(table: table, index: chunk.index, source: source, requireFormat: requireFormat)]
    }

    /// The drafts of a CSV or Markdown export (`ExportReader.textKind(firstLine:)` tells one).
    public static func loadTextExport(
        _ text: String, kind: ExportReader.TextKind, source: String, limits: InputLimits = .standard
    ) -> [Result<LoadedDraft, InvalidInput>] {
        loadEmbedded(ExportReader.sources(in: text, kind: kind), kind: kind.rawValue, source: source, index: 1, line: 1, limits: limits)
    }

    /// Decodes the source drafts found in an export.
    static func loadEmbedded(
        _ texts: [String], kind: String, source: String, index: Int, line: Int, limits: InputLimits
    ) -> [Result<LoadedDraft, InvalidInput>] {
        guard !texts.isEmpty else {
            return [
                .failure(
                    InvalidInput([
                        InputError(
                            source: source, documentIndex: index > 1 ? index : nil, line: line,
                            message: "is a \(kind) export without its source draft (exported with --no-source?); "
                                + "handoff reads an export back only from the draft it carries")
                    ]))
            ]
        }
        return texts.enumerated().map { offset, text in
            let chunk = DocumentChunk(index: index + offset, firstLine: 1, text: text, error: nil)
            do throws(InvalidInput) {
                let table = try YAMLReader.parseTable(chunk, source: source + " (embedded draft)", limits: limits)
                let draft = try table.withRoot { root throws(InvalidInput) in
                    try DraftLoader.decode(root, source: source + " (embedded draft)", documentIndex: index + offset, requireFormat: true)
                }
                return .success(LoadedDraft(draft: draft, source: source, documentIndex: index + offset))
            } catch {
                return .failure(error)
            }
        }
    }
}
