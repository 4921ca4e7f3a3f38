import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 I (a satisfaction ballot) as a table: every event kind in every state, and every
/// wrong sender. It runs no timers.
@Suite struct EvaluationMatrixTests {
    typealias Fixture = EvaluationFixture
    typealias State = EvaluationProcess.State
    typealias Sample = EventSample<EvaluationProcess.Event>

    static let date = Fixture.date

    /// One sample of every event kind: a tally that is accepted, one that calls for follow-up, and
    /// tallies that do not add up (more votes than members present, a unit left out, an extra unit).
    static let samples: [Sample] = [
        Sample("announce(accepted)", Fixture.accepted, by: .congress),
        Sample("announce(followUp)", Fixture.followUp, by: .congress),
        Sample(
            "announce(overPresent)",
            .announce(membersPresent: 24, observers: 0, tallies: [Fixture.tally(Fixture.housing, 25, 0, 0), Fixture.tally(Fixture.ecology, 24, 0, 0)]),
            by: .congress),
        Sample(
            "announce(missingUnit)", .announce(membersPresent: 26, observers: 0, tallies: [Fixture.tally(Fixture.housing, 26, 0, 0)]),
            by: .congress),
        Sample(
            "announce(extraUnit)",
            .announce(
                membersPresent: 26, observers: 0,
                tallies: [
                    Fixture.tally(Fixture.housing, 26, 0, 0), Fixture.tally(Fixture.ecology, 26, 0, 0),
                    Fixture.tally("jinzhou.water", 26, 0, 0),
                ]),
            by: .congress),
    ]

    static let table = TransitionTable<State>(
        legal: [
            .scheduled: ["announce(accepted)": .accepted, "announce(followUp)": .followUp],
            .accepted: [:],
            .followUp: [:],
        ],
        refusal: { _, state in state == .scheduled ? .invalidTally : .outOfOrder })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 3 states × 5 event kinds = 15 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event from every role but the congress's: the rated units and the procuratorate do not
    /// announce the ballot.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples {
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.housing)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: Fixture.scheduled, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        #expect(checked == 5 * 6)
    }
}
