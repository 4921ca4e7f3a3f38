import Foundation

/// 签到 / 出席: who attended a joint meeting, for which side and in which role; the meeting convenes
/// with it and its quorum is judged on it (DOMAIN.md §4 D).
package struct MeetingAttendance: MessagePayload {
    package static let messageType: MessageType = "xianjie.meetingAttendance"
    package static let schemaName = "meeting-attendance.v1"
    package static let delivery = DeliveryClass.durable

    package enum Role: String, Codable, Sendable {
        /// 主要负责人.
        case principal
        /// 领导小组组长.
        case groupLeader
        /// 受委托副组长: the deputy leader the group leader delegated.
        case deputyLeader
        /// 成员.
        case member
    }

    package struct Attendee: Codable, Sendable, Equatable {
        package var person: Person
        package var agency: AgencyID
        package var side: MeetingSide
        package var role: Role

        package init(person: Person, agency: AgencyID, side: MeetingSide, role: Role) {
            self.person = person
            self.agency = agency
            self.side = side
            self.role = role
        }
    }

    package var meetingId: String
    /// At least one.
    package var attendees: [Attendee]
    package var convenedAt: Date

    package init(meetingId: String, attendees: [Attendee], convenedAt: Date) {
        self.meetingId = meetingId
        self.attendees = attendees
        self.convenedAt = convenedAt
    }
}
