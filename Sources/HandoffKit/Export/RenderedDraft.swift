/// One draft's share of an export, made by `Exporter.render` on any thread: the costly part of
/// writing it (the description, the JSON or CSV bytes). What depends on the drafts before it (a
/// header written once, bodies of 50, an importer file's ids kept distinct) is left to the
/// `ExportWriter`, which takes the drafts in order.
public struct RenderedDraft: Sendable {
    /// The draft it was rendered from, for the rare case the writer must render it again in context.
    let item: ExportItem
    let outcome: Result<Piece, ExportError>

    /// UTF-8 throughout: the writer joins the pieces and they go out as bytes.
    enum Piece: Sendable {
        /// Bytes that only need joining: a CSV row, a Markdown section, a YAML document.
        case text([UInt8])
        /// A JSON value's compact text; the indented form, written only when it is the whole
        /// export, is made again from the item.
        case json(compact: [UInt8])
        /// jira-import's issues, each indented as inside the file, written with the draft's own
        /// external id, and the sub-task links they add.
        case importIssues([[UInt8]], links: [Value])
    }

    init(_ item: ExportItem, _ body: (ExportItem) throws(ExportError) -> Piece) {
        self.item = item
        do {
            outcome = .success(try body(item))
        } catch {
            outcome = .failure(error)
        }
    }

    func piece() throws(ExportError) -> Piece { try outcome.get() }

    func text() throws(ExportError) -> [UInt8] {
        guard case .text(let text) = try piece() else { preconditionFailure("rendered by another format") }
        return text
    }

    func json() throws(ExportError) -> [UInt8] {
        guard case .json(let compact) = try piece() else { preconditionFailure("rendered by another format") }
        return compact
    }
}
