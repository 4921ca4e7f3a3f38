import Testing
import XianjieMessages

@testable import XianjieProtocols

@Suite struct ReverseConversionProcessTests {
    typealias Event = ReverseConversionProcess.Event
    static let eligible = ReverseConversionProcess.Eligibility(
        wideImpact: true, publicAttention: true, typicalViolation: false, deservesAttention: true)
    static let samples: [(String, Event, ProtocolActor)] = [
        ("mark", .markCopyEligible(eligible), .procuratorate), ("copy", .copyToCongress, .procuratorate),
        ("screen", .beginScreening, .congress), ("notConvert", .decideNotToConvert(reason: "local only"), .congress),
        ("propose", .proposeConversion(recommendation: "river chief system"), .congress),
        ("adopt", .adopt, .deputy("D-07")), ("submit", .submit(suggestionId: "S-2024-101"), .deputy("D-07")),
    ]
    static let legal: [ReverseConversionProcess.State: Set<String>] = [
        .issued: ["mark"], .copyEligible: ["copy"], .copiedToCongress: ["screen"],
        .screening: ["notConvert", "propose"], .notConverted: [], .conversionProposed: ["adopt"],
        .adoptedByDeputy: ["submit"], .submitted: [],
    ]

    static func process(in state: ReverseConversionProcess.State) throws -> ReverseConversionProcess {
        var process = ReverseConversionProcess(caseId: "C-2024-09", documentNumber: "呼检行公建〔2024〕9号")
        let order = ["mark", "copy", "screen", state == .notConverted ? "notConvert" : "propose", "adopt", "submit"]
        for name in order where process.state != state {
            let (_, event, actor) = try #require(samples.first { $0.0 == name })
            _ = try process.received(event, at: day("2024-10-08"), by: actor)
        }
        return process
    }

    @Test(arguments: ReverseConversionProcess.State.allCases)
    func everyEventIsAcceptedExactlyWhereLegal(_ state: ReverseConversionProcess.State) throws {
        let start = try Self.process(in: state)
        #expect(start.state == state)
        for (name, event, actor) in Self.samples {
            var process = start
            let accepted = (try? process.received(event, at: day("2024-10-09"), by: actor)) != nil
            #expect(accepted == Self.legal[state]!.contains(name), "\(name) in \(state)")
            if !accepted { #expect(process == start) }
        }
    }

    @Test func onlyTheLeadDeputySubmitsAndTheSuggestionCarriesTheOrigin() throws {
        var process = try Self.process(in: .adoptedByDeputy)
        #expect(process.leadDeputy == "D-07")
        #expect(refusal(process) { try $0.received(.submit(suggestionId: "S-1"), at: day("2024-10-09"), by: .deputy("D-08")) }?.rule == .leadDeputyRequired)
        let submitted = try process.received(.submit(suggestionId: "S-2024-101"), at: day("2024-10-09"), by: .deputy("D-07"))
        #expect(submitted.effects.startedProcesses == [LinkedProcess(kind: .deputySuggestion, subjectId: "S-2024-101", originSubjectId: "C-2024-09")])
        #expect(process.deputySuggestion?.originCaseId == "C-2024-09")
        let proposed = try Self.process(in: .conversionProposed)
        #expect(refusal(proposed) { try $0.received(.adopt, at: day("2024-10-09"), by: ProtocolActor(role: .deputy)) }?.rule == .leadDeputyRequired)
        let issued = try Self.process(in: .issued)
        let none = ReverseConversionProcess.Eligibility(wideImpact: false, publicAttention: false, typicalViolation: false, deservesAttention: false)
        #expect(refusal(issued) { try $0.received(.markCopyEligible(none), at: day("2024-10-09"), by: .procuratorate) }?.rule == .invalidArgument)
        #expect(try roundTrip(process) == process)
    }
}
