import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 E (an entrusted evidence request) as a table: every event kind in every state,
/// before the request too, and every wrong sender.
@Suite struct AssistanceMatrixTests {
    typealias Fixture = AssistanceFixture
    typealias State = AssistanceProcess.State
    typealias Sample = EventSample<AssistanceProcess.Event>

    static let date = day("2024-06-17")

    static let samples: [Sample] =
        [
            Sample("request", Fixture.request, by: Fixture.requester),
            Sample("request(dueToday)", .request(from: Fixture.from, to: Fixture.to, dueBy: date), by: Fixture.requester),
            Sample("answer", .answer, by: Fixture.asked),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    static let table = TransitionTable<State>(
        legal: [
            .requested: row(["answer": .answered], timer(.assistance, in: .requested)),
            .answered: [:],
        ],
        refusal: { event, _ in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // A request is made once; that is checked before its due day.
            return event.hasPrefix("request") ? .alreadyDone : .outOfOrder
        })

    /// Before the request nobody was asked, and no deadline runs.
    static let unrequested = TransitionTable<State>(
        legal: [.requested: ["request": .requested]],
        refusal: { event, _ in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            return event == "answer" ? .replyFromWrongAgency : .invalidArgument
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        #expect(Self.table.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Self.unrequested.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Set(Self.table.legal.keys) == Set(State.allCases))
        #expect(Set(Self.samples.map(\.name)).count == Self.samples.count)
    }

    /// 2 states × 29 event kinds (3, and 2 for each of 13 timer kinds) = 58 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state && start.to == Fixture.to)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event kind before the request: 29 pairs.
    @Test func everyEventBeforeTheRequest() {
        for sample in Self.samples {
            expect(
                Self.unrequested.expected(sample.name, in: .requested), sending: sample.event, by: sample.sender,
                to: Fixture.unrequested, on: Self.date, "\(sample.name) before the request")
        }
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and the
    /// answer from any procuratorate but the one asked.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let start =
                if let state = Self.table.stateAccepting(sample.name, in: State.allCases) {
                    try Fixture.process(in: state)
                } else {
                    Fixture.unrequested
                }
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.to)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        let requested = try Fixture.process(in: .requested)
        for actor in [Fixture.requester, AgreementFixture.party(AgreementFixture.outsider), ProtocolActor.procuratorate] {
            expect(.refused(.replyFromWrongAgency), sending: .answer, by: actor, to: requested, on: Self.date, "answer from \(actor)")
            checked += 1
        }
        #expect(checked == 21)
    }
}
