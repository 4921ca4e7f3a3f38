import Foundation

/// 联席会议纪要: the minutes of a joint meeting and its decisions; once both sides co-sign, each
/// decision becomes an assignment with its own deadline (DOMAIN.md §4 D).
package struct JointMeetingMinutes: MessagePayload {
    package static let messageType: MessageType = "xianjie.jointMeetingMinutes"
    package static let schemaName = "joint-meeting-minutes.v1"
    package static let delivery = DeliveryClass.durable

    /// 交办事项: one decision {item, lead person, responsible unit, deadline}.
    package struct Decision: Codable, Sendable, Equatable {
        /// Unique on the bus: progress reports name it.
        package var decisionId: String
        /// What is to be done.
        package var item: String
        /// The suggestion, case or list item the decision concerns, if any.
        package var subjectId: String?
        /// 责任人: the leader answerable for it.
        package var leadPerson: String
        /// 责任单位.
        package var responsibleUnit: AgencyID
        /// 办结时限.
        package var deadline: CalendarDate

        package init(
            decisionId: String, item: String, subjectId: String? = nil, leadPerson: String, responsibleUnit: AgencyID,
            deadline: CalendarDate
        ) {
            self.decisionId = decisionId
            self.item = item
            self.subjectId = subjectId
            self.leadPerson = leadPerson
            self.responsibleUnit = responsibleUnit
            self.deadline = deadline
        }
    }

    package var meetingId: String
    package var summary: String
    /// May be empty (a meeting that only heard reports, or had no quorum).
    package var decisions: [Decision]
    package var draftedAt: Date

    package init(meetingId: String, summary: String, decisions: [Decision], draftedAt: Date) {
        self.meetingId = meetingId
        self.summary = summary
        self.decisions = decisions
        self.draftedAt = draftedAt
    }
}
