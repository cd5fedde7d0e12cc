/// The revisions of a stored draft as `handoff history` shows them: when, which section, which
/// fields.
public struct HistoryEntry: Sendable, Equatable {
    /// The revision number, from 1, as `ID@N` names it.
    public var revision: Int
    /// The ISO time from the journal, as written.
    public var at: String
    /// The fields the revision changed: as the journal records them, or, when it records none
    /// (a draft seeded with `--from`, an explicit save), the leaves that differ from the
    /// revision before.
    public var fields: [String]
    /// The sections of those fields, in interview order; the journal's section when there are none.
    public var sections: [Section]
    /// The section the journal names for the revision (where the interview stood), if any.
    public var section: String?

    /// An entry as given; `entries(_:)` builds them from the journal.
    public init(revision: Int, at: String, fields: [String], sections: [Section], section: String?) {
        self.revision = revision
        self.at = at
        self.fields = fields
        self.sections = sections
        self.section = section
    }

    /// Entries for `revisions`, oldest first.
    public static func entries(_ revisions: [DraftStore.Revision]) -> [HistoryEntry] {
        var previous = Draft()
        return revisions.map { revision in
            defer { previous = revision.draft }
            // The journal names the fields an answer filled; "from" marks a draft seeded from a file.
            var fields = revision.fields.filter { $0 != "from" && !$0.isEmpty }
            if fields.isEmpty {
                // The id is the tool's, not an answer.
                fields = DraftDiff(old: previous, new: revision.draft).changes.map(\.field).filter { $0 != "id" }
            }
            var sections = Section.allCases.filter { section in fields.contains { Section(field: $0) == section } }
            if sections.isEmpty, let named = revision.section.flatMap(Section.init(rawValue:)) { sections = [named] }
            return HistoryEntry(
                revision: revision.number, at: revision.at, fields: fields, sections: sections, section: revision.section)
        }
    }

    /// `2026-11-20T10:22:33Z` → `2026-11-20 10:22` (UTC; a time with an offset is converted).
    /// Text that is not such a time is returned as it is.
    public static func shortTime(_ iso: String) -> String {
        let characters = Array(iso)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            let digits = characters[range]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(digits))
        }
        guard characters.count >= 16, characters[4] == "-", characters[7] == "-", characters[10] == "T" || characters[10] == " ",
            characters[13] == ":", let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60,
            let date = CivilDate(year: year, month: month, day: day)
        else { return iso }
        // Seconds and fractions, then the zone: Z, nothing (taken as UTC), ±HH:MM or ±HHMM.
        var index = 16
        while index < characters.count, characters[index].isNumber || characters[index] == ":" || characters[index] == "." {
            index += 1
        }
        var offset = 0
        if index < characters.count, characters[index] == "+" || characters[index] == "-" {
            let sign = characters[index] == "-" ? -1 : 1
            let zone = characters[(index + 1)...].filter { $0 != ":" }
            guard zone.count == 4 || zone.count == 2, zone.allSatisfy({ $0.isASCII && $0.isNumber }) else { return iso }
            let hours = Int(String(zone.prefix(2)))!
            let minutes = zone.count == 4 ? Int(String(zone.suffix(2)))! : 0
            offset = sign * (hours * 60 + minutes)
        } else if index < characters.count, !(characters[index] == "Z" && index == characters.count - 1) {
            return iso
        }
        var total = date.dayNumber * 1440 + hour * 60 + minute - offset
        let dayNumber = Int((Double(total) / 1440).rounded(.down))
        total -= dayNumber * 1440
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(CivilDate(dayNumber: dayNumber)) \(pad(total / 60)):\(pad(total % 60))"
    }
}
