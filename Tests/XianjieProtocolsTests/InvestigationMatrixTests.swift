import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 I (a specific-question investigation) as a table: every event kind in every state,
/// and every wrong sender. It runs no timers.
@Suite struct InvestigationMatrixTests {
    typealias Fixture = InvestigationFixture
    typealias State = InvestigationProcess.State
    typealias Sample = EventSample<InvestigationProcess.Event>

    static let date = Fixture.date

    /// One sample of every event kind: the council's motion, one by 5 of the 25 members and one by 4;
    /// a committee, and none.
    static let samples: [Sample] = [
        Sample("propose(council)", .propose(question: Fixture.question, proposedBy: .council, proposers: []), by: .congress),
        Sample(
            "propose(members)", .propose(question: Fixture.question, proposedBy: .members, proposers: Fixture.members(5)),
            by: .congress),
        Sample(
            "propose(fewMembers)", .propose(question: Fixture.question, proposedBy: .members, proposers: Fixture.members(4)),
            by: .congress),
        Sample("decide", .decide, by: .congress),
        Sample("formCommittee", .formCommittee(Fixture.committee), by: .congress),
        Sample("formCommittee(empty)", .formCommittee([]), by: .congress),
        Sample("report", .report, by: .congress),
        Sample("resolve", .resolve, by: .congress),
    ]

    static let table = TransitionTable<State>(
        legal: [
            .none: ["propose(council)": .proposed, "propose(members)": .proposed],
            .proposed: ["decide": .decided],
            .decided: ["formCommittee": .investigating],
            .investigating: ["report": .reported],
            .reported: ["resolve": .resolved],
            .resolved: [:],
        ],
        refusal: { event, state in
            switch (state, event) {
            case (.none, "propose(fewMembers)"): .notEnoughSigners
            case (.decided, "formCommittee(empty)"): .invalidArgument
            default: .outOfOrder
            }
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 6 states × 8 event kinds = 48 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event from every role but the congress's, in the state where it is due.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples {
            let due = Self.table.stateAccepting(sample.name, in: State.allCases)
            let start = try Fixture.process(in: due ?? (sample.name.hasPrefix("propose(") ? State.none : .decided))
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: "jinzhou.housing")
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        #expect(checked == 8 * 6)
    }
}
