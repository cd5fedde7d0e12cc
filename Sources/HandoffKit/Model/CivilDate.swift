/// A calendar date without time or zone, written `YYYY-MM-DD`.
///
/// Launch dates and milestones are calendar days in the marketer's own time zone; a `Date` with a
/// time and zone would invite off-by-one-day errors, so the model keeps the civil date only.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1 to 9999 for a date made by `init?(year:month:day:)` or `parse`.
    public let year: Int
    /// 1 (January) to 12.
    public let month: Int
    /// 1 to the length of the month.
    public let day: Int

    /// Fails when the date does not exist (month 13, 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, or explains why the text is not such a date.
    public static func parse(_ text: String) -> Result<CivilDate, DateProblem> {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse` on UTF-8 bytes: a date is ten ASCII bytes, so it is read in place, without
    /// splitting the text into strings.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<CivilDate, DateProblem> {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .failure(.notADate) }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .failure(.notADate) }
        // There is no year 0 (1 BC is followed by AD 1); "0000-01-01" is not a date, not a short month.
        guard year >= 1 else { return .failure(.notADate) }
        guard (1...12).contains(month) else { return .failure(.noSuchMonth(month)) }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            return .failure(.noSuchDay(day, month: month, year: year))
        }
        return .success(date)
    }

    /// Why a text is not a date, in the words error messages use.
    public enum DateProblem: Error, Equatable, Sendable {
        case notADate
        case noSuchMonth(Int)
        case noSuchDay(Int, month: Int, year: Int)

        /// What is wrong, as the end of a sentence that starts with the text ("'2026-02-30' has day 30, …").
        public var explanation: String {
            switch self {
            case .notADate: return "is not a date"
            case .noSuchMonth(let month): return "has month \(month), which does not exist"
            case .noSuchDay(let day, let month, let year):
                return "has day \(day), but \(CivilDate.monthNames[month - 1]) \(year) has "
                    + "\(CivilDate.daysIn(month: month, year: year)) days"
                    + (nearest.map { " (the nearest real date is \($0))" } ?? "")
            }
        }

        /// The real date closest to what was meant: the last day of the month for day 30 of
        /// February or day 31 of April.
        public var nearest: CivilDate? {
            guard case .noSuchDay(_, let month, let year) = self else { return nil }
            return CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))
        }

        /// The same in Japanese, to follow the quoted text (「…」).
        public var japanese: String {
            switch self {
            case .notADate: return "は日付ではありません。"
            case .noSuchMonth(let month): return "の月（\(month)）は存在しません。"
            case .noSuchDay(let day, let month, let year):
                return "は存在しない日付です（\(year)年\(month)月は\(CivilDate.daysIn(month: month, year: year))日まで、\(day)日はありません）。"
                    + (nearest.map { "\($0) のことですか。" } ?? "")
            }
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// Gregorian leap year: every fourth year, except centuries not divisible by 400.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// 28 to 31; `month` is 1…12, and any other month counts as 31 days.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (negative for earlier dates).
    /// Not range-checked: far-off day numbers give years outside 1…9999.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Saturday or Sunday; holidays are not known.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other`: 0 for the same day, negative when `other` is earlier.
    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// Monday-to-Friday days after `self` up to and including `other`; negative when `other` is earlier.
    public func businessDays(until other: CivilDate) -> Int {
        if other < self { return -other.businessDays(until: self) }
        let total = days(until: other)
        let fullWeeks = total / 7
        var count = fullWeeks * 5
        var cursor = adding(days: fullWeeks * 7)
        while cursor < other {
            cursor = cursor.adding(days: 1)
            if !cursor.isWeekend { count += 1 }
        }
        return count
    }

    /// `YYYY-MM-DD`, the year padded to four digits.
    public var description: String {
        // Every date the parser makes: its ten ASCII bytes written at once, where the pieces
        // below cost four strings and three joins (a description has a few dates a draft).
        if (0...9999).contains(year) && (1...12).contains(month) && (1...99).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { out in
                func digits(_ value: Int, _ count: Int, at offset: Int) {
                    var value = value
                    for index in stride(from: offset + count - 1, through: offset, by: -1) {
                        out[index] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                }
                digits(year, 4, at: 0)
                out[4] = UInt8(ascii: "-")
                digits(month, 2, at: 5)
                out[7] = UInt8(ascii: "-")
                digits(day, 2, at: 8)
                return 10
            }
        }
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        let d = day < 10 ? "0\(day)" : String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// Earlier dates sort first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CivilDate: DraftCodable {
    /// A scalar in `YYYY-MM-DD`, surrounding spaces ignored; a date that does not exist is an error
    /// that names the nearest real one.
    public static func decode(_ node: TableNode, in context: inout DecodeContext) -> CivilDate? {
        guard node.isScalar else {
            context.fail(node, "expected a date YYYY-MM-DD, found \(node.kindDescription)")
            return nil
        }
        // Read from the node's bytes: a date needs no string unless it is wrong.
        let bytes = node.scalarBytes
        // Only U+0020 is trimmed, as a byte: a space with a combining mark on it is no date either way.
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        switch parse(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
        case .success(let date): return date
        case .failure(let problem):
            let text = node.text
            context.fail(
                node, "'\(text)' \(problem.explanation); write dates as YYYY-MM-DD, e.g. 2026-12-04",
                japanese: "「\(text)」\(problem.japanese)日付は YYYY-MM-DD の形で書いてください（例：2026-12-04）。")
            return nil
        }
    }
    /// The date as a plain `YYYY-MM-DD` scalar.
    public var encoded: Value { .plain(description) }
    /// A JSON Schema string with `format: date`, for the interview and diff.
    public static var schema: Value {
        .object([
            ("type", .string("string")), ("format", .string("date")),
            ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        ])
    }
    /// `parse`'s rule as a pattern, so that 2026-02-30 is refused without a `format` checker:
    /// months of 30 and 31 days, and 29 February in leap years only. The spaces are those `decode`
    /// trims; no `format: date`, which a checking validator would hold against them.
    public static var inputSchema: Value {
        SchemaFragment.typed(["string"], [("pattern", .string("^ *" + datePattern + " *" + SchemaFragment.end))])
    }

    static let datePattern: String = {
        let year = "(?!0000)[0-9]{4}"
        let commonDay = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
        let leapYear = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
        return "(?:" + year + "-" + commonDay + "|" + leapYear + "-02-29)"
    }()
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
