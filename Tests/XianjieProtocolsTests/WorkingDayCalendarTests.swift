import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct WorkingDayCalendarTests {
    let plain = WorkingDayCalendar()

    @Test func weekdaysAreComputedFromTheDate() {
        #expect(GregorianDay(day("1970-01-01")).weekday == 4)
        #expect(GregorianDay(day("2000-01-01")).weekday == 6)
        #expect(GregorianDay(day("2024-10-01")).weekday == 2)
        #expect(GregorianDay(day("2024-09-27")).weekday == 5)
        #expect(GregorianDay(day("1969-12-31")).weekday == 3)
    }

    @Test func ordinalsRoundTripAcrossCenturies() {
        for ordinal in stride(from: -700_000, through: 2_900_000, by: 997) {
            let gregorian = GregorianDay(ordinal: ordinal)
            #expect(GregorianDay(gregorian.calendarDate).ordinal == ordinal)
        }
    }

    @Test func weekendsAreNotWorkingDays() {
        #expect(plain.isWorkingDay(day("2024-11-15")))
        #expect(!plain.isWorkingDay(day("2024-11-16")))
        #expect(!plain.isWorkingDay(day("2024-11-17")))
        #expect(plain.adding(workingDays: 1, to: day("2024-11-15")) == day("2024-11-18"))
        #expect(plain.adding(workingDays: 5, to: day("2024-11-15")) == day("2024-11-22"))
        #expect(plain.adding(workingDays: 1, to: day("2024-11-16")) == day("2024-11-18"))
        #expect(plain.adding(workingDays: -1, to: day("2024-11-18")) == day("2024-11-15"))
        #expect(plain.adding(workingDays: 0, to: day("2024-11-16")) == day("2024-11-16"))
    }

    @Test func holidaysAndMakeUpDays() {
        let calendar = nationalDay2024
        #expect(!calendar.isWorkingDay(day("2024-10-01")))
        #expect(!calendar.isWorkingDay(day("2024-10-07")))
        #expect(calendar.isWorkingDay(day("2024-09-29")))  // Sunday, 调休
        #expect(calendar.isWorkingDay(day("2024-10-12")))  // Saturday, 调休
        #expect(!calendar.isWorkingDay(day("2024-10-13")))
        #expect(calendar.adding(workingDays: 1, to: day("2024-09-30")) == day("2024-10-08"))
        #expect(calendar.adding(workingDays: 1, to: day("2024-10-11")) == day("2024-10-12"))
        // Friday before the holiday: Sun 29 (make-up), Mon 30, then Tue 8, Wed 9, Thu 10.
        #expect(calendar.adding(workingDays: 5, to: day("2024-09-27")) == day("2024-10-10"))
        #expect(calendar.adding(workingDays: -3, to: day("2024-10-08")) == day("2024-09-27"))
        // 20 working days from 2024-09-25 cross the holiday and both make-up days.
        #expect(calendar.adding(workingDays: 20, to: day("2024-09-25")) == day("2024-10-28"))
    }

    @Test func monthsClampToTheMonthEnd() {
        #expect(plain.adding(months: 1, to: day("2024-01-31")) == day("2024-02-29"))
        #expect(plain.adding(months: 1, to: day("2023-01-31")) == day("2023-02-28"))
        #expect(plain.adding(months: 1, to: day("2024-08-31")) == day("2024-09-30"))
        #expect(plain.adding(months: 3, to: day("2024-11-30")) == day("2025-02-28"))
        #expect(plain.adding(months: 2, to: day("2024-12-15")) == day("2025-02-15"))
        #expect(plain.adding(months: 12, to: day("2000-02-29")) == day("2001-02-28"))
        #expect(plain.adding(months: 48, to: day("2000-02-29")) == day("2004-02-29"))
        #expect(plain.adding(months: -1, to: day("2024-03-31")) == day("2024-02-29"))
        #expect(plain.adding(months: -13, to: day("2024-01-15")) == day("2022-12-15"))
    }

    @Test func daysCrossMonthsYearsAndLeapDays() {
        #expect(plain.adding(days: 1, to: day("2024-02-28")) == day("2024-02-29"))
        #expect(plain.adding(days: 1, to: day("2023-02-28")) == day("2023-03-01"))
        #expect(plain.adding(days: 1, to: day("1900-02-28")) == day("1900-03-01"))
        #expect(plain.adding(days: 1, to: day("2000-02-28")) == day("2000-02-29"))
        #expect(plain.adding(days: 1, to: day("2100-02-28")) == day("2100-03-01"))
        #expect(plain.adding(days: 1, to: day("2024-12-31")) == day("2025-01-01"))
        #expect(plain.adding(days: -1, to: day("2024-03-01")) == day("2024-02-29"))
        #expect(plain.adding(days: 15, to: day("2024-10-08")) == day("2024-10-23"))
        #expect(plain.adding(days: 366, to: day("2024-01-01")) == day("2025-01-01"))
        #expect(plain.days(from: day("2024-01-01"), to: day("2025-01-01")) == 366)
    }

    @Test func periodsUseTheirUnit() {
        let calendar = nationalDay2024
        #expect(calendar.adding(.days(5), to: day("2024-09-28")) == day("2024-10-03"))
        #expect(calendar.adding(.workingDays(5), to: day("2024-09-27")) == day("2024-10-10"))
        #expect(calendar.adding(.months(2), to: day("2024-10-08")) == day("2024-12-08"))
        #expect(calendar.subtracting(.workingDays(5), from: day("2024-10-14")) == day("2024-10-08"))
        #expect(calendar.subtracting(.workingDays(6), from: day("2024-10-14")) == day("2024-09-30"))
    }

    @Test func invalidDayOfMonthIsNormalised() {
        #expect(GregorianDay(day("2023-02-31")).calendarDate == day("2023-03-03"))
    }

    @Test func configurationRoundTripsAndDefaultsMissingKeys() throws {
        #expect(try roundTrip(nationalDay2024) == nationalDay2024)
        let empty = try XianjieJSON.decode(WorkingDayCalendar.self, from: Array("{}".utf8).data)
        #expect(empty == WorkingDayCalendar())
        let json = #"{"holidays":["2025-01-01"]}"#
        let partial = try XianjieJSON.decode(WorkingDayCalendar.self, from: Array(json.utf8).data)
        #expect(!partial.isWorkingDay(day("2025-01-01")))
        #expect(partial.makeUpWorkingDays.isEmpty)
    }
}
