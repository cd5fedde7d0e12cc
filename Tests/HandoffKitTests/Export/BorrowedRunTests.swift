import Testing

@testable import HandoffKit

/// The builder hands the draft's texts to the sinks borrowed (`run(_:_:)`, `run(_:afterSpace:)`)
/// rather than as a `TicketText` made of them: each sink must write them as it writes that
/// `TicketText`, byte for byte, giving up where it gives up.
@Suite("Runs of a borrowed string written as their TicketText")
struct BorrowedRunTests {
    /// The labels' hostile texts, and some over several lines or with blanks at their ends.
    static let texts: [String] =
        LabelTests.texts + [
            "a\nb", "\n", "\r\n", " lead", "trail ", "  ", "\t", "line\u{2028}break", "x\n\n", ":", " :)", "(x",
            "\u{85}next", "長い\n説明", "\u{FEFF}bom",
        ]

    static let styles: [TicketDocument.RunStyle] = [.text, .strong, .code]

    /// What a wiki stream in `encoding` writes of `run` in a paragraph and in a bullet item.
    static func wiki(_ encoding: WikiMarkupStream.Encoding, _ run: (inout WikiMarkupStream) -> Void) -> (
        bytes: [UInt8], complete: Bool
    ) {
        var stream = WikiMarkupStream(encoding, appendingTo: Array("x".utf8))
        stream.beginParagraph()
        run(&stream)
        stream.endParagraph()
        stream.beginBullets()
        stream.beginItem()
        run(&stream)
        stream.endItem()
        stream.endBullets()
        return stream.finishEscaped()
    }

    /// What the compact ADF stream writes of `run` in a paragraph and in a bullet item, and its bound.
    static func adf(_ run: (inout ADFCompactStream) -> Void) -> (text: String, bound: Int) {
        var stream = ADFCompactStream()
        stream.start()
        stream.beginParagraph()
        run(&stream)
        stream.endParagraph()
        stream.beginBullets()
        stream.beginItem()
        run(&stream)
        stream.endItem()
        stream.endBullets()
        stream.finish()
        return (stream.bytes.utf8String, stream.lengthBound)
    }

    /// What the document collector keeps of `run` in a paragraph.
    static func collected(_ run: (inout TicketDocument.Collector) -> Void) -> TicketDocument {
        var collector = TicketDocument.Collector()
        collector.beginParagraph()
        run(&collector)
        collector.endParagraph()
        return collector.document
    }

    @Test("a wiki stream writes a borrowed run as its TicketText, in every encoding")
    func wikiRuns() {
        for text in Self.texts {
            for style in Self.styles {
                for encoding in [WikiMarkupStream.Encoding.wiki, .json, .csv] {
                    let alone = Self.wiki(encoding) { $0.run(style, text) }
                    let aloneReference = Self.wiki(encoding) { $0.run(style, TicketText(text)) }
                    #expect(alone.complete == aloneReference.complete, "\(text.debugDescription) \(style) \(encoding)")
                    #expect(alone.bytes == aloneReference.bytes, "\(text.debugDescription) \(style) \(encoding)")
                    let spaced = Self.wiki(encoding) { $0.run(style, afterSpace: text) }
                    let spacedReference = Self.wiki(encoding) { $0.run(style, TicketText(" ", text)) }
                    #expect(spaced.complete == spacedReference.complete, "\(text.debugDescription) \(style) \(encoding)")
                    #expect(spaced.bytes == spacedReference.bytes, "\(text.debugDescription) \(style) \(encoding)")
                }
            }
        }
    }

    @Test("the compact ADF stream writes a borrowed run as its TicketText, with the same bound")
    func adfRuns() {
        for text in Self.texts {
            for style in Self.styles {
                let alone = Self.adf { $0.run(style, text) }
                #expect(alone == Self.adf { $0.run(style, TicketText(text)) }, "\(text.debugDescription) \(style)")
                let spaced = Self.adf { $0.run(style, afterSpace: text) }
                #expect(spaced == Self.adf { $0.run(style, TicketText(" ", text)) }, "\(text.debugDescription) \(style)")
            }
        }
    }

    @Test("the collector keeps a borrowed run as its TicketText, and a labelled line as before")
    func collectorRuns() {
        for text in Self.texts {
            for style in Self.styles {
                #expect(Self.collected { $0.run(style, text) } == Self.collected { $0.run(style, TicketText(text)) })
                #expect(
                    Self.collected { $0.run(style, afterSpace: text) } == Self.collected { $0.run(style, TicketText(" ", text)) })
            }
            var borrowed = TicketDocument.Collector()
            borrowed.labelled(Labels.problem, in: .ja, afterSpace: text)
            var reference = TicketDocument.Collector()
            reference.labelled(Labels.problem, in: .ja, TicketText(" ", text))
            #expect(borrowed.document == reference.document)
        }
    }
}
