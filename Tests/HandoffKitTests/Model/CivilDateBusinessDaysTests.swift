import Testing

@testable import HandoffKit

extension Rules {
    @Suite("Civil dates and business days")
    struct CivilDateBusinessDaysTests {
        static func date(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

        /// Business days counted one day at a time: the reference the fast count must agree with.
        static func slowBusinessDays(from start: CivilDate, to end: CivilDate) -> Int {
            if end < start { return -slowBusinessDays(from: end, to: start) }
            var count = 0
            var day = start
            while day < end {
                day = day.adding(days: 1)
                if day.weekday <= 5 { count += 1 }
            }
            return count
        }

        @Test(
            "weekdays of known dates (1 = Monday … 7 = Sunday)",
            arguments: [
                ("1970-01-01", 4), ("2026-11-20", 5), ("2026-11-21", 6), ("2026-11-22", 7), ("2026-11-23", 1),
                ("2000-01-01", 6), ("2024-02-29", 4), ("1969-12-31", 3), ("1900-01-01", 1), ("2100-12-31", 5),
                ("0001-01-01", 1),
            ])
        func weekdays(text: String, weekday: Int) {
            let date = Self.date(text)
            #expect(date.weekday == weekday)
            #expect(date.isWeekend == (weekday >= 6))
        }

        @Test("the test's today is a Friday")
        func today() {
            #expect(TestDrafts.today.description == "2026-11-20")
            #expect(TestDrafts.today.weekday == 5)
        }

        @Test(
            "business days after today up to and including the end",
            arguments: [
                ("2026-11-20", "2026-11-20", 0),  // same day
                ("2026-11-20", "2026-11-21", 0),  // Friday → Saturday
                ("2026-11-20", "2026-11-22", 0),  // Friday → Sunday
                ("2026-11-20", "2026-11-23", 1),  // Friday → Monday
                ("2026-11-21", "2026-11-22", 0),  // Saturday → Sunday
                ("2026-11-21", "2026-11-23", 1),  // Saturday → Monday
                ("2026-11-22", "2026-11-23", 1),  // Sunday → Monday
                ("2026-11-23", "2026-11-27", 4),  // Monday → Friday
                ("2026-11-23", "2026-11-30", 5),  // Monday → next Monday
                ("2026-11-20", "2026-12-04", 10),  // two weeks
                ("2026-11-20", "2026-12-03", 9),
                ("2026-12-28", "2027-01-04", 5),  // across the year end (holidays are not known)
                ("2028-02-25", "2028-03-01", 3),  // Friday → Wednesday across a leap day (Tue 29th)
                ("2027-02-26", "2027-03-01", 1),  // Friday → Monday, no leap day
                ("2026-11-20", "2027-11-19", 260),  // a year less a day: 52 weeks
            ])
        func businessDays(from: String, to: String, expected: Int) {
            let start = Self.date(from)
            let end = Self.date(to)
            #expect(start.businessDays(until: end) == expected)
            #expect(end.businessDays(until: start) == -expected)
        }

        @Test("the fast count agrees with counting day by day, from every weekday, up to ten weeks")
        func agreesWithReference() {
            let monday = Self.date("2026-11-16")
            for offset in 0..<7 {
                let start = monday.adding(days: offset)
                for length in -20...70 {
                    let end = start.adding(days: length)
                    let expected = Self.slowBusinessDays(from: start, to: end)
                    #expect(start.businessDays(until: end) == expected, "\(start) → \(end)")
                }
            }
        }

        @Test("days(until:) is the difference of day numbers")
        func daysUntil() {
            #expect(TestDrafts.today.days(until: Self.date("2027-01-01")) == 42)
            #expect(TestDrafts.today.days(until: Self.date("2027-01-02")) == 43)
            #expect(Self.date("2027-01-02").days(until: TestDrafts.today) == -43)
            #expect(Self.date("2024-02-28").days(until: Self.date("2024-03-01")) == 2)
            #expect(Self.date("2023-02-28").days(until: Self.date("2023-03-01")) == 1)
        }

        @Test(
            "day numbers count from 1970-01-01",
            arguments: [
                ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
                ("2026-11-20", 20_777),
            ])
        func dayNumbers(text: String, number: Int) {
            #expect(Self.date(text).dayNumber == number)
            #expect(CivilDate(dayNumber: number) == Self.date(text))
        }

        @Test("day numbers round-trip through every day of a leap cycle and at the ends of the range")
        func roundTrip() {
            let start = Self.date("1999-12-25").dayNumber
            var previous: CivilDate?
            for number in start...(start + 4 * 366 + 10) {
                let date = CivilDate(dayNumber: number)
                #expect(date.dayNumber == number)
                #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
                if let previous {
                    #expect(previous < date)
                    #expect(previous.adding(days: 1) == date)
                    #expect(date.weekday == previous.weekday % 7 + 1)
                }
                previous = date
            }
            for text in ["0001-01-01", "1600-02-29", "9999-12-31"] {
                let date = Self.date(text)
                #expect(CivilDate(dayNumber: date.dayNumber) == date)
                #expect(date.description == text)
            }
        }

        @Test(
            "leap years follow the Gregorian rules",
            arguments: [
                (2024, true), (2028, true), (2000, true), (2400, true), (2026, false), (1900, false), (2100, false),
            ])
        func leapYears(year: Int, leap: Bool) {
            #expect(CivilDate.isLeap(year) == leap)
            #expect(CivilDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
            #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
            let march1 = CivilDate(year: year, month: 3, day: 1)!
            #expect(CivilDate(year: year, month: 2, day: 28)!.days(until: march1) == (leap ? 2 : 1))
            let nextYear = CivilDate(year: year + 1, month: 1, day: 1)!
            #expect(CivilDate(year: year, month: 1, day: 1)!.days(until: nextYear) == (leap ? 366 : 365))
        }

        @Test("dates that do not exist are refused with a reason")
        func invalidDates() {
            #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
            #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
            #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
            #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
            #expect(CivilDate.parse("2026-02-29") == .failure(.noSuchDay(29, month: 2, year: 2026)))
            #expect(CivilDate.parse("2026-13-01") == .failure(.noSuchMonth(13)))
            #expect(CivilDate.parse("2026-1-01") == .failure(.notADate))
            #expect(CivilDate.parse("2028-02-29") == .success(CivilDate(year: 2028, month: 2, day: 29)!))
        }
    }
}
