import XianjieMessages

@testable import XianjieProtocols

/// Drives a meeting's decision (交办事项, DOMAIN.md §4 D) to each state. Every state is reached
/// after publication, as the coordinator publishes an assignment when it opens it;
/// ``unpublished`` is the assignment before that.
enum AssignmentFixture {
    typealias Event = MeetingAssignmentProcess.Event
    typealias State = MeetingAssignmentProcess.State

    static let unit = JointMeetingFixture.water
    static let meetingId = JointMeetingFixture.meetingId
    static let publishedOn = day("2024-10-15")
    static let decision = JointMeetingMinutes.Decision(
        decisionId: "PJ-2024-10-15-D1", item: "制定机井整改方案", subjectId: "C-2024-05", leadPerson: "王局长",
        responsibleUnit: unit, deadline: day("2024-12-20"))

    static var unpublished: MeetingAssignmentProcess { MeetingAssignmentProcess(decision: decision, meetingId: meetingId) }

    /// The steps, in order, after publication; `overdue` is the deadline passing while still open.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        let unit = ProtocolActor.agency(unit)
        switch state {
        case .open: return []
        case .inProgress: return [(.start, unit)]
        case .done: return [(.start, unit), (.finish, unit)]
        case .overdue: return [(.timerExpired(.meetingAssignment), .coordinator)]
        }
    }

    static func process(in state: State) throws -> MeetingAssignmentProcess {
        var assignment = unpublished
        _ = try assignment.received(.publish, at: publishedOn, by: .coordinator, rules: rules2024)
        for (event, actor) in steps(to: state) {
            _ = try assignment.received(event, at: publishedOn, by: actor, rules: rules2024)
        }
        return assignment
    }
}
