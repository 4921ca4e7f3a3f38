import XianjieMessages

@testable import XianjieProtocols

/// Drives a reverse conversion (DOMAIN.md §4 C) to each state along the normal path.
enum ConversionFixture {
    typealias Event = ReverseConversionProcess.Event
    typealias State = ReverseConversionProcess.State

    static let eligible = ReverseConversionProcess.Eligibility(
        wideImpact: true, publicAttention: true, typicalViolation: false, deservesAttention: true)
    static let leadDeputy = "D-07"

    /// The steps, in order, from `issued`; `notConverted` branches off at screening.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        let toScreening: [(Event, ProtocolActor)] = [
            (.markCopyEligible(eligible), .procuratorate), (.copyToCongress, .procuratorate), (.beginScreening, .congress),
        ]
        let converted: [(Event, ProtocolActor)] = [
            (.proposeConversion(recommendation: "river chief system"), .congress), (.adopt, .deputy(leadDeputy)),
            (.submit(suggestionId: "S-2024-101"), .deputy(leadDeputy)),
        ]
        switch state {
        case .issued: return []
        case .copyEligible: return Array(toScreening.prefix(1))
        case .copiedToCongress: return Array(toScreening.prefix(2))
        case .screening: return toScreening
        case .notConverted: return toScreening + [(.decideNotToConvert(reason: "local only"), .congress)]
        case .conversionProposed: return toScreening + converted.prefix(1)
        case .adoptedByDeputy: return toScreening + converted.prefix(2)
        case .submitted: return toScreening + converted
        }
    }

    static func process(in state: State) throws -> ReverseConversionProcess {
        var process = ReverseConversionProcess(caseId: "C-2024-09", documentNumber: "呼检行公建〔2024〕9号")
        for (event, actor) in steps(to: state) {
            _ = try process.received(event, at: day("2024-10-08"), by: actor)
        }
        return process
    }
}
