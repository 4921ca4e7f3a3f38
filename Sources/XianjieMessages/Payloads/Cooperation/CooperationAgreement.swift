import Foundation

/// 跨区域协作机制意见: the terms of a cross-region cooperation agreement between procuratorates (and
/// possibly congresses): a draft, or an amendment when `version` is above 1. It is in force once every
/// party has signed it (会签, DOMAIN.md §4 E).
package struct CooperationAgreement: MessagePayload {
    package static let messageType: MessageType = "xianjie.cooperationAgreement"
    package static let schemaName = "cooperation-agreement.v1"
    package static let delivery = DeliveryClass.durable

    /// Unique across the regions: signatures, transfers and shared information name it.
    package var agreementId: String
    /// 1 for the first draft; each amendment the next number.
    package var version: Int
    package var title: String
    /// At least two, each once.
    package var parties: [AgencyID]
    package var area: AgreementArea
    /// At least one.
    package var domains: [PublicInterestDomain]
    /// At least one.
    package var modules: [CooperationModule]
    /// 试行: agreed on trial.
    package var trial: Bool
    /// Days within which a transferred clue is acknowledged (签收), 1 to 365.
    package var acknowledgeWithinDays: Int
    /// Days within which the receiver reports what became of a transferred clue, 1 to 730.
    package var feedbackWithinDays: Int
    package var draftedAt: Date

    package init(
        agreementId: String, version: Int, title: String, parties: [AgencyID], area: AgreementArea,
        domains: [PublicInterestDomain], modules: [CooperationModule], trial: Bool, acknowledgeWithinDays: Int,
        feedbackWithinDays: Int, draftedAt: Date
    ) {
        self.agreementId = agreementId
        self.version = version
        self.title = title
        self.parties = parties
        self.area = area
        self.domains = domains
        self.modules = modules
        self.trial = trial
        self.acknowledgeWithinDays = acknowledgeWithinDays
        self.feedbackWithinDays = feedbackWithinDays
        self.draftedAt = draftedAt
    }
}
