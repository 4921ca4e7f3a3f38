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
        self.init(ordinal: Self.ordinal(year: year, month: month, day: 1) + (day - 1))
    }

    package init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
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

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
