import Testing

@testable import HandoffKit

/// A catalogue of four systems, with aliases.
enum IdeaHintsCatalogue {
    static let systems: Configuration = {
        let yaml = """
            systems:
              - {name: Marketo, aliases: [MA, marketing automation], owner: MOps, lead_form: true}
              - {name: Website CMS, aliases: [CMS, corporate site], owner: Web team}
              - {name: Lead Router, aliases: [lead], owner: Sales Ops}
              - {name: Zoom Webinars, aliases: [Zoom], owner: Events}
            """
        do {
            return try ConfigLoader.parse(text: yaml, source: "handoff.yaml")
        } catch {
            Issue.record("catalogue did not parse: \(error)")
            return Configuration()
        }
    }()
}

/// What the marketer's idea already names: systems (catalogue or well-known tools), dates and
/// numbers, offered back later as defaults.
@Suite("IdeaHints")
struct IdeaHintsTests {

    private func hints(_ text: String, _ configuration: Configuration = Configuration()) -> IdeaHints {
        IdeaHints(texts: [text], configuration: configuration, today: TestDrafts.today)
    }

    private func date(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    // MARK: - Systems

    @Test("the catalogue parses with its four systems")
    func catalogueLoads() {
        #expect(IdeaHintsCatalogue.systems.systems.compactMap(\.name) == ["Marketo", "Website CMS", "Lead Router", "Zoom Webinars"])
    }

    @Test(
        "catalogue names and aliases are found, reported by their catalogue name",
        arguments: [
            ("A new program in Marketo", ["Marketo"]),
            ("Change the form in our marketing automation", ["Marketo"]),
            ("Update the MA program for the webinar", ["Marketo"]),
            ("Put a banner on the corporate site", ["Website CMS"]),
            ("Route every lead to the right rep", ["Lead Router"]),
            ("Host it on zoom and send the list to Marketo", ["Marketo", "Zoom Webinars"]),
            ("Nothing technical here", []),
        ])
    func catalogue(_ text: String, _ expected: [String]) {
        #expect(hints(text, IdeaHintsCatalogue.systems).systems == expected, "\(text)")
    }

    @Test(
        "well-known tools are found without a catalogue",
        arguments: [
            ("Create a Marketo program", ["Marketo"]),
            ("Sync HubSpot contacts and report in GA4", ["HubSpot", "GA4"]),
            ("Marketo form, HubSpot sync and a GA4 event", ["Marketo", "HubSpot", "GA4"]),
            ("track it in google analytics", ["Google Analytics"]),
            ("Register through Zoom", ["Zoom"]),
        ])
    func knownTools(_ text: String, _ expected: [String]) {
        #expect(hints(text).systems == expected, "\(text)")
    }

    @Test("CMS is not listed again when Website CMS was found")
    func cmsNotDuplicated() {
        #expect(hints("Embed the form in the Website CMS").systems == ["Website CMS"])
        #expect(hints("Embed the form in the Website CMS; the CMS team knows").systems == ["Website CMS"])
        #expect(hints("Embed the form in the Website CMS", IdeaHintsCatalogue.systems).systems == ["Website CMS"])
        #expect(hints("Ask the CMS team", IdeaHintsCatalogue.systems).systems == ["Website CMS"])
        // Alone, CMS is a system of its own.
        #expect(hints("Ask the CMS team").systems == ["CMS"])
    }

    @Test("a known tool the catalogue knows by an alias is reported once, under the catalogue name")
    func knownToolUnderCatalogueName() throws {
        let configuration = try ConfigLoader.parse(
            text: "systems:\n  - {name: Marketo Engage, aliases: [Marketo]}\n", source: "handoff.yaml")
        #expect(hints("A new Marketo program", configuration).systems == ["Marketo Engage"])
    }

    @Test(
        "whole words only",
        arguments: [
            ("Improve leadership reporting", IdeaHintsCatalogue.systems, [String]()),
            ("We zoomed in on the funnel", IdeaHintsCatalogue.systems, []),
            ("Zoomed in on the funnel", Configuration(), []),
            ("Send an email to the team", IdeaHintsCatalogue.systems, []),
            ("Our dreams of a better summary", Configuration(), []),
            ("Marketos everywhere", Configuration(), []),
        ])
    func wholeWords(_ text: String, _ configuration: Configuration, _ expected: [String]) {
        #expect(hints(text, configuration).systems == expected, "\(text)")
    }

    @Test("systems are found in every text handed in (idea and why-now)")
    func severalTexts() {
        let found = IdeaHints(
            texts: ["A sign-up form", "Marketo needs the leads before Dec 18"], configuration: Configuration(),
            today: TestDrafts.today)
        #expect(found.systems == ["Marketo"])
        #expect(found.dates == [date("2026-12-18")])
    }

    // MARK: - Dates

    @Test(
        "dates in English and Japanese",
        arguments: [
            ("A webinar on Dec 18", ["2026-12-18"]),
            ("A webinar on Dec 18.", ["2026-12-18"]),
            ("The webinar is on 18 Dec, invitations go out first", ["2026-12-18"]),
            ("The webinar runs on 2026-12-18.", ["2026-12-18"]),
            ("Webinar on December 18th (Friday)", ["2026-12-18"]),
            ("ウェビナーは12月18日に開催", ["2026-12-18"]),
            ("ウェビナーは2027年1月15日に開催します。", ["2027-01-15"]),
            ("Copy by 2026-12-01, webinar on Dec 18", ["2026-12-01", "2026-12-18"]),
            ("Dec 18 and again 2026-12-18", ["2026-12-18"]),
            ("No date at all", []),
        ])
    func dates(_ text: String, _ expected: [String]) {
        #expect(hints(text).dates.map(\.description) == expected, "\(text)")
    }

    @Test(
        "dates before today are ignored",
        arguments: [
            ("The last webinar on 2026-11-01 lost sign-ups; the next is on 2026-12-18", ["2026-12-18"]),
            ("前回は2026年10月1日、次回は2026年12月18日", ["2026-12-18"]),
            ("It broke on 2025-06-30", []),
        ])
    func pastDates(_ text: String, _ expected: [String]) {
        #expect(hints(text).dates.map(\.description) == expected, "\(text)")
    }

    // MARK: - Numbers

    @Test(
        "numbers of two or more digits, with percentages",
        arguments: [
            ("We want 300 registrations", ["300"]),
            ("About 30% are lost", ["30%"]),
            ("We lose 30% of 300 sign-ups", ["30%", "300"]),
            ("300件の申し込みを目指す", ["300"]),
            ("Webinar on Dec 18", []),
            ("Webinar on 18 Dec", []),
            ("Webinar on Dec. 18", []),
            ("Webinar on December 18th", []),
            ("ウェビナーは12月18日に開催", []),
            ("The webinar runs on 2026-12-18", []),
            ("Webinar on 12/18", []),
            ("Only 5 people", []),
            ("Dec 18, 300 seats", ["300"]),
            ("300 seats, 300 more next time", ["300"]),
        ])
    func numbers(_ text: String, _ expected: [String]) {
        #expect(hints(text).numbers == expected, "\(text)")
    }

    @Test("everything at once")
    func everything() {
        let found = hints(
            "We need a Marketo form for the webinar on Dec 18 to reach 300 registrations; today 30% are lost.", IdeaHintsCatalogue.systems)
        #expect(found == IdeaHints(systems: ["Marketo"], dates: [date("2026-12-18")], numbers: ["300", "30%"], kind: .form))
    }
}
