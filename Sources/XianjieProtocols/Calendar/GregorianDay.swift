import XianjieMessages

/// A proleptic Gregorian day (公历日), the arithmetic behind ``WorkingDayCalendar``.
///
/// Pure integer arithmetic (Howard Hinnant's `days_from_civil`): no `Foundation.Calendar`, no time
/// zone, so the same inputs always give the same dates on every machine.
package struct GregorianDay: Hashable, Sendable, Comparable {
    package let year: Int
    package let month: Int
    package let day: Int

    /// Days since 1970-01-01.
    package let ordinal: Int

    package init(year: Int, month: Int, day: Int) {
        // Normalise out-of-range days (e.g. 02-31) by going through the ordinal.
        self.init(ordinal: Timestamp.daysFromCivil(year: year, month: month, day: 1) + (day - 1))
    }

    /// The same arithmetic the bus's timestamps use (``Timestamp``).
    package init(ordinal: Int) {
        (year, month, day) = Timestamp.civil(fromDays: ordinal)
        self.ordinal = ordinal
    }

    package init(_ date: CalendarDate) {
        let parts = date.rawValue.split(separator: "-").map { Int($0) ?? 1 }
        self.init(year: parts[0], month: parts[1], day: parts[2])
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    package var weekday: Int {
        let mondayBased = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (mondayBased < 0 ? mondayBased + 7 : mondayBased) + 1
    }

    package var isWeekend: Bool { weekday >= 6 }

    package var calendarDate: CalendarDate {
        let text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard let date = CalendarDate(rawValue: text) else {
            preconditionFailure("GregorianDay produced an invalid CalendarDate \(text)")
        }
        return date
    }

    package func adding(days: Int) -> GregorianDay { GregorianDay(ordinal: ordinal + days) }

    /// Calendar months, clamping the day to the target month's length (01-31 + 1 month = 02-28/29).
    package func adding(months: Int) -> GregorianDay {
        let index = year * 12 + (month - 1) + months
        let targetYear = index >= 0 ? index / 12 : (index - 11) / 12
        let targetMonth = index - targetYear * 12 + 1
        let clamped = min(day, Self.length(ofMonth: targetMonth, year: targetYear))
        return GregorianDay(year: targetYear, month: targetMonth, day: clamped)
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package static func < (lhs: GregorianDay, rhs: GregorianDay) -> Bool { lhs.ordinal < rhs.ordinal }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
