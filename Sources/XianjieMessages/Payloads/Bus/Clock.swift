/// Reads the deadline engine's day, or moves a driven clock forward (`xianjie clock`); answered by
/// ``ClockReport``. With neither field it only reads.
package struct ClockRequest: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.clockRequest"
    package static let schemaName = "bus-clock-request.v1"
    package static let delivery = DeliveryClass.transient

    /// Move the clock to this day.
    package var set: CalendarDate?
    /// Move the clock forward by so many days.
    package var advanceDays: Int?

    package init(set: CalendarDate? = nil, advanceDays: Int? = nil) {
        self.set = set
        self.advanceDays = advanceDays
    }
}

/// The deadline engine's day, and what moving the clock fired.
package struct ClockReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.clockReport"
    package static let schemaName = "bus-clock-report.v1"
    package static let delivery = DeliveryClass.transient

    package var today: CalendarDate
    /// Whether the clock is driven by operators (a demo or a test) rather than the wall clock.
    package var driven: Bool
    /// Reminders and overdue notices fired by this request.
    package var reminders: Int
    package var overdue: Int

    package init(today: CalendarDate, driven: Bool, reminders: Int, overdue: Int) {
        self.today = today
        self.driven = driven
        self.reminders = reminders
        self.overdue = overdue
    }
}
