import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 H (a hearing) as a table: every event kind in every state, and every wrong sender.
@Suite struct HearingMatrixTests {
    typealias Fixture = HearingFixture
    typealias State = HearingProcess.State
    typealias Sample = EventSample<HearingProcess.Event>
    typealias Opinion = HearingRecord.Opinion

    /// The day the fixture's hearing opens; a notice sent on it names a day 3 days later.
    static let date = Fixture.startsOn
    static let notice = day("2024-10-20")
    static let chief = Fixture.chief

    /// One sample of every event kind: the notice with its officers as they must be and in each way
    /// they may not, the opinions from the officers and from someone else; the hearing runs no timers.
    static let samples: [Sample] = [
        Sample("announce", .announce(startsOn: notice, officers: Fixture.officers), by: chief),
        Sample("announce(twoDaysAhead)", .announce(startsOn: day("2024-10-19"), officers: Fixture.officers), by: chief),
        Sample("announce(noOfficers)", .announce(startsOn: notice, officers: []), by: chief),
        Sample(
            "announce(officerWithoutId)", .announce(startsOn: notice, officers: Fixture.officers + [Person(name: "王志强")]),
            by: chief),
        Sample(
            "announce(officerTwice)",
            .announce(startsOn: notice, officers: Fixture.officers + [Person(name: "李建华", personId: "D-023")]), by: chief),
        Sample("convene", .convene, by: chief),
        Sample("recordOpinions", .recordOpinions(Fixture.opinions), by: chief),
        Sample(
            "recordOpinions(stranger)",
            .recordOpinions(Fixture.opinions + [Opinion(officer: Person(name: "赵丽", personId: "D-099"), opinion: "同意")]),
            by: chief),
        Sample(
            "recordOpinions(unnamedOfficer)", .recordOpinions([Opinion(officer: Person(name: "李建华"), opinion: "同意")]),
            by: chief),
        Sample("close", .close, by: chief),
    ]

    static let table = TransitionTable<State>(
        legal: [
            .proposed: ["announce": .prepared],
            .prepared: ["convene": .convened],
            .convened: ["recordOpinions": .opinions],
            .opinions: ["close": .closed],
            .closed: [:],
        ],
        refusal: { event, state in
            // The notice's day and officers, and who gave opinions, are checked once the step is due.
            if event.hasPrefix("announce("), state == .proposed { return .invalidArgument }
            if event.hasPrefix("recordOpinions("), state == .convened { return .invalidArgument }
            return .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 5 states × 10 event kinds = 50 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event from every role but the procuratorate's (the congress, whose deputies serve as
    /// officers, among them), in the state where it is due.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples {
            let state = Self.table.stateAccepting(sample.name, in: State.allCases) ?? (sample.name.hasPrefix("announce(") ? .proposed : .convened)
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: "hutubi.procuratorate", deputy: "D-023")
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        #expect(checked == 60)
    }
}
