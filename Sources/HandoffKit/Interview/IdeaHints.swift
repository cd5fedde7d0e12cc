/// What the marketer's own words already say, offered back later as defaults: systems of the
/// catalogue (or well-known marketing tools), dates, and numbers. "You mentioned Marketo — is it
/// affected?" beats asking from scratch.
public struct IdeaHints: Sendable, Equatable {
    /// Systems named in the words, by their catalogue name when they have one, each once.
    public var systems: [String] = []
    /// Dates named in the words, today or later, in the order written.
    public var dates: [CivilDate] = []
    /// Numbers of two or more digits that are not part of a date, as written (`300`, `30%`).
    public var numbers: [String] = []
    /// The kind of request the words read as, offered back for the marketer to confirm.
    public var kind: RequestKind?

    /// Well-known tools recognised even without a catalogue.
    static let knownTools = [
        "Marketo", "HubSpot", "Salesforce", "Pardot", "Eloqua", "Google Analytics", "GA4", "Google Tag Manager", "GTM",
        "WordPress", "Contentful", "Drupal", "Sitecore", "Adobe Analytics", "Adobe Experience Manager", "Zendesk",
        "Intercom", "Mailchimp", "Shopify", "Webflow", "Eventbrite", "Zoom", "ON24", "Slack", "Segment", "Braze",
        "Optimizely", "Hotjar", "LinkedIn", "kintone", "Sansan", "SATORI", "b→dash", "Website CMS", "CMS", "CRM",
    ]

    /// Hints as given, for tests and callers that already know them.
    public init(systems: [String] = [], dates: [CivilDate] = [], numbers: [String] = [], kind: RequestKind? = nil) {
        self.systems = systems
        self.dates = dates
        self.numbers = numbers
        self.kind = kind
    }

    /// Scans `texts` (the idea, why-now …) for hints.
    public init(texts: [String], configuration: Configuration, today: CivilDate) {
        let text = texts.joined(separator: "\n")
        var systems: [String] = []
        for entry in configuration.systems {
            guard let name = entry.name else { continue }
            if ([name] + entry.aliases).contains(where: { TermMatch.contains($0, in: text) }), !systems.contains(name) {
                systems.append(name)
            }
        }
        for tool in Self.knownTools where TermMatch.contains(tool, in: text) {
            let canonical = configuration.catalogueEntry(named: tool)?.name ?? tool
            // "CMS" inside "Website CMS" is the same system.
            if !systems.contains(where: { TermMatch.contains(canonical, in: $0) || TermMatch.contains($0, in: canonical) }) {
                systems.append(canonical)
            }
        }
        self.systems = systems
        // In the order the marketer wrote them: the idea's date before why-now's.
        var dates: [CivilDate] = []
        var numbers: [String] = []
        for text in texts {
            for date in Self.dates(in: text, today: today) where !dates.contains(date) { dates.append(date) }
            for number in Self.numbers(in: text) where !numbers.contains(number) { numbers.append(number) }
        }
        self.dates = dates
        self.numbers = numbers
        self.kind = KindInference.guess(in: texts)?.kind
    }

    /// Dates in free text: ISO dates, `12月15日`, and month-name forms such as `Dec 18`.
    static func dates(in text: String, today: CivilDate) -> [CivilDate] {
        var found: [CivilDate] = []
        func add(_ date: CivilDate?) {
            if let date, date >= today, !found.contains(date) { found.append(date) }
        }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" || $0 == "、" || $0 == "。" })
            .map { String($0).trimmingCharacters(in: ".;:!?") }
        for (index, word) in words.enumerated() {
            if case .success(let date) = CivilDate.parse(word) { add(date) }
            // "Dec 18" and "18 Dec": a month name with a day number beside it.
            guard NaturalDate.months[word.lowercased()] != nil else { continue }
            if index + 1 < words.count, let date = NaturalDate.monthName(word.lowercased() + " " + words[index + 1], today: today) {
                add(date)
            } else if index > 0 {
                add(NaturalDate.monthName(words[index - 1] + " " + word.lowercased(), today: today))
            }
        }
        // 12月15日 anywhere (Japanese has no spaces).
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "月" {
                var start = index
                while start > 0, ("0"..."9").contains(scalars[start - 1]) { start -= 1 }
                var end = index + 1
                while end < scalars.count, ("0"..."9").contains(scalars[end]) { end += 1 }
                if start < index, end > index + 1, end < scalars.count, scalars[end] == "日" {
                    var yearStart = start
                    if start >= 5, scalars[start - 1] == "年" {
                        yearStart = start - 1
                        while yearStart > 0, ("0"..."9").contains(scalars[yearStart - 1]) { yearStart -= 1 }
                    }
                    var phrase = ""
                    phrase.unicodeScalars.append(contentsOf: scalars[yearStart...end])
                    add(NaturalDate.japanese(phrase, today: today))
                }
            }
            index += 1
        }
        return found
    }

    /// Numbers of two or more digits that are not part of a date (`300 registrations`, `30%`, but
    /// not the 18 of `Dec 18` or of `12月18日`).
    static func numbers(in text: String) -> [String] {
        var found: [String] = []
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "、" || $0 == "。" })
        for (index, word) in words.enumerated() {
            if case .success = CivilDate.parse(String(word)) { continue }
            let besideMonth = [index - 1, index + 1].contains { neighbour in
                neighbour >= 0 && neighbour < words.count && NaturalDate.months[String(words[neighbour]).lowercased().trimmingCharacters(in: ".")] != nil
            }
            if besideMonth || word.contains("月") || word.contains("年") { continue }
            // "in 2027" is a year, not a target.
            if let value = Int(word.prefix { $0.isNumber }), word.prefix(while: \.isNumber).count == 4, (1990...2100).contains(value) {
                continue
            }
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            guard digits.count >= 2, !word.contains("-"), !word.contains("/") else { continue }
            let rest = word.dropFirst(digits.count)
            let number = rest.hasPrefix("%") ? String(digits) + "%" : String(digits)
            if !found.contains(number) { found.append(number) }
        }
        return found
    }
}
