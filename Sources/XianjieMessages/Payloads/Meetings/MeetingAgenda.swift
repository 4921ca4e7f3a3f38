/// 会议议程: the agenda of a meeting as the coordinator collected and froze it: new clues,
/// conversion candidates, overdue items (督办), look-backs due and the members' motions
/// (DOMAIN.md §4 D). Sent only by the coordinator.
package struct MeetingAgenda: MessagePayload {
    package static let messageType: MessageType = "xianjie.meetingAgenda"
    package static let schemaName = "meeting-agenda.v1"
    package static let delivery = DeliveryClass.durable

    /// Why an item is on the agenda.
    package enum Category: String, Codable, Sendable {
        case newClue, conversionCandidate, overdue, lookBackDue, motion
    }

    package struct Item: Codable, Sendable, Equatable {
        /// Unique within the agenda.
        package var itemId: String
        package var category: Category
        /// The suggestion, case, document number, list item or decision concerned, if any.
        package var subjectId: String?
        package var title: String
        /// For an overdue item or a look-back: the day it was or is due.
        package var due: CalendarDate?
        /// For an overdue item: who owes the step.
        package var obligated: DeadlineNotice.Party?

        package init(
            itemId: String, category: Category, subjectId: String? = nil, title: String, due: CalendarDate? = nil,
            obligated: DeadlineNotice.Party? = nil
        ) {
            self.itemId = itemId
            self.category = category
            self.subjectId = subjectId
            self.title = title
            self.due = due
            self.obligated = obligated
        }
    }

    package var meetingId: String
    /// In the order the meeting takes them; may be empty.
    package var items: [Item]
    /// The coordinator's day when it froze the agenda.
    package var frozenOn: CalendarDate

    package init(meetingId: String, items: [Item], frozenOn: CalendarDate) {
        self.meetingId = meetingId
        self.items = items
        self.frozenOn = frozenOn
    }
}
