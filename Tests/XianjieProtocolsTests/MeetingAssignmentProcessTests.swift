import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct MeetingAssignmentProcessTests {
    typealias Fixture = AssignmentFixture
    static let unit = ProtocolActor.agency(Fixture.unit)
    static let deadline = Fixture.decision.deadline

    /// Publication tells the unit and starts the 交办期限 timer, due on the decision's deadline.
    @Test func publishingStartsTheDeadline() throws {
        var assignment = Fixture.unpublished
        #expect(!assignment.published && assignment.timers.running.isEmpty)
        let published = try assignment.received(.publish, at: Fixture.publishedOn, by: .coordinator, rules: rules2024)
        #expect(published.from == .open && published.to == .open && assignment.published)
        // Friday 12-20; five working days back is Friday 12-13.
        let deadline = Deadline(
            kind: .meetingAssignment, due: Self.deadline, remindOn: day("2024-12-13"), obligated: Self.unit,
            supervisor: .coordinator)
        #expect(published.effects == [.notify(Self.unit, "交办: 制定机井整改方案, lead 王局长, due 2024-12-20"), .startTimer(deadline)])
        #expect(assignment.timers.deadline(.meetingAssignment) == deadline)
        #expect(refusal(assignment) { try $0.received(.publish, at: Fixture.publishedOn, by: .congress) }?.rule == .outOfOrder)
    }

    @Test func theReminderChangesNothing() throws {
        var assignment = try Fixture.process(in: .inProgress)
        let before = assignment
        let reminded = try assignment.received(.reminderDue(.meetingAssignment), at: day("2024-12-13"), by: .coordinator)
        #expect(reminded.to == .inProgress)
        #expect(reminded.effects == [.notify(Self.unit, "reminder: meetingAssignment for PJ-2024-10-15-D1 is due on 2024-12-20")])
        #expect(assignment == before)
    }

    /// Expiry, open or under way: overdue, both told, 督办 at the next meeting.
    @Test(arguments: [MeetingAssignmentProcess.State.open, .inProgress])
    func expiryMakesItOverdueAndQueuesItForTheNextMeeting(_ state: MeetingAssignmentProcess.State) throws {
        var assignment = try Fixture.process(in: state)
        let expired = try assignment.received(.timerExpired(.meetingAssignment), at: day("2024-12-21"), by: .coordinator)
        #expect(expired.to == .overdue)
        #expect(expired.effects.notified == [Self.unit, .coordinator])
        #expect(
            expired.effects.jointMeetingItems == [
                JointMeetingItem(
                    subjectId: "PJ-2024-10-15-D1", reason: "督办: meetingAssignment overdue", obligated: Self.unit, due: Self.deadline)
            ])
        #expect(!assignment.timers.isRunning(.meetingAssignment))
        #expect(assignment.timers.overdue[.meetingAssignment]?.due == Self.deadline)
    }

    /// Done late, directly or after starting: the overdue timer is cancelled.
    @Test func finishingWhenOverdueCancelsTheTimer() throws {
        var direct = try Fixture.process(in: .overdue)
        let done = try direct.received(.finish, at: day("2024-12-27"), by: Self.unit)
        #expect(done.to == .done && done.effects == [.cancelTimer(.meetingAssignment)])
        #expect(direct.timers.overdue.isEmpty && direct.timers.running.isEmpty)

        var started = try Fixture.process(in: .overdue)
        let resumed = try started.received(.start, at: day("2024-12-23"), by: Self.unit)
        #expect(resumed.to == .inProgress && resumed.effects.isEmpty)
        #expect(started.timers.overdue[.meetingAssignment] != nil)
        let finished = try started.received(.finish, at: day("2024-12-27"), by: Self.unit)
        #expect(finished.effects == [.cancelTimer(.meetingAssignment)] && started.timers.overdue.isEmpty)
    }

    @Test func finishingInTimeCancelsTheRunningTimer() throws {
        var assignment = try Fixture.process(in: .inProgress)
        let done = try assignment.received(.finish, at: day("2024-12-02"), by: Self.unit)
        #expect(done.to == .done && done.effects == [.cancelTimer(.meetingAssignment)])
        #expect(assignment.timers.running.isEmpty)
        for stale in [MeetingAssignmentProcess.Event.reminderDue(.meetingAssignment), .timerExpired(.meetingAssignment)] {
            #expect(refusal(assignment) { try $0.received(stale, at: day("2024-12-21"), by: .coordinator) }?.rule == .timerNotRunning)
        }
    }

    /// A decision for the procuratorate's own office is reported by the procuratorate node.
    @Test func theResponsibleUnitMayBeAProcuratorate() throws {
        let own = JointMeetingFixture.decisions[1]
        var assignment = MeetingAssignmentProcess(decision: own, meetingId: JointMeetingFixture.meetingId)
        _ = try assignment.received(.publish, at: Fixture.publishedOn, by: .coordinator)
        #expect(assignment.timers.deadline(.meetingAssignment)?.obligated == .agency(JointMeetingFixture.procuratorate))
        let office = ProtocolActor(role: .procuratorate, agency: JointMeetingFixture.procuratorate)
        #expect(try assignment.received(.start, at: Fixture.publishedOn, by: office).to == .inProgress)
        let other = refusal(assignment) {
            try $0.received(.finish, at: Fixture.publishedOn, by: ProtocolActor(role: .procuratorate, agency: "changji.procuratorate"))
        }
        #expect(other?.rule == .notAssignedToUnit)
        #expect(try roundTrip(assignment) == assignment)
    }
}
