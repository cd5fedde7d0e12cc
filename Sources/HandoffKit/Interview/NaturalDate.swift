/// Reads the dates marketers type: `2026-12-04`, `12/4`, `Dec 15`, `15 December 2026`, `next
/// friday`, `in 3 weeks`, `end of month`, `12月15日`, `2026年12月15日`, `来週の金曜`, `3週間後`,
/// `明日`, `月末`, `end of February`, `2月末`, and offsets from a date or from the event the
/// idea names (`two weeks after the show`, `展示会の2週間後`). A date without a year is the next
/// one on or after today.
public enum NaturalDate {
    /// - Parameter anchor: the date "the show", "the event", 「展示会」 stand for: the first date
    ///   the marketer named in the idea. Without one, such offsets are not read.
    public static func parse(_ input: String, today: CivilDate, anchor: CivilDate? = nil) -> CivilDate? {
        let text = normalise(input)
        if text.isEmpty { return nil }
        if let date = plain(text, today: today) { return date }
        return offset(text, today: today, anchor: anchor)
    }

    private static func plain(_ text: String, today: CivilDate) -> CivilDate? {
        if case .success(let date) = CivilDate.parse(text) { return date }
        return relative(text, today: today) ?? japanese(text, today: today) ?? numeric(text, today: today)
            ?? monthName(text, today: today) ?? endOfNamedMonth(text, today: today)
    }

    /// `end of February`, `end of feb 2027`, `late february`: the month's last day.
    static func endOfNamedMonth(_ text: String, today: CivilDate) -> CivilDate? {
        var words = text.split(separator: " ").map(String.init)
        if words.first == "by" || words.first == "on" || words.first == "at" { words.removeFirst() }
        if words.first == "the" { words.removeFirst() }
        guard words.count >= 2, words[0] == "end" else { return nil }
        words.removeFirst()
        if words.first == "of" { words.removeFirst() }
        guard let name = words.first, let month = months[name] else { return nil }
        let year = words.count == 2 ? Int(words[1]) : nil
        guard words.count <= 2, words.count == 1 || year != nil else { return nil }
        return resolve(year: year, month: month, day: 0, today: today, endOfMonth: true)
    }

    /// `two weeks after the show`, `3 days before launch`, `2 weeks after dec 4`,
    /// `展示会の2週間後`, `イベントの3日前`.
    static func offset(_ text: String, today: CivilDate, anchor: CivilDate?) -> CivilDate? {
        for (word, sign) in [(" after ", 1), (" before ", -1)] {
            guard let range = text.range(of: word) else { continue }
            let amount = String(text[..<range.lowerBound])
            let reference = String(text[range.upperBound...])
            guard let base = plain(reference, today: today) ?? anchor, let days = span(amount) else { return nil }
            return days.months == 0 ? base.adding(days: sign * days.days) : addingMonths(sign * days.months, to: base)
        }
        let compact = text.replacingOccurrences(of: " ", with: "")
        for (mark, sign) in [("後", 1), ("前", -1)] where compact.hasSuffix(mark) {
            guard let particle = compact.range(of: "の", options: .backwards) else { return nil }
            let reference = String(compact[..<particle.lowerBound])
            let amount = String(compact[particle.upperBound...].dropLast())
            guard let base = plain(reference, today: today) ?? anchor, let days = japaneseSpan(amount) else { return nil }
            return days.months == 0 ? base.adding(days: sign * days.days) : addingMonths(sign * days.months, to: base)
        }
        return nil
    }

    /// `two weeks`, `3 days`, `a month`.
    private static func span(_ text: String) -> (days: Int, months: Int)? {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2, let count = Int(words[0]) ?? numberWords[words[0]] else { return nil }
        switch words[1] {
        case "day", "days": return (count, 0)
        case "week", "weeks": return (7 * count, 0)
        case "month", "months": return (0, count)
        default: return nil
        }
    }

    /// `2週間`, `3日`, `1ヶ月`.
    private static func japaneseSpan(_ text: String) -> (days: Int, months: Int)? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits) else { return nil }
        switch String(text.dropFirst(digits.count)) {
        case "日": return (count, 0)
        case "週間", "週": return (7 * count, 0)
        case "ヶ月", "か月", "カ月", "ケ月", "ヵ月": return (0, count)
        default: return nil
        }
    }

    /// The date as a person reads it, to confirm: "Friday 4 December 2026" / "2026年12月4日（金）".
    public static func spoken(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .en:
            return "\(weekdayNames[date.weekday - 1]) \(date.day) \(CivilDate.monthNames[date.month - 1]) \(date.year)"
        case .ja:
            return "\(date.year)年\(date.month)月\(date.day)日（\(japaneseWeekdays[date.weekday - 1])）"
        }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let japaneseWeekdays = ["月", "火", "水", "木", "金", "土", "日"]

    /// Lower case, full-width digits and letters made ASCII, spacing and punctuation tidied.
    static func normalise(_ input: String) -> String {
        var out = ""
        for scalar in input.lowercased().unicodeScalars {
            if (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF5A).contains(scalar.value) {
                out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            } else if scalar == "\u{3000}" || scalar == "," {
                out += " "
            } else if scalar == "／" {
                out += "/"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        let words = out.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var joined = words.joined(separator: " ")
        for suffix in [".", "。"] where joined.hasSuffix(suffix) { joined.removeLast() }
        return joined
    }

    // MARK: English relative forms

    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
        "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    static func relative(_ text: String, today: CivilDate) -> CivilDate? {
        var words = text.split(separator: " ").map(String.init)
        if words.first == "on" || words.first == "by" { words.removeFirst() }
        let phrase = words.joined(separator: " ")
        switch phrase {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "day after tomorrow", "the day after tomorrow": return today.adding(days: 2)
        case "next week": return nextWeekday(1, after: today, fromNextWeek: true)
        case "end of month", "end of the month", "end of this month": return endOfMonth(today)
        case "end of next month": return endOfMonth(addingMonths(1, to: today))
        case "next month": return addingMonths(1, to: CivilDate(year: today.year, month: today.month, day: 1)!)
        default: break
        }
        // "friday", "this friday", "next friday": the coming one (people mean it so more often
        // than the one in the week after; the interview confirms the date it read).
        if let last = words.last, let weekday = weekdays[last], words.count <= 2 {
            switch words.count == 2 ? words[0] : "" {
            case "", "this", "next", "coming": return nextWeekday(weekday, after: today, fromNextWeek: false)
            default: return nil
            }
        }
        // "in 3 weeks", "3 weeks from now", "in ten days"
        if words.first == "in" { words.removeFirst() }
        if words.count >= 3, words[words.count - 2] == "from", words.last == "now" { words.removeLast(2) }
        // The unit may be two words ("business days").
        guard words.count == 2 || words.count == 3, let count = Int(words[0]) ?? numberWords[words[0]] else { return nil }
        switch words.dropFirst().joined(separator: " ") {
        case "day", "days": return today.adding(days: count)
        case "week", "weeks": return today.adding(days: 7 * count)
        case "month", "months": return addingMonths(count, to: today)
        case "business day", "business days", "working day", "working days": return addingBusinessDays(count, to: today)
        default: return nil
        }
    }

    /// The next `weekday` after today (today itself counts for "friday" said on a Friday? no: the
    /// next one). With `fromNextWeek`, the one in the week after this one ("next friday").
    static func nextWeekday(_ weekday: Int, after today: CivilDate, fromNextWeek: Bool) -> CivilDate {
        if fromNextWeek {
            let mondayNextWeek = today.adding(days: 8 - today.weekday)
            return mondayNextWeek.adding(days: weekday - 1)
        }
        var delta = weekday - today.weekday
        if delta <= 0 { delta += 7 }
        return today.adding(days: delta)
    }

    static func endOfMonth(_ date: CivilDate) -> CivilDate {
        CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
    }

    static func addingMonths(_ months: Int, to date: CivilDate) -> CivilDate {
        let total = date.year * 12 + (date.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysIn(month: month, year: year)))!
    }

    static func addingBusinessDays(_ days: Int, to date: CivilDate) -> CivilDate {
        var cursor = date
        var left = days
        while left > 0 {
            cursor = cursor.adding(days: 1)
            if !cursor.isWeekend { left -= 1 }
        }
        return cursor
    }

    // MARK: Japanese

    static let japaneseWeekdayIndex: [Character: Int] = ["月": 1, "火": 2, "水": 3, "木": 4, "金": 5, "土": 6, "日": 7]

    static func japanese(_ text: String, today: CivilDate) -> CivilDate? {
        var text = text.replacingOccurrences(of: " ", with: "")
        for particle in ["まで", "までに", "頃", "ごろ", "に"] where text.hasSuffix(particle) && text.count > particle.count {
            text.removeLast(particle.count)
        }
        switch text {
        case "今日", "本日": return today
        case "明日", "あした", "あす": return today.adding(days: 1)
        case "明後日", "あさって": return today.adding(days: 2)
        case "来週": return nextWeekday(1, after: today, fromNextWeek: true)
        case "月末", "今月末": return endOfMonth(today)
        case "来月末": return endOfMonth(addingMonths(1, to: today))
        case "来月": return addingMonths(1, to: CivilDate(year: today.year, month: today.month, day: 1)!)
        default: break
        }
        // 来週の金曜 / 来週金曜日 / 今週の金曜 / 次の金曜 / 金曜日 / 金曜
        var rest = Substring(text)
        var fromNextWeek = false
        if rest.hasPrefix("来週") {
            fromNextWeek = true
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("今週") || rest.hasPrefix("次の") || rest.hasPrefix("今度の") {
            rest = rest.dropFirst(rest.hasPrefix("今度の") ? 3 : 2)
        }
        if rest.hasPrefix("の") { rest = rest.dropFirst() }
        if let first = rest.first, let weekday = japaneseWeekdayIndex[first],
            ["", "曜", "曜日"].contains(String(rest.dropFirst()))
        {
            return nextWeekday(weekday, after: today, fromNextWeek: fromNextWeek)
        }
        // 3日後 / 3週間後 / 2ヶ月後 / 10営業日後
        if text.hasSuffix("後") {
            let body = text.dropLast()
            let digits = body.prefix { $0.isASCII && $0.isNumber }
            if let count = Int(digits) {
                switch String(body.dropFirst(digits.count)) {
                case "日": return today.adding(days: count)
                case "週間", "週": return today.adding(days: 7 * count)
                case "ヶ月", "か月", "カ月", "ケ月", "箇月", "ヵ月": return addingMonths(count, to: today)
                case "営業日": return addingBusinessDays(count, to: today)
                default: return nil
                }
            }
        }
        // 2026年12月15日 / 12月15日
        var year: Int?
        var remainder = Substring(text)
        if let index = remainder.firstIndex(of: "年") {
            year = Int(remainder[..<index])
            guard year != nil else { return nil }
            remainder = remainder[remainder.index(after: index)...]
        }
        guard let monthMark = remainder.firstIndex(of: "月"), let month = Int(remainder[..<monthMark]) else { return nil }
        let dayPart = remainder[remainder.index(after: monthMark)...]
        guard dayPart.hasSuffix("日"), let day = Int(dayPart.dropLast()) else {
            if dayPart == "末" { return resolve(year: year, month: month, day: 0, today: today, endOfMonth: true) }
            return nil
        }
        return resolve(year: year, month: month, day: day, today: today)
    }

    // MARK: Numeric and month names

    /// `12/4`, `2026/12/4`, `12/4/2026`.
    static func numeric(_ text: String, today: CivilDate) -> CivilDate? {
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = parts.compactMap { $0 }
        switch numbers.count {
        case 2: return resolve(year: nil, month: numbers[0], day: numbers[1], today: today)
        case 3 where numbers[0] > 31: return resolve(year: numbers[0], month: numbers[1], day: numbers[2], today: today)
        case 3 where numbers[2] > 31: return resolve(year: numbers[2], month: numbers[0], day: numbers[1], today: today)
        default: return nil
        }
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// `Dec 15`, `December 15th 2026`, `15 Dec`, `15th of December`.
    static func monthName(_ text: String, today: CivilDate) -> CivilDate? {
        var words = text.split(separator: " ").map { String($0) }
        words.removeAll { $0 == "of" || $0 == "the" || $0 == "on" }
        var month: Int?
        var day: Int?
        var year: Int?
        for word in words {
            let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
            if let value = months[bare] {
                month = value
                continue
            }
            var digits = bare
            for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
            guard let number = Int(digits) else { return nil }
            if number > 31 { year = number } else if day == nil { day = number } else { return nil }
        }
        guard let month, let day else { return nil }
        return resolve(year: year, month: month, day: day, today: today)
    }

    /// A date from its parts; without a year, the next such date on or after today.
    static func resolve(year: Int?, month: Int, day: Int, today: CivilDate, endOfMonth: Bool = false) -> CivilDate? {
        func make(_ year: Int) -> CivilDate? {
            guard (1...12).contains(month) else { return nil }
            return CivilDate(year: year, month: month, day: endOfMonth ? CivilDate.daysIn(month: month, year: year) : day)
        }
        if let year { return make(year) }
        guard let thisYear = make(today.year) else { return make(today.year + 1) }
        return thisYear >= today ? thisYear : make(today.year + 1)
    }
}
