import Testing

@testable import HandoffKit

/// The shortcuts of the description's fixed texts and empty records: a `Label`'s bytes, made once
/// a process, are what escaping its text each time gives; a record is told empty without being
/// encoded as it was by encoding it; a date's ten bytes are its `YYYY-MM-DD` as it was formatted.
@Suite("Labels escaped once, records told empty, dates as bytes")
struct LabelTests {
    /// One-line texts with what each encoding escapes or gives up at.
    static let texts: [String] = [
        "", " ", "Why", "{", "}", "[x]", "|", "a|b", "*bold*", "-", "- item", "-- force", "\\", "a\\b", "#1", "!x",
        "h1. x", "bq. x", "(x)", "(flag)", ":)", ":P", "AT&amp;T", "\"quoted\"", "a,b", "tab\there", "未記入。",
        "アイデア（依頼者の言葉のまま）", "👩\u{200D}💻 emoji", "👍🏽", "e\u{301}", "\u{202E}rtl", "\u{200B}", "\u{1}control",
        "Not ready (exported with --force)", "Won't have this time", "=SUM(A1)", "@mention", "1_000", "?",
    ]

    static let encodings: [WikiMarkupStream.Encoding] = [.wiki, .json, .csv]

    /// What the escaper gives for `text` in `encoding`, through the escaper's own entry points.
    static func escapedEachTime(_ text: String, as encoding: WikiMarkupStream.Encoding) -> [UInt8]? {
        var out: [UInt8] = []
        switch encoding {
        case .wiki:
            WikiMarkupEscaper.escape(text, multiline: false, into: &out)
            return out
        case .json: return WikiMarkupEscaper.escapeJSON(text, multiline: false, into: &out) ? out : nil
        case .csv: return WikiMarkupEscaper.escapeCSV(text, multiline: false, into: &out) ? out : nil
        }
    }

    @Test("a label's kept bytes are the escaper's, in every encoding and language, first time and after")
    func keptBytes() {
        var gaveUp = 0
        for (index, text) in Self.texts.enumerated() {
            let other = Self.texts[(index + 7) % Self.texts.count]
            let label = Label(en: text, ja: other)
            for encoding in Self.encodings {
                for _ in 0..<2 {
                    let en = label.withEscaped(.en, as: encoding) { $0.map(Array.init) }
                    let ja = label.withEscaped(.ja, as: encoding) { $0.map(Array.init) }
                    #expect(en == Self.escapedEachTime(text, as: encoding), "\(text.debugDescription) \(encoding)")
                    #expect(ja == Self.escapedEachTime(other, as: encoding), "\(other.debugDescription) \(encoding)")
                    if en == nil { gaveUp += 1 }
                }
            }
            // The wiki bytes are the public escaper's text.
            #expect(label.withEscaped(.en, as: .wiki) { $0.map { String(decoding: $0, as: UTF8.self) } }
                == WikiMarkupRenderer.escape(text, multiline: false))
        }
        // Invisible characters make JSON and CSV give up: the label must say so, not write them.
        #expect(gaveUp > 0)
    }

    /// What a stream in `encoding` writes of a heading, a bold label with a colon, a text run of
    /// a label and a table of label cells, handed over as labels or as their texts.
    static func streamed(_ label: Label, _ language: Language, _ encoding: WikiMarkupStream.Encoding, asLabels: Bool)
        -> (bytes: [UInt8], complete: Bool)
    {
        var stream = WikiMarkupStream(encoding, appendingTo: Array("x".utf8))
        let text = label(language)
        if asLabels {
            stream.heading(level: 3, label, in: language)
            stream.labelled(label, in: language, TicketText(" ", "value"))
            stream.paragraph(.text, label, in: language)
            stream.paragraph(.code, label, in: language)
        } else {
            stream.heading(level: 3, text)
            stream.beginParagraph()
            stream.run(.strong, TicketText(text, ":"))
            stream.run(.text, TicketText(" ", "value"))
            stream.endParagraph()
            stream.paragraph(.text, TicketText(text))
            stream.paragraph(.code, TicketText(text))
        }
        stream.beginTable()
        for header in [true, false] {
            stream.beginRow(header: header)
            if asLabels { stream.cell(label, in: language) } else { stream.cell(text) }
            stream.endRow()
        }
        stream.endTable()
        return stream.finishEscaped()
    }

    @Test("a stream writes a label as it writes the label's text, in headings, runs and cells")
    func streamedLabels() {
        for (index, text) in Self.texts.enumerated() {
            let label = Label(en: text, ja: Self.texts[(index + 3) % Self.texts.count])
            for encoding in Self.encodings {
                for language in [Language.en, .ja] {
                    let asLabels = Self.streamed(label, language, encoding, asLabels: true)
                    let asTexts = Self.streamed(label, language, encoding, asLabels: false)
                    #expect(asLabels.complete == asTexts.complete, "\(text.debugDescription) \(encoding)")
                    if asTexts.complete { #expect(asLabels.bytes == asTexts.bytes, "\(text.debugDescription) \(encoding)") }
                }
            }
        }
    }

    @Test("the description's labels are the texts they were")
    func descriptionLabels() {
        #expect(Labels.notStated(.en) == "Not stated yet.")
        #expect(Labels.notReady(.ja) == "未完了（--force で出力）")
        #expect(OperationsLabels.operations(.en) == "Operations")
        #expect(Labels.role(.itContact)(.ja) == "IT 窓口")
        #expect(Labels.role(.businessOwner)(.en) == "Business owner")
    }

    /// Whether no field of `record` encodes: what `isEmptyValue` said before it asked the fields.
    static func encodesNothing<R: Record>(_ record: R) -> Bool { R.fields.allSatisfy { $0.encode(record) == nil } }

    @Test("a record is empty exactly when none of its fields encodes")
    func emptyRecords() {
        let texts: [String?] = [nil, "", " ", "\t\n", "\u{3000}", "\u{A0}", "x", " x "]
        for name in texts {
            for owner in texts {
                for data in [[], [""], [" ", ""], ["a"], ["", "b"]] {
                    for personal in [nil, false, true] {
                        var system = AffectedSystem()
                        system.name = name
                        system.owner = owner
                        system.data = data
                        system.personalData = personal
                        #expect(system.isEmptyValue == Self.encodesNothing(system), "\(system)")
                    }
                }
                var metric = Metric()
                metric.name = name
                metric.baseline = owner.map { .text($0) }
                #expect(metric.isEmptyValue == Self.encodesNothing(metric), "\(metric)")
                metric.reviewOn = CivilDate(year: 2026, month: 12, day: 4)
                #expect(!metric.isEmptyValue)
                var stakeholder = Stakeholder()
                stakeholder.email = name
                stakeholder.name = owner
                #expect(stakeholder.isEmptyValue == Self.encodesNothing(stakeholder), "\(stakeholder)")
                stakeholder.role = .legal
                #expect(!stakeholder.isEmptyValue)
            }
        }
        // Nested records and lists of records: a draft of empty systems is empty.
        var draft = Draft()
        #expect(draft.isEmptyValue == Self.encodesNothing(draft))
        draft.systems = [AffectedSystem(), AffectedSystem()]
        #expect(draft.isEmptyValue == Self.encodesNothing(draft))
        draft.systems[1].name = "CRM"
        #expect(!draft.isEmptyValue && !Self.encodesNothing(draft))
        var scope = Scope()
        scope.deliverables = ["", " "]
        #expect(scope.isEmptyValue && Self.encodesNothing(scope))
        scope.deliverables.append("page")
        #expect(!scope.isEmptyValue && !Self.encodesNothing(scope))
    }

    @Test("a date's bytes are YYYY-MM-DD with the year padded, far-off years as they were")
    func dateText() {
        func formatted(_ date: CivilDate) -> String {
            let year = String(date.year)
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
            return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(date.month) + "-" + two(date.day)
        }
        var dates: [CivilDate] = []
        for year in [1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999] {
            for (month, day) in [(1, 1), (2, 28), (9, 9), (10, 10), (12, 31)] {
                dates.append(CivilDate(year: year, month: month, day: day)!)
            }
        }
        // `init(dayNumber:)` is not range-checked: years 0, below and above four digits.
        dates += [-800_000, -719_468, -719_162, 2_932_897, 2_932_896, 5_000_000].map(CivilDate.init(dayNumber:))
        #expect(dates.contains { $0.year > 9999 } && dates.contains { $0.year < 0 } && dates.contains { $0.year == 0 })
        for date in dates {
            #expect(date.description == formatted(date), "\(date.year) \(date.month) \(date.day)")
        }
        #expect(CivilDate(year: 2026, month: 3, day: 7)!.description == "2026-03-07")
        #expect(CivilDate(year: 7, month: 11, day: 20)!.description == "0007-11-20")
    }
}
