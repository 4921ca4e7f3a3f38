import Testing
import XianjieMessages

@testable import XianjieProtocols

/// DOMAIN.md §4 C as a table: every event kind in every state, and every wrong sender.
@Suite struct ReverseConversionMatrixTests {
    typealias Fixture = ConversionFixture
    typealias State = ReverseConversionProcess.State
    typealias Sample = EventSample<ReverseConversionProcess.Event>

    static let date = day("2024-10-09")

    /// One sample of every event kind (reverse conversion has no timers).
    static let samples: [Sample] = [
        Sample("markCopyEligible", .markCopyEligible(Fixture.eligible), by: .procuratorate),
        Sample("copyToCongress", .copyToCongress, by: .procuratorate),
        Sample("beginScreening", .beginScreening, by: .congress),
        Sample("decideNotToConvert", .decideNotToConvert(reason: "local only"), by: .congress),
        Sample("proposeConversion", .proposeConversion(recommendation: "river chief system"), by: .congress),
        Sample("adopt", .adopt, by: .deputy(Fixture.leadDeputy)),
        Sample("submit", .submit(suggestionId: "S-2024-101"), by: .deputy(Fixture.leadDeputy)),
    ]

    static let table = TransitionTable<State>(
        legal: [
            .issued: ["markCopyEligible": .copyEligible],
            .copyEligible: ["copyToCongress": .copiedToCongress],
            .copiedToCongress: ["beginScreening": .screening],
            .screening: ["decideNotToConvert": .notConverted, "proposeConversion": .conversionProposed],
            .notConverted: [:],
            .conversionProposed: ["adopt": .adoptedByDeputy],
            .adoptedByDeputy: ["submit": .submitted],
            .submitted: [:],
        ],
        refusal: { _, _ in .outOfOrder })

    @Test func theTableNamesOnlySampledEventsAndEveryState() {
        #expect(Self.table.eventNames.isSubset(of: Self.samples.map(\.name)))
        #expect(Set(Self.table.legal.keys) == Set(State.allCases))
    }

    /// 8 states × 7 event kinds = 56 pairs.
    @Test(arguments: State.allCases)
    func everyEventInEveryState(_ state: State) throws {
        let start = try Fixture.process(in: state)
        try #require(start.state == state)
        expectEverySample(Self.samples, to: start, table: Self.table, on: Self.date)
    }

    /// Every event from every role that may not send it, an adoption by no named deputy and a
    /// submission by a deputy other than the lead.
    @Test func everyEventFromAWrongPartyIsRefused() throws {
        var checked = 0
        for sample in Self.samples {
            let state = try #require(Self.table.stateAccepting(sample.name, in: State.allCases))
            let start = try Fixture.process(in: state)
            for role in ProtocolActor.Role.allCases where !sample.parties.contains(role) {
                let actor = representative(of: role, agency: "hutubi.ecology", deputy: Fixture.leadDeputy)
                expect(.refused(.wrongParty), sending: sample.event, by: actor, to: start, on: Self.date, "\(sample.name) from \(actor)")
                checked += 1
            }
        }
        expect(
            .refused(.leadDeputyRequired), sending: .adopt, by: ProtocolActor(role: .deputy),
            to: try Fixture.process(in: .conversionProposed), on: Self.date, "adopt by an unnamed deputy")
        expect(
            .refused(.leadDeputyRequired), sending: .submit(suggestionId: "S-2024-101"), by: .deputy("D-08"),
            to: try Fixture.process(in: .adoptedByDeputy), on: Self.date, "submit by another deputy")
        #expect(checked + 2 == 44)
    }
}
