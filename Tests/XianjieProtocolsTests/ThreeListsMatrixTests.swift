import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 G as a table: every event kind in every state, and every wrong sender.
@Suite struct ThreeListsMatrixTests {
    typealias Fixture = ItemFixture
    typealias State = ThreeListsProcess.State
    typealias Sample = EventSample<ThreeListsProcess.Event>

    static let date = day("2024-10-09")
    /// Who may assign, verify, close and look back (the joint check; deputies take part through them).
    static let supervisors: Set<ProtocolActor.Role> = [.coordinator, .congress, .procuratorate]

    /// One sample of every event kind (each verification and look-back result on its own).
    static let samples: [Sample] =
        [
            Sample(
                "assign", .assign(unit: Fixture.unit, leadPerson: "王局长", deadline: Fixture.deadline), by: .coordinator,
                parties: supervisors),
            Sample("submitPlan", .submitPlan, by: .agency(Fixture.unit)),
            Sample("startWork", .startWork, by: .agency(Fixture.unit)),
            Sample("reportDone", .reportDone, by: .agency(Fixture.unit)),
            Sample("verify(passed)", .verify(passed: true), by: .coordinator, parties: supervisors),
            Sample("verify(failed)", .verify(passed: false), by: .procuratorate, parties: supervisors),
            Sample("close", .close, by: .coordinator, parties: supervisors),
            Sample("scheduleLookBack", .scheduleLookBack(on: Fixture.lookBackDay), by: .congress, parties: supervisors),
            Sample(
                "lookBackResult(confirmed)", .lookBackResult(confirmed: true, newItemId: nil), by: .congress,
                parties: supervisors),
            Sample(
                "lookBackResult(regressed)", .lookBackResult(confirmed: false, newItemId: "T-01-R1"), by: .congress,
                parties: supervisors),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    static let table = TransitionTable<State>(
        legal: [
            .identified: ["assign": .assigned],
            .assigned: row(["submitPlan": .planSubmitted], timer(.rectification, in: .assigned)),
            .planSubmitted: row(["startWork": .inProgress], timer(.rectification, in: .planSubmitted)),
            .inProgress: row(["reportDone": .reportedDone], timer(.rectification, in: .inProgress)),
            .reportedDone: ["verify(passed)": .verified, "verify(failed)": .inProgress],
            .verified: ["close": .closed],
            .closed: ["scheduleLookBack": .lookBackScheduled],
            .lookBackScheduled: row(
                ["lookBackResult(confirmed)": .confirmed, "lookBackResult(regressed)": .regressed],
                timer(.lookBack, in: .lookBackScheduled)),
            .confirmed: [:],
            .regressed: [:],
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // Before the 责任清单 no unit may report on the item.
            if ["submitPlan", "startWork", "reportDone"].contains(event), state == .identified { return .notAssignedToUnit }
            return .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 10 states × 28 event kinds = 280 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the responsible unit's events from another unit (只有责任单位可以报告).
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let state = try #require(Self.table.stateAccepting(sample.name, in: State.allCases))
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.unit)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
            if sample.parties == [.agency] {
                expect(
                    .refused(.notAssignedToUnit), sending: sample.event, by: .agency("qibin.housing"), to: start,
                    on: Self.date, "\(sample.name) from another unit")
                checked += 1
            }
        }
        #expect(checked == 49)
    }
}
