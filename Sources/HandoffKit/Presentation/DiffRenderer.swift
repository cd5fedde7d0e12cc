/// Renders a `DraftDiff` for people (text grouped by section) and for pipelines (one JSON object).
public struct DiffRenderer: Sendable {
    /// Colours the text output; off gives plain text.
    public var styler: Styler
    /// The language of the section headings and labels.
    public var language: Language
    /// The widest a value may be, in terminal columns, before it is shortened.
    public var valueWidth: Int
    /// The widest a changed field's line may be before its new value moves to a line of its own.
    public var lineWidth: Int

    /// A plain-text, English renderer by default; `valueWidth` is raised to 12 when smaller.
    public init(styler: Styler = Styler(enabled: false), language: Language = .en, valueWidth: Int = 60, lineWidth: Int = 96) {
        self.styler = styler
        self.language = language
        self.valueWidth = max(valueWidth, 12)
        self.lineWidth = lineWidth
    }

    // MARK: JSON

    /// `{"old", "new", "added": [{field, section, value}], "removed": […], "changed": [{field, section, old, new}]}`,
    /// values in their JSON form, on one line.
    public func json(_ diff: DraftDiff, old: String, new: String) -> String {
        JSONWriter.compact(encoded(diff, old: old, new: new))
    }

    /// The object that `json(_:old:new:)` writes, for callers that embed it in a larger document.
    public func encoded(_ diff: DraftDiff, old: String, new: String) -> Value {
        func entry(_ change: DraftDiff.Change) -> Value {
            switch change.kind {
            case .added:
                return .object([
                    ("field", .string(change.field)), ("section", .string(change.section.rawValue)), ("value", change.new),
                ])
            case .removed:
                return .object([
                    ("field", .string(change.field)), ("section", .string(change.section.rawValue)), ("value", change.old),
                ])
            case .changed:
                return .object([
                    ("field", .string(change.field)), ("section", .string(change.section.rawValue)),
                    ("old", change.old), ("new", change.new),
                ])
            }
        }
        return .object([
            ("old", .string(old)), ("new", .string(new)),
            ("added", .list(diff.added.map(entry))),
            ("removed", .list(diff.removed.map(entry))),
            ("changed", .list(diff.changed.map(entry))),
        ])
    }

    // MARK: Text

    /// A header naming both sides, the differences grouped under localized section headings
    /// (`+ field: value` added, `- field: value` removed, `~ field: old → new` changed), and a
    /// closing line with the counts, or "no differences".
    public func text(_ diff: DraftDiff, old: String, new: String) -> String {
        var out = styler(Self.displayName(old), .bold) + styler(" → ", .dim) + styler(Self.displayName(new), .bold) + "\n"
        guard !diff.isEmpty else {
            return out + "  " + styler(Localized(en: "no differences", ja: "差分なし")(language), .green) + "\n"
        }
        var current: Section?
        for change in diff.changes {
            if change.section != current {
                current = change.section
                out += "\n  " + styler(change.section.heading(language), .bold) + "\n"
            }
            out += "    " + line(change) + "\n"
        }
        let counts = [
            Localized(en: "\(diff.count(.added)) added", ja: "追加 \(diff.count(.added))件"),
            Localized(en: "\(diff.count(.removed)) removed", ja: "削除 \(diff.count(.removed))件"),
            Localized(en: "\(diff.count(.changed)) changed", ja: "変更 \(diff.count(.changed))件"),
        ].map { ($0)(language) }
        let total = diff.changes.count
        let summary = (
            Localized(
                en: "\(total) field\(total == 1 ? "" : "s") differ\(total == 1 ? "s" : ""): ",
                ja: "\(total)項目に差分："))(language)
        return out + "\n  " + summary + counts.joined(separator: Localized(en: ", ", ja: "、")(language)) + "\n"
    }

    func line(_ change: DraftDiff.Change) -> String {
        let field = TerminalText.sanitize(change.field, multiline: false)
        switch change.kind {
        case .added:
            return styler("+ " + field + ":", .green) + " " + shorten(Self.display(change.new))
        case .removed:
            return styler("- " + field + ":", .red) + " " + shorten(Self.display(change.old))
        case .changed:
            var old = Self.display(change.old)
            var new = Self.display(change.new)
            if old == new, let oldValue = change.old, let newValue = change.new {
                // Same text, different kind (a number and a quoted number): show the JSON forms.
                old = JSONWriter.compact(oldValue)
                new = JSONWriter.compact(newValue)
            }
            let (shortOld, shortNew) = shorten(old, new)
            let lead = "~ " + field + ": "
            if TerminalText.width(lead + shortOld + " → " + shortNew) <= lineWidth {
                return styler("~ " + field + ":", .yellow) + " " + shortOld + styler(" → ", .yellow) + shortNew
            }
            // Too long for one line: the new value goes below the old one, the arrow before it.
            let indent = String(repeating: " ", count: max(TerminalText.width(lead) - 2, 2))
            return styler("~ " + field + ":", .yellow) + " " + shortOld + "\n    " + indent + styler("→", .yellow) + " "
                + shortNew
        }
    }

    /// A value on one line: text as written (control characters made visible, line breaks as
    /// spaces), other values in their JSON form.
    static func display(_ value: Value?) -> String {
        guard let value else { return "" }
        switch value {
        case .string(let text), .plain(let text):
            let trimmed = TerminalText.sanitize(text, multiline: false).trimmingCharacters(in: " ")
            return trimmed.isEmpty ? JSONWriter.compact(value) : trimmed
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list, .map: return TerminalText.sanitize(JSONWriter.compact(value), multiline: false)
        }
    }

    static func displayName(_ name: String) -> String {
        name == "-" ? "<stdin>" : TerminalText.sanitize(name, multiline: false)
    }

    // MARK: Shortening

    /// `text` cut to `valueWidth` columns with an ellipsis.
    func shorten(_ text: String) -> String {
        Self.window(Array(text), from: 0, width: valueWidth)
    }

    /// Both sides of a change, each at most `valueWidth` columns. When long texts differ only in a
    /// part, both are shown from a little before the first difference, so that the edit is visible.
    func shorten(_ old: String, _ new: String) -> (String, String) {
        let oldCharacters = Array(old)
        let newCharacters = Array(new)
        guard TerminalText.width(old) > valueWidth || TerminalText.width(new) > valueWidth else { return (old, new) }
        var common = 0
        while common < min(oldCharacters.count, newCharacters.count), oldCharacters[common] == newCharacters[common] {
            common += 1
        }
        // Keep a few characters of context before the first difference, and start at a word.
        var start = max(0, common - 12)
        if start > 0 {
            var probe = start
            while probe < common, oldCharacters[probe - 1] != " " { probe += 1 }
            if probe < common { start = probe }
        }
        return (
            Self.window(oldCharacters, from: start, width: valueWidth),
            Self.window(newCharacters, from: start, width: valueWidth)
        )
    }

    /// The characters from `start` that fit in `width` columns, marking what was cut with `…`.
    static func window(_ characters: [Character], from start: Int, width: Int) -> String {
        let start = min(start, characters.count)
        var out = start > 0 ? "…" : ""
        var used = TerminalText.width(out)
        var index = start
        while index < characters.count {
            let character = characters[index]
            let columns = TerminalText.width(String(character))
            // Leave room for the closing ellipsis unless this is the last character.
            let reserve = index == characters.count - 1 ? 0 : 1
            if used + columns + reserve > width { break }
            out.append(character)
            used += columns
            index += 1
        }
        if index < characters.count {
            while out.last == " " { out.removeLast() }
            out += "…"
        }
        return out
    }
}
