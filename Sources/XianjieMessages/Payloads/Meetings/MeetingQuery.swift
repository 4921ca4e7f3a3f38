/// Asks the coordinator about joint meetings (`xianjie meeting list|show`), answered by ``MeetingReport``.
package struct MeetingQuery: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.meetingQuery"
    package static let schemaName = "bus-meeting-query.v1"
    package static let delivery = DeliveryClass.transient

    /// One meeting; absent: every meeting not closed, and the next ones.
    package var meetingId: String?

    package init(meetingId: String? = nil) { self.meetingId = meetingId }
}

/// Joint meetings as the coordinator keeps them: state, agenda, quorum and what became of their
/// decisions.
package struct MeetingReport: MessagePayload {
    package static let messageType: MessageType = "xianjie.bus.meetingReport"
    package static let schemaName = "bus-meeting-report.v1"
    package static let delivery = DeliveryClass.transient

    /// A published decision and the state of its assignment.
    package struct DecisionStatus: Codable, Sendable, Equatable {
        package var decisionId: String
        package var item: String
        package var responsibleUnit: AgencyID
        package var deadline: CalendarDate
        /// The assignment's state, e.g. `open`, `inProgress`, `done`, `overdue`.
        package var state: String

        package init(
            decisionId: String, item: String, responsibleUnit: AgencyID, deadline: CalendarDate, state: String
        ) {
            self.decisionId = decisionId
            self.item = item
            self.responsibleUnit = responsibleUnit
            self.deadline = deadline
            self.state = state
        }
    }

    package struct Meeting: Codable, Sendable, Equatable {
        package var meetingId: String
        package var kind: MeetingKind
        package var title: String
        package var scheduledFor: CalendarDate
        /// The meeting's state, e.g. `agendaOpen`, `convened`, `decisionsPublished`.
        package var state: String
        package var convener: AgencyID
        package var members: [AgencyID]
        /// Whether the attendance met the quorum; absent before the meeting convenes.
        package var quorum: Bool?
        /// Why the quorum was not met.
        package var quorumProblem: String?
        /// The frozen agenda; empty while it is still open.
        package var agenda: [MeetingAgenda.Item]
        /// The titles of the members' motions.
        package var motions: [String]
        package var decisions: [DecisionStatus]

        package init(
            meetingId: String, kind: MeetingKind, title: String, scheduledFor: CalendarDate, state: String,
            convener: AgencyID, members: [AgencyID], quorum: Bool? = nil, quorumProblem: String? = nil,
            agenda: [MeetingAgenda.Item], motions: [String], decisions: [DecisionStatus]
        ) {
            self.meetingId = meetingId
            self.kind = kind
            self.title = title
            self.scheduledFor = scheduledFor
            self.state = state
            self.convener = convener
            self.members = members
            self.quorum = quorum
            self.quorumProblem = quorumProblem
            self.agenda = agenda
            self.motions = motions
            self.decisions = decisions
        }
    }

    /// The coordinator's day.
    package var today: CalendarDate
    package var meetings: [Meeting]

    package init(today: CalendarDate, meetings: [Meeting]) {
        self.today = today
        self.meetings = meetings
    }
}
