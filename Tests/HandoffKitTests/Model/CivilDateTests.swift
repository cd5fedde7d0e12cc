import Testing

@testable import HandoffKit

/// Calendar dates without time or zone: parsing, leap years, printing and ordering.
@Suite("CivilDate")
struct CivilDateTests {
    private func date(_ year: Int, _ month: Int, _ day: Int, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDate {
        guard let date = CivilDate(year: year, month: month, day: day) else {
            Issue.record("\(year)-\(month)-\(day) should exist", sourceLocation: sourceLocation)
            return CivilDate(dayNumber: 0)
        }
        return date
    }

    // MARK: - Parsing

    @Test(
        "valid dates parse into their parts",
        arguments: [
            ("2026-12-04", 2026, 12, 4), ("2026-01-01", 2026, 1, 1), ("2026-12-31", 2026, 12, 31), ("0001-01-01", 1, 1, 1),
            ("9999-12-31", 9999, 12, 31), ("2028-02-29", 2028, 2, 29), ("2000-02-29", 2000, 2, 29), ("2026-04-30", 2026, 4, 30),
            ("1970-01-01", 1970, 1, 1),
        ])
    func parsesValid(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let parsed = try CivilDate.parse(text).get()
        #expect(parsed.year == year)
        #expect(parsed.month == month)
        #expect(parsed.day == day)
        #expect(parsed.description == text)
    }

    @Test(
        "impossible days name the month and its length",
        arguments: [
            ("2027-02-29", 29, 2, 2027, "February 2027 has 28 days"), ("1900-02-29", 29, 2, 1900, "February 1900 has 28 days"),
            ("2026-02-30", 30, 2, 2026, "February 2026 has 28 days"), ("2028-02-30", 30, 2, 2028, "February 2028 has 29 days"),
            ("2026-04-31", 31, 4, 2026, "April 2026 has 30 days"), ("2026-11-31", 31, 11, 2026, "November 2026 has 30 days"),
            ("2026-01-32", 32, 1, 2026, "January 2026 has 31 days"), ("2026-01-00", 0, 1, 2026, "January 2026 has 31 days"),
        ])
    func impossibleDay(_ text: String, _ day: Int, _ month: Int, _ year: Int, _ explanation: String) {
        let result = CivilDate.parse(text)
        #expect(result == .failure(.noSuchDay(day, month: month, year: year)))
        if case .failure(let problem) = result {
            #expect(problem.explanation.contains(explanation), "\(problem.explanation)")
            #expect(problem.explanation.contains("day \(day)"), "\(problem.explanation)")
        }
    }

    @Test("impossible months are named", arguments: [("2027-13-45", 13), ("2026-13-01", 13), ("2026-00-10", 0), ("2026-99-01", 99)])
    func impossibleMonth(_ text: String, _ month: Int) {
        let result = CivilDate.parse(text)
        #expect(result == .failure(.noSuchMonth(month)))
        if case .failure(let problem) = result {
            #expect(problem.explanation.contains("month \(month)"), "\(problem.explanation)")
        }
    }

    @Test(
        "text that is not YYYY-MM-DD is not a date",
        arguments: [
            "", "2026", "2026-12", "2026-1-05", "2026-01-5", "26-01-05", "02026-01-05", "2026/01/05", "2026.01.05",
            "2026-01-05T10:00", "2026-01-05 ", " 2026-01-05", "abcd-ef-gh", "２０２６-01-05", "2026-０１-05", "+026-01-05",
            "-2026-01-05", "2026--01-05", "2026-01-05-", "12/04/2026", "next week", "0000-01-01", "0000-02-30",
        ])
    func notADate(_ text: String) {
        #expect(CivilDate.parse(text) == .failure(.notADate))
        #expect(CivilDate.DateProblem.notADate.explanation == "is not a date")
    }

    @Test("the memberwise initialiser refuses dates that do not exist")
    func initialiserValidates() {
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 6, day: 31) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
    }

    // MARK: - Leap years

    @Test(
        "leap years follow the Gregorian rules",
        arguments: [(2024, true), (2026, false), (2027, false), (2028, true), (1900, false), (2000, true), (2100, false), (2400, true)])
    func leapYears(_ year: Int, _ leap: Bool) {
        #expect(CivilDate.isLeap(year) == leap)
        #expect(CivilDate.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test("month lengths")
    func monthLengths() {
        #expect((1...12).map { CivilDate.daysIn(month: $0, year: 2026) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect((1...12).map { CivilDate.daysIn(month: $0, year: 2026) }.reduce(0, +) == 365)
        #expect((1...12).map { CivilDate.daysIn(month: $0, year: 2028) }.reduce(0, +) == 366)
    }

    // MARK: - Printing

    @Test(
        "description is YYYY-MM-DD with zero padding",
        arguments: [
            (2026, 1, 5, "2026-01-05"), (2026, 12, 31, "2026-12-31"), (5, 3, 7, "0005-03-07"), (999, 12, 31, "0999-12-31"),
            (42, 10, 1, "0042-10-01"), (1, 1, 1, "0001-01-01"),
        ])
    func descriptionPads(_ year: Int, _ month: Int, _ day: Int, _ expected: String) throws {
        let value = date(year, month, day)
        #expect(value.description == expected)
        #expect(try CivilDate.parse(value.description).get() == value)
        #expect(value.encoded == .plain(expected))
    }

    // MARK: - Ordering and arithmetic

    @Test("dates order by year, then month, then day")
    func ordering() {
        let sorted = [
            date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 2), date(2026, 2, 1), date(2026, 11, 30), date(2026, 12, 1),
            date(2027, 1, 1),
        ]
        #expect(sorted.shuffled().sorted() == sorted)
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            #expect(earlier < later)
            #expect(!(later < earlier))
            #expect(earlier != later)
            #expect(earlier.dayNumber < later.dayNumber)
        }
        #expect(date(2026, 12, 4) == date(2026, 12, 4))
        #expect(Set([date(2026, 12, 4), date(2026, 12, 4), date(2026, 12, 5)]).count == 2)
        #expect(!(date(2026, 12, 4) < date(2026, 12, 4)))
    }

    @Test("day numbers count from 1970-01-01 and convert back")
    func dayNumbers() {
        #expect(date(1970, 1, 1).dayNumber == 0)
        #expect(date(1970, 1, 2).dayNumber == 1)
        #expect(date(1969, 12, 31).dayNumber == -1)
        #expect(date(2000, 3, 1).dayNumber == 11_017)
        for dayNumber in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CivilDate(dayNumber: dayNumber).dayNumber == dayNumber)
        }
        #expect(CivilDate(dayNumber: 0) == date(1970, 1, 1))
    }

    @Test("adding days crosses month, leap-day and year boundaries")
    func addingDays() {
        #expect(date(2026, 12, 31).adding(days: 1) == date(2027, 1, 1))
        #expect(date(2028, 2, 28).adding(days: 1) == date(2028, 2, 29))
        #expect(date(2027, 2, 28).adding(days: 1) == date(2027, 3, 1))
        #expect(date(2026, 3, 1).adding(days: -1) == date(2026, 2, 28))
        #expect(date(2026, 11, 20).days(until: date(2026, 12, 4)) == 14)
        #expect(date(2026, 12, 4).days(until: date(2026, 11, 20)) == -14)
    }

    @Test("weekdays are ISO numbered, and business days skip weekends")
    func weekdays() {
        #expect(date(1970, 1, 1).weekday == 4)  // Thursday
        #expect(date(2026, 11, 20).weekday == 5)  // Friday
        #expect(date(2026, 11, 21).isWeekend)
        #expect(date(2026, 11, 22).weekday == 7)
        #expect(!date(2026, 11, 23).isWeekend)
        // Friday 20th to Friday 4th December: two full weeks.
        #expect(date(2026, 11, 20).businessDays(until: date(2026, 12, 4)) == 10)
        #expect(date(2026, 11, 20).businessDays(until: date(2026, 11, 23)) == 1)
        #expect(date(2026, 11, 20).businessDays(until: date(2026, 11, 22)) == 0)
        #expect(date(2026, 12, 4).businessDays(until: date(2026, 11, 20)) == -10)
        #expect(date(2026, 11, 20).businessDays(until: date(2026, 11, 20)) == 0)
    }
}
