import Foundation
import XianjieMessages
import XianjieProtocols

/// 跨区域协作 (DOMAIN.md §4 E): what the coordinator tells about its agreements.
extension CoordinatorEngine {
    /// `xianjie agreement list|show`.
    func agreementReport(_ wire: WireMessage, identity: Data, into turn: inout Turn) {
        guard let query = try? wire.payload(AgreementQuery.self) else { return }
        let header = wire.header
        turn.afterCommit.append { [self] _ in
            send(agreementReport(agreementId: query.agreementId), to: header.source, identity: identity, correlationid: header.id)
        }
    }

    func agreementReport(agreementId: String?) -> AgreementReport {
        var transfers: [String: [String]] = [:]
        for record in workflow.records.values {
            if case .clueTransfer(let transfer) = record.process {
                transfers[transfer.agreementId, default: []].append(transfer.transferId)
            }
        }
        let agreements = workflow.records.values.compactMap { record -> AgreementProcess? in
            guard case .agreement(let agreement) = record.process else { return nil }
            return agreementId == nil || agreement.agreementId == agreementId ? agreement : nil
        }
        return AgreementReport(
            today: today,
            agreements: agreements.sorted { $0.agreementId < $1.agreementId }.map { a in
                AgreementReport.Agreement(
                    agreementId: a.agreementId, version: a.terms.version, title: a.terms.title, state: a.state.rawValue,
                    parties: a.terms.parties, signedBy: a.signedBy.sorted(), area: a.terms.area, domains: a.terms.domains,
                    modules: a.terms.modules, trial: a.terms.trial, acknowledgeWithinDays: a.terms.acknowledgeWithinDays,
                    feedbackWithinDays: a.terms.feedbackWithinDays, transfers: (transfers[a.agreementId] ?? []).sorted())
            })
    }
}
