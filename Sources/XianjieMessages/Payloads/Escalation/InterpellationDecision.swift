import Foundation

/// 质询答复形式: the council of chairpersons (主任会议) decides whether the agency answers an interpellation
/// orally at a meeting or in writing, and by when (DOMAIN.md §4 I).
package struct InterpellationDecision: MessagePayload {
    package static let messageType: MessageType = "xianjie.interpellationDecision"
    package static let schemaName = "interpellation-decision.v1"
    package static let delivery = DeliveryClass.durable

    /// How the agency answers.
    package enum Form: String, Codable, Sendable, CaseIterable {
        /// 口头答复: its head answers at a meeting (`meetingAt`).
        case oral
        /// 书面答复: a written answer.
        case written
    }

    /// The interpellation submitted (质询案).
    package var interpellationId: String
    package var form: Form
    /// The answer is due by then.
    package var answerDue: Date
    /// The meeting where the oral answer is given; required by the schema when `form` is `oral`.
    package var meetingAt: Date?
    package var decidedAt: Date

    package init(interpellationId: String, form: Form, answerDue: Date, meetingAt: Date? = nil, decidedAt: Date) {
        self.interpellationId = interpellationId
        self.form = form
        self.answerDue = answerDue
        self.meetingAt = meetingAt
        self.decidedAt = decidedAt
    }
}
