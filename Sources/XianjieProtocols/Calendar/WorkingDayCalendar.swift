import XianjieMessages

/// The working-day calendar (工作日历): Saturdays and Sundays off, plus configured public holidays
/// (法定节假日), minus configured make-up working days (调休上班的周末).
///
/// Deterministic: pure Gregorian arithmetic on ``CalendarDate``, no time zone involved.
package struct WorkingDayCalendar: Codable, Sendable, Hashable {
    /// Days off that would otherwise be working days (e.g. 2024-10-01 … 2024-10-07, 国庆).
    package var holidays: Set<CalendarDate>
    /// Weekend days that are working days (调休), e.g. 2024-09-29 and 2024-10-12.
    package var makeUpWorkingDays: Set<CalendarDate>

    package init(holidays: [CalendarDate] = [], makeUpWorkingDays: [CalendarDate] = []) {
        self.holidays = Set(holidays)
        self.makeUpWorkingDays = Set(makeUpWorkingDays)
    }

    private enum CodingKeys: String, CodingKey { case holidays, makeUpWorkingDays }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            holidays: try container.decodeIfPresent([CalendarDate].self, forKey: .holidays) ?? [],
            makeUpWorkingDays: try container.decodeIfPresent([CalendarDate].self, forKey: .makeUpWorkingDays) ?? []
        )
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(holidays.sorted(), forKey: .holidays)
        try container.encode(makeUpWorkingDays.sorted(), forKey: .makeUpWorkingDays)
    }

    /// Whether `date` is a working day: a make-up day always is; a holiday never is; otherwise Monday–Friday.
    package func isWorkingDay(_ date: CalendarDate) -> Bool {
        let normalised = GregorianDay(date)
        let key = normalised.calendarDate
        if makeUpWorkingDays.contains(key) { return true }
        if holidays.contains(key) { return false }
        return !normalised.isWeekend
    }

    /// The date `count` working days after `date` (the start day itself is not counted);
    /// a negative `count` goes back. `0` returns `date` unchanged.
    package func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = GregorianDay(date)
        var remaining = abs(count)
        let step = count < 0 ? -1 : 1
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day.calendarDate) { remaining -= 1 }
        }
        return day.calendarDate
    }

    /// The date `count` calendar months after `date`, clamped to the target month's last day.
    package func adding(months count: Int, to date: CalendarDate) -> CalendarDate {
        GregorianDay(date).adding(months: count).calendarDate
    }

    /// The date `count` calendar days after `date`.
    package func adding(days count: Int, to date: CalendarDate) -> CalendarDate {
        GregorianDay(date).adding(days: count).calendarDate
    }

    /// The date a ``DeadlinePeriod`` after `date`.
    package func adding(_ period: DeadlinePeriod, to date: CalendarDate) -> CalendarDate {
        switch period.unit {
        case .days: adding(days: period.value, to: date)
        case .workingDays: adding(workingDays: period.value, to: date)
        case .months: adding(months: period.value, to: date)
        }
    }

    /// The date a ``DeadlinePeriod`` before `date` (for reminder lead times).
    package func subtracting(_ period: DeadlinePeriod, from date: CalendarDate) -> CalendarDate {
        adding(DeadlinePeriod(-period.value, period.unit), to: date)
    }

    /// Calendar days from `start` to `end` (negative when `end` is earlier).
    package func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        GregorianDay(end).ordinal - GregorianDay(start).ordinal
    }
}
