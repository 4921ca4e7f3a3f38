import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct ReverseConversionProcessTests {
    typealias Fixture = ConversionFixture

    @Test func onlyTheLeadDeputySubmitsAndTheSuggestionCarriesTheOrigin() throws {
        var process = try Fixture.process(in: .adoptedByDeputy)
        #expect(process.leadDeputy == "D-07")
        #expect(refusal(process) { try $0.received(.submit(suggestionId: "S-1"), at: day("2024-10-09"), by: .deputy("D-08")) }?.rule == .leadDeputyRequired)
        let submitted = try process.received(.submit(suggestionId: "S-2024-101"), at: day("2024-10-09"), by: .deputy("D-07"))
        #expect(submitted.effects.startedProcesses == [LinkedProcess(kind: .deputySuggestion, subjectId: "S-2024-101", originSubjectId: "C-2024-09")])
        #expect(process.deputySuggestion?.originCaseId == "C-2024-09")
        let proposed = try Fixture.process(in: .conversionProposed)
        #expect(refusal(proposed) { try $0.received(.adopt, at: day("2024-10-09"), by: ProtocolActor(role: .deputy)) }?.rule == .leadDeputyRequired)
        let issued = try Fixture.process(in: .issued)
        let none = ReverseConversionProcess.Eligibility(wideImpact: false, publicAttention: false, typicalViolation: false, deservesAttention: false)
        #expect(refusal(issued) { try $0.received(.markCopyEligible(none), at: day("2024-10-09"), by: .procuratorate) }?.rule == .invalidArgument)
        #expect(try roundTrip(process) == process)
    }
}
