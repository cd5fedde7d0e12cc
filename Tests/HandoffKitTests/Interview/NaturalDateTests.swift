import Testing

@testable import HandoffKit

/// Dates as marketers type them, in English and Japanese, read against a fixed today
/// (2026-11-20, a Friday).
@Suite("NaturalDate")
struct NaturalDateTests {
    static let today = TestDrafts.today

    private func parse(_ text: String, today: CivilDate = NaturalDateTests.today) -> String? {
        NaturalDate.parse(text, today: today)?.description
    }

    @Test("today is the Friday the tables assume")
    func todayIsFriday() {
        #expect(Self.today.description == "2026-11-20")
        #expect(Self.today.weekday == 5)
    }

    @Test(
        "numeric and month-name dates",
        arguments: [
            ("2026-12-04", "2026-12-04"), ("2027-03-01", "2027-03-01"), ("12/4", "2026-12-04"), ("2026/12/4", "2026-12-04"),
            ("12/4/2026", "2026-12-04"), ("Dec 15", "2026-12-15"), ("December 15th", "2026-12-15"), ("15 Dec", "2026-12-15"),
            ("15 December 2026", "2026-12-15"), ("15th of December", "2026-12-15"), ("Dec. 15", "2026-12-15"),
            ("december 15, 2026", "2026-12-15"), ("DEC 15", "2026-12-15"), ("  Dec   15  ", "2026-12-15"),
            ("Dec 15.", "2026-12-15"), ("on Dec 15", "2026-12-15"), ("Sept 1", "2027-09-01"),
        ])
    func absolute(_ input: String, _ expected: String) {
        #expect(parse(input) == expected, "\(input)")
    }

    @Test(
        "relative English dates",
        arguments: [
            ("today", "2026-11-20"), ("tomorrow", "2026-11-21"), ("the day after tomorrow", "2026-11-22"),
            // A weekday is the next one, never today.
            ("friday", "2026-11-27"), ("Friday", "2026-11-27"), ("fri", "2026-11-27"), ("this friday", "2026-11-27"),
            ("by friday", "2026-11-27"),
            // "next friday" is the coming Friday (the interview confirms it back).
            ("next friday", "2026-11-27"), ("Next Friday.", "2026-11-27"), ("monday", "2026-11-23"),
            ("next monday", "2026-11-23"), ("next wednesday", "2026-11-25"), ("sunday", "2026-11-22"),
            ("saturday", "2026-11-21"),
            ("next week", "2026-11-23"), ("in 3 weeks", "2026-12-11"), ("3 weeks from now", "2026-12-11"),
            ("in a week", "2026-11-27"), ("in ten days", "2026-11-30"), ("10 days", "2026-11-30"),
            ("in 2 months", "2027-01-20"), ("end of month", "2026-11-30"), ("end of the month", "2026-11-30"),
            ("end of next month", "2026-12-31"), ("next month", "2026-12-01"),
            ("in 5 business days", "2026-11-27"), ("in 6 business days", "2026-11-30"),
            ("in 3 working days", "2026-11-25"), ("1 business day from now", "2026-11-23"),
        ])
    func relativeEnglish(_ input: String, _ expected: String) {
        #expect(parse(input) == expected, "\(input)")
    }

    /// On a Monday, "friday", "this friday" and "next friday" are all the coming one: people say
    /// "next friday" for it, and the interview reads the date back to be confirmed.
    @Test(
        "weekdays seen from a Monday",
        arguments: [
            ("friday", "2026-11-20"), ("this friday", "2026-11-20"), ("next friday", "2026-11-20"),
            ("monday", "2026-11-23"), ("next monday", "2026-11-23"), ("next week", "2026-11-23"),
            ("金曜", "2026-11-20"), ("今週の金曜", "2026-11-20"), ("来週の金曜", "2026-11-27"), ("次の金曜日", "2026-11-20"),
        ])
    func fromMonday(_ input: String, _ expected: String) {
        let monday = CivilDate(year: 2026, month: 11, day: 16)!
        #expect(monday.weekday == 1)
        #expect(parse(input, today: monday) == expected, "\(input)")
    }

    @Test(
        "Japanese dates",
        arguments: [
            ("12月15日", "2026-12-15"), ("2026年12月15日", "2026-12-15"), ("来週の金曜", "2026-11-27"),
            ("来週金曜日", "2026-11-27"), ("来週の月曜日", "2026-11-23"), ("金曜日", "2026-11-27"), ("金曜", "2026-11-27"),
            ("来週", "2026-11-23"), ("3週間後", "2026-12-11"), ("10日後", "2026-11-30"), ("2ヶ月後", "2027-01-20"),
            ("2か月後", "2027-01-20"), ("5営業日後", "2026-11-27"), ("今日", "2026-11-20"), ("明日", "2026-11-21"),
            ("明後日", "2026-11-22"), ("月末", "2026-11-30"), ("来月末", "2026-12-31"), ("12月末", "2026-12-31"),
            ("12月15日までに", "2026-12-15"), ("12月15日まで", "2026-12-15"), ("12月15日に", "2026-12-15"),
            ("12月15日頃", "2026-12-15"), ("明日までに", "2026-11-21"),
            // Full-width digits and punctuation, as Japanese input methods type them.
            ("１２月１５日", "2026-12-15"), ("２０２６年１２月１５日", "2026-12-15"), ("１２／４", "2026-12-04"),
            ("３週間後", "2026-12-11"), ("12月15日。", "2026-12-15"),
        ])
    func japanese(_ input: String, _ expected: String) {
        #expect(parse(input) == expected, "\(input)")
    }

    /// A date without a year is the next one on or after today: one that has passed this year is
    /// next year's.
    @Test(
        "dates without a year roll to next year once passed",
        arguments: [
            ("Jan 5", "2027-01-05"), ("1/5", "2027-01-05"), ("1月5日", "2027-01-05"), ("Nov 19", "2027-11-19"),
            ("11/19", "2027-11-19"), ("11月19日", "2027-11-19"), ("Nov 20", "2026-11-20"), ("11月20日", "2026-11-20"),
            ("Nov 21", "2026-11-21"), ("5 January", "2027-01-05"),
        ])
    func rollsOver(_ input: String, _ expected: String) {
        #expect(parse(input) == expected, "\(input)")
    }

    @Test("an explicit year is kept even when it is in the past")
    func explicitPastYear() {
        #expect(parse("15 Dec 2025") == "2025-12-15")
        #expect(parse("2025年12月15日") == "2025-12-15")
        #expect(parse("2025-12-15") == "2025-12-15")
    }

    @Test(
        "nonsense is not a date",
        arguments: [
            "soon", "ASAP", "asap", "13/45", "2月30日", "February 30", "2026-02-30", "2026-13-01", "", "   ", "next",
            "someday", "in many weeks", "next year-ish", "なるべく早く", "来週中", "32/1", "0/0", "Dec", "15",
            "the 15th", "in 3 fortnights", "last friday", "friday next", "2026年", "13月1日", "12月32日", "Dec 15 16",
        ])
    func nonsense(_ input: String) {
        #expect(NaturalDate.parse(input, today: Self.today) == nil, "\(input)")
    }

    @Test(
        "spoken form, to confirm a date",
        arguments: [
            ("2026-12-04", "Friday 4 December 2026", "2026年12月4日（金）"),
            ("2026-11-22", "Sunday 22 November 2026", "2026年11月22日（日）"),
            ("2026-11-23", "Monday 23 November 2026", "2026年11月23日（月）"),
            ("2027-01-05", "Tuesday 5 January 2027", "2027年1月5日（火）"),
            ("2028-02-29", "Tuesday 29 February 2028", "2028年2月29日（火）"),
        ])
    func spoken(_ iso: String, _ english: String, _ japanese: String) throws {
        let date = try CivilDate.parse(iso).get()
        #expect(NaturalDate.spoken(date, .en) == english)
        #expect(NaturalDate.spoken(date, .ja) == japanese)
    }

    @Test("natural and ISO forms of the same day agree")
    func formsAgree() {
        let forms = ["2026-12-04", "12/4", "Dec 4", "4 December", "December 4th 2026", "12月4日", "2026年12月4日", "２０２６／１２／４"]
        let parsed = Set(forms.map { NaturalDate.parse($0, today: Self.today) })
        #expect(parsed == [CivilDate(year: 2026, month: 12, day: 4)])
    }
}

/// Dates people say that used to fail: the end of a named month, and offsets from the event the
/// idea names or from a date.
@Suite("NaturalDate offsets and month ends")
struct NaturalDateOffsetTests {
    let today = CivilDate(year: 2026, month: 11, day: 20)!
    let show = CivilDate(year: 2027, month: 3, day: 3)!

    @Test(
        "the end of a named month is its last day, the next one to come",
        arguments: [
            ("end of February", "2027-02-28"), ("end of feb", "2027-02-28"), ("by the end of February", "2027-02-28"),
            ("end of February 2028", "2028-02-29"), ("end of november", "2026-11-30"), ("2月末", "2027-02-28"),
        ])
    func endOfNamedMonth(_ input: String, _ expected: String) {
        #expect(NaturalDate.parse(input, today: today)?.description == expected, "\(input)")
    }

    @Test(
        "an offset from the event in the idea, or from a date",
        arguments: [
            ("two weeks after the show", "2027-03-17"), ("3 days before the event", "2027-02-28"),
            ("a month after launch", "2027-04-03"), ("2 weeks after dec 4", "2026-12-18"),
            ("展示会の2週間後", "2027-03-17"), ("イベントの3日前", "2027-02-28"), ("12月4日の1週間後", "2026-12-11"),
        ])
    func offsets(_ input: String, _ expected: String) {
        #expect(NaturalDate.parse(input, today: today, anchor: show)?.description == expected, "\(input)")
    }

    @Test("without an event date, an offset from 'the show' is not guessed")
    func noAnchor() {
        #expect(NaturalDate.parse("two weeks after the show", today: today) == nil)
        #expect(NaturalDate.parse("展示会の2週間後", today: today) == nil)
    }
}
