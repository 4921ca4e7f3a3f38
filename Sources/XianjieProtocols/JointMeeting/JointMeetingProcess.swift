import XianjieMessages

/// 联席会议 (DOMAIN.md §4 D): one meeting from its notice to its published decisions.
///
/// planned → agendaOpen (notice sent; members may move items) → agendaFrozen (the coordinator
/// collects the agenda) → convened (attendance; quorum computed) → minutesDrafted → minutesCosigned
/// (both sides) → decisionsPublished: each decision becomes a ``MeetingAssignmentProcess``.
/// A meeting without quorum cannot publish decisions.
package struct JointMeetingProcess: ProtocolProcess, Codable, Sendable, Equatable {
    package enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case planned, agendaOpen, agendaFrozen, convened, minutesDrafted, minutesCosigned, decisionsPublished
    }

    /// A member's proposed agenda item (议题提议).
    package struct Motion: Codable, Sendable, Hashable {
        package var motionId: String
        package var title: String
        package var subjectId: String?
        package var proposer: AgencyID?

        package init(motionId: String, title: String, subjectId: String? = nil, proposer: AgencyID? = nil) {
            self.motionId = motionId
            self.title = title
            self.subjectId = subjectId
            self.proposer = proposer
        }
    }

    package enum Event: Codable, Sendable, Equatable {
        /// 会议通知: the meeting is announced to its members; the agenda opens.
        case announce(convener: AgencyID, members: [AgencyID])
        /// 议题提议 from a member while the agenda is open.
        case motion(Motion)
        /// The coordinator freezes the collected agenda.
        case freeze([MeetingAgenda.Item])
        /// 签到: the meeting convenes with these attendees.
        case convene([MeetingAttendance.Attendee])
        /// 纪要 drafted, with the decisions to assign.
        case draftMinutes(summary: String, decisions: [JointMeetingMinutes.Decision])
        /// 会签 by one side (congress or procuratorate).
        case cosign(MeetingSide)
        /// The decisions are published (after both sides signed): each becomes an assignment.
        case publish

        package var name: String {
            switch self {
            case .announce: "announce"
            case .motion: "motion"
            case .freeze: "freeze"
            case .convene: "convene"
            case .draftMinutes: "draftMinutes"
            case .cosign(let side): "cosign(\(side.rawValue))"
            case .publish: "publish"
            }
        }
    }

    package let meetingId: String
    package let kind: MeetingKind
    package let title: String
    package let scheduledFor: CalendarDate
    package internal(set) var state: State = .planned
    package internal(set) var convener: AgencyID?
    package internal(set) var members: [AgencyID] = []
    package internal(set) var motions: [Motion] = []
    package internal(set) var agenda: [MeetingAgenda.Item] = []
    package internal(set) var attendees: [MeetingAttendance.Attendee] = []
    /// Whether the attendance met the quorum rule (nil before the meeting convenes).
    package internal(set) var quorum: Bool?
    /// Why the quorum was not met.
    package internal(set) var quorumProblem: String?
    package internal(set) var summary: String?
    package internal(set) var decisions: [JointMeetingMinutes.Decision] = []
    package internal(set) var cosignedBy: Set<MeetingSide> = []

    package init(meetingId: String, kind: MeetingKind, title: String, scheduledFor: CalendarDate) {
        self.meetingId = meetingId
        self.kind = kind
        self.title = title
        self.scheduledFor = scheduledFor
    }

    /// Whether `side`'s signature completes the co-signature (both sides).
    package func completes(with side: MeetingSide) -> Bool {
        cosignedBy.union([side]).isSuperset(of: [.congress, .procuratorate])
    }

    package mutating func apply(
        _ event: Event, at date: CalendarDate, by actor: ProtocolActor, rules: ProtocolRules
    ) throws(ProtocolViolation) -> [ProtocolEffect] {
        let convenerRoles: Set<ProtocolActor.Role> = [.congress, .procuratorate, .coordinator]
        switch event {
        case .announce(let convener, let members):
            try actor.require(convenerRoles, for: event.name, subject: meetingId)
            try step(event, from: .planned, to: .agendaOpen)
            guard !members.isEmpty else {
                throw ProtocolViolation(.invalidArgument, "meeting \(meetingId) has no members to notify")
            }
            self.convener = convener
            self.members = members
        case .motion(let motion):
            try actor.require([.congress, .procuratorate, .agency, .station], for: event.name, subject: meetingId)
            guard state == .agendaOpen else {
                throw ProtocolViolation(
                    .outOfOrder,
                    "the agenda of \(meetingId) is \(state == .planned ? "not open yet" : "frozen"); move the item at the next meeting")
            }
            guard let agency = actor.agency, members.contains(agency) else {
                throw ProtocolViolation(.wrongParty, "\(actor) is not a member of meeting \(meetingId); only members move items")
            }
            guard !motions.contains(where: { $0.motionId == motion.motionId }) else {
                throw ProtocolViolation(.alreadyDone, "motion \(motion.motionId) is already on the agenda of \(meetingId)")
            }
            motions.append(motion)
        case .freeze(let items):
            try actor.require([.coordinator], for: event.name, subject: meetingId)
            try step(event, from: .agendaOpen, to: .agendaFrozen)
            agenda = items
        case .convene(let attendees):
            try actor.require(convenerRoles, for: event.name, subject: meetingId)
            try step(event, from: .agendaFrozen, to: .convened)
            self.attendees = attendees
            let problem = rules.meetings.quorumProblem(kind: kind, attendees: attendees)
            quorum = problem == nil
            quorumProblem = problem
        case .draftMinutes(let summary, let decisions):
            try actor.require([.congress, .procuratorate], for: event.name, subject: meetingId)
            try step(event, from: .convened, to: .minutesDrafted)
            if !decisions.isEmpty, quorum != true {
                throw ProtocolViolation(
                    .noQuorum,
                    "meeting \(meetingId) had no quorum (\(quorumProblem ?? "attendance unknown")); it cannot decide assignments")
            }
            let ids = decisions.map(\.decisionId)
            guard Set(ids).count == ids.count else {
                throw ProtocolViolation(.invalidArgument, "the minutes of \(meetingId) repeat a decision id")
            }
            if let early = decisions.first(where: { $0.deadline <= date }) {
                throw ProtocolViolation(
                    .invalidArgument, "decision \(early.decisionId) of \(meetingId) is due \(early.deadline), not after \(date)")
            }
            self.summary = summary
            self.decisions = decisions
        case .cosign(let side):
            guard side == .congress || side == .procuratorate else {
                throw ProtocolViolation(.invalidArgument, "minutes are co-signed by the congress and procuratorate sides, not \(side.rawValue)")
            }
            let role: ProtocolActor.Role = side == .congress ? .congress : .procuratorate
            try actor.require([role], for: event.name, subject: meetingId)
            guard state == .minutesDrafted else { throw outOfOrder(event) }
            guard !cosignedBy.contains(side) else {
                throw ProtocolViolation(.alreadyDone, "the \(side.rawValue) side already signed the minutes of \(meetingId)")
            }
            cosignedBy.insert(side)
            if cosignedBy.isSuperset(of: [.congress, .procuratorate]) { state = .minutesCosigned }
        case .publish:
            try actor.require([.coordinator, .congress, .procuratorate], for: event.name, subject: meetingId)
            try step(event, from: .minutesCosigned, to: .decisionsPublished)
            guard decisions.isEmpty || quorum == true else {
                throw ProtocolViolation(.noQuorum, "meeting \(meetingId) had no quorum; its decisions cannot be published")
            }
            return decisions.map {
                .startProcess(LinkedProcess(kind: .meetingAssignment, subjectId: $0.decisionId, originSubjectId: meetingId))
            }
        }
        return []
    }

    private func outOfOrder(_ event: Event) -> ProtocolViolation {
        .outOfOrder(event.name, in: state.rawValue, subject: meetingId)
    }

    private mutating func step(_ event: Event, from: State, to: State) throws(ProtocolViolation) {
        guard state == from else { throw outOfOrder(event) }
        state = to
    }
}
