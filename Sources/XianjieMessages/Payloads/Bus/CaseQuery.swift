import Foundation

/// Asks the coordinator where one shared process stands (`xianjie case show`), answered by ``CaseReport``.
package struct CaseQuery: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.caseQuery"
    package static let schemaName = "bus-case-query.v1"
    package static let delivery = DeliveryClass.transient

    /// A suggestion id, case id, procuratorial suggestion's document number or list item id.
    package var subjectId: String

    package init(subjectId: String) { self.subjectId = subjectId }
}

/// One shared process as the coordinator sees it: its state, what is due from whom, its history and its
/// items on the next joint meeting's agenda.
package struct CaseReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.caseReport"
    package static let schemaName = "bus-case-report.v1"
    package static let delivery = DeliveryClass.transient

    /// A running or expired timer of the process.
    package struct Obligation: Codable, Sendable, Equatable {
        package var timer: String
        package var due: CalendarDate
        /// The day the reminder goes out, when there is one.
        package var remindOn: CalendarDate?
        package var obligated: DeadlineNotice.Party
        package var supervisor: DeadlineNotice.Party
        package var overdue: Bool

        package init(
            timer: String, due: CalendarDate, remindOn: CalendarDate? = nil, obligated: DeadlineNotice.Party,
            supervisor: DeadlineNotice.Party, overdue: Bool
        ) {
            self.timer = timer
            self.due = due
            self.remindOn = remindOn
            self.obligated = obligated
            self.supervisor = supervisor
            self.overdue = overdue
        }
    }

    /// One transition of the process, oldest first.
    package struct HistoryEntry: Codable, Sendable, Equatable {
        /// The working day on the coordinator's clock.
        package var on: CalendarDate
        package var at: Date
        package var event: String
        package var actor: String
        /// The state before (empty when the event opened the process) and after.
        package var from: String
        package var to: String
        /// The document that caused it; absent for the deadline engine's own events.
        package var messageId: String?

        package init(
            on: CalendarDate, at: Date, event: String, actor: String, from: String, to: String,
            messageId: String? = nil
        ) {
            self.on = on
            self.at = at
            self.event = event
            self.actor = actor
            self.from = from
            self.to = to
            self.messageId = messageId
        }
    }

    package var subjectId: String
    /// Whether a shared process with this subject is open on the bus.
    package var found: Bool
    package var process: String?
    package var state: String?
    /// The coordinator's day.
    package var today: CalendarDate
    /// What the process knows besides its state (addressee, document number, host unit…).
    package var details: [String: String]?
    package var obligations: [Obligation]
    package var history: [HistoryEntry]
    package var agenda: [DueReport.AgendaItem]

    package init(
        subjectId: String, found: Bool, process: String? = nil, state: String? = nil, today: CalendarDate,
        details: [String: String]? = nil, obligations: [Obligation], history: [HistoryEntry],
        agenda: [DueReport.AgendaItem]
    ) {
        self.subjectId = subjectId
        self.found = found
        self.process = process
        self.state = state
        self.today = today
        self.details = details
        self.obligations = obligations
        self.history = history
        self.agenda = agenda
    }
}
