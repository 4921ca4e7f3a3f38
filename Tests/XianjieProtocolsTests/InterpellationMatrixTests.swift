import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 I (an interpellation) as a table: every event kind in every state, and every wrong
/// sender.
@Suite struct InterpellationMatrixTests {
    typealias Fixture = InterpellationFixture
    typealias State = InterpellationProcess.State
    typealias Sample = EventSample<InterpellationProcess.Event>

    static let date = day("2025-08-01")
    static let agency = ProtocolActor.agency(Fixture.addressee)

    /// One sample of every event kind: a new co-signer, one who signed already, one without personId;
    /// each form; both answer rounds; a satisfied verdict, one with two of three unsatisfied, one
    /// naming a member who did not sign; a withdrawal with and without its reason.
    static let samples: [Sample] =
        [
            Sample("cosign", .cosign([Person(name: "陈明", personId: "D-104")]), by: .congress),
            Sample("cosign(again)", .cosign([Person(name: "王建国", personId: "D-101")]), by: .congress),
            Sample("cosign(unnamed)", .cosign([Person(name: "陈明")]), by: .congress),
            Sample("submit", .submit, by: .congress),
            Sample("decide(oral)", .decide(form: .oral, answerDue: day("2025-09-01")), by: .congress),
            Sample("decide(written)", .decide(form: .written, answerDue: day("2025-09-01")), by: .congress),
            Sample("decide(dueToday)", .decide(form: .written, answerDue: date), by: .congress),
            Sample("answer(1)", .answer(round: 1), by: agency),
            Sample("answer(2)", .answer(round: 2), by: agency),
            Sample("assess(satisfied)", .assess(unsatisfied: []), by: .congress),
            Sample("assess(unsatisfied)", Fixture.unsatisfied, by: .congress),
            Sample("assess(stranger)", .assess(unsatisfied: ["D-999"]), by: .congress),
            Sample("withdraw", .withdraw(reason: "被质询机关已主动整改"), by: .congress),
            Sample("withdraw(noReason)", .withdraw(reason: " "), by: .congress),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    static let table = TransitionTable<State>(
        legal: [
            .drafted: ["cosign": .drafted, "submit": .submitted, "withdraw": .withdrawn],
            .submitted: ["decide(oral)": .formDecided, "decide(written)": .formDecided, "withdraw": .withdrawn],
            // An expired answer deadline leaves the state (overdue recorded, 督办 queued).
            .formDecided: row(["answer(1)": .answered, "withdraw": .withdrawn], timer(.interpellationAnswer, in: .formDecided)),
            .answered: ["assess(satisfied)": .accepted, "assess(unsatisfied)": .unsatisfied],
            .accepted: [:],
            .unsatisfied: row(["answer(2)": .answered], timer(.interpellationAnswer, in: .unsatisfied)),
            .closedUnsatisfied: [:],
            .withdrawn: [:],
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            switch (state, event) {
            case (.drafted, "cosign(again)"): return .alreadyDone
            case (.drafted, "cosign(unnamed)"), (.submitted, "decide(dueToday)"): return .invalidArgument
            case (.answered, "assess(stranger)"): return .notAProposer
            case (.drafted, "withdraw(noReason)"), (.submitted, "withdraw(noReason)"), (.formDecided, "withdraw(noReason)"):
                return .explanationRequired
            default: return .outOfOrder
            }
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 8 states × every event kind (14, and 2 for each timer kind) pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// The second answer is judged the same way, but a second unsatisfied verdict ends it.
    @Test func theSecondAnswerEndsIt() throws {
        var start = try Fixture.process(in: .unsatisfied)
        _ = try start.received(.answer(round: 2), at: Self.date, by: Self.agency, rules: rules2024)
        try #require(start.state == .answered && start.round == 2)
        let table = TransitionTable<State>(
            legal: [.answered: ["assess(satisfied)": .accepted, "assess(unsatisfied)": .closedUnsatisfied]],
            refusal: { event, _ in
                if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
                return event == "assess(stranger)" ? .notAProposer : .outOfOrder
            })
        expectEverySample(Self.samples, to: start, table: table, on: Self.date)
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the answers from an agency that is not the addressee.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let state =
                Self.table.stateAccepting(sample.name, in: State.allCases)
                ?? (sample.name.hasPrefix("cosign(") ? .drafted : sample.name.hasPrefix("decide(") ? .submitted : .answered)
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.addressee)
                if role == .procuratorate, sample.parties == [.agency] {
                    // The procuratorate may be the unit questioned; as another unit it is refused all the same.
                    expectRefused(sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                } else {
                    expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                }
                checked += 1
            }
            guard sample.parties == [.agency] else { continue }
            let other = ProtocolActor.agency(InquiryFixture.ecology)
            expect(.refused(.replyFromWrongAgency), sending: sample.event, by: other, to: start, on: Self.date, "\(sample.name) from \(other)")
            checked += 1
        }
        #expect(checked == 14 * 6 + 2)
    }
}
