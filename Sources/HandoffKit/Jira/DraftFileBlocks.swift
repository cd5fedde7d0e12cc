#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the blocks handoff owns (`jira:`, and the `review:` questions that `pull` adds) into a
/// hand-written draft file without re-writing the rest: every other line stays byte for byte, its
/// comments included. A top-level block that exists is replaced where it stands; a new one is
/// added at the end (`review:` before `jira:`).
public enum DraftFileBlocks {
    /// `text` with the top-level `key:` block replaced by `block` (which starts with `key:`).
    public static func replacing(_ key: String, with block: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        let newLines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if let start = lines.firstIndex(where: { isTopLevelKey($0, key) }) {
            var end = start + 1
            while end < lines.count, !startsTopLevelEntry(lines[end]) { end += 1 }
            // Blank and comment lines just before the next key belong to what follows.
            while end > start + 1, isBlankOrComment(lines[end - 1]) { end -= 1 }
            lines.replaceSubrange(start..<end, with: newLines)
        } else if key != "jira", let jira = lines.firstIndex(where: { isTopLevelKey($0, "jira") }) {
            lines.insert(contentsOf: newLines, at: jira)
        } else {
            while let last = lines.last, last.allSatisfy(\.isWhitespace), !lines.isEmpty { lines.removeLast() }
            // The document end marker, when there is one, stays last.
            if let last = lines.last, last == "..." {
                lines.insert(contentsOf: newLines, at: lines.count - 1)
            } else {
                lines += newLines
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func isTopLevelKey(_ line: String, _ key: String) -> Bool {
        guard line.hasPrefix(key) else { return false }
        let rest = line.dropFirst(key.count).drop { $0 == " " }
        return rest.hasPrefix(":")
    }

    static func startsTopLevelEntry(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return !first.isWhitespace && first != "#" && first != "-" || line.hasPrefix("---") || line == "..."
    }

    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// `key:` and its value as block YAML, the way handoff writes drafts.
    static func block(_ key: String, _ value: Value) -> String {
        YAMLWriter.document(.object([(key, value)]))
    }

    /// Applies `change` to the draft in the file at `path` under an exclusive lock on the file:
    /// reads it, lets `change` say which blocks to write, writes the result atomically (its mode
    /// kept, a symlink written through). A file that does not hold exactly one draft is refused.
    public static func update(
        path: String, _ change: (Draft) throws -> [(key: String, value: Value)]
    ) throws {
        let target = resolved(path)
        let descriptor = open(target, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOFailure(path: path, message: "cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            throw IOFailure(path: path, message: "is being written by another handoff; try again when it is done")
        }
        var info = stat()
        fstat(descriptor, &info)
        let text = try DraftStore.readText(target)
        let results = DraftInput.load(text: text, source: path, requireFormat: false)
        guard results.count == 1, case .success(let loaded) = results[0] else {
            if case .failure(let error)? = results.first { throw error }
            throw InvalidInput([InputError(source: path, message: "holds \(results.count) drafts; push and pull write into a file with one draft")])
        }
        var updated = text
        for (key, value) in try change(loaded.draft) {
            updated = replacing(key, with: block(key, value), in: updated)
        }
        guard updated != text else { return }
        // Never write what could not be read back.
        let check = DraftInput.load(text: updated, source: path, requireFormat: false)
        guard check.count == 1, case .success = check[0] else {
            throw IOFailure(path: path, message: "could not be updated without breaking it; it is left as it was")
        }
        try AtomicFile.write(updated, to: target, mode: info.st_mode & 0o7777)
    }

    /// Whether the file at `path` is an export handoff made (Markdown, CSV, a Jira body) rather
    /// than a draft: its key has no place to go there.
    public static func isExport(path: String) -> Bool {
        guard let text = try? DraftStore.readText(path) else { return false }
        if let first = text.split(separator: "\n", maxSplits: 1).first, ExportReader.textKind(firstLine: first) != nil {
            return true
        }
        guard let chunk = DocumentSplitter.split(text, source: path).first,
            let root = try? YAMLReader.parse(chunk, source: path)
        else { return false }
        return ExportReader.kind(of: root) != nil
    }

    /// The file a symlink points to, so the link itself stays a link.
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
