import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 D (the meeting) as a table: every event kind in every state, with and without a
/// quorum, and every wrong sender.
@Suite struct JointMeetingMatrixTests {
    typealias Fixture = JointMeetingFixture
    typealias State = JointMeetingProcess.State
    typealias Sample = EventSample<JointMeetingProcess.Event>

    static let date = day("2024-10-15")
    /// Who may call a meeting, convene it and publish its decisions.
    static let conveners: Set<ProtocolActor.Role> = [.congress, .procuratorate, .coordinator]
    /// Who may move an agenda item.
    static let movers: Set<ProtocolActor.Role> = [.congress, .procuratorate, .agency, .station]
    /// Who drafts the minutes.
    static let drafters: Set<ProtocolActor.Role> = [.congress, .procuratorate]
    /// Sides that do not sign minutes: refused whoever sends them.
    static let nonSigningSides = ["cosign(agency)", "cosign(other)"]

    /// One sample of every event kind (minutes with and without decisions, each side's signature,
    /// a motion already moved); the meeting runs no timers.
    static let samples: [Sample] = [
        Sample("announce", Fixture.announce, by: .congress, parties: conveners),
        Sample(
            "motion", .motion(JointMeetingProcess.Motion(motionId: "M-2", title: "窨井盖", proposer: Fixture.water)),
            by: .agency(Fixture.water), parties: movers),
        Sample(
            "motion(repeated)", .motion(Fixture.motion), by: ProtocolActor(role: .procuratorate, agency: Fixture.procuratorate),
            parties: movers),
        Sample("freeze", .freeze(Fixture.agenda), by: .coordinator),
        Sample("convene", .convene(Fixture.quorate), by: .coordinator, parties: conveners),
        Sample("draftMinutes", .draftMinutes(summary: "纪要", decisions: Fixture.decisions), by: .congress, parties: drafters),
        Sample("draftMinutes(noDecisions)", .draftMinutes(summary: "听取汇报", decisions: []), by: .procuratorate, parties: drafters),
        Sample("cosign(congress)", .cosign(.congress), by: .congress),
        Sample("cosign(procuratorate)", .cosign(.procuratorate), by: .procuratorate),
        Sample("cosign(agency)", .cosign(.agency), by: .agency(Fixture.water), parties: []),
        Sample("cosign(other)", .cosign(.other), by: .congress, parties: []),
        Sample("publish", .publish, by: .coordinator, parties: conveners),
    ]

    /// The legal pairs along the fixture's path; without a quorum the minutes may not decide anything.
    static func table(quorum: Bool) -> TransitionTable<State> {
        TransitionTable(
            legal: [
                .planned: ["announce": .agendaOpen],
                .agendaOpen: ["motion": .agendaOpen, "freeze": .agendaFrozen],
                .agendaFrozen: ["convene": .convened],
                .convened: quorum
                    ? ["draftMinutes": .minutesDrafted, "draftMinutes(noDecisions)": .minutesDrafted]
                    : ["draftMinutes(noDecisions)": .minutesDrafted],
                // One signature leaves the minutes drafted; the second side's completes them (focused tests).
                .minutesDrafted: ["cosign(congress)": .minutesDrafted, "cosign(procuratorate)": .minutesDrafted],
                .minutesCosigned: ["publish": .decisionsPublished],
                .decisionsPublished: [:],
            ],
            refusal: { event, state in
                if nonSigningSides.contains(event) { return .invalidArgument }
                // The fixture's agenda already holds motion M-1.
                if event == "motion(repeated)", state == .agendaOpen { return .alreadyDone }
                if event == "draftMinutes", state == .convened, !quorum { return .noQuorum }
                return .outOfOrder
            })
    }

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        for quorum in [true, false] {
            #expect(Self.table(quorum: quorum).eventNames.isSubset(of: Self.samples.map(\.name)))
            #expect(Set(Self.table(quorum: quorum).legal.keys) == Set(State.allCases))
        }
        #expect(Set(Self.samples.map(\.name)).count == Self.samples.count)
    }

    /// 7 states × 12 event kinds × quorum met or not = 168 pairs.
    @Test(arguments: State.allCases, [true, false])
    func everyEventInEveryState(_ state: State, quorum: Bool) throws {
        let start = try Fixture.process(in: state, quorum: quorum)
        try #require(start.state == state)
        let table = Self.table(quorum: quorum)
        for sample in Self.samples {
            expect(
                table.expected(sample.name, in: state), sending: sample.event, by: sample.sender, to: start,
                on: Self.date, "\(sample.name) in \(state)\(quorum ? "" : " without quorum")")
        }
    }

    /// Every event from every role that may not send it, in the state where it is legal (a side's
    /// signature from the other side among them); a signature for a side that does not sign is
    /// refused whoever sends it.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        let table = Self.table(quorum: true)
        var checked = 0
        for sample in Self.samples {
            guard let state = table.stateAccepting(sample.name, in: State.allCases) else { continue }
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.water)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        let drafted = try Fixture.process(in: .minutesDrafted)
        for sample in Self.samples where Self.nonSigningSides.contains(sample.name) {
            for role in ProtocolActor.Role.allCases {
                let actor = representative(of: role, agency: Fixture.water)
                expect(.refused(.invalidArgument), sending: sample.event, by: actor, to: drafted, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        #expect(checked == 57)
    }
}
