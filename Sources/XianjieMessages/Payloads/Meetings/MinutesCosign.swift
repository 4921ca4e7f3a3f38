import Foundation

/// 纪要会签: one side signs a meeting's minutes; when the congress and the procuratorate sides have
/// both signed, the decisions are published (DOMAIN.md §4 D).
package struct MinutesCosign: MessagePayload {
    package static let messageType: MessageType = "xianjie.minutesCosign"
    package static let schemaName = "minutes-cosign.v1"
    package static let delivery = DeliveryClass.durable

    package var meetingId: String
    package var side: MeetingSide
    package var signedBy: Person
    package var signedAt: Date

    package init(meetingId: String, side: MeetingSide, signedBy: Person, signedAt: Date) {
        self.meetingId = meetingId
        self.side = side
        self.signedBy = signedBy
        self.signedAt = signedAt
    }
}
