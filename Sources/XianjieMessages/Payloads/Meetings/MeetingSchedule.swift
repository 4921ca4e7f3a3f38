/// An operator (or a member) calls a topic or assignment meeting (`xianjie meeting schedule`): the
/// coordinator sends the ``MeetingNotice`` and answers with a ``MeetingReport`` of the new meeting.
package struct MeetingSchedule: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.meetingSchedule"
    package static let schemaName = "bus-meeting-schedule.v1"
    package static let delivery = DeliveryClass.transient

    package var kind: MeetingKind
    package var title: String
    package var scheduledFor: CalendarDate
    /// The agencies to invite; absent: the coordinator's configured members (every congress and
    /// procuratorate node by default).
    package var members: [AgencyID]?
    /// The convening agency; absent: the configured convener (the congress by default).
    package var convener: AgencyID?

    package init(
        kind: MeetingKind, title: String, scheduledFor: CalendarDate, members: [AgencyID]? = nil,
        convener: AgencyID? = nil
    ) {
        self.kind = kind
        self.title = title
        self.scheduledFor = scheduledFor
        self.members = members
        self.convener = convener
    }
}
