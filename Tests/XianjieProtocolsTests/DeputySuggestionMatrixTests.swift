import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 A as a table: every event kind in every state, and every wrong sender.
@Suite struct DeputySuggestionMatrixTests {
    typealias Fixture = SuggestionFixture
    typealias State = DeputySuggestionProcess.State
    typealias Sample = EventSample<DeputySuggestionProcess.Event>

    static let date = day("2024-12-20")

    /// One sample of every event kind (each rating and each assessment outcome on its own).
    static let samples: [Sample] =
        [
            Sample(
                "register", .register(session: .betweenSessions, domain: .ecologyAndResources, impact: Fixture.inScope),
                by: .congress),
            Sample("assign", .assign(host: Fixture.host, coUnits: [Fixture.coUnit]), by: .congress),
            Sample("startHandling", .startHandling, by: .agency(Fixture.host)),
            Sample("requestExtension", .requestExtension(explanation: "needs a budget line"), by: .agency(Fixture.host)),
            Sample("reply", .reply, by: .agency(Fixture.host)),
            Sample("requestFeedback", .requestFeedback, by: .congress),
            Sample("rate(satisfied)", .rate(.satisfied), by: .deputy("D-01")),
            Sample("rate(basicallySatisfied)", .rate(.basicallySatisfied), by: .deputy("D-01")),
            Sample("rate(unsatisfied)", .rate(.unsatisfied), by: .deputy("D-01")),
            Sample("transferToProcuratorate", .transferToProcuratorate, by: .congress),
            Sample("transferAssessed(filed)", .transferAssessed(.filed, caseId: "C-2024-05", reason: nil), by: .procuratorate),
            Sample(
                "transferAssessed(declined)", .transferAssessed(.declined, caseId: nil, reason: "already a case"),
                by: .procuratorate),
            Sample("lookBack", .lookBack(findings: "held"), by: .congress, parties: [.congress, .coordinator]),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    /// The legal pairs along the fixture's path (no transfer yet: see `transferRunsAlongsideEveryState`).
    static let table = TransitionTable<State>(
        legal: [
            .submitted: ["register": .registered],
            .registered: row(
                ["assign": .assigned, "transferToProcuratorate": .registered], timer(.assignSuggestion, in: .registered)),
            .assigned: row(
                [
                    "startHandling": .handling, "requestExtension": .assigned, "reply": .replied,
                    "transferToProcuratorate": .assigned,
                ],
                timer(.suggestionReply, in: .assigned, expiring: .replyOverdue)),
            .handling: row(
                ["requestExtension": .handling, "reply": .replied, "transferToProcuratorate": .handling],
                timer(.suggestionReply, in: .handling, expiring: .replyOverdue)),
            .replyOverdue: ["reply": .replied, "transferToProcuratorate": .replyOverdue],
            .replied: [
                "requestFeedback": .feedbackPending, "rate(satisfied)": .closed, "rate(basicallySatisfied)": .closed,
                "rate(unsatisfied)": .rehandling, "transferToProcuratorate": .replied,
            ],
            .feedbackPending: row(
                [
                    "rate(satisfied)": .closed, "rate(basicallySatisfied)": .closed, "rate(unsatisfied)": .rehandling,
                    "transferToProcuratorate": .feedbackPending,
                ],
                timer(.deputyFeedback, in: .feedbackPending)),
            .rehandling: row(
                ["reply": .replied, "transferToProcuratorate": .rehandling],
                timer(.rehandlingReply, in: .rehandling, expiring: .replyOverdue)),
            .closed: ["lookBack": .lookBack],
            .lookBack: [:],
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // 先答复后评价: a rating before any (second) reply; after closure it is merely out of order.
            if event.hasPrefix("rate("), state != .closed, state != .lookBack { return .ratingBeforeReply }
            if event == "reply", state == .submitted || state == .registered { return .replyNeverIssued }
            return .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 10 states × 31 event kinds = 310 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// The transfer (转交 → 研判) runs beside track A: once transferred, every state takes the assessment
    /// and refuses a second transfer.
    @Test(arguments: State.allCases.filter { $0 != .submitted })
    func transferRunsAlongsideEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state, transferred: true)
        try #require(start.state == state)
        let open = state != .closed && state != .lookBack
        expect(
            .refused(open ? .alreadyDone : .outOfOrder), sending: .transferToProcuratorate, by: .congress, to: start,
            on: Self.date, "second transfer in \(state)")
        for sample in Self.samples where sample.name.hasPrefix("transferAssessed(") {
            expect(.moves(to: state), sending: sample.event, by: .procuratorate, to: start, on: Self.date, "\(sample.name) in \(state)")
        }
        var assessed = start
        _ = try assessed.received(.transferAssessed(.filed, caseId: "C-1", reason: nil), at: Self.date, by: .procuratorate)
        #expect(assessed.transfer == .caseFiled(caseId: "C-1"))
        expect(
            .refused(.outOfOrder), sending: .transferAssessed(.declined, caseId: nil, reason: "again"), by: .procuratorate,
            to: assessed, on: Self.date, "second assessment in \(state)")
    }

    /// A process in which `event` is legal, to show that only its sender makes it illegal.
    static func start(accepting event: String) throws -> DeputySuggestionProcess {
        if event.hasPrefix("transferAssessed(") { return try Fixture.process(in: .registered, transferred: true) }
        let state = try #require(table.stateAccepting(event, in: State.allCases), "no state accepts \(event)")
        return try Fixture.process(in: state)
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the host unit's events from a co-unit.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let start = try Self.start(accepting: sample.name)
            var accepted = start
            _ = try accepted.received(sample.event, at: Self.date, by: sample.sender, rules: rules2024)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.host)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        for name in ["startHandling", "requestExtension", "reply"] {
            let sample = try #require(Self.samples.first { $0.name == name })
            expect(
                .refused(.replyFromWrongAgency), sending: sample.event, by: .agency(Fixture.coUnit),
                to: try Self.start(accepting: name), on: Self.date, "\(name) from the co-unit")
            checked += 1
        }
        #expect(checked == 80)
    }
}
