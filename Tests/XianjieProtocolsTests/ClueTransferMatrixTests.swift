import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 E (a clue transfer) as a table: every event kind in every state, before the transfer
/// too, and every wrong sender.
@Suite struct ClueTransferMatrixTests {
    typealias Fixture = ClueTransferFixture
    typealias State = ClueTransferProcess.State
    typealias Sample = EventSample<ClueTransferProcess.Event>

    static let date = day("2024-06-17")

    /// One sample of every event kind (each dispute action, with and without its grounds or the
    /// superior it needs); the receiver acknowledges and answers, the sender refers.
    static let samples: [Sample] =
        [
            Sample("send", Fixture.send, by: Fixture.sender),
            Sample(
                "send(toItself)", .send(from: Fixture.from, to: Fixture.from, acknowledgeWithinDays: 7, feedbackWithinDays: 30),
                by: Fixture.sender),
            Sample("acknowledge", .acknowledge(registeredAs: nil), by: Fixture.receiver),
            Sample("feedback", .feedback(.declined), by: Fixture.receiver),
            Sample("dispute(raised)", Fixture.raise, by: Fixture.receiver),
            Sample("dispute(raised, noGrounds)", .dispute(.raised, reason: "", commonSuperior: nil), by: Fixture.receiver),
            Sample("dispute(negotiated)", .dispute(.negotiated, reason: "协商由呼图壁办理", commonSuperior: nil), by: Fixture.sender),
            Sample("dispute(referredToCommonSuperior)", Fixture.refer, by: Fixture.sender),
            Sample(
                "dispute(referredToCommonSuperior, noSuperior)",
                .dispute(.referredToCommonSuperior, reason: "协商未果", commonSuperior: nil), by: Fixture.receiver),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    /// The acknowledgement deadline runs until the receiver acknowledges, the feedback deadline until it
    /// answers; a dispute stops both, its negotiation starts the feedback deadline again.
    static let table = TransitionTable<State>(
        legal: [
            .sent: row(
                ["acknowledge": .acknowledged, "dispute(raised)": .disputed], timer(.clueAcknowledgement, in: .sent)),
            .acknowledged: row(["feedback": .closed, "dispute(raised)": .disputed], timer(.clueFeedback, in: .acknowledged)),
            .disputed: [
                "dispute(negotiated)": .acknowledged, "dispute(referredToCommonSuperior)": .referredToCommonSuperior,
            ],
            .referredToCommonSuperior: [:],
            .closed: [:],
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // The grounds are checked before the state.
            if event == "dispute(raised, noGrounds)" { return .explanationRequired }
            if event == "dispute(referredToCommonSuperior, noSuperior)", state == .disputed { return .invalidArgument }
            return .outOfOrder
        })

    /// Before the transfer nobody is its receiver or a party of it, and no deadline runs.
    static let unsent = TransitionTable<State>(
        legal: [.sent: ["send": .sent]],
        refusal: { event, _ in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            if event.hasPrefix("dispute(") { return .notAParty }
            if event == "acknowledge" || event == "feedback" { return .replyFromWrongAgency }
            return event == "send(toItself)" ? .invalidArgument : .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        #expect(Self.table.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Self.unsent.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Set(Self.table.legal.keys) == Set(State.allCases))
        #expect(Set(Self.samples.map(\.name)).count == Self.samples.count)
    }

    /// 5 states × 35 event kinds (9, and 2 for each of 13 timer kinds) = 175 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state && start.from == Fixture.from)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event kind before the transfer: 35 pairs.
    @Test func everyEventBeforeTheTransfer() {
        for sample in Self.samples {
            expect(
                Self.unsent.expected(sample.name, in: .sent), sending: sample.event, by: sample.sender, to: Fixture.unsent,
                on: Self.date, "\(sample.name) before the transfer")
        }
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`); the
    /// receiver's events from another procuratorate, the sender's among them; a dispute from anyone
    /// but the sender and the receiver.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        let strangers = [AgreementFixture.party(AgreementFixture.outsider), AgreementFixture.party(Fixture.superior)]
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let start =
                if let state = Self.table.stateAccepting(sample.name, in: State.allCases) {
                    try Fixture.process(in: state)
                } else if sample.name.hasPrefix("dispute(") {
                    try Fixture.process(in: .disputed)
                } else {
                    Fixture.unsent
                }
            let isDispute = sample.name.hasPrefix("dispute(")
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.to)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
            if isDispute {
                for actor in strangers {
                    expect(.refused(.notAParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                    checked += 1
                }
            } else if sample.sender == Fixture.receiver {
                for actor in [strangers[0], Fixture.sender, ProtocolActor.procuratorate] {
                    expect(
                        .refused(.replyFromWrongAgency), sending: sample.event, by: actor, to: start, on: Self.date,
                        "\(sample.name) from \(actor)")
                    checked += 1
                }
            }
        }
        #expect(checked == 70)
    }
}
