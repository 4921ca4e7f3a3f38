/// A legal period (期限) as configured: so many calendar days, working days (工作日) or months.
package struct DeadlinePeriod: Codable, Sendable, Hashable, CustomStringConvertible {
    package enum Unit: String, Codable, Sendable, Hashable {
        /// 日: calendar days, weekends and holidays included.
        case days
        /// 工作日: days that are working days in the ``WorkingDayCalendar``.
        case workingDays
        /// 个月: calendar months, the day clamped to the month's end.
        case months
    }

    package var value: Int
    package var unit: Unit

    package init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    package static func days(_ value: Int) -> DeadlinePeriod { DeadlinePeriod(value, .days) }
    package static func workingDays(_ value: Int) -> DeadlinePeriod { DeadlinePeriod(value, .workingDays) }
    package static func months(_ value: Int) -> DeadlinePeriod { DeadlinePeriod(value, .months) }

    package var description: String {
        switch unit {
        case .days: "\(value) days"
        case .workingDays: "\(value) working days"
        case .months: "\(value) months"
        }
    }
}
