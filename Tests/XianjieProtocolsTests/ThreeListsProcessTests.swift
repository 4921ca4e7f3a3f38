import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct ThreeListsProcessTests {
    typealias Fixture = ItemFixture
    static let unit = Fixture.unit

    @Test func reportsFromAnotherUnitAreRefused() throws {
        let item = try Fixture.process(in: .inProgress)
        let refused = refusal(item) { try $0.received(.reportDone, at: day("2024-11-01"), by: .agency("qibin.housing")) }
        #expect(refused?.rule == .notAssignedToUnit)
        #expect(refused?.message.contains("a rectification report for an item not assigned to this unit") == true)
        let identified = try Fixture.process(in: .identified)
        #expect(refusal(identified) { try $0.received(.submitPlan, at: day("2024-11-01"), by: .agency(Self.unit)) }?.rule == .notAssignedToUnit)
    }

    @Test func failedVerificationReturnsToWorkAndOverdueEscalates() throws {
        var item = try Fixture.process(in: .inProgress)
        let overdue = try item.received(.timerExpired(.rectification), at: day("2025-01-01"), by: .coordinator)
        #expect(overdue.effects.jointMeetingItems.first?.subjectId == "T-01")
        #expect(overdue.effects.notified == [.agency(Self.unit), .coordinator])
        _ = try item.received(.reportDone, at: day("2025-01-05"), by: .agency(Self.unit))
        let failed = try item.received(.verify(passed: false), at: day("2025-01-06"), by: .coordinator)
        #expect(failed.to == .inProgress)
        #expect(item.failedVerifications == 1)
    }

    @Test func regressedLookBackReopensAsANewItem() throws {
        var item = try Fixture.process(in: .lookBackScheduled)
        #expect(refusal(item) { try $0.received(.lookBackResult(confirmed: false, newItemId: nil), at: day("2025-06-30"), by: .congress) }?.rule == .invalidArgument)
        let regressed = try item.received(.lookBackResult(confirmed: false, newItemId: "T-01-R1"), at: day("2025-06-30"), by: .congress)
        #expect(regressed.to == .regressed)
        #expect(regressed.effects.startedProcesses == [LinkedProcess(kind: .threeListsItem, subjectId: "T-01-R1", originSubjectId: "T-01")])
        #expect(regressed.effects.cancelledTimers == [.lookBack])
        let reopened = try #require(item.reopenedItem)
        #expect(reopened.state == .identified && reopened.reopenedFrom == "T-01")
        #expect(try roundTrip(item) == item)
    }

    @Test func confirmedLookBackEndsTheItem() throws {
        var item = try Fixture.process(in: .lookBackScheduled)
        #expect(item.timers.deadline(.lookBack)?.due == Fixture.lookBackDay)
        let confirmed = try item.received(.lookBackResult(confirmed: true, newItemId: nil), at: Fixture.lookBackDay, by: .congress)
        #expect(confirmed.to == .confirmed && confirmed.effects == [.cancelTimer(.lookBack)])
        #expect(item.reopenedItem == nil && item.timers.running.isEmpty)
    }
}
