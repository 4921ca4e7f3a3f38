import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 I (one problem of a special inquiry) as a table: every event kind in every state,
/// before the opinions start its deadline too, and every wrong sender.
@Suite struct InquiryProblemMatrixTests {
    typealias Fixture = ProblemFixture
    typealias State = InquiryProblemProcess.State
    typealias Sample = EventSample<InquiryProblemProcess.Event>

    static let date = day("2025-02-03")
    static let unit = ProtocolActor.agency(Fixture.unit)

    static let samples: [Sample] =
        [
            Sample("claim", .claim, by: unit),
            Sample("startTracking", .startTracking(due: day("2025-04-30")), by: .congress),
            Sample("startTracking(dueToday)", .startTracking(due: date), by: .congress),
            Sample("report(resolved)", .report(status: .resolved), by: unit),
            Sample("report(inProgress)", .report(status: .inProgress), by: unit),
            Sample("report(unresolved)", .report(status: .unresolved), by: unit),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    static let reports: [String: State] = [
        "report(resolved)": .reported, "report(inProgress)": .reported, "report(unresolved)": .reported,
    ]

    static let table = TransitionTable<State>(
        legal: [
            .assigned: ["claim": .claimed],
            .claimed: row(reports, timer(.inquiryReport, in: .claimed, expiring: .overdue)),
            .reported: [:],
            // Overdue (its deadline expired, 督办 queued) and still to be reported.
            .overdue: reports,
        ],
        refusal: { event, state in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            if event == "claim" { return .alreadyDone }
            // Tracked already (claimed with its deadline running), or not claimed / no longer open.
            if event.hasPrefix("startTracking") { return state == .claimed ? .alreadyDone : .outOfOrder }
            return state == .reported ? .alreadyDone : .outOfOrder
        })

    /// Claimed before the opinions: the deadline may start, the unit may already report.
    static let untracked = TransitionTable<State>(
        legal: [.claimed: row(reports, ["startTracking": .claimed])],
        refusal: { event, _ in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            return event == "claim" ? .alreadyDone : .invalidArgument
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        Self.table.expectCovers(Self.samples, states: State.allCases)
        #expect(Self.untracked.eventNames.isSubset(of: Self.samples.map(\.name)))
    }

    /// 4 states × every event kind (6, and 2 for each timer kind) pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    @Test func everyEventBeforeTheDeadlineStarts() throws {
        let start = try Fixture.claimedUntracked
        try #require(start.state == .claimed && !start.isTracked)
        expectEverySample(Self.samples, to: start, table: Self.untracked, on: Self.date)
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the unit's claim and reports from another agency.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let start =
                if sample.name.hasPrefix("startTracking") {
                    try Fixture.claimedUntracked
                } else {
                    try Fixture.process(in: Self.table.stateAccepting(sample.name, in: State.allCases) ?? .claimed)
                }
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.unit)
                if role == .procuratorate, sample.parties == [.agency] {
                    // The procuratorate may be the unit questioned; as another unit it is refused all the same.
                    expectRefused(sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                } else {
                    expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                }
                checked += 1
            }
            guard sample.parties == [.agency] else { continue }
            let other = ProtocolActor.agency(InquiryFixture.housing)
            expect(.refused(.notAssignedToUnit), sending: sample.event, by: other, to: start, on: Self.date, "\(sample.name) from \(other)")
            checked += 1
        }
        #expect(checked == 6 * 6 + 4)
    }
}
