import XianjieMessages

@testable import XianjieProtocols

/// Drives a clue transfer under the S101 agreement (DOMAIN.md §4 E) to each state: Manas found a
/// clue on Hutubi's section and transfers it there, to be acknowledged within 7 days and answered
/// within 30 (the agreement's days). ``unsent`` is the process before the transfer.
enum ClueTransferFixture {
    typealias Event = ClueTransferProcess.Event
    typealias State = ClueTransferProcess.State

    static let from = AgreementFixture.manas
    static let to = AgreementFixture.hutubi
    /// 昌吉州人民检察院: the common superior of both.
    static let superior: AgencyID = "changji.procuratorate"
    static let transferId = "XS-2024-001"
    static let date = day("2024-06-14")

    static let sender = AgreementFixture.party(from)
    static let receiver = AgreementFixture.party(to)

    static let send = Event.send(
        from: from, to: to, acknowledgeWithinDays: AgreementFixture.v1.acknowledgeWithinDays,
        feedbackWithinDays: AgreementFixture.v1.feedbackWithinDays)
    static let raise = Event.dispute(.raised, reason: "污染源位于玛纳斯县境内", commonSuperior: nil)
    static let refer = Event.dispute(.referredToCommonSuperior, reason: "协商未果", commonSuperior: superior)

    static var unsent: ClueTransferProcess {
        ClueTransferProcess(transferId: transferId, agreementId: AgreementFixture.agreementId)
    }

    /// The steps, in order, after the transfer: the receiver disputes its jurisdiction instead of
    /// acknowledging; the sender refers the dispute to the common superior.
    static func steps(to state: State) -> [(Event, ProtocolActor)] {
        switch state {
        case .sent: return []
        case .acknowledged: return [(.acknowledge(registeredAs: "呼检公线〔2024〕12号"), receiver)]
        case .disputed: return [(raise, receiver)]
        case .referredToCommonSuperior: return [(raise, receiver), (refer, sender)]
        case .closed: return [(.acknowledge(registeredAs: "呼检公线〔2024〕12号"), receiver), (.feedback(.filed), receiver)]
        }
    }

    static func process(in state: State) throws -> ClueTransferProcess {
        var transfer = unsent
        _ = try transfer.received(send, at: date, by: sender, rules: rules2024)
        for (event, actor) in steps(to: state) {
            _ = try transfer.received(event, at: date, by: actor, rules: rules2024)
        }
        return transfer
    }
}
