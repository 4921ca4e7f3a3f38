import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 B as a table: every event kind in every state, and every wrong sender.
@Suite struct PublicInterestCaseMatrixTests {
    typealias Fixture = CaseFixture
    typealias State = PublicInterestCaseProcess.State
    typealias Sample = EventSample<PublicInterestCaseProcess.Event>

    static let date = day("2024-10-09")
    static let brigade = Fixture.brigade

    /// One sample of every event kind (each review outcome, follow-up conclusion and look-back result on its own).
    static let samples: [Sample] =
        [
            Sample("register", .register, by: .procuratorate),
            Sample("assess", .assess, by: .procuratorate),
            Sample("decline", .decline(reason: "no harm"), by: .procuratorate),
            Sample("file", .file, by: .procuratorate),
            Sample("startInvestigation", .startInvestigation(hearing: true), by: .procuratorate),
            Sample("terminate", .terminate(reason: "harm ceased"), by: .procuratorate),
            Sample("issueSuggestion", Fixture.issue, by: .procuratorate),
            Sample("deliver", .deliver, by: .procuratorate),
            Sample("fileWithSuperior", .fileWithSuperior, by: .procuratorate),
            Sample("copyToCongress", .copyToCongress, by: .procuratorate),
            Sample("objection", .objection(reason: "outside our remit"), by: .agency(brigade)),
            Sample("beginReview", .beginReview, by: .procuratorate),
            Sample("reviewDecided(modified)", .reviewDecided(.modified), by: .procuratorate),
            Sample("reviewDecided(withdrawn)", .reviewDecided(.withdrawn), by: .procuratorate),
            Sample("reviewDecided(upheld)", .reviewDecided(.upheld), by: .procuratorate),
            Sample("reply", .reply(.rectified), by: .agency(brigade)),
            Sample("beginFollowUp", .beginFollowUp, by: .procuratorate),
            Sample("followUpConcluded(performed)", .followUpConcluded(performed: true), by: .procuratorate),
            Sample("followUpConcluded(notPerformed)", .followUpConcluded(performed: false), by: .procuratorate),
            Sample("close", .close, by: .procuratorate),
            Sample("lookBack(confirmed)", .lookBack(confirmed: true), by: .procuratorate),
            Sample("lookBack(regressed)", .lookBack(confirmed: false), by: .procuratorate),
            Sample("beginLitigationReview", .beginLitigationReview, by: .procuratorate),
            Sample("sue", .sue(approvedByChief: true), by: .procuratorate),
            Sample("judgment", .judgment(summary: "ordered to perform"), by: .procuratorate),
            Sample("withdrawOnCompliance", .withdrawOnCompliance, by: .procuratorate),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    /// From delivery on, filing with the superior (5 days) and the copy to the congress (10 days)
    /// are owed in every state, beside the main track (the fixture's path does neither).
    static func delivered(_ state: State) -> [String: State] {
        row(
            ["fileWithSuperior": state, "copyToCongress": state], timer(.fileWithSuperior, in: state),
            timer(.copyToCongress, in: state))
    }

    /// Nothing was ever addressed to an agency in these states.
    static let beforeIssue: Set<State> = [.received, .registered, .assessed, .declined, .filed, .investigating, .terminated]

    static let table = TransitionTable<State>(
        legal: [
            .received: ["register": .registered],
            .registered: ["assess": .assessed],
            .assessed: ["decline": .declined, "file": .filed],
            .declined: [:],
            .filed: ["startInvestigation": .investigating],
            .investigating: ["terminate": .terminated, "issueSuggestion": .suggestionIssued],
            .terminated: [:],
            .suggestionIssued: ["deliver": .awaitingReply],
            .awaitingReply: row(
                ["objection": .objectionRaised, "reply": .replyReceived],
                timer(.procuratorialReply, in: .awaitingReply, expiring: .replyOverdue), delivered(.awaitingReply)),
            .objectionRaised: row(
                ["beginReview": .underReview], timer(.procuratorialReply, in: .objectionRaised),
                delivered(.objectionRaised)),
            .underReview: row(
                [
                    "reviewDecided(modified)": .awaitingReply, "reviewDecided(withdrawn)": .suggestionWithdrawn,
                    "reviewDecided(upheld)": .awaitingReply,
                ],
                timer(.procuratorialReply, in: .underReview), delivered(.underReview)),
            .suggestionWithdrawn: delivered(.suggestionWithdrawn),
            .replyReceived: row(["beginFollowUp": .followUpInvestigation], delivered(.replyReceived)),
            .replyOverdue: row(
                ["reply": .replyReceived, "beginFollowUp": .followUpInvestigation], delivered(.replyOverdue)),
            .followUpInvestigation: row(
                ["followUpConcluded(performed)": .rectified, "followUpConcluded(notPerformed)": .notPerformed],
                delivered(.followUpInvestigation)),
            .rectified: row(["close": .closed], delivered(.rectified)),
            .closed: row(["lookBack(confirmed)": .lookBack, "lookBack(regressed)": .lookBack], delivered(.closed)),
            .lookBack: delivered(.lookBack),
            .notPerformed: row(["beginLitigationReview": .litigationReview], delivered(.notPerformed)),
            .litigationReview: row(["terminate": .terminated, "sue": .sued], delivered(.litigationReview)),
            .sued: row(["judgment": .judgment, "withdrawOnCompliance": .withdrawnOnCompliance], delivered(.sued)),
            .judgment: delivered(.judgment),
            .withdrawnOnCompliance: delivered(.withdrawnOnCompliance),
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // A reply or an objection before any suggestion was issued answers nothing.
            if event == "reply" || event == "objection", beforeIssue.contains(state) { return .replyNeverIssued }
            return .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
    }

    /// 23 states × 44 event kinds = 1012 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the addressee's events from another agency.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let state = try #require(Self.table.stateAccepting(sample.name, in: State.allCases))
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Self.brigade)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        let awaiting = try Fixture.process(in: .awaitingReply)
        for sample in Self.samples where sample.sender == .agency(Self.brigade) {
            expect(
                .refused(.replyFromWrongAgency), sending: sample.event, by: .agency("hutubi.housing"), to: awaiting,
                on: Self.date, "\(sample.name) from another agency")
            checked += 1
        }
        #expect(checked == 158)
    }

    /// Filing and copying happen once each, whatever the state after delivery.
    @Test(arguments: State.allCases.filter { PublicInterestCaseMatrixTests.table.legal[$0]?["fileWithSuperior"] != nil })
    func filingAndCopyHappenOnce(_ state: State) throws {
        var process = try Fixture.process(in: state)
        _ = try process.received(.fileWithSuperior, at: Self.date, by: .procuratorate)
        _ = try process.received(.copyToCongress, at: Self.date, by: .procuratorate)
        #expect(process.state == state && process.filedWithSuperior && process.copiedToCongress)
        expect(.refused(.alreadyDone), sending: .fileWithSuperior, by: .procuratorate, to: process, on: Self.date, "filing twice in \(state)")
        expect(.refused(.alreadyDone), sending: .copyToCongress, by: .procuratorate, to: process, on: Self.date, "copying twice in \(state)")
    }
}
