import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 E (the agreement) as a table: every event kind in every state, every wrong sender
/// and every sender that is no party.
@Suite struct AgreementMatrixTests {
    typealias Fixture = AgreementFixture
    typealias State = AgreementProcess.State
    typealias Sample = EventSample<AgreementProcess.Event>
    typealias Rule = ProtocolViolation.Rule

    static let date = day("2024-06-20")
    /// The kinds of node an agreement names as its parties.
    static let parties: Set<ProtocolActor.Role> = [.procuratorate, .congress]
    static let hutubi = Fixture.party(Fixture.hutubi)

    /// One sample of every event kind, each from Hutubi (the first to sign in the fixture) but the
    /// signature of a party that has not signed yet (Shawan); the agreement runs no timers.
    static let samples: [Sample] = [
        Sample("amend", .amend(Fixture.v2), by: hutubi, parties: parties),
        Sample("amend(skipsAVersion)", .amend(Fixture.terms(version: 3)), by: hutubi, parties: parties),
        Sample("sign(v1)", .sign(version: 1), by: Fixture.party(Fixture.shawan), parties: parties),
        Sample("sign(v1, again)", .sign(version: 1), by: hutubi, parties: parties),
        Sample("sign(v2)", .sign(version: 2), by: hutubi, parties: parties),
        Sample("suspend", .suspend(reason: "河道治理工程施工"), by: hutubi, parties: parties),
        Sample("suspend(noReason)", .suspend(reason: " "), by: hutubi, parties: parties),
        Sample("resume", .resume(reason: "施工结束"), by: hutubi, parties: parties),
        Sample("resume(noReason)", .resume(reason: ""), by: hutubi, parties: parties),
        Sample("terminate", .terminate(reason: "协作期满"), by: hutubi, parties: parties),
        Sample("terminate(noReason)", .terminate(reason: ""), by: hutubi, parties: parties),
    ]

    static let table = TransitionTable<State>(
        legal: [
            // Hutubi's or Shawan's signature of the draft opens the round (negotiating).
            .draft: ["sign(v1)": .negotiating, "sign(v1, again)": .negotiating, "terminate": .terminated],
            // Shawan signs after Hutubi; Manas's signature, the last, is a focused test.
            .negotiating: ["sign(v1)": .negotiating, "terminate": .terminated],
            .active: ["amend": .amended, "suspend": .suspended, "terminate": .terminated],
            // Version 1 stays in force while version 2 collects its signatures.
            .amended: ["sign(v2)": .amended, "suspend": .suspended, "terminate": .terminated],
            .suspended: ["resume": .active, "terminate": .terminated],
            .terminated: [:],
        ],
        refusal: { event, state in exceptions[state]?[event] ?? .outOfOrder })

    /// The refusals in a state where the event kind is due but its argument is wrong; every other
    /// refused pair is out of order.
    static let exceptions: [State: [String: Rule]] = [
        .draft: ["sign(v2)": .invalidArgument, "terminate(noReason)": .explanationRequired],
        .negotiating: [
            "sign(v1, again)": .alreadyDone, "sign(v2)": .invalidArgument, "terminate(noReason)": .explanationRequired,
        ],
        .active: [
            "amend(skipsAVersion)": .invalidArgument, "suspend(noReason)": .explanationRequired,
            "terminate(noReason)": .explanationRequired,
        ],
        // The amendment (version 2) is being signed, not the draft.
        .amended: [
            "sign(v1)": .invalidArgument, "sign(v1, again)": .invalidArgument, "suspend(noReason)": .explanationRequired,
            "terminate(noReason)": .explanationRequired,
        ],
        .suspended: ["resume(noReason)": .explanationRequired, "terminate(noReason)": .explanationRequired],
    ]

    /// The state where a sample is legal, or else where it is refused for its argument.
    static func state(for sample: Sample) -> State? {
        table.stateAccepting(sample.name, in: State.allCases)
            ?? State.allCases.first { exceptions[$0]?[sample.name] != nil }
    }

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        let names = Set(Self.samples.map(\.name))
        #expect(Self.table.eventNames.isSubset(of: names))
        #expect(Set(Self.exceptions.values.flatMap(\.keys)).isSubset(of: names))
        #expect(Set(Self.table.legal.keys) == Set(State.allCases))
        #expect(names.count == Self.samples.count)
        #expect(Self.samples.allSatisfy { Self.state(for: $0) != nil })
    }

    /// 6 states × 11 event kinds = 66 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event from every role that is no party kind (`wrongParty`), and from a procuratorate or a
    /// congress that the agreement does not name (`notAParty`), in the state where it is due.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        let strangers = [
            Fixture.party(Fixture.outsider), ProtocolActor(role: .congress, agency: "hutubi.congress"),
            ProtocolActor.congress, ProtocolActor.procuratorate,
        ]
        var checked = 0
        for sample in Self.samples {
            let start = try Fixture.process(in: #require(Self.state(for: sample)))
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: Fixture.hutubi)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
            for actor in strangers {
                expect(.refused(.notAParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        #expect(checked == 99)
    }
}
