import Foundation

/// 提醒 / 逾期通知: the coordinator's deadline engine reminds the obligated party before a due date, and
/// tells it and its supervisor when the date has passed (督办). Only the coordinator sends it.
package struct DeadlineNotice: MessagePayload {
    package static let messageType: MessageType = "xianjie.deadlineNotice"
    package static let schemaName = "deadline-notice.v1"
    package static let delivery = DeliveryClass.durable

    package enum Notice: String, Codable, Sendable { case reminder, overdue }

    /// The suggestion, case, document number or list item the deadline belongs to.
    package var subjectId: String
    /// The shared process, e.g. `deputySuggestion`.
    package var process: String
    /// The timer, e.g. `suggestionReply`.
    package var timer: String
    package var notice: Notice
    package var due: CalendarDate
    /// Who owes the step.
    package var obligated: Party
    /// Who watches over it (receives the overdue notice).
    package var supervisor: Party
    /// The notice in a sentence, for people.
    package var text: String
    /// The day the engine fired it.
    package var on: CalendarDate

    package init(
        subjectId: String, process: String, timer: String, notice: Notice, due: CalendarDate, obligated: Party,
        supervisor: Party, text: String, on: CalendarDate
    ) {
        self.subjectId = subjectId
        self.process = process
        self.timer = timer
        self.notice = notice
        self.due = due
        self.obligated = obligated
        self.supervisor = supervisor
        self.text = text
        self.on = on
    }
}
