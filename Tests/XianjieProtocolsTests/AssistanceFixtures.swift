import XianjieMessages

@testable import XianjieProtocols

/// Drives an entrusted evidence request under the S101 agreement (委托调查取证, DOMAIN.md §4 E) to
/// each state: Hutubi asks Manas to take water samples by 2024-06-28. ``unrequested`` is the
/// process before the request.
enum AssistanceFixture {
    typealias Event = AssistanceProcess.Event
    typealias State = AssistanceProcess.State

    static let from = AgreementFixture.hutubi
    static let to = AgreementFixture.manas
    static let requestId = "WT-2024-003"
    static let date = day("2024-06-14")
    static let dueBy = day("2024-06-28")

    static let requester = AgreementFixture.party(from)
    static let asked = AgreementFixture.party(to)
    static let request = Event.request(from: from, to: to, dueBy: dueBy)

    static var unrequested: AssistanceProcess {
        AssistanceProcess(requestId: requestId, agreementId: AgreementFixture.agreementId)
    }

    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        switch state {
        case .requested: return [(request, requester)]
        case .answered: return [(request, requester), (.answer, asked)]
        }
    }

    static func process(in state: State) throws -> AssistanceProcess {
        var request = unrequested
        for (event, actor) in steps(to: state) {
            _ = try request.received(event, at: date, by: actor, rules: rules2024)
        }
        return request
    }
}
