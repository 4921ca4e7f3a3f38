import Foundation

/// 议题提议: a member proposes an item for a meeting's agenda while it is open (DOMAIN.md §4 D).
package struct AgendaMotion: MessagePayload {
    package static let messageType: MessageType = "xianjie.agendaMotion"
    package static let schemaName = "agenda-motion.v1"
    package static let delivery = DeliveryClass.durable

    package var meetingId: String
    /// Unique within the meeting.
    package var motionId: String
    package var title: String
    /// The suggestion, case or list item the motion is about, if any.
    package var subjectId: String?
    /// Why the meeting should discuss it.
    package var reason: String
    package var proposedBy: Person?
    package var at: Date

    package init(
        meetingId: String, motionId: String, title: String, subjectId: String? = nil, reason: String,
        proposedBy: Person? = nil, at: Date
    ) {
        self.meetingId = meetingId
        self.motionId = motionId
        self.title = title
        self.subjectId = subjectId
        self.reason = reason
        self.proposedBy = proposedBy
        self.at = at
    }
}
