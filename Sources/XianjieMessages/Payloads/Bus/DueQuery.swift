import Foundation

/// Asks the coordinator what is due or overdue (`xianjie due`), answered by ``DueReport``.
package struct DueQuery: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.dueQuery"
    package static let schemaName = "bus-due-query.v1"
    package static let delivery = DeliveryClass.transient

    /// Only what this agency owes or supervises; absent: everything.
    package var agency: AgencyID?
    /// Only what falls due within so many days (overdue items always); absent: no limit.
    package var withinDays: Int?

    package init(agency: AgencyID? = nil, withinDays: Int? = nil) {
        self.agency = agency
        self.withinDays = withinDays
    }
}

/// Every running or expired deadline the query asked for, and the next joint meeting's agenda (督办).
package struct DueReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.dueReport"
    package static let schemaName = "bus-due-report.v1"
    package static let delivery = DeliveryClass.transient

    package struct Item: Codable, Sendable, Equatable {
        package var subjectId: String
        package var process: String
        package var state: String
        package var timer: String
        package var due: CalendarDate
        package var remindOn: CalendarDate?
        package var obligated: DeadlineNotice.Party
        package var supervisor: DeadlineNotice.Party
        package var overdue: Bool
        /// Days from today to the due date; negative when overdue.
        package var daysLeft: Int

        package init(
            subjectId: String, process: String, state: String, timer: String, due: CalendarDate,
            remindOn: CalendarDate? = nil, obligated: DeadlineNotice.Party, supervisor: DeadlineNotice.Party,
            overdue: Bool, daysLeft: Int
        ) {
            self.subjectId = subjectId
            self.process = process
            self.state = state
            self.timer = timer
            self.due = due
            self.remindOn = remindOn
            self.obligated = obligated
            self.supervisor = supervisor
            self.overdue = overdue
            self.daysLeft = daysLeft
        }
    }

    /// An item the coordinator put on the next joint meeting's agenda (e.g. an overdue reply, 督办).
    package struct AgendaItem: Codable, Sendable, Equatable {
        package var subjectId: String
        package var reason: String
        package var obligated: DeadlineNotice.Party?
        package var due: CalendarDate?
        package var queuedOn: CalendarDate

        package init(
            subjectId: String, reason: String, obligated: DeadlineNotice.Party? = nil, due: CalendarDate? = nil,
            queuedOn: CalendarDate
        ) {
            self.subjectId = subjectId
            self.reason = reason
            self.obligated = obligated
            self.due = due
            self.queuedOn = queuedOn
        }
    }

    /// The coordinator's day.
    package var today: CalendarDate
    package var items: [Item]
    package var agenda: [AgendaItem]

    package init(today: CalendarDate, items: [Item], agenda: [AgendaItem]) {
        self.today = today
        self.items = items
        self.agenda = agenda
    }
}
