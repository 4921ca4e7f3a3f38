import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 D (a decision's assignment) as a table: every event kind in every state, before
/// publication too, and every wrong sender.
@Suite struct MeetingAssignmentMatrixTests {
    typealias Fixture = AssignmentFixture
    typealias State = MeetingAssignmentProcess.State
    typealias Sample = EventSample<MeetingAssignmentProcess.Event>

    static let date = day("2024-10-16")
    /// Who may publish a meeting's decisions.
    static let publishers: Set<ProtocolActor.Role> = [.coordinator, .congress, .procuratorate]
    /// The kinds of node a responsible unit may be (an agency, or a congress or procuratorate office).
    static let units: Set<ProtocolActor.Role> = [.agency, .congress, .procuratorate]

    static let samples: [Sample] =
        [
            Sample("publish", .publish, by: .coordinator, parties: publishers),
            Sample("start", .start, by: .agency(Fixture.unit), parties: units),
            Sample("finish", .finish, by: .agency(Fixture.unit), parties: units),
        ] + Sample.timers(remind: { .reminderDue($0) }, expire: { .timerExpired($0) })

    static let table = TransitionTable<State>(
        legal: [
            .open: row(["start": .inProgress, "finish": .done], timer(.meetingAssignment, in: .open, expiring: .overdue)),
            .inProgress: row(["finish": .done], timer(.meetingAssignment, in: .inProgress, expiring: .overdue)),
            .done: [:],
            // Overdue (its timer expired, 督办 queued) and still to be done.
            .overdue: ["start": .inProgress, "finish": .done],
        ],
        refusal: { event, _ in
            if event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") { return .timerNotRunning }
            // Publishing twice is out of order too.
            return .outOfOrder
        })

    /// Before publication no deadline runs; the machine itself lets the unit start or finish (the
    /// coordinator publishes an assignment as it opens it, so a unit never sees it unpublished).
    static let unpublished = TransitionTable<State>(
        legal: [.open: ["publish": .open, "start": .inProgress, "finish": .done]],
        refusal: { event, _ in
            event.hasPrefix("reminderDue(") || event.hasPrefix("timerExpired(") ? .timerNotRunning : .outOfOrder
        })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        #expect(Self.table.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Self.unpublished.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Set(Self.table.legal.keys) == Set(State.allCases))
        #expect(Set(Self.samples.map(\.name)).count == Self.samples.count)
    }

    /// 4 states × every event kind (3, and 2 for each timer kind) pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state && start.published)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event kind on an assignment not yet published.
    @Test func everyEventBeforePublication() {
        let start = Fixture.unpublished
        for sample in Self.samples {
            expect(
                Self.unpublished.expected(sample.name, in: .open), sending: sample.event, by: sample.sender, to: start,
                on: Self.date, "\(sample.name) before publication")
        }
    }

    /// Every non-timer event from every role that may not send it (timer events: `TimerTests`), and
    /// the unit's reports from an office of each kind that is not the responsible unit.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples where !sample.isTimerEvent {
            let start =
                if let state = Self.table.stateAccepting(sample.name, in: State.allCases) {
                    try Fixture.process(in: state)
                } else {
                    Fixture.unpublished
                }
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.unit)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
            guard sample.parties == Self.units else { continue }
            for role in Self.units.sorted(by: { $0.rawValue < $1.rawValue }) {
                let actor = ProtocolActor(role: role, agency: "hutubi.housing")
                expect(.refused(.notAssignedToUnit), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
            // A congress or procuratorate that does not name its office is not the unit either.
            expect(.refused(.notAssignedToUnit), sending: sample.event, by: .congress, to: start, on: Self.date, "\(sample.name) from the congress")
            checked += 1
        }
        #expect(checked == 20)
    }
}
