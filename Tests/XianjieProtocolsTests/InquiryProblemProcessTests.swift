import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct InquiryProblemProcessTests {
    typealias Fixture = ProblemFixture

    static let unit = ProtocolActor.agency(Fixture.unit)

    /// 认领 by its own unit only; the opinions start the report deadline, owed by the unit and
    /// supervised by the congress.
    @Test func claimedByItsUnitThenTracked() throws {
        let other = refusal(Fixture.assigned) {
            try $0.received(.claim, at: day("2024-10-17"), by: .agency(InquiryFixture.housing), rules: rules2024)
        }
        #expect(other?.rule == .notAssignedToUnit)
        #expect(other?.message.contains("assigned to jinzhou.ecology") == true)

        var problem = try Fixture.claimedUntracked
        #expect(problem.state == .claimed && problem.title == "工地扬尘治理不到位" && problem.category == "大气污染防治")
        let tracked = try problem.received(.startTracking(due: Fixture.reportDue), at: day("2024-11-05"), by: .congress, rules: rules2024)
        let deadline = try #require(tracked.effects.startedTimers.first)
        #expect(tracked.to == .claimed && tracked.effects.count == 1)
        #expect(deadline.kind == .inquiryReport && deadline.due == Fixture.reportDue)
        #expect(deadline.obligated == Self.unit && deadline.supervisor == .congress)
        #expect(deadline.remindOn == day("2025-01-24"))
    }

    /// The opinions come after the claim (no deadline for an unclaimed problem).
    @Test func anUnclaimedProblemIsNotTracked() {
        let refused = refusal(Fixture.assigned) {
            try $0.received(.startTracking(due: Fixture.reportDue), at: day("2024-11-05"), by: .congress, rules: rules2024)
        }
        #expect(refused?.rule == .outOfOrder)
    }

    /// Reported in time: the deadline is cancelled and the status kept.
    @Test func theReportCancelsTheDeadline() throws {
        var problem = try Fixture.process(in: .claimed)
        let reported = try problem.received(.report(status: .inProgress), at: day("2025-01-22"), by: Self.unit, rules: rules2024)
        #expect(reported.to == .reported && reported.effects == [.cancelTimer(.inquiryReport)])
        #expect(problem.status == .inProgress && problem.timers.running.isEmpty)
    }

    /// Overdue: 督办 queued; the late report still closes it.
    @Test func overdueThenReportedLate() throws {
        var problem = try Fixture.process(in: .claimed)
        let expired = try problem.received(.timerExpired(.inquiryReport), at: day("2025-02-01"), by: .coordinator, rules: rules2024)
        #expect(expired.to == .overdue && expired.effects.jointMeetingItems.map(\.subjectId) == ["XW-2024-01-P03"])
        let late = try problem.received(.report(status: .unresolved), at: day("2025-02-10"), by: Self.unit, rules: rules2024)
        #expect(late.to == .reported && late.effects == [.cancelTimer(.inquiryReport)] && problem.status == .unresolved)
    }
}
