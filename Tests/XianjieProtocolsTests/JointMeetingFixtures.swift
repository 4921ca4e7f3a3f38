import XianjieMessages

@testable import XianjieProtocols

/// Drives a joint meeting (DOMAIN.md §4 D) to each state along the normal path: a plenary joint
/// meeting of the leading group that met its quorum and decided two assignments, or (with
/// `quorum: false`) one that did not and whose minutes decide nothing.
enum JointMeetingFixture {
    typealias Event = JointMeetingProcess.Event
    typealias State = JointMeetingProcess.State
    typealias Attendee = MeetingAttendance.Attendee
    typealias Decision = JointMeetingMinutes.Decision

    static let meetingId = "PJ-2024-10-15"
    static let congress: AgencyID = "hutubi.congress"
    static let procuratorate: AgencyID = "hutubi.procuratorate"
    static let water: AgencyID = "hutubi.water"
    static let date = day("2024-10-08")

    static let announce = Event.announce(convener: congress, members: [congress, procuratorate, water])
    /// Moved while the agenda is open; on the path to `agendaOpen`.
    static let motion = JointMeetingProcess.Motion(
        motionId: "M-1", title: "机井肥水倒灌", subjectId: "C-2024-05", proposer: procuratorate)
    static let agenda = [
        MeetingAgenda.Item(itemId: "A-1", category: .motion, subjectId: "C-2024-05", title: "机井肥水倒灌"),
        MeetingAgenda.Item(
            itemId: "A-2", category: .overdue, subjectId: "S-2024-017", title: "答复逾期", due: day("2024-10-01"),
            obligated: DeadlineNotice.Party(role: "agency", agency: water)),
    ]

    static func attendee(_ name: String, _ agency: AgencyID, _ side: MeetingSide, _ role: MeetingAttendance.Role) -> Attendee {
        Attendee(person: Person(name: name), agency: agency, side: side, role: role)
    }

    /// The group leader (for the congress side), the chief procurator and a member agency.
    static let quorate = [
        attendee("李主任", congress, .congress, .groupLeader),
        attendee("张检察长", procuratorate, .procuratorate, .principal),
        attendee("王局长", water, .agency, .member),
    ]
    /// No principal of the congress side.
    static let inquorate = [
        attendee("赵委员", congress, .congress, .member),
        attendee("张检察长", procuratorate, .procuratorate, .principal),
    ]

    static let decisions = [
        Decision(
            decisionId: "PJ-2024-10-15-D1", item: "制定机井整改方案", subjectId: "C-2024-05", leadPerson: "王局长",
            responsibleUnit: water, deadline: day("2024-12-20")),
        Decision(
            decisionId: "PJ-2024-10-15-D2", item: "回头看红柳滩修复", leadPerson: "张检察长", responsibleUnit: procuratorate,
            deadline: day("2024-12-31")),
    ]

    /// The steps, in order, from `planned`. `minutesDrafted` has no signature yet.
    static func steps(to state: State, quorum: Bool = true) -> [(Event, ProtocolActor)] {
        let path: [(Event, ProtocolActor)] = [
            (announce, .congress),
            (.motion(motion), ProtocolActor(role: .procuratorate, agency: procuratorate)),
            (.freeze(agenda), .coordinator),
            (.convene(quorum ? quorate : inquorate), .congress),
            (.draftMinutes(summary: "会议纪要", decisions: quorum ? decisions : []), .congress),
            (.cosign(.congress), .congress),
            (.cosign(.procuratorate), .procuratorate),
            (.publish, .coordinator),
        ]
        let count: Int =
            switch state {
            case .planned: 0
            case .agendaOpen: 2
            case .agendaFrozen: 3
            case .convened: 4
            case .minutesDrafted: 5
            case .minutesCosigned: 7
            case .decisionsPublished: 8
            }
        return Array(path.prefix(count))
    }

    static func process(in state: State, quorum: Bool = true) throws -> JointMeetingProcess {
        var meeting = JointMeetingProcess(
            meetingId: meetingId, kind: .periodicJoint, title: "2024年第三季度联席会议", scheduledFor: day("2024-10-15"))
        for (event, actor) in steps(to: state, quorum: quorum) {
            _ = try meeting.received(event, at: date, by: actor, rules: rules2024)
        }
        return meeting
    }
}
