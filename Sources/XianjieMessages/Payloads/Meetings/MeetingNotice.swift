import Foundation

/// 联席会议通知: a joint meeting is called, for a day, with its convener and the members invited
/// (DOMAIN.md §4 D). It opens the meeting's agenda for motions.
package struct MeetingNotice: MessagePayload {
    package static let messageType: MessageType = "xianjie.meetingNotice"
    package static let schemaName = "meeting-notice.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique on the bus: the agenda, attendance, minutes and co-signatures name it.
    package var meetingId: String
    package var kind: MeetingKind
    package var title: String
    package var scheduledFor: CalendarDate
    package var place: String?
    /// 召集单位.
    package var convener: AgencyID
    /// The agencies invited; at least one.
    package var members: [AgencyID]
    package var issuedAt: Date

    package init(
        meetingId: String, kind: MeetingKind, title: String, scheduledFor: CalendarDate, place: String? = nil,
        convener: AgencyID, members: [AgencyID], issuedAt: Date
    ) {
        self.meetingId = meetingId
        self.kind = kind
        self.title = title
        self.scheduledFor = scheduledFor
        self.place = place
        self.convener = convener
        self.members = members
        self.issuedAt = issuedAt
    }
}
